import { useMemo } from 'react';
import type { CacheKeyParts } from '../../engine/build/events.ts';
import { useLabStore, buildProgress, type StepProgress } from '../../store/index.ts';
import { shortId } from '../format.ts';
import { strings } from '../strings.ts';
import { useProgress, useViewedStep } from './useProgress.ts';

const t = strings.cache;

interface Row {
  part: string;
  before: string | undefined;
  now: string | undefined;
}

/** The parts of two cache keys side by side; `changed` rows first. */
function compare(before: CacheKeyParts | undefined, now: CacheKeyParts): Row[] {
  const rows: Row[] = [
    { part: t.parent, before: before && short(before.parent), now: short(now.parent) },
    { part: t.instruction, before: before?.instruction, now: now.instruction },
  ];
  const files = new Map<string, { before?: string; now?: string }>();
  for (const f of before?.files ?? []) files.set(f.path, { before: f.checksum });
  for (const f of now.files ?? []) files.set(f.path, { ...files.get(f.path), now: f.checksum });
  for (const [path, v] of files)
    rows.push({
      part: t.file(path),
      before: v.before && short(v.before),
      now: v.now && short(v.now),
    });
  const args = new Set([...Object.keys(before?.args ?? {}), ...Object.keys(now.args ?? {})]);
  for (const a of args)
    rows.push({ part: t.arg(a), before: before?.args?.[a], now: now.args?.[a] });
  const env = [before?.env?.join(' '), now.env?.join(' ')];
  if (env[0] || env[1]) rows.push({ part: t.env, before: env[0], now: env[1] });
  return rows;
}

function short(digest: string | undefined): string | undefined {
  return digest === undefined ? undefined : digest.startsWith('sha256:') ? shortId(digest) : digest;
}

function usePreviousStep(step: StepProgress | undefined): StepProgress | undefined {
  const builds = useLabStore((s) => s.builds);
  const shown = useLabStore((s) => s.shownBuild);
  return useMemo(() => {
    if (!step || shown === undefined || shown === 0) return undefined;
    const prev = builds[shown - 1];
    if (!prev) return undefined;
    const p = buildProgress(prev.view, prev.view.events.length);
    return (
      p.steps.find(
        (s) => s.info.index === step.info.index && s.info.keyword === step.info.keyword,
      ) ?? p.steps.find((s) => s.info.text === step.info.text)
    );
  }, [builds, shown, step]);
}

/** What the selected step's cache key is made of and, on a miss, what changed since last time. */
export function CachePanel() {
  const progress = useProgress();
  const index = useViewedStep(progress);
  const step = index === undefined ? undefined : progress?.steps[index];
  const previous = usePreviousStep(step);
  if (!progress) return <p className="empty">{t.noBuild}</p>;
  if (!step) return <p className="empty">{t.chooseStep}</p>;
  const cache = step.cache;
  return (
    <div className="cache" data-testid="cache.step">
      <h3 className="cache-title">
        {t.stepTitle(step.info.index + 1, progress.steps.length)}{' '}
        <code className="cache-instruction">{step.info.text}</code>
      </h3>
      {!cache ? (
        <p>
          {step.info.kind === 'metadata'
            ? t.metadata
            : step.info.kind === 'base'
              ? t.base
              : t.notYet}
        </p>
      ) : (
        <>
          <p className={cache.hit ? 'cache-verdict hit' : 'cache-verdict miss'}>
            <span aria-hidden="true">{cache.hit ? '✓ ' : '● '}</span>
            {cache.hit ? t.hit : t.miss(cache.reason.text)}
          </p>
          {!cache.hit && cache.reason.files && cache.reason.files.length > 0 && (
            <ul className="cache-files">
              {cache.reason.files.map((f) => (
                <li key={f.path}>
                  <code>{f.path}</code> {t.fileChange[f.change]}
                </li>
              ))}
            </ul>
          )}
          <table className="cache-key">
            <caption>{t.keyCaption(short(cache.key.key) ?? '')}</caption>
            <thead>
              <tr>
                <th scope="col">{t.part}</th>
                <th scope="col">{previous ? t.lastBuild : ''}</th>
                <th scope="col">{t.thisBuild}</th>
              </tr>
            </thead>
            <tbody>
              {compare(previous?.cache?.key, cache.key).map((r) => {
                const changed = previous !== undefined && r.before !== r.now;
                return (
                  <tr key={r.part} className={changed ? 'changed' : undefined}>
                    <th scope="row">
                      {changed && <span aria-hidden="true">≠ </span>}
                      {r.part}
                      {changed && <span className="visually-hidden"> ({t.changed})</span>}
                    </th>
                    <td>
                      <code>{previous ? (r.before ?? t.absent) : ''}</code>
                    </td>
                    <td>
                      <code>{r.now ?? t.absent}</code>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="hint">{t.explain}</p>
        </>
      )}
    </div>
  );
}
