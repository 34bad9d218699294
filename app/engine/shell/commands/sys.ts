import type { CommandFn } from '../types.ts';
import { groupName, parseArgs, table, userName, withUsage } from './common.ts';

export const printenv: CommandFn = (argv, io, sh) => {
  const env = sh.environ();
  if (argv.length === 1) {
    for (const [k, v] of Object.entries(env)) io.stdout.write(`${k}=${v}\n`);
    return 0;
  }
  let status = 0;
  for (const name of argv.slice(1)) {
    const v = env[name];
    if (v === undefined) status = 1;
    else io.stdout.write(`${v}\n`);
  }
  return status;
};

export const id: CommandFn = (argv, io, sh) =>
  withUsage(argv, io, 1, () => {
    const { opts, operands } = parseArgs(argv, 'ugnGr');
    let { uid, gid } = sh.user;
    const who = operands[0];
    if (who !== undefined) {
      const row = table(sh, '/etc/passwd').find((f) => f[0] === who || f[2] === who);
      if (!row) {
        io.stderr.write(`id: '${who}': no such user\n`);
        return 1;
      }
      uid = Number(row[2]);
      gid = Number(row[3]);
    }
    const name = opts.has('n');
    if (opts.has('u')) io.stdout.write(`${name ? userName(sh, uid) : uid}\n`);
    else if (opts.has('g')) io.stdout.write(`${name ? groupName(sh, gid) : gid}\n`);
    else {
      const extra = table(sh, '/etc/group')
        .filter((g) => (g[3] ?? '').split(',').includes(userName(sh, uid)) && Number(g[2]) !== gid)
        .map((g) => Number(g[2]));
      const groups = [gid, ...extra];
      if (opts.has('G'))
        io.stdout.write(`${groups.map((g) => (name ? groupName(sh, g) : g)).join(' ')}\n`);
      else {
        const list = groups.map((g) => `${g}(${groupName(sh, g)})`).join(',');
        io.stdout.write(
          `uid=${uid}(${userName(sh, uid)}) gid=${gid}(${groupName(sh, gid)}) groups=${list}\n`,
        );
      }
    }
    return 0;
  });

export const whoami: CommandFn = (_argv, io, sh) => {
  io.stdout.write(`${userName(sh, sh.user.uid)}\n`);
  return 0;
};

export const groups: CommandFn = (_argv, io, sh) => {
  io.stdout.write(`${groupName(sh, sh.user.gid)}\n`);
  return 0;
};

export const uname: CommandFn = (argv, io, sh) =>
  withUsage(argv, io, 1, () => {
    const { opts } = parseArgs(argv, 'asnrvmpio');
    const f = {
      s: 'Linux',
      n: sh.hostname,
      r: '6.1.0-18-amd64',
      v: '#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)',
      m: 'x86_64',
      o: 'GNU/Linux',
    };
    const keys = opts.has('a')
      ? ['s', 'n', 'r', 'v', 'm', 'o']
      : (['s', 'n', 'r', 'v', 'm', 'o'] as const).filter((k) => opts.has(k));
    io.stdout.write(
      `${(keys.length > 0 ? keys : ['s']).map((k) => f[k as keyof typeof f]).join(' ')}\n`,
    );
    return 0;
  });

export const hostname: CommandFn = (_argv, io, sh) => {
  io.stdout.write(`${sh.hostname}\n`);
  return 0;
};

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** date at the simulator's fixed time, in UTC (containers have no TZ): default and +FORMAT. */
export const date: CommandFn = (argv, io, sh) => {
  const d = new Date(sh.now * 1000);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  const fields: Record<string, string> = {
    Y: String(d.getUTCFullYear()),
    m: p(d.getUTCMonth() + 1),
    d: p(d.getUTCDate()),
    H: p(d.getUTCHours()),
    M: p(d.getUTCMinutes()),
    S: p(d.getUTCSeconds()),
    s: String(sh.now),
    a: DAYS[d.getUTCDay()] as string,
    b: MONTHS[d.getUTCMonth()] as string,
    e: String(d.getUTCDate()).padStart(2),
    Z: 'UTC',
    z: '+0000',
    y: p(d.getUTCFullYear() % 100),
    j: p(Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 864e5) + 1, 3),
    '%': '%',
    n: '\n',
  };
  fields['F'] = `${fields['Y']}-${fields['m']}-${fields['d']}`;
  fields['T'] = `${fields['H']}:${fields['M']}:${fields['S']}`;
  const fmt = argv.slice(1).find((a) => a.startsWith('+'));
  const iso = argv.includes('-I') || argv.includes('--iso-8601');
  const out = fmt
    ? fmt.slice(1).replace(/%([A-Za-z%])/g, (m, c: string) => fields[c] ?? m)
    : iso
      ? fields['F']
      : `${fields['a']} ${fields['b']} ${fields['e']} ${fields['T']} UTC ${fields['Y']}`;
  io.stdout.write(`${out}\n`);
  return 0;
};

/** sleep returns at once; an endless or very long sleep marks the run long-running. */
export const sleep: CommandFn = (argv, io, sh) => {
  const args = argv.slice(1);
  if (args.length === 0) {
    io.stderr.write("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    return 1;
  }
  let total = 0;
  for (const a of args) {
    const m = /^(\d*\.?\d+)([smhd]?)$/.exec(a);
    if (a === 'infinity' || a === 'inf') total = Infinity;
    else if (!m) {
      io.stderr.write(
        `sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`,
      );
      return 1;
    } else total += Number(m[1]) * ({ s: 1, m: 60, h: 3600, d: 86400 }[m[2] || 's'] ?? 1);
  }
  // Short sleeps pass at once; an hour or more is what keeps containers alive.
  if (total >= 3600) sh.forever(argv);
  return 0;
};

export const nproc: CommandFn = (_argv, io) => {
  io.stdout.write('2\n');
  return 0;
};

/** which: like Debian's, prints paths found on PATH and fails silently otherwise. */
export const which: CommandFn = (argv, io, sh) => {
  let status = 0;
  for (const name of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    const r = sh.interp.resolveCommand(name, sh);
    if (r && 'path' in r) io.stdout.write(`${r.path}\n`);
    else status = 1;
  }
  return status;
};

/**
 * gosu USER[:GROUP] COMMAND...: runs the command as that user, as the entrypoints of redis and
 * postgres do to step down from root (`exec gosu redis "$0" "$@"`). Messages as gosu 1.17 prints them.
 */
export const gosu: CommandFn = (argv, io, sh) => {
  const [spec, ...cmd] = argv.slice(1);
  if (spec === undefined || cmd.length === 0) {
    io.stderr.write('Usage: gosu user-spec command [args]\n');
    return 1;
  }
  const [who = '', group] = spec.split(':');
  const row = table(sh, '/etc/passwd').find((f) => f[0] === who || f[2] === who);
  if (!row && !/^\d+$/.test(who)) {
    io.stderr.write(
      `error: failed switching to "${spec}": unable to find user ${who}: no matching entries in passwd file\n`,
    );
    return 1;
  }
  const uid = row ? Number(row[2]) : Number(who);
  const groupRow = group
    ? table(sh, '/etc/group').find((g) => g[0] === group || g[2] === group)
    : undefined;
  const gid = groupRow ? Number(groupRow[2]) : row ? Number(row[3]) : uid;
  const saved = sh.user;
  sh.user = { uid, gid, name: row?.[0] ?? who };
  try {
    return sh.interp.invoke(cmd, io, sh, []);
  } finally {
    sh.user = saved;
  }
};
