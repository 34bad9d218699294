/**
 * COPY and ADD: which files a step copies (from the context, another stage or an image) and the
 * checksum its cache key is made of. copy-write.ts writes them into the step's layer.
 */
import { sha256Hex } from '../fs/hash.ts';
import { EngineError } from '../common/diagnostics.ts';
import type { SourceRange } from '../common/diagnostics.ts';
import type { FsNode, MergedView } from '../fs/index.ts';
import type { BuildContext } from './context.ts';
import { globToRegExp, matchesIgnore } from './dockerignore.ts';
import { classicContextName } from './classic-hash.ts';

export interface CopyItem {
  /** Where it came from, for messages and the cache panel (`src/app.py`). */
  source: string;
  /** Path below the destination (`app.py`, `lib/x.py`); '' for a single file. */
  rel: string;
  kind: 'file' | 'dir' | 'symlink';
  data: Uint8Array | undefined;
  size: number;
  digest: string | undefined;
  mode: number;
  uid: number;
  gid: number;
  target: string | undefined;
  /** `content|mode|owner|type`: what the cache compares. */
  checksum: string;
}

export interface Selection {
  items: CopyItem[];
  /** True when a source was a directory or a wildcard: the destination is a directory. */
  many: boolean;
  /**
   * How many paths the sources named once wildcards are expanded. More than one needs a
   * destination ending in `/`; one directory does not.
   */
  sources?: number;
  /** From the build context: each path a source named (wildcards expanded), in order. */
  roots?: string[];
}

const hex = (data: Uint8Array) => sha256Hex(data).slice(0, 32);
export const clean = (p: string) =>
  p
    .split('/')
    .filter((s) => s !== '' && s !== '.')
    .join('/');

/** `path.Clean("/" + p)` as BuildKit does, without the slash: `..` stops at the context root. */
export function clampToContext(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '' && part !== '.') out.push(part);
  }
  return out.join('/');
}

function itemChecksum(i: Omit<CopyItem, 'checksum'>): string {
  const content = i.data
    ? hex(i.data)
    : i.kind === 'file'
      ? (i.digest ?? `size:${i.size}`)
      : (i.target ?? '');
  return `${content}|${i.mode.toString(8)}|${i.uid}:${i.gid}|${i.kind}`;
}

function withChecksum(i: Omit<CopyItem, 'checksum'>): CopyItem {
  return { ...i, checksum: itemChecksum(i) };
}

function notFound(source: string, range: SourceRange, ignored: boolean): never {
  const path = `/${clean(source)}`;
  throw new EngineError(
    'copy-not-found',
    `failed to compute cache key: "${path}": not found`,
    range,
    {
      classic: `COPY failed: file not found in build context or excluded by .dockerignore: stat ${clean(source)}: file does not exist`,
      hint: ignored
        ? `${clean(source)} is listed in .dockerignore, so it is not sent to the builder.`
        : `Check the file name: COPY paths are relative to the build context, not to the Dockerfile's WORKDIR.`,
    },
  );
}

