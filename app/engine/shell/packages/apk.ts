import { decode } from '../io.ts';
import type { Shell } from '../state.ts';
import type { CommandFn, Io } from '../types.ts';
import type { CatalogPackage } from './catalog.ts';
import { installFiles } from './install.ts';

const DB = '/lib/apk/db/installed';
const FETCH = [
  'fetch https://dl-cdn.alpinelinux.org/alpine/v3.19/main/x86_64/APKINDEX.tar.gz',
  'fetch https://dl-cdn.alpinelinux.org/alpine/v3.19/community/x86_64/APKINDEX.tar.gz',
];

function installedApks(sh: Shell): Map<string, string> {
  const out = new Map<string, string>();
  try {
    for (const block of decode(sh.fs.readFile(DB)).split(/\n\n+/)) {
      const name = /^P:(.+)$/m.exec(block)?.[1];
      if (name) out.set(name, /^V:(.+)$/m.exec(block)?.[1] ?? '');
    }
  } catch {
    /* no database yet */
  }
  return out;
}

function hasIndex(sh: Shell): boolean {
  try {
    return sh.fs.readdir('/var/cache/apk').some((n) => n.startsWith('APKINDEX'));
  } catch {
    return false;
  }
}

function fetchIndex(io: Io, sh: Shell, keep: boolean): void {
  for (const l of FETCH) io.stdout.write(`${l}\n`);
  if (keep) installFiles(sh, sh.catalog.apk.indexFiles);
}

/** apk add [--no-cache] [-U|--update] [--virtual name] pkgs; apk update; apk del. */
export const apk: CommandFn = (argv, io, sh) => {
  const args = argv.slice(1);
  const flags = new Set(args.filter((a) => a.startsWith('-')));
  const virtualAt = args.findIndex((a) => a === '--virtual' || a === '-t');
  const words = args.filter(
    (a, i) => !a.startsWith('-') && !(virtualAt >= 0 && i === virtualAt + 1),
  );
  const [sub, ...names] = words;
  if (sh.user.uid !== 0 && sub !== undefined && sub !== 'info') {
    io.stderr.write(
      'ERROR: Unable to lock database: Permission denied\nERROR: Failed to open apk database: Permission denied\n',
    );
    return 99;
  }
  const noCache = flags.has('--no-cache');
  if (sub === 'update') {
    fetchIndex(io, sh, true);
    io.stdout.write(
      'v3.19.1-1-g0b6b8ea4d8d [https://dl-cdn.alpinelinux.org/alpine/v3.19/main]\nOK: 22983 distinct packages available\n',
    );
    return 0;
  }
  if (sub === 'del') {
    const installed = installedApks(sh);
    for (const n of names)
      for (const f of sh.catalog.apk.lookup(n)?.files ?? [])
        if (installed.has(n) && sh.fs.exists(f.path)) sh.fs.unlink(f.path);
    io.stdout.write(`OK: 7 MiB in ${Math.max(15, installed.size - names.length)} packages\n`);
    return 0;
  }
  if (sub !== 'add') {
    if (sub === undefined) io.stdout.write('apk-tools 2.14.0, compiled for x86_64.\n');
    return sub === undefined ? 1 : 0;
  }
  if (noCache || flags.has('-U') || flags.has('--update')) fetchIndex(io, sh, !noCache);
  const indexed = noCache || hasIndex(sh) || flags.has('-U') || flags.has('--update');
  const installed = installedApks(sh);
  const order: CatalogPackage[] = [];
  const seen = new Set<string>();
  const missing: string[] = [];
  const visit = (name: string, top: boolean): void => {
    if (seen.has(name) || installed.has(name)) return;
    seen.add(name);
    const p = indexed ? sh.catalog.apk.lookup(name.replace(/[=~<>].*$/, '')) : undefined;
    if (!p) {
      if (top) missing.push(name);
      return;
    }
    for (const d of p.depends) visit(d, false);
    order.push(p);
  };
  for (const n of names) visit(n, true);
  if (missing.length > 0) {
    io.stderr.write(
      `ERROR: unable to select packages:\n${missing.map((m) => `  ${m} (no such package):\n    required by: world[${m}]\n`).join('')}`,
    );
    return missing.length;
  }
  let db = '';
  order.forEach((p, i) => {
    io.stdout.write(`(${i + 1}/${order.length}) Installing ${p.name} (${p.version})\n`);
    installFiles(sh, p.files);
    db += `P:${p.name}\nV:${p.version}\nI:${p.installedSize}\n\n`;
  });
  if (db !== '') {
    sh.fs.mkdir('/lib/apk/db', { recursive: true });
    sh.fs.writeFile(DB, new TextEncoder().encode(db), { append: true });
  }
  const total = [...installed.keys()].length + order.length;
  const mib = Math.ceil((order.reduce((n, p) => n + p.installedSize, 0) + 7_500_000) / 1048576);
  io.stdout.write(`OK: ${mib} MiB in ${Math.max(total, 15 + order.length)} packages\n`);
  return 0;
};
