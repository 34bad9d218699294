import { PresentButtons, PresentSpotlight } from '../present/PresentControls.tsx';
import '../present/present.css';
import { ShareMenu, ShareNotice } from './ShareMenu.tsx';
import './share.css';

/** What the full page adds to the lab's header: Share, Present, and their notices. */
export function HeaderTools() {
  return (
    <>
      <div className="header-tools">
        <ShareMenu />
        <PresentButtons />
      </div>
      <ShareNotice />
      <PresentSpotlight />
    </>
  );
}
