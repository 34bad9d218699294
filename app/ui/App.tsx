import { LazyMotion, MotionConfig } from 'motion/react';
import {
  lazy,
  Suspense,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ComponentType,
  type ReactNode,
} from 'react';
import {
  selectDockerfile,
  selectSaveProblem,
  useLabStore,
  useLabStoreApi,
} from '../store/index.ts';
import { EditorBridge, EditorBridgeContext } from './editor/bridge.ts';
import { takeEarlyEditor } from './editor/early.ts';
import { editorModule } from './editor/load.ts';
import { EditorStatus } from './EditorStatus.tsx';
import { BuildBar } from './lab/BuildBar.tsx';
import { StarterPicker } from './lab/StarterPicker.tsx';
import { ViewMenu } from './lab/ViewMenu.tsx';
import { usePrefs } from './prefs.ts';
import { usePresent } from './present/mode.ts';
import { ContextFileEditor, FileTabs } from './lab/ContextFiles.tsx';
import { FilesystemPanel } from './lab/FilesystemPanel.tsx';
import { LayerStack } from './lab/LayerStack.tsx';
import { PageDrop } from './lab/PageDrop.tsx';
import { CourseButton, LessonBuilder, LessonLinks, LessonPane } from './lessons/index.ts';
import { Timeline } from './lab/Timeline.tsx';
import { Panel } from './Panel.tsx';
import { HeaderTools } from './share/HeaderTools.tsx';
import { PanelErrorBoundary } from './PanelErrorBoundary.tsx';
import { afterStartup, deferredImport } from './deferred.ts';
import { strings } from './strings.ts';
import { TerminalDock } from './terminal/TerminalDock.tsx';

// CodeMirror is most of the page's JavaScript: it loads in its own chunk, in parallel with the
// first paint, which shows the text as it will look until the editor takes over.
// `editorModule` is a thenable, not a Promise: it resolves at once when the chunk is loaded.
const DockerfileEditor = lazy(editorModule as () => Promise<{ default: ComponentType }>);

// Animations start once the page has started; until then layers appear without motion.
const loadMotionFeatures = deferredImport(() =>
  import('./motionFeatures.ts').then((m) => m.default),
);

// The inspector tabs behind Filesystem are not on the first screen: their chunks are fetched
// once the page has started, so they are there by the time a tab is chosen.
const CachePanel = lazy(
  deferredImport(() => import('./lab/CachePanel.tsx').then((m) => ({ default: m.CachePanel }))),
);
const ContainerPanel = lazy(
  deferredImport(() =>
    import('./lab/ContainerPanel.tsx').then((m) => ({ default: m.ContainerPanel })),
  ),
);
const ImagesPanel = lazy(
  deferredImport(() => import('./lab/ImagesPanel.tsx').then((m) => ({ default: m.ImagesPanel }))),
);
// The union filesystem picture: its own chunk, also the main view while presenting.
const UnionPanel = lazy(deferredImport(() => import('./union/UnionPanel.tsx')));
// Started at once (not on first render of a tab), so the chunks load in the background.
void afterStartup().then(() => {
  void import('./lab/CachePanel.tsx');
  void import('./lab/ContainerPanel.tsx');
  void import('./lab/ImagesPanel.tsx');
  void import('./union/UnionPanel.tsx');
});

/**
 * Renders its children one frame after the page first paints, so the editor (in the same
 * render) takes input sooner; the panels' frames are already in place, so nothing moves.
 */
