import type { Shell } from '../state.ts';
import type { CommandFn, Io } from '../types.ts';
import { lines, parseArgs, table, tryStat, UsageError, writeText } from './common.ts';
import { decode } from '../io.ts';

/** Picks the next free id: regular accounts from 1000 up, system ones from 999 down. */
function nextId(used: Set<number>, system: boolean): number {
  if (system) {
    for (let id = 999; id >= 100; id--) if (!used.has(id)) return id;
  }
  let id = 1000;
  while (used.has(id)) id++;
  return id;
}

function ids(sh: Shell, file: '/etc/passwd' | '/etc/group'): Set<number> {
  return new Set(table(sh, file).map((f) => Number(f[2])));
}

function append(sh: Shell, file: string, line: string): void {
  let text = '';
  try {
    text = decode(sh.fs.readFile(file));
  } catch {
    /* a new file */
  }
  writeText(sh, file, (text === '' || text.endsWith('\n') ? text : `${text}\n`) + `${line}\n`);
}

function addGroup(sh: Shell, name: string, gid: number): void {
  append(sh, '/etc/group', `${name}:x:${gid}:`);
  if (sh.fs.exists('/etc/gshadow')) append(sh, '/etc/gshadow', `${name}:!::`);
}

function makeHome(sh: Shell, home: string, uid: number, gid: number): void {
  sh.fs.mkdir(home, { recursive: true, mode: 0o755 });
  if (tryStat(sh, '/etc/skel')?.type === 'dir') {
    for (const n of sh.fs.readdir('/etc/skel')) {
      const st = sh.fs.lstat(`/etc/skel/${n}`);
      if (st.type === 'file')
        sh.fs.writeFile(`${home}/${n}`, sh.fs.readFile(`/etc/skel/${n}`), { mode: st.mode });
      sh.fs.chown(`${home}/${n}`, uid, gid);
    }
  }
  sh.fs.chown(home, uid, gid);
}

interface NewUser {
  name: string;
  uid?: number;
  gid?: number;
  group?: string;
  home?: string;
  shell?: string;
  system: boolean;
  createHome: boolean;
  ownGroup: boolean;
  gecos: string;
}

/** Adds a user to /etc/passwd (and shadow), its own group when asked, its home when asked. */
function addUser(sh: Shell, io: Io, u: NewUser, cmd: string): number {
  if (table(sh, '/etc/passwd').some((f) => f[0] === u.name)) {
    io.stderr.write(
      cmd === 'useradd'
        ? `useradd: user '${u.name}' already exists\n`
        : `${cmd}: The user \`${u.name}' already exists.\n`,
    );
    return cmd === 'useradd' ? 9 : 1;
  }
  const uid = u.uid ?? nextId(ids(sh, '/etc/passwd'), u.system);
  let gid = u.gid;
  if (u.group !== undefined) {
    const row = table(sh, '/etc/group').find((f) => f[0] === u.group || f[2] === u.group);
    if (!row) {
      io.stderr.write(`${cmd}: group '${u.group}' does not exist\n`);
      return 6;
    }
    gid = Number(row[2]);
  }
  if (gid === undefined && u.ownGroup) {
    const existing = table(sh, '/etc/group').find((f) => f[0] === u.name);
    gid = existing
      ? Number(existing[2])
      : ids(sh, '/etc/group').has(uid)
        ? nextId(ids(sh, '/etc/group'), u.system)
        : uid;
    if (!existing) {
      if (cmd === 'adduser') io.stdout.write(`Adding new group \`${u.name}' (${gid}) ...\n`);
      addGroup(sh, u.name, gid);
    }
  }
  gid ??= 100;
  const home = u.home ?? (u.system && cmd !== 'useradd' ? '/nonexistent' : `/home/${u.name}`);
  const shell =
    u.shell ?? (cmd === 'useradd' ? '/bin/sh' : u.system ? '/usr/sbin/nologin' : '/bin/bash');
  if (cmd === 'adduser')
    io.stdout.write(
      `Adding new user \`${u.name}' (${uid}) with group \`${table(sh, '/etc/group').find((f) => Number(f[2]) === gid)?.[0] ?? gid}' ...\n`,
    );
  append(sh, '/etc/passwd', `${u.name}:x:${uid}:${gid}:${u.gecos}:${home}:${shell}`);
  if (sh.fs.exists('/etc/shadow')) append(sh, '/etc/shadow', `${u.name}:!:19675:0:99999:7:::`);
  if (u.createHome && home !== '/nonexistent') {
    if (cmd === 'adduser')
      io.stdout.write(
        `Creating home directory \`${home}' ...\nCopying files from \`/etc/skel' ...\n`,
      );
    makeHome(sh, home, uid, gid);
  }
  return 0;
}

function needRoot(sh: Shell, io: Io, cmd: string): boolean {
  if (sh.user.uid === 0) return false;
  io.stderr.write(
    cmd === 'useradd' || cmd === 'groupadd'
      ? `${cmd}: Permission denied.\n${cmd}: cannot lock /etc/passwd; try again later.\n`
      : `${cmd}: Only root may add a user or group to the system.\n`,
  );
  return true;
}

