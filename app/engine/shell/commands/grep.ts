import { readText } from '../io.ts';
import type { Shell } from '../state.ts';
import type { CommandFn, Io } from '../types.ts';
import { fsError, lines, parseArgs, report, tryStat, withUsage } from './common.ts';
import { compile } from './regex.ts';

const BIG_BINARY = 4 * 1024 * 1024;

/**
 * Files under `name` for grep -r, in directory order, as grep names them. Like GNU grep, -r
 * follows a symlink only when it is named on the command line (`top`); -R follows every one and
 * skips a directory it is already inside (a symlink loop), with grep's warning.
 */
function walk(
  sh: Shell,
  name: string,
  out: string[],
  follow: boolean,
  io: Io,
  top = true,
  inside: string[] = [],
): void {
  const path = sh.resolve(name);
  const st = tryStat(sh, path, top || follow);
  if (st?.type === 'symlink') return;
  if (st?.type !== 'dir') {
    out.push(name);
    return;
  }
  let real = path;
  try {
    real = sh.fs.realpath(path);
  } catch {
    // a dangling or looping link was already reported by stat
  }
  if (inside.includes(real)) {
    io.stderr.write(`grep: warning: ${name}: recursive directory loop\n`);
    return;
  }
  for (const n of sh.fs.readdir(path)) {
    sh.tick();
    walk(sh, name === '' ? n : `${name.replace(/\/$/, '')}/${n}`, out, follow, io, false, [
      ...inside,
      real,
    ]);
  }
}

export const grep: CommandFn = (argv, io, sh) =>
  withUsage(argv, io, 2, () => {
    const { opts, operands } = parseArgs(argv, 'vinclLqsrRHhEFwoxPa', 'emABC');
    const patterns: string[] = [];
    const e = opts.get('e');
    if (typeof e === 'string') patterns.push(e);
    else {
      const p = operands.shift();
      if (p === undefined) {
        io.stderr.write(
          "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
        );
        return 2;
      }
      patterns.push(...p.split('\n'));
    }
    const ere = opts.has('E') || opts.has('P') || argv[0] === 'egrep';
    const fixed = opts.has('F') || argv[0] === 'fgrep';
    const sources = patterns.map((p) => (fixed ? p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : p));
    let src: string;
    if (fixed) src = sources.join('|');
    else {
      const compiled = sources.map((s) => compile(s, ere, ''));
      const bad = compiled.find((c) => typeof c === 'string');
      if (typeof bad === 'string') {
        io.stderr.write(`grep: ${bad}\n`);
        return 2;
      }
      src = compiled.map((c) => `(?:${(c as RegExp).source})`).join('|');
    }
    if (opts.has('w')) src = `(?<![\\w])(?:${src})(?![\\w])`;
    if (opts.has('x')) src = `^(?:${src})$`;
    const re = new RegExp(src, opts.has('i') ? 'i' : '');
    const recursive = opts.has('r') || opts.has('R');
    let files = operands;
    if (recursive) {
      const all: string[] = [];
      for (const f of files.length > 0 ? files : ['']) walk(sh, f, all, opts.has('R'), io);
      files = all;
    }
    const showName = opts.has('H') || (!opts.has('h') && (files.length > 1 || recursive));
    let matched = false;
    let failed = false;
    for (const f of files.length > 0 ? files : ['-']) {
      let text: string;
      if (f === '-') text = io.stdin.all();
      else {
        try {
          const path = sh.resolve(f);
          const st = sh.fs.stat(path);
          if (st.type === 'dir') {
            if (!opts.has('s')) io.stderr.write(`grep: ${f}: Is a directory\n`);
            continue;
          }
          // Big package payloads are sized, not stored: binary zeros no text pattern matches.
          if (st.size > BIG_BINARY) continue;
          text = readText(sh.fs, path);
        } catch (err) {
          fsError(err);
          if (!opts.has('s')) report(io, 'grep', f, err);
          failed = true;
          continue;
        }
      }
      const label = f === '-' ? '(standard input)' : f;
      let count = 0;
      lines(text).forEach((line, i) => {
        if (re.test(line) === opts.has('v')) return;
        count++;
        matched = true;
        if (opts.has('q') || opts.has('l') || opts.has('L') || opts.has('c')) return;
        const prefix = `${showName ? `${label}:` : ''}${opts.has('n') ? `${i + 1}:` : ''}`;
        if (opts.has('o') && !opts.has('v')) {
          for (const m of line.match(new RegExp(re.source, re.flags + 'g')) ?? [])
            io.stdout.write(`${prefix}${m}\n`);
        } else io.stdout.write(`${prefix}${line}\n`);
      });
      if (opts.has('q') && matched) return 0;
      if (opts.has('c')) io.stdout.write(`${showName ? `${label}:` : ''}${count}\n`);
      if (opts.has('l') && count > 0) io.stdout.write(`${label}\n`);
      if (opts.has('L') && count === 0) io.stdout.write(`${label}\n`);
    }
    if (failed && !(opts.has('q') && matched)) return 2;
    return matched ? 0 : 1;
  });
