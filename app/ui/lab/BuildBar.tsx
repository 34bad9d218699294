import { useEffect, useId, useState } from 'react';
import type { ImageStoreKind } from '../../engine/images/stores.ts';
import { buildCommand, buildFlags, useLabStore, useLabStoreApi } from '../../store/index.ts';
import { strings } from '../strings.ts';
import { Popover } from './Popover.tsx';

const t = strings.build;

/** "NAME=value NAME2=value" as typed, into pairs (a value may be empty). */
function parseArgs(text: string): { name: string; value: string }[] {
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0
        ? { name: pair, value: '' }
        : { name: pair.slice(0, eq), value: pair.slice(eq + 1) };
    });
}

function BuildProgressNote() {
  const status = useLabStore((s) => s.status);
  const cancel = useLabStore((s) => s.cancelBuild);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (status.kind !== 'building') return;
    const id = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(id);
  }, [status.kind]);
  if (status.kind === 'failed')
    return (
      <p className="build-note build-note-failed" role="alert">
        <span aria-hidden="true">✕ </span>
        {status.message}
      </p>
    );
  // Quick builds show nothing; anything over 200 ms says it is working and can be stopped.
  if (status.kind !== 'building' || now - status.since < 200) return null;
  return (
    <p className="build-note" role="status">
      <span className="spinner" aria-hidden="true" />
      {t.working((now - status.since) / 1000)}
      <button type="button" className="button" onClick={cancel}>
        {t.cancel}
      </button>
    </p>
  );
}

const formatArgs = (args: readonly { name: string; value: string }[]): string =>
  args.map((a) => `${a.name}=${a.value}`).join(' ');

/** Build button, builder choice, --no-cache, tag and build args; Ctrl/Cmd+Enter builds. */
export function BuildBar() {
  const store = useLabStoreApi();
  const builder = useLabStore((s) => s.builder);
  const imageStore = useLabStore((s) => s.imageStore);
  const noCache = useLabStore((s) => s.noCache);
  const tag = useLabStore((s) => s.tag);
  const buildArgs = useLabStore((s) => s.buildArgs);
  const building = useLabStore((s) => s.status.kind === 'building');
  // The number of the newest build the lab knows (tests and benchmarks wait on it).
  const lastBuild = useLabStore((s) => s.builds.at(-1)?.number ?? 0);
  // Whether the engine has got ready for the workspace's build (benchmarks click once it has).
  const warmth = useLabStore((s) => s.engineWarmth);
  const [argsText, setArgsText] = useState(() => formatArgs(buildArgs));
  // Args set elsewhere (an imported lab, a share link, a lesson) replace the field's text;
  // the learner's own typing, half-finished pairs included, is left as typed.
  const [seenArgs, setSeenArgs] = useState(buildArgs);
  if (seenArgs !== buildArgs) {
    setSeenArgs(buildArgs);
    if (formatArgs(parseArgs(argsText)) !== formatArgs(buildArgs))
      setArgsText(formatArgs(buildArgs));
  }
  const ids = {
    builder: useId(),
    store: useId(),
    storeNote: useId(),
    tag: useId(),
    args: useId(),
    noCache: useId(),
  };

  useEffect(() => {
    // Capture phase: the editor would otherwise take Ctrl+Enter for itself.
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey) {
        e.preventDefault();
        e.stopPropagation();
        void store.getState().build();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [store]);

  const flags = buildFlags({ builder, noCache, tag, buildArgs });
  return (
    <div className="build-bar" role="group" aria-label={t.controls}>
      <button
        type="button"
        className="button button-primary"
        onClick={() => void store.getState().build()}
        disabled={building}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        title={t.buildTitle}
        data-testid="build.run"
        data-build-number={lastBuild}
        data-engine={warmth}
        aria-busy={building}
      >
        <span aria-hidden="true">▶ </span>
        {t.build}
      </button>
      <Popover
        label={t.options}
        summary={
          <>
            {builder === 'classic' && <span className="build-options-builder">{t.classic}</span>}
            {imageStore === 'overlay2' && (
              <span className="build-options-builder">{t.overlay2Badge}</span>
            )}
            <code>{flags || t.noOptions}</code>
          </>
        }
        title={t.optionsTitle(buildCommand({ builder, noCache, tag, buildArgs }))}
        testId="build.options"
      >
        <label className="field" htmlFor={ids.builder}>
          <span>{t.builder}</span>
          <select
            id={ids.builder}
            value={builder}
            onChange={(e) => store.getState().setBuilder(e.target.value as 'buildkit' | 'classic')}
          >
            <option value="buildkit">{t.buildkit}</option>
            <option value="classic">{t.classic}</option>
          </select>
        </label>
        <label className="field" htmlFor={ids.store}>
          <span>{t.imageStore}</span>
          <select
            id={ids.store}
            value={imageStore}
            disabled={building}
            aria-describedby={ids.storeNote}
            onChange={(e) => void store.getState().setImageStore(e.target.value as ImageStoreKind)}
          >
            <option value="containerd">{t.storeNames.containerd}</option>
            <option value="overlay2">{t.storeNames.overlay2}</option>
          </select>
        </label>
        <p className="field-note" id={ids.storeNote}>
          {t.storeNote}
        </p>
        <label className="field field-check" htmlFor={ids.noCache}>
          <input
            id={ids.noCache}
            type="checkbox"
            checked={noCache}
            onChange={(e) => store.getState().setNoCache(e.target.checked)}
          />
          <span>--no-cache</span>
        </label>
        <label className="field" htmlFor={ids.tag}>
          <span>-t</span>
          <input
            id={ids.tag}
            className="input-tag"
            value={tag}
            spellCheck={false}
            onChange={(e) => store.getState().setTag(e.target.value)}
            aria-label={t.tag}
          />
        </label>
        <label className="field" htmlFor={ids.args}>
          <span>--build-arg</span>
          <input
            id={ids.args}
            className="input-args"
            value={argsText}
            placeholder="NAME=value"
            spellCheck={false}
            onChange={(e) => {
              setArgsText(e.target.value);
              store.getState().setBuildArgs(parseArgs(e.target.value));
            }}
            aria-label={t.args}
          />
        </label>
      </Popover>
      <BuildProgressNote />
    </div>
  );
}
