// Walking a root filesystem with lstat and turning trees (or the difference of two) into catalog
// layers: ENTRY lines in tar order, diffId, sizes and the contents of small text files.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Directories kept as empty mount points, as in a container image. */
const MOUNT_POINTS = new Set(['/proc', '/sys', '/dev']);

/** Tar order: parents first, then children by name (a `/` sorts before any other byte). */
export const tarKey = (p) => p.replaceAll('/', '\u0000');
export const byTarOrder = (a, b) => {
  const x = tarKey(a);
  const y = tarKey(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * Every file, directory and symlink under `root` (devices, fifos and sockets are left out, as
 * are the children of /proc, /sys and /dev). Regular files carry a sha1 of their content so two
 * walks can be compared.
 * @returns {Map<string, {type:'f'|'d'|'l', mode:number, uid:number, gid:number, size:number, target?:string, ino:string, nlink:number, hash?:string}>}
 */
export function walk(root) {
  const out = new Map();
  const visit = (rel) => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const p = `${rel}/${name}`;
      const st = lstatSync(join(root, p));
      const base = {
        mode: st.mode & 0o7777,
        uid: st.uid,
        gid: st.gid,
        ino: `${st.dev}:${st.ino}`,
        nlink: st.nlink,
      };
      if (st.isDirectory()) {
        out.set(p, { type: 'd', size: 0, ...base });
        if (!MOUNT_POINTS.has(p)) visit(p);
      } else if (st.isSymbolicLink()) {
        out.set(p, { type: 'l', size: 0, target: readlinkSync(join(root, p)), ...base });
      } else if (st.isFile()) {
        const hash = createHash('sha1')
          .update(readFileSync(join(root, p)))
          .digest('hex');
        out.set(p, { type: 'f', size: st.size, hash, ...base });
      }
    }
  };
  visit('');
  return out;
}

const same = (a, b) =>
  a.type === b.type &&
  a.mode === b.mode &&
  a.uid === b.uid &&
  a.gid === b.gid &&
  a.size === b.size &&
  a.target === b.target &&
  a.hash === b.hash;

const parentOf = (p) => p.slice(0, p.lastIndexOf('/'));

/**
 * What a layer holds to turn `before` into `after`: added or changed entries with their parent
 * directories, and a whiteout `.wh.NAME` for each removed path whose parent survives.
 * @returns {{paths: string[], whiteouts: string[]}}
 */
export function diff(before, after) {
  const keep = new Set();
  for (const [p, e] of after) {
    const old = before.get(p);
    if (!old || !same(old, e)) keep.add(p);
  }
  const whiteouts = [];
  for (const p of before.keys()) {
    if (after.has(p)) continue;
    const parent = parentOf(p);
    if (parent !== '' && (!after.has(parent) || before.get(parent)?.type !== 'd')) continue;
    if (parent !== '' && after.get(parent)?.type !== 'd') continue;
    whiteouts.push(`${parent}/.wh.${p.slice(parent.length + 1)}`);
  }
  for (const p of [...keep, ...whiteouts]) {
    for (let q = parentOf(p); q !== ''; q = parentOf(q)) keep.add(q);
  }
  return { paths: [...keep].sort(byTarOrder), whiteouts: whiteouts.sort(byTarOrder) };
}

/** Whether a file's bytes are worth showing to `cat`: UTF-8 text without NUL bytes. */
function asText(buf) {
  if (buf.includes(0)) return undefined;
  const s = buf.toString('utf8');
  return s.includes('\uFFFD') ? undefined : s;
}

/** The files whose text goes into a layer's `contents`. */
export const wantsContent = (p, size) =>
  // Signing keys are base64 nobody reads with cat: their text would only weigh on the download.
  (p.startsWith('/etc/') && size <= 16 * 1024 && !/\.(asc|gpg)$/.test(p)) ||
  p === '/usr/lib/os-release' ||
  // npm's own version, which `npm --version` prints.
  p === '/usr/local/lib/node_modules/npm/package.json' ||
  p === '/var/lib/dpkg/status' ||
  // The images' entrypoint scripts: the simulator runs them before the container's command
  // (node's docker-entrypoint.sh puts `node` in front of `--version`, redis's steps down with gosu).
  /^\/usr\/local\/bin\/(docker-entrypoint\.sh|docker-ensure-initdb\.sh|docker-php-entrypoint|apache2-foreground|httpd-foreground|entrypoint\.sh)$/.test(
    p,
  ) ||
  // eclipse-temurin's, at the root.
  p === '/__cacert_entrypoint.sh' ||
  /^\/var\/lib\/dpkg\/info\/[^/]+\.list$/.test(p);

/** ENTRY_LINE lines (see app/engine/catalog/format.ts). */
export function entryLine(type, mode, uid, gid, size, path, target) {
  const cols = [type, mode.toString(8), uid, gid, size, path];
  if (target !== undefined) cols.push(target);
  return cols.join('\t');
}

/**
 * A catalog layer from `paths` of the tree at `root` (described by `tree`) plus whiteouts.
 * Hard links point at the first path of the same inode within this layer.
 */
export function makeLayer(root, tree, paths, whiteouts = [], opts = {}) {
  const wh = new Set(whiteouts);
  const all = [...new Set([...paths, ...whiteouts])].sort(byTarOrder);
  const firstOfInode = new Map();
  const lines = [];
  const contents = {};
  let size = 0;
  for (const p of all) {
    if (wh.has(p)) {
      lines.push(entryLine('f', 0, 0, 0, 0, p));
      continue;
    }
    const e = tree.get(p);
    if (!e) throw new Error(`makeLayer: ${p} is not in the tree`);
    if (e.type === 'f' && e.nlink > 1) {
      const first = firstOfInode.get(e.ino);
      if (first) {
        lines.push(entryLine('h', e.mode, e.uid, e.gid, 0, p, first));
        continue;
      }
      firstOfInode.set(e.ino, p);
    }
    lines.push(entryLine(e.type, e.mode, e.uid, e.gid, e.type === 'f' ? e.size : 0, p, e.target));
    if (e.type === 'f') {
      size += e.size;
      if ((opts.contents ?? wantsContent)(p, e.size)) {
        const text = asText(readFileSync(join(root, p)));
        if (text !== undefined) contents[p] = text;
      }
    }
  }
  const entries = lines.join('\n');
  const diffId = `sha256:${createHash('sha256').update(entries).digest('hex')}`;
  const compressedSize = gzipSize(
    root,
    all.filter((p) => !wh.has(p)),
  );
  return { diffId, size, compressedSize, entries, contents };
}

/** Real gzip -9 size of a tar of these paths (no recursion), as a registry would transfer it. */
export function gzipSize(root, paths) {
  const list = `/tmp/layerlab-catalog-list-${process.pid}`;
  writeFileSync(list, paths.map((p) => `.${p}`).join('\n') + '\n');
  const out = execFileSync(
    'sh',
    [
      '-c',
      `tar -C "$1" --numeric-owner --no-recursion --verbatim-files-from -T "$2" -cf - | gzip -9 | wc -c`,
      'sh',
      root,
      list,
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return Number(out.trim());
}
