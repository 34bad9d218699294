// What dpkg and a package's maintainer scripts add beyond the package's own files, read from each
// .deb's control archive: the sizes of the members dpkg copies to /var/lib/dpkg/info, the size
// of the .list it writes, and which scripts run py_compile/py3compile, debconf, ldconfig or
// update-ca-certificates. Byte-compiled sizes are measured by compiling the package's .py files
// with the suite's own Python (the host's 3.11 for bookworm, a chroot's for trixie), so they are
// real, not estimated.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

const run = (cmd, args, opts = {}) =>
  execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
const sh = (script) => run('sh', ['-c', script]);
const q = (s) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Members of the control archive that dpkg keeps in /var/lib/dpkg/info, with their sizes. */
function controlMembers(deb) {
  const out = [];
  for (const line of sh(`dpkg-deb --ctrl-tarfile ${q(deb)} | tar -tv`).split('\n')) {
    const m = /^-\S+\s+\S+\s+(\d+)\s+\S+\s+\S+\s+\.\/(\S+)$/.exec(line);
    // `control` itself goes into /var/lib/dpkg/status, not info/.
    if (m && m[2] !== 'control') out.push([m[2], Number(m[1])]);
  }
  return out;
}

/** Bytes of /var/lib/dpkg/info/<pkg>.list: `/.` then every path of the data archive. */
function listSize(deb) {
  let n = 0;
  for (const p of sh(`dpkg-deb --fsys-tarfile ${q(deb)} | tar -t`).split('\n')) {
    if (p === '') continue;
    const path = p.replace(/^\.\//, '/').replace(/\/$/, '');
    n += Buffer.byteLength(path === '' ? '/.' : path) + 1;
  }
  return n;
}

const member = (dir, name) => {
  const f = join(dir, name);
  return existsSync(f) ? readFileSync(f, 'utf8') : '';
};

/**
 * Byte-compile steps in a postinst: `py3compile -p PKG [DIR]` (dh_python3) and the python3.x
 * packages' `dpkg -L PKG | sed -n '/^\/usr\/lib\/python3.11\/.*\.py$/p' | py_compile.py`.
 * Each step is `PKG` or `PKG DIR` (only that package's .py files under DIR are compiled).
 */
export function pycompileSteps(postinst) {
  const steps = [];
  for (const m of postinst.matchAll(/py3compile -p ([\w.+-]+)(?: +(\/[^\s|;&]*))?/g))
    steps.push(m[2] ? `${m[1]} ${m[2].replace(/\/$/, '')}` : `${m[1]} /usr/lib/python3`);
  if (postinst.includes('py_compile')) {
    for (const m of postinst.matchAll(/dpkg -L ([\w.+-]+)(?::\w+)?[\s\\|]*sed -n '\/\^([^']*)/g)) {
      const dir = m[2]
        .replace(/\\\//g, '/')
        .replace(/\/\.\*.*$/, '')
        .replace(/\/$/, '');
      steps.push(`${m[1]} ${dir}`);
    }
  }
  return steps;
}