function AfterFirstPaint({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setReady(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
  return ready ? children : null;
}

/**
 * The Dockerfile until the editor's chunk is here: plain text the learner can already type
 * into (every key goes to the store), handing the caret to the editor when it takes over.
 */
function EditorPlaceholder() {
  const text = useLabStore(selectDockerfile);
  const setText = useLabStore((s) => s.setDockerfile);
  const bridge = useContext(EditorBridgeContext);
  const ref = useRef<HTMLTextAreaElement>(null);
  // Typing that began in the page's early text area carries on here.
  useLayoutEffect(
    () =>
      bridge?.showPlaceholder((offset) => {
        const el = ref.current;
        if (!el) return;
        el.focus();
        el.setSelectionRange(offset, offset);
      }),
    [bridge],
  );
  useEffect(
    () => () => {
      const el = ref.current;
      if (el && document.activeElement === el) bridge?.handOver(el.selectionStart);
    },
    [bridge],
  );
  return (
    <textarea
      ref={ref}
      className="editor-placeholder"
      aria-label={strings.editor.placeholderLabel}
      value={text}
      spellCheck={false}
      onChange={(e) => setText(e.target.value)}
    />
  );
}

function Notices() {
  const problem = useLabStore(selectSaveProblem);
  const otherTab = useLabStore((s) => s.otherTabNotice);
  const dismiss = useLabStore((s) => s.dismissOtherTabNotice);
  return (
    <>
      {problem && (
        <p className="save-warning" role="status" data-testid="app.save-warning">
          <span aria-hidden="true">! </span>
          {strings.save[problem]}
        </p>
      )}
      {otherTab && (
        <p className="save-warning" role="status" data-testid="app.other-tab">
          <span aria-hidden="true">! </span>
          {strings.save.otherTab}{' '}
          <button type="button" className="button" onClick={dismiss}>
            {strings.save.dismiss}
          </button>
        </p>
      )}
    </>
  );
}

function Workspace() {
  const open = useLabStore((s) => s.openFile);
  const isDockerfile = open === 'Dockerfile';
  return (
    <div className="editor-column">
      <FileTabs />
      {/* The Dockerfile editor stays mounted (its undo history too) while a context file is open. */}
      <div className="editor-column" hidden={!isDockerfile}>
        <Suspense fallback={<EditorPlaceholder />}>
          <DockerfileEditor />
        </Suspense>
        {/* Its own boundary: a crash there must not take the editor (and the text) away. */}
        <PanelErrorBoundary panel={strings.editor.problemsLabel}>
          <EditorStatus />
        </PanelErrorBoundary>
      </div>
      {!isDockerfile && <ContextFileEditor path={open} />}
    </div>
  );
}

type Inspector = 'fs' | 'union' | 'cache' | 'container' | 'images';
/** `short`: the label shown where the tab strip is narrow; the tab's name stays `title`. */
const INSPECTORS: { id: Inspector; title: string; short: string | undefined }[] = (
  [
    { id: 'fs', title: strings.fs.heading },
    { id: 'union', title: strings.union.heading },
    { id: 'cache', title: strings.cache.heading },
    { id: 'container', title: strings.container.heading },
    { id: 'images', title: strings.images.heading },
  ] as const
).map((i) => ({ ...i, short: strings.inspectorShort[i.id] }));

function InspectorPanels() {
  const presenting = usePresent().on;
  const [tab, setTab] = useState<Inspector>(presenting ? 'union' : 'fs');
  // Presenting makes the picture the main view; the presenter can still choose another tab.
  useEffect(() => {
    if (presenting) setTab('union');
  }, [presenting]);
  const title = INSPECTORS.find((i) => i.id === tab)!.title;
  return (
    <div className="inspector">
      <div role="tablist" aria-label={strings.inspectorLabel} className="tabs inspector-tabs">
        {INSPECTORS.map((i) => (
          <button
            key={i.id}
            type="button"
            role="tab"
            id={`tab-${i.id}`}
            aria-selected={tab === i.id}
            className={tab === i.id ? 'tab on' : 'tab'}
            onClick={() => setTab(i.id)}
            {...(i.short ? { 'aria-label': i.title, title: i.title } : {})}
          >
            {i.short ? (
              <>
                <span className="tab-long">{i.title}</span>
                <span className="tab-short" aria-hidden="true">
                  {i.short}
                </span>
              </>
            ) : (
              i.title
            )}
          </button>
        ))}
      </div>
      <Panel
        title={title}
        testId={`panel.${tab}`}
        className="panel-inspector"
        focusableBody={tab === 'cache'}
        headingHidden
      >
        {tab === 'fs' && <FilesystemPanel />}
        <Suspense fallback={<p className="hint">{strings.loading}</p>}>
          {tab === 'cache' && <CachePanel />}
          {tab === 'container' && <ContainerPanel />}
          {tab === 'images' && <ImagesPanel />}
          {tab === 'union' && <UnionPanel />}
        </Suspense>
      </Panel>
    </div>
  );
}

/**
 * One lab: header with the build controls, then the workspace and terminal, the layer stack
 * with its timeline, and the inspectors (filesystem, cache, containers, images). Needs a
 * `LabStoreProvider` above it; everything else it sets up itself, so several labs can share a page.
 */
export function App() {
  const [bridge] = useState(() => new EditorBridge());
  const [prefs, setPrefs] = usePrefs();
  const store = useLabStoreApi();
  // The app has replaced the page's early text area: typing carries on in the editor.
  useLayoutEffect(() => takeEarlyEditor()?.handOver(bridge), [bridge]);
  // Once the page has started, the engine's worker starts and loads what the lab's build
  // needs, so the first click on Build waits for the build alone.
  useEffect(() => {
    void afterStartup().then(() => {
      // The full page has warmed up already, as it started.
      if (store.getState().engineWarmth === 'cold') store.getState().warmUp();
    });
  }, [store]);
  return (
    <MotionConfig reducedMotion={prefs.reduceMotion ? 'always' : 'user'}>
      <LazyMotion features={loadMotionFeatures} strict>
        <EditorBridgeContext.Provider value={bridge}>
          <div className="app">
            <header className="app-header">
              <div className="app-title">
                <h1>{strings.productName}</h1>
                <p className="tagline">{strings.tagline}</p>
              </div>
              <CourseButton />
              <BuildBar />
              <StarterPicker />
              <HeaderTools />
              <ViewMenu prefs={prefs} setPrefs={setPrefs} />
              <Notices />
            </header>
            <main className="lab">
              <LessonLinks />
              <LessonPane />
              <LessonBuilder />
              <div className="lab-col lab-work">
                <Panel
                  title={strings.editor.heading}
                  testId="panel.editor"
                  className="panel-editor"
                >
                  <Workspace />
                </Panel>
              </div>
              <div className="lab-col lab-layers">
                <Panel
                  title={strings.layers.heading}
                  testId="panel.layers"
                  className="panel-layers"
                >
                  <AfterFirstPaint>
                    <Timeline />
                    <LayerStack />
                  </AfterFirstPaint>
                </Panel>
              </div>
              <div className="lab-col lab-inspect">
                <AfterFirstPaint>
                  <InspectorPanels />
                </AfterFirstPaint>
              </div>
              <TerminalDock />
            </main>
            <PageDrop />
          </div>
        </EditorBridgeContext.Provider>
      </LazyMotion>
    </MotionConfig>
  );
}
