/**
 * Normalisation shared by the recorder (real Docker) and the replay (Layerlab): both sides turn
 * what the docker CLI printed, and what `docker save` wrote, into the same comparable shape.
 * Dropped on purpose: IDs, digests, timestamps, durations, column padding.
 */
import { readTar } from '../fs/tar-read.ts';
import type { Builder } from './steps.ts';

export interface BuildStep {
  /** `[stage n/N] INSTRUCTION` (BuildKit) or `Step n/N : INSTRUCTION` (classic). */
  step: string;
  /** Whether the step came from the cache; null for FROM (nothing to run). */
  cached: boolean | null;
}

export interface HistoryEntry {
  created_by: string;
  empty_layer: boolean;
  /** Bytes, as `docker history --human=false` shows them. */
  size: number;
}

export interface ImageRecord {
  config: Record<string, unknown>;
  history: HistoryEntry[];
  /** The image's own layers (those above the base image), one line per tar entry. */
  layers: string[][];
}

export type StepResult =
  | { line: string; kind: 'edit' }
  | { line: string; kind: 'build'; exitCode: number; steps: BuildStep[]; error?: string }
  | { line: string; kind: 'command'; exitCode: number; stdout: string[]; stderr: string[] }
  | { line: string; kind: 'cat'; content: string[] }
  | { line: string; kind: 'image'; image?: ImageRecord; error?: string };

export interface Recording {
  scenario: string;
  builder: Builder;
  versions: { client: string; server: string };
  results: StepResult[];
}

/** Replace IDs, digests and relative times with placeholders; trim line ends and padding. */
export function scrub(text: string): string {
  return (
    text
      .replace(/sha256:[0-9a-f]{64}/g, '<digest>')
      // The classic builder names COPY sources by a hash of its own tar stream.
      .replace(/\b(file|dir|multi):[0-9a-f]{6,64}/g, '$1:<hash>')
      .replace(/\b[0-9a-f]{64}\b/g, '<id>')
      .replace(/\b[0-9a-f]{12}\b/g, '<id>')
      .replace(
        /\b(?:Less than a second|About (?:a|an) (?:minute|hour)|\d+ (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)) ago\b/g,
        '<ago>',
      )
      .replace(/\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)\b/g, '<time>')
  );
}

/** Lines of command output: scrubbed, column padding collapsed, empty trailing lines dropped. */
export function outputLines(text: string, sort = false): string[] {
  const lines = scrub(text)
    .split('\n')
    .map((l) => l.replace(/ {2,}|\t/g, '  ').trimEnd());
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return sort ? lines.sort() : lines;
}

/** Commands whose output order is not specified by Docker: compared as sorted lines. */
export function unordered(argv: readonly string[]): boolean {
  const [a, b] = argv;
  // `docker images` sorts by creation time, and images built in the same second tie.
  return (
    a === 'diff' ||
    a === 'images' ||
    (a === 'container' && b === 'diff') ||
    (a === 'image' && (b === 'ls' || b === 'list'))
  );
}

/** The last meaningful line of a failed build: docker's error sentence. */
function errorLine(text: string): string | undefined {
  const lines = scrub(text)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines[lines.length - 1];
}

const BK_VERTEX = /^#(\d+) \[([^\]]+)\] (.*)$/;
const BK_CACHED = /^#(\d+) CACHED\s*$/;

/** Steps of a BuildKit `--progress=plain` log, ordered by stage then step number. */
function buildkitSteps(log: string): BuildStep[] {
  const names = new Map<string, { stage: string; n: number; step: string }>();
  const cached = new Set<string>();
  for (const line of log.split('\n')) {
    const v = BK_VERTEX.exec(line);
    if (v) {
      const [, id, label, text] = v as unknown as [string, string, string, string];
      const m = /^(?:(\S+) )?(\d+)\/(\d+)$/.exec(label);
      if (!m || names.has(id)) continue;
      names.set(id, { stage: m[1] ?? '', n: Number(m[2]), step: `[${label}] ${text.trim()}` });
      continue;
    }
    const c = BK_CACHED.exec(line);
    if (c) cached.add(c[1]!);
  }
  return [...names.entries()]
    .sort(([, a], [, b]) => (a.stage === b.stage ? a.n - b.n : a.stage < b.stage ? -1 : 1))
    .map(([id, s]) => ({
      step: scrub(s.step),
      cached: / FROM /.test(` ${s.step.replace(/^\[[^\]]+\]/, '')}`) ? null : cached.has(id),
    }));
}