/** Maintainer-script effects and control-member sizes of one .deb. */
export function maintainerInfo(deb) {
  const dir = mkdtempSync('/tmp/layerlab-ctl-');
  try {
    run('dpkg-deb', ['-e', deb, dir]);
    const postinst = member(dir, 'postinst');
    const triggers = member(dir, 'triggers');
    const effects = [];
    if (/\bldconfig\b/.test(triggers)) effects.push('ldconfig');
    const templates = member(dir, 'templates');
    if (/^\s*update-ca-certificates\b/m.test(postinst)) effects.push('update-ca-certificates');
    for (const s of pycompileSteps(postinst)) effects.push(`pycompile ${s}`);
    const info = controlMembers(deb)
      .map(([n, s]) => `${n} ${s}`)
      .join(',');
    return { info, listSize: listSize(deb), effects, templates };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Paths of the `.py` entries (files, symlinks, hard links) of an ENTRY listing, in order. */
export function pyEntries(listing) {
  const out = [];
  for (const line of listing.split('\n')) {
    const [type, , , , , path] = line.split('\t');
    if ((type === 'f' || type === 'l' || type === 'h') && path?.endsWith('.py')) out.push(path);
  }
  return out;
}

const PYC_SIZES = `
import sys, json, marshal, importlib._bootstrap_external as be
out = []
for src, dfile in json.load(sys.stdin):
    try:
        data = open(src, 'rb').read()
        code = compile(data, dfile, 'exec', dont_inherit=True)
        out.append(len(be._code_to_timestamp_pyc(code, 0, len(data))))
    except Exception:
        out.append(0)
print(json.dumps(out))
`;

/**
 * Sizes of `__pycache__/X.cpython-311.pyc` for each of `paths` (.py entries of the last of
 * `debs`; the others are its dependencies, unpacked first so symlinks into them resolve), 0
 * where a file does not compile or a link leads nowhere. Compiled as py_compile does
 * (timestamp header, the installed path as co_filename).
 */
export function pycSizes(debs, paths, root) {
  if (paths.length === 0) return [];
  // With `root`, the files are unpacked inside that tree and compiled by its python3.
  const dir = mkdtempSync(join(root ?? '/', 'tmp/layerlab-pyc-'));
  try {
    for (const deb of debs) run('dpkg-deb', ['-x', deb, dir]);
    const resolve = (p, hops = 0) => {
      const f = join(dir, p);
      let st;
      try {
        st = lstatSync(f);
      } catch {
        return undefined;
      }
      if (hops > 8) return undefined;
      if (!st.isSymbolicLink()) return f;
      const t = readlinkSync(f);
      return resolve(t.startsWith('/') ? t : join(dirname(p), t), hops + 1);
    };
    const inside = (f) => (root ? f.slice(root.replace(/\/$/, '').length) : f);
    const pairs = paths.map((p) => [inside(resolve(p) ?? '/nonexistent'), p]);
    return JSON.parse(
      run(root ? 'chroot' : 'python3', [...(root ? [root, 'python3'] : []), '-c', PYC_SIZES], {
        input: JSON.stringify(pairs),
        stdio: ['pipe', 'pipe', 'inherit'],
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const LOAD = `d=/var/cache/debconf
for f in /tmp/ll-tpl/*; do
  p=\${f##*/}
  cp -p $d/templates.dat /tmp/ll-t.bak; cp -p $d/config.dat /tmp/ll-c.bak
  t0=$(stat -c %s $d/templates.dat); c0=$(stat -c %s $d/config.dat)
  perl -MDebconf::Db -MDebconf::Template -e 'Debconf::Db->load; Debconf::Template->load($ARGV[0], $ARGV[1]); Debconf::Db->save' "$f" "$p" >/dev/null 2>&1
  echo "$p $(( $(stat -c %s $d/templates.dat) - t0 )) $(( $(stat -c %s $d/config.dat) - c0 ))"
  cp -p /tmp/ll-t.bak $d/templates.dat; cp -p /tmp/ll-c.bak $d/config.dat; rm -f $d/*-old /tmp/ll-?.bak
done`;

/**
 * How many bytes each package's debconf templates add to /var/cache/debconf/templates.dat and
 * config.dat, measured by loading them (as debconf does on configure) into the rootfs's own
 * debconf database, one package at a time, restoring it after each. `chroot(cmd)` runs a shell
 * command inside `root`. Values a config script sets later are not included.
 */
export function debconfGrowth(root, chroot, templates) {
  const tmp = join(root, 'tmp/ll-tpl');
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  for (const [pkg, text] of templates) writeFileSync(join(tmp, pkg), text);
  writeFileSync(join(root, 'tmp/ll-debconf.sh'), LOAD);
  try {
    const out = new Map();
    for (const line of chroot('sh /tmp/ll-debconf.sh').split('\n')) {
      const [pkg, t, c] = line.split(' ');
      if (pkg && t !== undefined && c !== undefined) out.set(pkg, [Number(t), Number(c)]);
    }
    return out;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(join(root, 'tmp/ll-debconf.sh'), { force: true });
  }
}
