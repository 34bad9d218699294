/**
 * The build cache: what a step's key is made of, the results stored under each key, and the
 * words that explain a miss by comparing with what the same step was made of last time.
 * It lives across the builds of a session, so reverting a change hits the old entries again.
 */
import { sha256Hex } from '../fs/hash.ts';
import type { Layer } from '../fs/index.ts';
import type { RunConfig } from '../fs/index.ts';
import type { CacheKeyParts, MissReason } from './events.ts';

export interface CacheEntry {
  /** The step's layer, or undefined when it changed no file (an empty layer). */
  layer: Layer | undefined;
  /** Classic builder: the intermediate image made by the step and its config. */
  imageId: string | undefined;
  config: RunConfig | undefined;
  createdBy: string;
  /** RUN output, replayed for nobody (a cached step prints nothing) but kept for the UI. */
  output: string;
}

export function makeKey(parts: Omit<CacheKeyParts, 'key'>): CacheKeyParts {
  const text = JSON.stringify([
    parts.parent,
    parts.instruction,
    parts.files,
    parts.args,
    parts.env,
  ]);
  return { key: `sha256:${sha256Hex(text)}`, ...parts };
}

export class BuildCache {
  private readonly entries = new Map<string, CacheEntry>();
  /** What each step position was made of in the previous build, for miss explanations. */
  private readonly previous = new Map<string, CacheKeyParts>();

  get(key: string): CacheEntry | undefined {
    return this.entries.get(key);
  }

  set(key: string, entry: CacheEntry): void {
    this.entries.set(key, entry);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Remember what a position's key was made of; returns what it was before. */
  remember(position: string, parts: CacheKeyParts): CacheKeyParts | undefined {
    const before = this.previous.get(position);
    this.previous.set(position, parts);
    return before;
  }

  lastParts(position: string): CacheKeyParts | undefined {
    return this.previous.get(position);
  }

  entriesList(): [string, CacheEntry][] {
    return [...this.entries];
  }

  previousList(): [string, CacheKeyParts][] {
    return [...this.previous];
  }

  /** Forget one entry (a prune that keeps what images still use). */
  delete(key: string): void {
    this.entries.delete(key);
  }

  /** `docker builder prune -a`: forget everything. */
  clear(): void {
    this.entries.clear();
    this.previous.clear();
  }
}

function changedFiles(before: CacheKeyParts, now: CacheKeyParts): MissReason['files'] {
  const was = new Map((before.files ?? []).map((f) => [f.path, f.checksum]));
  const is = new Map((now.files ?? []).map((f) => [f.path, f.checksum]));
  const files: NonNullable<MissReason['files']> = [];
  for (const [path, sum] of is) {
    const old = was.get(path);
    if (old === undefined) files.push({ path, change: 'added' });
    else if (old !== sum) files.push({ path, change: describeChange(old, sum) });
  }
  for (const path of was.keys()) if (!is.has(path)) files.push({ path, change: 'removed' });
  return files;
}

/** Checksums are `content|mode|owner|type` tuples so a miss can say which part changed. */
function describeChange(old: string, now: string): 'content' | 'mode' | 'owner' | 'type' {
  const [c1, m1, o1] = old.split('|');
  const [c2, m2, o2] = now.split('|');
  if (c1 !== c2) return 'content';
  if (m1 !== m2) return 'mode';
  if (o1 !== o2) return 'owner';
  return 'type';
}

const WORDS: Record<string, string> = {
  added: 'is new',
  removed: 'is gone',
  content: 'changed (content)',
  mode: 'changed (permissions)',
  owner: 'changed (owner)',
  type: 'changed (file type)',
};

function diffRecord(
  before: Record<string, string> | undefined,
  now: Record<string, string> | undefined,
) {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(now ?? {})]);
  return [...keys]
    .filter((k) => before?.[k] !== now?.[k])
    .map((k) => ({ k, was: before?.[k], is: now?.[k] }));
}

/**
 * Why a step missed the cache, in words a learner reads.
 * @example explainMiss({ noCache: false, parentRebuilt: true, ... }) // { kind: 'parent-rebuilt', ... }
 */
export function explainMiss(opts: {
  noCache: boolean;
  parentRebuilt: boolean;
  before: CacheKeyParts | undefined;
  now: CacheKeyParts;
}): MissReason {
  const { before, now } = opts;
  if (opts.noCache) return { kind: 'no-cache', text: '--no-cache: every step runs again' };
  if (opts.parentRebuilt) {
    return {
      kind: 'parent-rebuilt',
      text: 'the step before it was rebuilt, and a cache key includes its parent',
    };
  }
  if (!before)
    return {
      kind: 'first-build',
      text: 'not in the cache yet: this step has not been built before',
    };
  if (before.instruction !== now.instruction) {
    return {
      kind: 'instruction-changed',
      text: `the instruction changed (was: ${before.instruction})`,
    };
  }
  const files = changedFiles(before, now) ?? [];
  if (files.length) {
    const shown = files.slice(0, 3).map((f) => `${f.path} ${WORDS[f.change]}`);
    const more = files.length > 3 ? ` and ${files.length - 3} more` : '';
    return { kind: 'files-changed', text: `${shown.join(', ')}${more}`, files };
  }
  const args = diffRecord(before.args, now.args);
  if (args.length) {
    const a = args[0]!;
    return {
      kind: 'arg-changed',
      text: `build arg ${a.k} changed (${a.was ?? 'unset'} → ${a.is ?? 'unset'})`,
    };
  }
  const envBefore = Object.fromEntries(
    (before.env ?? []).map((e) => e.split(/=(.*)/s).slice(0, 2) as [string, string]),
  );
  const envNow = Object.fromEntries(
    (now.env ?? []).map((e) => e.split(/=(.*)/s).slice(0, 2) as [string, string]),
  );
  const env = diffRecord(envBefore, envNow);
  if (env.length) {
    const e = env[0]!;
    return {
      kind: 'env-changed',
      text: `ENV ${e.k} changed (${e.was ?? 'unset'} → ${e.is ?? 'unset'}), and this step sees the environment`,
    };
  }
  if (before.parent !== now.parent)
    return { kind: 'base-changed', text: 'the image below this step changed' };
  return { kind: 'first-build', text: 'not in the cache (it was pruned or never stored)' };
}