/** Steps of the classic builder's output (`Step n/N : ...`, ` ---> Using cache`). */
function classicSteps(log: string): BuildStep[] {
  const out: BuildStep[] = [];
  for (const line of log.split('\n')) {
    const m = /^Step (\d+\/\d+) : (.*)$/.exec(line);
    if (m) {
      const text = m[2]!.trim();
      out.push({
        step: scrub(`Step ${m[1]} : ${text}`),
        cached: /^FROM /i.test(text) ? null : false,
      });
    } else if (/^ ---> Using cache\s*$/.test(line) && out.length)
      out[out.length - 1]!.cached = true;
  }
  return out;
}

/** A `docker build` run as a comparable record. BuildKit logs to stderr, classic to stdout. */
export function buildResult(
  line: string,
  builder: Builder,
  r: { exitCode: number; stdout: string; stderr: string },
): StepResult {
  const steps =
    builder === 'buildkit' ? buildkitSteps(r.stderr) : classicSteps(`${r.stdout}\n${r.stderr}`);
  const result: StepResult = { line, kind: 'build', exitCode: r.exitCode, steps };
  if (r.exitCode !== 0) {
    const error = errorLine(r.stderr);
    if (error !== undefined) result.error = error;
  }
  return result;
}

/** A plain docker command as a comparable record. */
export function commandResult(
  line: string,
  argv: readonly string[],
  r: { exitCode: number; stdout: string; stderr: string },
): StepResult {
  const sort = unordered(argv);
  return {
    line,
    kind: 'command',
    exitCode: r.exitCode,
    stdout: outputLines(r.stdout, sort),
    stderr: outputLines(r.stderr, sort),
  };
}

const CONFIG_KEYS = [
  'Env',
  'Cmd',
  'Entrypoint',
  'WorkingDir',
  'User',
  'Labels',
  'ExposedPorts',
  'StopSignal',
];

function entryLine(e: ReturnType<typeof readTar>[number]): string {
  const name = e.name.replace(/^\.\//, '').replace(/\/$/, '');
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dir = name.slice(0, name.length - base.length);
  if (base === '.wh..wh..opq') return `opaque ${dir.replace(/\/$/, '')}`;
  if (base.startsWith('.wh.')) return `whiteout ${dir}${base.slice(4)}`;
  const mode = (e.mode & 0o7777).toString(8).padStart(4, '0');
  switch (e.type) {
    case 'dir':
      return `dir ${name}`;
    case 'file':
      return `file ${name} ${e.size} ${mode}`;
    case 'symlink':
      return `symlink ${name} -> ${e.linkname}`;
    case 'hardlink':
      return `hardlink ${name} -> ${e.linkname}`;
    default:
      return `other ${name}`;
  }
}

/**
 * An image from a `docker save` archive: config subset, history (sizes from `docker history`)
 * and the tar entries of its layers, without the base image's layers and history entries.
 */
export function imageRecord(
  archive: Uint8Array,
  base: { layers: number; history: number },
  historyText: string,
): ImageRecord {
  const files = new Map(readTar(archive).map((e) => [e.name.replace(/^\.\//, ''), e.data]));
  const text = (name: string) => {
    const data = files.get(name);
    if (!data) throw new Error(`docker save archive has no ${name}`);
    return new TextDecoder().decode(data);
  };
  const manifest = JSON.parse(text('manifest.json')) as { Config: string; Layers: string[] }[];
  const top = manifest[0]!;
  const config = JSON.parse(text(top.Config)) as {
    config?: Record<string, unknown>;
    history?: { created_by?: string; empty_layer?: boolean }[];
  };
  // docker history lists newest first; the config lists oldest first.
  const sizes = historyText
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => Number(l.trim()))
    .reverse();
  const history = (config.history ?? [])
    .map((h, i) => ({
      created_by: scrub(h.created_by ?? ''),
      empty_layer: h.empty_layer === true,
      size: sizes[i] ?? -1,
    }))
    .slice(base.history);
  const picked: Record<string, unknown> = {};
  for (const k of CONFIG_KEYS) {
    const v = config.config?.[k];
    const empty =
      v === undefined ||
      v === null ||
      v === '' ||
      (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);
    if (!empty) picked[k] = v;
  }
  const layers = top.Layers.slice(base.layers).map((path) => {
    const data = files.get(path);
    if (!data) throw new Error(`docker save archive has no ${path}`);
    return readTar(data).map(entryLine).sort();
  });
  return { config: picked, history, layers };
}
