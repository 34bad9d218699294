import { LazyMotion, MotionConfig } from 'motion/react';
import {
  lazy,
  Suspense,
  useEffect,
  useRef,
  useState,
  type ComponentType,
  type ReactNode,
} from 'react';
import { useLabStore, useLabStoreApi } from '../../store/index.ts';
import { EditorBridge, EditorBridgeContext, useEditorBridge } from '../editor/bridge.ts';
import { stepLinesOf } from '../lab/stepLines.ts';
import { LayerStack } from '../lab/LayerStack.tsx';
import { Timeline } from '../lab/Timeline.tsx';
import { Panel } from '../Panel.tsx';
import { labFromState } from '../share/labState.ts';
import { deferredImport } from '../deferred.ts';
import { strings } from '../strings.ts';
import type { PanelName } from './params.ts';

const t = strings.embed;

// Only what the embed was asked for is loaded, and only the layer stack is in the first
// chunk: the editor (CodeMirror) and the terminal (xterm.js) are big, the other panels are
// their own small chunks, all fetched after the first paint.
const DockerfileEditor = lazy(() =>
  import('../editor/load.ts').then((m) => m.preloadEditor()),
) as ComponentType;
const TerminalPanel = lazy(() =>
  import('../terminal/TerminalPanel.tsx').then((m) => ({ default: m.TerminalPanel })),
);
const FilesystemPanel = lazy(() =>
  import('../lab/FilesystemPanel.tsx').then((m) => ({ default: m.FilesystemPanel })),
);
const CachePanel = lazy(() =>
  import('../lab/CachePanel.tsx').then((m) => ({ default: m.CachePanel })),
);
const ImagesPanel = lazy(() =>
  import('../lab/ImagesPanel.tsx').then((m) => ({ default: m.ImagesPanel })),
);
const ContainerPanel = lazy(() =>
  import('../lab/ContainerPanel.tsx').then((m) => ({ default: m.ContainerPanel })),
);
const UnionPanel = lazy(() => import('../union/UnionPanel.tsx'));

// Animations start once the page has started; until then layers appear without motion.
const loadMotionFeatures = deferredImport(() =>
  import('../motionFeatures.ts').then((m) => m.default),
);

/**
 * The Dockerfile, read-only: the step the lab shows is marked, as the editor marks it, and
 * "line N" in the layer list scrolls to that line.
 */
function ReadonlyDockerfile() {
  const text = useLabStore((s) => s.dockerfile);
  // Two numbers, not an object: a selector must return the same value for the same state.
  const markedFrom = useLabStore((s) => stepLinesOf(s)?.from);
  const markedTo = useLabStore((s) => stepLinesOf(s)?.to);
  const bridge = useEditorBridge();
  const pre = useRef<HTMLPreElement>(null);
  const [asked, setAsked] = useState<number>();
  useEffect(() => {
    bridge.showLinesWith((line) => {
      setAsked(line);
      pre.current?.querySelector(`[data-line="${line}"]`)?.scrollIntoView({ block: 'nearest' });
    });
    return () => bridge.showLinesWith(null);
  }, [bridge]);
  const from = markedFrom ?? asked ?? 0;
  const to = markedTo ?? asked ?? 0;
  return (
    <pre ref={pre} className="embed-dockerfile" aria-label={t.readonlyLabel} tabIndex={0}>
      {text.split('\n').map((line, i) => (
        <span
          key={i}
          data-line={i + 1}
          {...(i + 1 >= from && i + 1 <= to
            ? { className: 'embed-step-line', 'data-testid': 'editor.step-line' }
            : {})}
        >
          {line}
          {'\n'}
        </span>
      ))}
    </pre>
  );
}

function Loading() {
  return <p className="hint">{t.loading}</p>;
}

const TITLES: Record<PanelName, string> = {
  layers: strings.layers.heading,
  fs: strings.fs.heading,
  cache: strings.cache.heading,
  editor: strings.editor.heading,
  terminal: strings.terminal.heading,
  images: strings.images.heading,
  container: strings.container.heading,
  union: strings.union.heading,
};

function panelBody(name: PanelName, readonly: boolean): ReactNode {
  switch (name) {
    case 'layers':
      return <LayerStack />;
    case 'fs':
      return <FilesystemPanel />;
    case 'editor':
      return readonly ? <ReadonlyDockerfile /> : <DockerfileEditor />;
    case 'terminal':
      return <TerminalPanel />;
    case 'cache':
      return <CachePanel />;
    case 'images':
      return <ImagesPanel />;
    case 'container':
      return <ContainerPanel />;
    case 'union':
      return <UnionPanel />;
  }
}

/** A link to the full lab with this embed's lab in it (opens in a new tab). */
function OpenFull() {
  const store = useLabStoreApi();
  const open = async () => {
    const { encodeLab } = await import('../../share/codec.ts');
    const r = encodeLab(labFromState(store.getState()));
    const url = new URL('/', window.location.href);
    if (r.ok) url.hash = r.fragment;
    window.open(url.toString(), '_blank', 'noopener');
  };
  return (
    <button type="button" className="button embed-open" onClick={() => void open()}>
      {t.openFull}
    </button>
  );
}

function BuildButton() {
  const store = useLabStoreApi();
  const building = useLabStore((s) => s.status.kind === 'building');
  const failed = useLabStore((s) => (s.status.kind === 'failed' ? s.status.message : undefined));
  return (
    <>
      <button
        type="button"
        className="button button-primary"
        onClick={() => void store.getState().build()}
        disabled={building}
        data-testid="embed.build"
      >
        {t.build}
      </button>
      {failed && (
        <p className="build-note build-note-failed" role="alert">
          {failed}
        </p>
      )}
    </>
  );
}

export interface EmbedAppProps {
  panels: PanelName[];
  readonly: boolean;
  /** Sentences to show above the panels (a lab that could not be opened, unknown panels). */
  notices: string[];
}

/** The compact lab of an embed: playback controls and the chosen panels, sized by the iframe. */
export function EmbedApp({ panels, readonly, notices }: EmbedAppProps) {
  const [bridge] = useState(() => new EditorBridge({ hasEditor: panels.includes('editor') }));
  return (
    <MotionConfig reducedMotion="user">
      <LazyMotion features={loadMotionFeatures} strict>
        <EditorBridgeContext.Provider value={bridge}>
          <div className="embed-app" data-panels={panels.join(' ')}>
            <div className="embed-bar">
              {!readonly && <BuildButton />}
              <Timeline />
              <OpenFull />
            </div>
            {notices.map((n) => (
              <p key={n} className="save-warning" role="alert" data-testid="embed.notice">
                <span aria-hidden="true">! </span>
                {n}
              </p>
            ))}
            {panels.length === 0 ? (
              <p className="hint" role="alert">
                {t.noPanels}
              </p>
            ) : (
              <main className="embed-panels" style={{ '--embed-cols': panels.length } as never}>
                {panels.map((name) => (
                  <Panel
                    key={name}
                    title={TITLES[name]}
                    testId={`panel.${name}`}
                    className={`embed-panel embed-panel-${name}`}
                  >
                    <Suspense fallback={<Loading />}>{panelBody(name, readonly)}</Suspense>
                  </Panel>
                ))}
              </main>
            )}
          </div>
        </EditorBridgeContext.Provider>
      </LazyMotion>
    </MotionConfig>
  );
}