export const useradd: CommandFn = (argv, io, sh) => {
  if (needRoot(sh, io, 'useradd')) return 1;
  let parsed;
  try {
    parsed = parseArgs(argv, 'mMrNUlo', 'udgscGKep|uid,gid,home-dir,shell,comment,groups,password');
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`${e.message}\nUsage: useradd [options] LOGIN\n`);
    return 2;
  }
  const { opts, operands } = parsed;
  const val = (short: string, long: string): string | undefined => {
    const v = opts.get(short) ?? opts.get(long);
    return typeof v === 'string' ? v : undefined;
  };
  const u: NewUser = {
    name: operands[0] ?? '',
    system: opts.has('r') || opts.has('system'),
    createHome: (opts.has('m') || opts.has('create-home')) && !opts.has('M'),
    ownGroup: !opts.has('N') && !opts.has('no-user-group'),
    gecos: val('c', 'comment') ?? '',
  };
  const uid = val('u', 'uid');
  if (uid !== undefined) u.uid = Number(uid);
  const group = val('g', 'gid');
  if (group !== undefined) u.group = group;
  const home = val('d', 'home-dir');
  if (home !== undefined) u.home = home;
  const shell = val('s', 'shell');
  if (shell !== undefined) u.shell = shell;
  if (u.name === '') {
    io.stderr.write('Usage: useradd [options] LOGIN\n');
    return 2;
  }
  const status = addUser(sh, io, u, 'useradd');
  if (status !== 0) return status;
  for (const g of (val('G', 'groups') ?? '').split(',').filter(Boolean)) {
    if (addMember(sh, io, u.name, g) !== 0) return 6;
  }
  return 0;
};

/** Debian's adduser (`--disabled-password --gecos ""`) and BusyBox's (`-D -u 1000 -G grp`). */
export const adduser: CommandFn = (argv, io, sh) => {
  if (needRoot(sh, io, 'adduser')) return 1;
  const u: NewUser = { name: '', system: false, createHome: true, ownGroup: true, gecos: ',,,' };
  const names: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    const v = (): string => argv[++i] ?? '';
    if (a === '--uid' || a === '-u') u.uid = Number(v());
    else if (a === '--gid') u.gid = Number(v());
    else if (a === '--ingroup' || a === '-G') u.group = v();
    else if (a === '--home' || a === '-h') u.home = v();
    else if (a === '--shell' || a === '-s') u.shell = v();
    else if (a === '--gecos' || a === '-g') u.gecos = v();
    else if (a === '--system' || a === '-S') u.system = true;
    else if (a === '--no-create-home' || a === '-H') u.createHome = false;
    else if (a.startsWith('-')) continue;
    else names.push(a);
  }
  // `adduser user group` adds an existing user to a group.
  if (names.length === 2) return addMember(sh, io, names[0] as string, names[1] as string);
  u.name = names[0] ?? '';
  if (u.name === '') {
    io.stderr.write('adduser: Only one or two names allowed.\n');
    return 1;
  }
  io.stdout.write(`Adding ${u.system ? 'system ' : ''}user \`${u.name}' ...\n`);
  return addUser(sh, io, u, 'adduser');
};

function addMember(sh: Shell, io: Io, user: string, group: string): number {
  const rows = lines(decode(sh.fs.readFile('/etc/group')));
  const i = rows.findIndex((r) => r.split(':')[0] === group);
  if (i < 0) {
    io.stderr.write(`adduser: The group \`${group}' does not exist.\n`);
    return 1;
  }
  const row = rows[i] as string;
  rows[i] = row.endsWith(':') ? `${row}${user}` : `${row},${user}`;
  writeText(sh, '/etc/group', rows.join('\n') + '\n');
  return 0;
}

export const groupadd: CommandFn = (argv, io, sh) => {
  if (needRoot(sh, io, argv[0] as string)) return 1;
  let gid: number | undefined;
  let system = false;
  let name = '';
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '-g' || a === '--gid') gid = Number(argv[++i]);
    else if (a === '-r' || a === '--system' || a === '-S') system = true;
    else if (!a.startsWith('-')) name = a;
  }
  if (table(sh, '/etc/group').some((f) => f[0] === name)) {
    io.stderr.write(
      argv[0] === 'groupadd'
        ? `groupadd: group '${name}' already exists\n`
        : `addgroup: The group \`${name}' already exists.\n`,
    );
    return argv[0] === 'groupadd' ? 9 : 1;
  }
  const id = gid ?? nextId(ids(sh, '/etc/group'), system);
  if (argv[0] === 'addgroup' && !argv.includes('-S') && !argv.includes('-g'))
    io.stdout.write(`Adding group \`${name}' (GID ${id}) ...\nDone.\n`);
  addGroup(sh, name, id);
  return 0;
};

export const usermod: CommandFn = (argv, io, sh) => {
  const gi = argv.findIndex((a) => a === '-G' || a === '-aG');
  const user = argv[argv.length - 1] as string;
  if (gi < 0) return 0;
  let status = 0;
  for (const g of (argv[gi + 1] ?? '').split(',')) status ||= addMember(sh, io, user, g);
  return status;
};
