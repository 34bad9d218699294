// Reading .deb files with dpkg-deb: control fields, the file list as ENTRY lines, small config
// files, and dependency names resolved against a set of known packages.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { byTarOrder, entryLine } from './tree.mjs';

const run = (cmd, args, opts = {}) =>
  execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });

/** Control fields of a .deb. */
export function control(deb) {
  const text = run('dpkg-deb', ['-f', deb]);
  const fields = {};
  let last;
  for (const line of text.split('\n')) {
    if (/^\s/.test(line) && last) fields[last] += `\n${line}`;
    else {
      const m = /^([\w-]+):\s*(.*)$/.exec(line);
      if (m) fields[(last = m[1])] = m[2];
    }
  }
  return fields;
}

/** Paragraphs of a dpkg status file as field maps. */
export function statusPackages(text) {
  return text
    .split('\n\n')
    .filter((p) => p.trim())
    .map((p) =>
      Object.fromEntries(
        p.split('\n').flatMap((l) => {
          const m = /^([\w-]+):\s*(.*)$/.exec(l);
          return m ? [[m[1], m[2]]] : [];
        }),
      ),
    );
}

/** `-rwsr-xr-x` -> 0o4755 */
const MODE_BITS = (s) => {
  let m = 0;
  const perms = s.slice(1);
  for (let i = 0; i < 9; i++) {
    const c = perms[i];
    const bit = 1 << (8 - i);
    if (c !== '-' && c !== 'S' && c !== 'T') m |= bit;
  }
  if ('sS'.includes(perms[2])) m |= 0o4000;
  if ('sS'.includes(perms[5])) m |= 0o2000;
  if ('tT'.includes(perms[8])) m |= 0o1000;
  return m;
};

/** Paths dpkg leaves out on a slim image (/etc/dpkg/dpkg.cfg.d/docker). */
export function slimExcluded(p) {
  // dpkg matches with fnmatch without FNM_PATHNAME: `*` spans slashes, so nested copyright files stay.
  if (p.startsWith('/usr/share/doc/')) return !/^\/usr\/share\/doc\/.+\/copyright$/.test(p);
  return [
    '/usr/share/groff/',
    '/usr/share/info/',
    '/usr/share/linda/',
    '/usr/share/lintian/overrides/',
    '/usr/share/locale/',
    '/usr/share/man/',
  ].some((d) => p.startsWith(d));
}

/**
 * The file list of a .deb as ENTRY lines (absolute paths, tar order). `ids` maps owner and group
 * names to numbers; `keep` filters paths.
 */
export function fileList(deb, ids, keep = () => true) {
  const out = [];
  for (const line of run('dpkg-deb', ['-c', deb]).split('\n')) {
    const m = /^(\S+)\s+([^/\s]+)\/(\S+)\s+(\d+)\s+\S+\s+\S+\s+\.(\/.*)$/.exec(line);
    if (!m) continue;
    const [, modeStr, owner, group, size, rest] = m;
    let path = rest;
    let target;
    const t = modeStr[0];
    if (t === 'l') [path, target] = rest.split(' -> ');
    else if (t === 'h') {
      [path, target] = rest.split(' link to ');
      target = target?.replace(/^\./, '');
    }
    path = path.replace(/\/$/, '');
    if (path === '') continue;
    const type = t === '-' ? 'f' : t;
    if (!'fdlh'.includes(type)) continue;
    out.push({
      path,
      line: entryLine(
        type,
        MODE_BITS(modeStr),
        ids.user(owner),
        ids.group(group),
        type === 'f' ? Number(size) : 0,
        path,
        target,
      ),
    });
  }
  // Kept paths and the directories that hold them (dpkg creates those even when excluded).
  const have = new Set();
  for (const e of out) {
    if (!keep(e.path)) continue;
    for (let p = e.path; p !== '' && !have.has(p); p = p.slice(0, p.lastIndexOf('/'))) have.add(p);
  }
  // A hard link whose target was filtered out would dangle: drop it too.
  return out
    .filter((e) => have.has(e.path))
    .filter((e) => !e.line.startsWith('h\t') || have.has(e.line.split('\t')[6]))
    .sort((a, b) => byTarOrder(a.path, b.path))
    .map((e) => e.line)
    .join('\n');
}

/** Name -> id maps read from a rootfs's /etc/passwd and /etc/group (unknown names: 0). */
export function idMaps(root) {
  const read = (f) =>
    new Map(
      readFileSync(join(root, f), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => {
          const c = l.split(':');
          return [c[0], Number(c[2])];
        }),
    );
  const users = read('etc/passwd');
  const groups = read('etc/group');
  return { user: (n) => users.get(n) ?? 0, group: (n) => groups.get(n) ?? 0 };
}

/** Text of small files under /etc in a .deb (extracted to a temporary directory). */
export function etcContents(deb, maxBytes = 8 * 1024) {
  const dir = mkdtempSync('/tmp/layerlab-deb-');
  try {
    run('dpkg-deb', ['-x', deb, dir]);
    const out = {};
    const files = run('find', [join(dir, 'etc'), '-type', 'f', '-size', `-${maxBytes + 1}c`], {
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .split('\n')
      .filter(Boolean);
    for (const f of files.sort()) {
      if (statSync(f).size > maxBytes) continue;
      const buf = readFileSync(f);
      if (buf.includes(0)) continue;
      const s = buf.toString('utf8');
      if (!s.includes('\uFFFD')) out[f.slice(dir.length)] = s;
    }
    return out;
  } catch {
    return {};
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `a (>= 1) | b:any, c [amd64]` -> [['a','b'],['c']] */
export function parseDeps(field) {
  if (!field) return [];
  return field
    .split(',')
    .map((group) =>
      group.split('|').map((alt) =>
        alt
          .trim()
          .replace(/\s*\(.*?\)/g, '')
          .replace(/\s*\[.*?\]/g, '')
          .replace(/\s*<.*?>/g, '')
          .replace(/:\w+$/, '')
          .trim(),
      ),
    )
    .filter((g) => g.length && g[0]);
}

/**
 * Resolves dependency groups to names of packages in `file` (by name or by what they provide);
 * groups satisfied by the base (by name or provides) are dropped, as are unresolvable ones.
 */
export function resolveDeps(groups, { file, fileProvides, base, baseProvides }, self) {
  const out = [];
  for (const alts of groups) {
    let pick;
    for (const a of alts) {
      if (base.has(a) || baseProvides.has(a)) {
        pick = null;
        break;
      }
      if (file.has(a)) {
        pick = a;
        break;
      }
      const prov = fileProvides.get(a);
      if (prov) {
        pick = prov;
        break;
      }
    }
    if (pick && pick !== self && !out.includes(pick)) out.push(pick);
  }
  return out;
}
