import { decode, encode } from '../io.ts';
import { errText } from '../state.ts';
import type { Shell } from '../state.ts';
import type { CommandFn } from '../types.ts';
import { fsError, tryStat } from './common.ts';

/**
 * Archives are simplified: a header line and a JSON list of entries. Small files keep their
 * bytes (base64), big ones only their size, so `tar -czf` then `tar -xzf` moves files with
 * their modes and owners, as a learner expects, without a real tar encoder.
 */
const MAGIC = 'LAYERLAB-TAR 1\n';
const INLINE = 64 * 1024;

interface TarEntry {
  name: string;
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  uid: number;
  gid: number;
  size: number;
  data?: string;
  target?: string;
}

function toB64(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return btoa(s);
}
function fromB64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function collect(sh: Shell, base: string, name: string, out: TarEntry[]): void {
  sh.tick();
  const path = sh.resolve(`${base}/${name}`);
  const st = sh.fs.lstat(path);
  const e: TarEntry = {
    name: st.type === 'dir' ? `${name}/` : name,
    type: st.type,
    mode: st.mode,
    uid: st.uid,
    gid: st.gid,
    size: st.type === 'file' ? st.size : 0,
  };
  if (st.type === 'symlink') e.target = sh.fs.readlink(path);
  if (st.type === 'file' && st.size <= INLINE) e.data = toB64(sh.fs.readFile(path));
  out.push(e);
  if (st.type === 'dir')
    for (const n of sh.fs.readdir(path)) collect(sh, base, `${name.replace(/\/$/, '')}/${n}`, out);
}

function parseFlags(argv: string[]): {
  flags: Set<string>;
  vals: Map<string, string>;
  operands: string[];
} {
  const flags = new Set<string>();
  const vals = new Map<string, string>();
  const operands: string[] = [];
  const takes = 'fC';
  const args = argv.slice(1);
  // Old style: the first word holds the letters without a dash (`tar czf out.tgz dir`).
  if (args[0] && !args[0].startsWith('-')) args[0] = `-${args[0]}`;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=');
      if (k === 'file' || k === 'directory')
        vals.set(k === 'file' ? 'f' : 'C', v ?? args[++i] ?? '');
      else if (k === 'strip-components') vals.set('strip', v ?? '0');
      else flags.add(k as string);
    } else if (a.startsWith('-') && a.length > 1) {
      for (const c of a.slice(1)) {
        if (takes.includes(c)) vals.set(c, args[++i] ?? '');
        else flags.add(c);
      }
    } else operands.push(a);
  }
  return { flags, vals, operands };
}

/** tar c/x/t with -f, -C, -z/-j/-J (accepted), -v, --strip-components. */
export const tar: CommandFn = (argv, io, sh) => {
  const { flags, vals, operands } = parseFlags(argv);
  const file = vals.get('f') ?? '-';
  const dir = sh.resolve(vals.get('C') ?? '.');
  const mode = ['c', 'x', 't'].find(
    (m) => flags.has(m) || flags.has({ c: 'create', x: 'extract', t: 'list' }[m] as string),
  );
  if (!mode) {
    io.stderr.write(
      "tar: You must specify one of the '-Acdtrux', '--delete' or '--test-label' options\nTry 'tar --help' or 'tar --usage' for more information.\n",
    );
    return 2;
  }
  if (mode === 'c') {
    const entries: TarEntry[] = [];
    let status = 0;
    if (operands.length === 0) {
      io.stderr.write(
        "tar: Cowardly refusing to create an empty archive\nTry 'tar --help' or 'tar --usage' for more information.\n",
      );
      return 2;
    }
    for (const op of operands) {
      const name = op.replace(/^\/+/, '');
      if (name !== op) io.stderr.write("tar: Removing leading `/' from member names\n");
      if (!tryStat(sh, sh.resolve(`${op.startsWith('/') ? '/' : dir}/${name}`), false)) {
        io.stderr.write(`tar: ${op}: Cannot stat: No such file or directory\n`);
        status = 2;
        continue;
      }
      collect(sh, op.startsWith('/') ? '/' : dir, name || '.', entries);
    }
    if (flags.has('v')) for (const e of entries) io.stdout.write(`${e.name}\n`);
    const data = MAGIC + JSON.stringify(entries);
    try {
      if (file === '-') io.stdout.write(data);
      else sh.fs.writeFile(sh.resolve(file), encode(data));
    } catch (e) {
      io.stderr.write(`tar: ${file}: Cannot open: ${errText(fsError(e))}\n`);
      return 2;
    }
    if (status !== 0) io.stderr.write('tar: Exiting with failure status due to previous errors\n');
    return status;
  }
  let text: string;
  try {
    text = file === '-' ? io.stdin.all() : decode(sh.fs.readFile(sh.resolve(file)));
  } catch (e) {
    io.stderr.write(
      `tar: ${file}: Cannot open: ${errText(fsError(e))}\ntar: Error is not recoverable: exiting now\n`,
    );
    return 2;
  }
  if (!text.startsWith(MAGIC)) {
    io.stderr.write(
      'tar: This archive was not made in the simulator; its contents are not known\n',
    );
    return 0;
  }
  const entries = JSON.parse(text.slice(MAGIC.length)) as TarEntry[];
  const strip = Number(vals.get('strip') ?? 0);
  for (const e of entries) {
    if (mode === 't') {
      io.stdout.write(`${e.name}\n`);
      continue;
    }
    const parts = e.name.split('/').filter(Boolean).slice(strip);
    if (parts.length === 0) continue;
    if (flags.has('v')) io.stdout.write(`${e.name}\n`);
    const path = `${dir === '/' ? '' : dir}/${parts.join('/')}`;
    sh.tick();
    sh.fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { recursive: true });
    if (e.type === 'dir') sh.fs.mkdir(path, { recursive: true });
    else if (e.type === 'symlink') {
      if (tryStat(sh, path, false)) sh.fs.unlink(path);
      sh.fs.symlink(e.target ?? '', path);
      continue;
    } else if (e.data !== undefined) sh.fs.writeFile(path, fromB64(e.data));
    else sh.fs.writeSizedFile(path, e.size);
    sh.fs.chmod(path, e.mode);
    if (sh.user.uid === 0) sh.fs.chown(path, e.uid, e.gid);
  }
  return 0;
};
