import type { Shell } from '../state.ts';
import { errText } from '../state.ts';
import type { CommandFn, Io } from '../types.ts';
import { fsError, parseArgs, table, tryStat, withUsage } from './common.ts';

/**
 * Applies a chmod mode (octal, or symbolic like `u+x,go-w`, `a=rX`) to the current mode.
 * Returns null when the mode does not parse.
 */
export function applyMode(spec: string, mode: number, isDir: boolean): number | null {
  if (/^[0-7]{1,4}$/.test(spec)) return parseInt(spec, 8);
  let m = mode;
  for (const clause of spec.split(',')) {
    const c = /^([ugoa]*)([-+=])([rwxXst]*|[ugo])$/.exec(clause);
    if (!c) return null;
    const who = c[1] || 'a';
    const op = c[2];
    const perms = c[3] as string;
    let bits = 0;
    if (/^[ugo]$/.test(perms)) {
      const shift = perms === 'u' ? 6 : perms === 'g' ? 3 : 0;
      const v = (m >> shift) & 7;
      bits = (v << 6) | (v << 3) | v;
    } else {
      for (const p of perms) {
        if (p === 'r') bits |= 0o444;
        if (p === 'w') bits |= 0o222;
        if (p === 'x' || (p === 'X' && (isDir || (m & 0o111) !== 0))) bits |= 0o111;
        if (p === 's') bits |= 0o6000;
        if (p === 't') bits |= 0o1000;
      }
    }
    let mask = 0;
    if (who.includes('u') || who.includes('a')) mask |= 0o4700;
    if (who.includes('g') || who.includes('a')) mask |= 0o2070;
    if (who.includes('o') || who.includes('a')) mask |= 0o1007;
    // Without who, umask 022 keeps `+w` from reaching group and others.
    if (c[1] === '' && op === '+') mask &= ~0o022;
    const b = bits & mask;
    if (op === '+') m |= b;
    else if (op === '-') m &= ~b;
    else m = (m & ~mask) | b;
  }
  return m;
}

/** Visits a path and, with `recursive`, everything under it (not following symlinks). */
function walk(sh: Shell, path: string, recursive: boolean, fn: (p: string) => void): void {
  fn(path);
  if (!recursive || tryStat(sh, path, false)?.type !== 'dir') return;
  for (const name of sh.fs.readdir(path)) {
    sh.tick();
    walk(sh, `${path === '/' ? '' : path}/${name}`, true, fn);
  }
}

function eachOperand(
  cmd: string,
  operands: string[],
  io: Io,
  sh: Shell,
  recursive: boolean,
  fn: (p: string) => void,
): number {
  let status = 0;
  for (const f of operands) {
    const path = sh.resolve(f);
    if (!tryStat(sh, path)) {
      io.stderr.write(`${cmd}: cannot access '${f}': No such file or directory\n`);
      status = 1;
      continue;
    }
    try {
      walk(sh, path, recursive, fn);
    } catch (e) {
      io.stderr.write(`${cmd}: changing permissions of '${f}': ${errText(fsError(e))}\n`);
      status = 1;
    }
  }
  return status;
}

export const chmod: CommandFn = (argv, io, sh) =>
  withUsage(argv, io, 1, () => {
    // Symbolic modes like -w look like options: take them as the mode when in first place.
    const modeFirst = argv.findIndex((a, i) => i > 0 && /^[-+=][rwxXst]+$/.test(a));
    const args = modeFirst > 0 ? argv.filter((_, i) => i !== modeFirst) : argv;
    const { opts, operands } = parseArgs(args, 'Rvcf');
    const spec = modeFirst > 0 ? (argv[modeFirst] as string) : operands.shift();
    if (spec === undefined || operands.length === 0) {
      io.stderr.write(
        `chmod: missing operand${spec === undefined ? '' : ` after '${spec}'`}\nTry 'chmod --help' for more information.\n`,
      );
      return 1;
    }
    if (applyMode(spec, 0, false) === null) {
      io.stderr.write(`chmod: invalid mode: '${spec}'\nTry 'chmod --help' for more information.\n`);
      return 1;
    }
    return eachOperand('chmod', operands, io, sh, opts.has('R'), (p) => {
      const st = sh.fs.stat(p);
      if (tryStat(sh, p, false)?.type === 'symlink') return;
      sh.fs.chmod(p, applyMode(spec, st.mode, st.type === 'dir') ?? st.mode);
    });
  });

/** Parses `user[:group]` against /etc/passwd and /etc/group (names or numbers). */
export function parseOwner(spec: string, sh: Shell): { uid?: number; gid?: number } | string {
  const [u = '', g] = spec.split(/[:.]/);
  const out: { uid?: number; gid?: number } = {};
  if (u !== '') {
    const row = table(sh, '/etc/passwd').find((f) => f[0] === u);
    if (row) out.uid = Number(row[2]);
    else if (/^\d+$/.test(u)) out.uid = Number(u);
    else return `invalid user: '${spec}'`;
    if (g === '' && row) out.gid = Number(row[3]);
  }
  if (g) {
    const row = table(sh, '/etc/group').find((f) => f[0] === g);
    if (row) out.gid = Number(row[2]);
    else if (/^\d+$/.test(g)) out.gid = Number(g);
    else return `invalid group: '${spec}'`;
  }
  return out;
}

function owner(cmd: 'chown' | 'chgrp'): CommandFn {
  return (argv, io, sh) =>
    withUsage(argv, io, 1, () => {
      const { opts, operands } = parseArgs(argv, 'RvhfcHLP');
      const spec = operands.shift();
      if (spec === undefined || operands.length === 0) {
        io.stderr.write(`${cmd}: missing operand\nTry '${cmd} --help' for more information.\n`);
        return 1;
      }
      const who = parseOwner(cmd === 'chgrp' ? `:${spec}` : spec, sh);
      if (typeof who === 'string') {
        io.stderr.write(`${cmd}: ${who}\n`);
        return 1;
      }
      return eachOperand(cmd, operands, io, sh, opts.has('R'), (p) => {
        const st = sh.fs.stat(p);
        sh.fs.chown(p, who.uid ?? st.uid, who.gid ?? st.gid);
      });
    });
}

export const chown = owner('chown');
export const chgrp = owner('chgrp');
