/**
 * `docker run -it IMAGE sh` and `docker exec -it CONTAINER sh` in the page's terminal: the
 * terminal enters the container's shell; each line typed there runs in the container through
 * `docker exec`, in the directory the shell is in, until `exit`.
 */
import { splitCommandLine } from '../../engine/cli/argv.ts';

export interface ShellSession {
  container: string;
  cwd: string;
  /** `run -it`: the container stops when its shell exits; `exec -it`: it keeps running. */
  stopOnExit: boolean;
  user: string;
}

/** Marks the end of a command's output with the directory it ended in. */
const CWD_MARK = '\u001eCWD=';

export function quote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

const SHELLS = new Set(['sh', 'bash', '/bin/sh', '/bin/bash', 'ash']);

/**
 * Whether a line opens an interactive shell; if so, the docker command that starts it
 * (`run` becomes a detached run that stays up) and how to reach the container.
 *
 * @example
 * interactive('docker run -it --name box debian sh');
 * // { start: 'docker run -d -i -t --name box debian sh', kind: 'run' }
 */
export function interactive(
  line: string,
): { kind: 'run' | 'exec'; start: string | undefined; container: string | undefined } | undefined {
  const words = splitCommandLine(line);
  if ('error' in words || words[0] !== 'docker') return undefined;
  const sub = words[1];
  if (sub !== 'run' && sub !== 'exec') return undefined;
  const rest = words.slice(2);
  let i = 0;
  let tty = false;
  let stdin = false;
  let detach = false;
  const keep: string[] = [];
  const VALUED = new Set([
    '--name',
    '-e',
    '--env',
    '-w',
    '--workdir',
    '-u',
    '--user',
    '--entrypoint',
    '-p',
    '-v',
    '--hostname',
    '-h',
  ]);
  while (i < rest.length && rest[i]!.startsWith('-')) {
    const w = rest[i]!;
    if (/^-[a-zA-Z]+$/.test(w) && !VALUED.has(w)) {
      if (w.includes('t')) tty = true;
      if (w.includes('i')) stdin = true;
      if (w.includes('d')) detach = true;
      const other = w.slice(1).replace(/[itd]/g, '');
      if (other) keep.push(`-${other}`);
      i++;
    } else if (w === '--interactive' || w === '--tty') {
      if (w === '--tty') tty = true;
      else stdin = true;
      i++;
    } else if (w === '--detach') {
      detach = true;
      i++;
    } else if (VALUED.has(w) && i + 1 < rest.length) {
      keep.push(w, rest[i + 1]!);
      i += 2;
    } else {
      keep.push(w);
      i++;
    }
  }
  if (!tty || !stdin || detach) return undefined;
  const target = rest[i];
  const command = rest.slice(i + 1);
  if (target === undefined) return undefined;
  if (sub === 'exec') {
    if (command.length !== 1 || !SHELLS.has(command[0]!)) return undefined;
    return { kind: 'exec', start: undefined, container: target };
  }
  if (command.length > 1 || (command.length === 1 && !SHELLS.has(command[0]!))) return undefined;
  const name = keep.includes('--name') ? keep[keep.indexOf('--name') + 1] : undefined;
  const args = [
    'docker',
    'run',
    '-d',
    '-i',
    '-t',
    ...keep,
    target,
    ...(command.length ? command : ['sh']),
  ];
  return {
    kind: 'run',
    start: args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : quote(a))).join(' '),
    container: name,
  };
}

/** The `docker exec` that runs one typed line in the shell's container and directory. */
export function execLine(s: ShellSession, line: string): string {
  const script = `${line}\necho "${CWD_MARK}$(pwd)"`;
  return `docker exec -w ${quote(s.cwd)} ${quote(s.container)} sh -c ${quote(script)}`;
}

/** The output without the directory mark, and the directory the line ended in. */
export function splitCwd(stdout: string): { text: string; cwd: string | undefined } {
  const at = stdout.lastIndexOf(CWD_MARK);
  if (at < 0) return { text: stdout, cwd: undefined };
  const end = stdout.indexOf('\n', at);
  return {
    text: stdout.slice(0, at) + (end >= 0 ? stdout.slice(end + 1) : ''),
    cwd: stdout.slice(at + CWD_MARK.length, end >= 0 ? end : undefined),
  };
}

/** The prompt as Debian's sh in a container shows it, with bash's look for orientation. */
export function shellPrompt(s: ShellSession): string {
  const host = s.container.replace(/^sha256:/, '').slice(0, 12);
  return `${s.user}@${host}:${s.cwd}${s.user === 'root' ? '#' : '$'} `;
}