/** Select files from the build context. `..` cannot leave the context: it is clamped at its root. */
export function selectFromContext(
  ctx: BuildContext,
  sources: readonly string[],
  range: SourceRange,
): Selection {
  const items: CopyItem[] = [];
  const found: string[] = [];
  let many = sources.length > 1;
  let named = 0;
  for (const source of sources) {
    const path = clampToContext(source);
    const wildcard = /[*?[]/.test(path);
    const roots = wildcard ? matchContext(ctx, path) : [path];
    if (wildcard) many = true;
    let matched = false;
    for (const root of roots) {
      const file = ctx.files.get(root);
      if (file || root === '' || ctx.dirs.has(root)) named++;
      if (file) {
        matched = true;
        found.push(root);
        const base = root.split('/').pop()!;
        items.push(
          withChecksum({
            source: root,
            rel: wildcard ? base : '',
            kind: file.type,
            data: file.data,
            size: file.data.length,
            digest: undefined,
            mode: file.mode,
            uid: 0,
            gid: 0,
            target: file.target,
          }),
        );
        continue;
      }
      if (root === '' || ctx.dirs.has(root)) {
        matched = true;
        found.push(root);
        many = true;
        const prefix = root === '' ? '' : `${root}/`;
        const below = [...ctx.files.values()].filter((f) => f.path.startsWith(prefix));
        const dirs = [...ctx.dirs].filter((d) => d.startsWith(prefix));
        for (const d of dirs.sort()) {
          items.push(
            withChecksum({
              source: d,
              rel: d.slice(prefix.length),
              kind: 'dir',
              data: undefined,
              size: 0,
              digest: undefined,
              mode: 0o755,
              uid: 0,
              gid: 0,
              target: undefined,
            }),
          );
        }
        for (const f of below.sort((a, b) => (a.path < b.path ? -1 : 1))) {
          items.push(
            withChecksum({
              source: f.path,
              rel: f.path.slice(prefix.length),
              kind: f.type,
              data: f.data,
              size: f.data.length,
              digest: undefined,
              mode: f.mode,
              uid: 0,
              gid: 0,
              target: f.target,
            }),
          );
        }
      }
    }
    if (!matched) notFound(path, range, matchesIgnore(ctx.ignore, path));
  }
  return { items, many, sources: named, roots: found };
}

function matchContext(ctx: BuildContext, pattern: string): string[] {
  const re = globToRegExp(pattern);
  const all = [...ctx.files.keys(), ...ctx.dirs];
  return all.filter((p) => re.test(p)).sort();
}

/** Select files from another stage's or image's filesystem (`COPY --from`). */
export function selectFromView(
  view: MergedView,
  sources: readonly string[],
  range: SourceRange,
  fromName: string,
): Selection {
  const items: CopyItem[] = [];
  let many = sources.length > 1;
  for (const source of sources) {
    const path = `/${clean(source)}`;
    const node = view.lookup(path);
    if (!node) {
      throw new EngineError(
        'copy-not-found',
        `failed to compute cache key: "${path}": not found`,
        range,
        {
          classic: `COPY failed: stat ${path}: file does not exist`,
          hint: `Stage or image "${fromName}" has no ${path}. List it with a RUN ls in that stage to check.`,
        },
      );
    }
    if (node.type === 'dir') {
      many = true;
      walkNode(node, '', (rel, n) => items.push(nodeItem(`${path}/${rel}`, rel, n)));
    } else items.push(nodeItem(path, '', node));
  }
  return { items, many, sources: sources.length };
}

function walkNode(
  dir: Extract<FsNode, { type: 'dir' }>,
  prefix: string,
  visit: (rel: string, n: FsNode) => void,
): void {
  for (const name of [...dir.children.keys()].sort()) {
    const child = dir.children.get(name) as FsNode;
    const rel = prefix ? `${prefix}/${name}` : name;
    visit(rel, child);
    if (child.type === 'dir') walkNode(child, rel, visit);
  }
}

function nodeItem(source: string, rel: string, n: FsNode): CopyItem {
  return withChecksum({
    source,
    rel,
    kind: n.type,
    data: n.type === 'file' ? n.data : undefined,
    size: n.type === 'file' ? n.size : 0,
    digest: n.type === 'file' ? n.digest : undefined,
    mode: n.mode,
    uid: n.uid,
    gid: n.gid,
    target: n.type === 'symlink' ? n.target : undefined,
  });
}

/** Heredoc sources (`COPY <<EOF /app/x`): inline files. */
export function selectHeredocs(heredocs: readonly { name: string; content: string }[]): Selection {
  const enc = new TextEncoder();
  return {
    items: heredocs.map((h) => {
      const data = enc.encode(h.content);
      return withChecksum({
        // One file named after its delimiter: at the destination itself, or inside it when the
        // destination is a directory (`COPY <<EOF /dir/` makes /dir/EOF), as BuildKit does.
        source: h.name,
        rel: '',
        kind: 'file',
        data,
        size: data.length,
        digest: undefined,
        mode: 0o644,
        uid: 0,
        gid: 0,
        target: undefined,
      });
    }),
    many: heredocs.length > 1,
  };
}

/**
 * `file:<sha256>` / `dir:<sha256>`: the classic builder's name for what a COPY copied; from the
 * build context as moby computes it (classic-hash.ts).
 */
export function classicSourceName(sel: Selection): string {
  if (sel.roots) return classicContextName({ ...sel, roots: sel.roots });
  const digest = sha256Hex(sel.items.map((i) => `${i.rel}\0${i.checksum}`).join('\n'));
  const single = sel.items.length === 1 && !sel.many;
  return `${single ? 'file' : sel.items.length > 1 && !sel.items.some((i) => i.kind === 'dir') && sel.many ? 'multi' : 'dir'}:${digest}`;
}
