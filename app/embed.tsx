/**
 * The embed page (embed.html): a compact lab for tutorial pages, one store per iframe, kept in
 * memory only. Its settings and lab come from the address; the page around it drives it with
 * postMessage (see app/share/embed-protocol.ts).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createLabStore, LabStoreProvider } from './store/index.ts';
import { afterStartup } from './ui/deferred.ts';
import { connectEmbed } from './ui/embed/bridge.ts';
import { EmbedApp } from './ui/embed/EmbedApp.tsx';
import { embedParams } from './ui/embed/params.ts';
import { startLab } from './ui/share/labState.ts';
import { strings } from './ui/strings.ts';
import './ui/theme.css';
import './ui/app.css';
import './ui/lab.css';
import './ui/embed/embed.css';

const params = embedParams(window.location);
const notices: string[] = [];
// The link decoder (and its inflate code) is loaded only for an embed that has a lab in its address.
const fromUrl = params.hasLab
  ? (await import('./ui/share/fromUrl.ts')).labFromLocation(window.location)
  : undefined;
if (fromUrl?.kind === 'error') notices.push(strings.embed.labProblem(fromUrl.message));
if (params.unknown.length > 0) notices.push(strings.embed.unknownPanel(params.unknown));

const lab = fromUrl?.kind === 'lab' ? fromUrl.lab : undefined;
const store = createLabStore({ storageKey: null, ...(lab ? { initialLab: lab } : {}) });
if (params.readonly) document.documentElement.dataset.readonly = 'true';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <LabStoreProvider store={store}>
        <EmbedApp panels={params.panels} readonly={params.readonly} notices={notices} />
      </LabStoreProvider>
    </StrictMode>,
  );
}

// Events go to the page around the iframe; a page opened on its own talks to nobody.
if (window.parent !== window) {
  connectEmbed(store, {
    target: window.parent,
    origins: params.origins,
    source: window,
    autoplay: params.autoplay,
    onIgnored: (reason) => console.warn(`Layerlab embed ignored a message: ${reason}.`),
  });
}
// The panels paint first; the engine's worker starts and builds once the embed has painted,
// so its code never delays the first paint. A build clicked or sent before then is left alone.
void afterStartup().then(() =>
  startLab(store, labFromStore(), { at: params.autoplay ? 'play' : 'start' }),
);

function labFromStore() {
  const s = store.getState();
  return (
    lab ?? {
      dockerfile: s.dockerfile,
      files: s.files,
      builder: s.builder,
      noCache: s.noCache,
      buildArgs: s.buildArgs,
      tag: s.tag,
    }
  );
}
