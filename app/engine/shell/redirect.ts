import type { Redirect } from './ast.ts';
import { expandHeredoc, expandWords } from './expand.ts';
import { deviceInput, deviceOf, NoTty } from './devices.ts';
import { FsError } from '../fs/port.ts';
import { FileSink, Input, LargeFileInput, NULL_SINK, readText } from './io.ts';
import type { Shell } from './state.ts';
import type { Io, Sink } from './types.ts';

/** A redirection that could not be set up; dash prints the message and the command fails. */
export class RedirectError extends Error {}

/**
 * Applies redirections left to right over a copy of `io`. Returns the new io and a flush
 * function writing buffered file output; files opened with `>` are truncated at once, as the
 * kernel does on open, so `cat f > f` empties f.
 *
 * @example
 * const { io: rio, flush } = applyRedirects(cmd.redirects, io, sh);
 * try { run(rio); } finally { flush(); }
 */
export function applyRedirects(
  redirects: Redirect[],
  io: Io,
  sh: Shell,
): { io: Io; flush: () => void } {
  const fds = new Map<number, Sink>([
    [1, io.stdout],
    [2, io.stderr],
  ]);
  let stdin = io.stdin;
  let pipedOut = io.pipedOut;
  let tty = io.tty === true;
  const files: FileSink[] = [];
  for (const r of redirects) {
    if (r.heredoc) {
      if ((r.fd ?? 0) === 0) {
        const body = r.heredoc.expand ? expandHeredoc(r.heredoc.body, sh) : r.heredoc.body;
        sh.checkValue(body.length);
        stdin = new Input(body);
      }
      continue;
    }
    const target = targetOf(r.target, sh);
    const fd = r.fd ?? (r.op.startsWith('<') ? 0 : 1);
    switch (r.op) {
      case '>':
      case '>|':
      case '>>':
      case '<>': {
        const sink = openOut(target, r.op === '>>' || r.op === '<>', sh, fds);
        if (sink instanceof FileSink) files.push(sink);
        fds.set(fd, sink);
        if (fd === 1) {
          pipedOut = false;
          tty = false;
        }
        break;
      }
      case '<':
        if (fd === 0) stdin = openIn(target, sh, io);
        break;
      case '>&':
      case '<&': {
        if (target === '-') fds.set(fd, NULL_SINK);
        else if (/^\d+$/.test(target)) {
          const src = fds.get(Number(target));
          if (!src) throw new RedirectError(`${target}: Bad file descriptor`);
          fds.set(fd, src);
        } else if (r.op === '>&') {
          const sink = openOut(target, false, sh, fds);
          if (sink instanceof FileSink) files.push(sink);
          fds.set(1, sink);
          fds.set(2, sink);
        }
        break;
      }
      default:
        break;
    }
  }
  return {
    io: { stdin, stdout: fds.get(1) ?? NULL_SINK, stderr: fds.get(2) ?? NULL_SINK, pipedOut, tty },
    flush: () => {
      for (const f of files) f.flush();
    },
  };
}

function targetOf(word: string, sh: Shell): string {
  const words = expandWords([word], sh);
  if (words.length !== 1) throw new RedirectError(`${word}: ambiguous redirect`);
  return words[0] as string;
}

function openOut(target: string, append: boolean, sh: Shell, fds: Map<number, Sink>): Sink {
  const path = sh.resolve(target);
  const dev = deviceOf(path);
  if (dev === 'stdout') return fds.get(1) ?? NULL_SINK;
  if (dev === 'stderr') return fds.get(2) ?? NULL_SINK;
  if (dev === 'tty') throw new RedirectError(`cannot create ${target}: ${NO_TTY}`);
  // /dev/null, /dev/zero, /dev/full...: written bytes go nowhere, and never into a layer.
  if (dev !== null) return NULL_SINK;
  try {
    if (sh.fs.exists(path) && sh.fs.stat(path).type === 'dir') throw new FsError('EISDIR', path);
    if (!append || !sh.fs.exists(path)) sh.fs.writeFile(path, new Uint8Array(0));
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    const why =
      e.code === 'EISDIR'
        ? 'Is a directory'
        : e.code === 'EACCES'
          ? 'Permission denied'
          : 'Directory nonexistent';
    throw new RedirectError(`cannot create ${target}: ${why}`);
  }
  return new FileSink(sh.fs, path);
}

const NO_TTY = 'No such device or address';

function openIn(target: string, sh: Shell, io: Io): Input {
  const path = sh.resolve(target);
  try {
    const dev = deviceInput(path, io, sh.budget);
    if (dev) return dev;
    const size = sh.fs.stat(path).size;
    const limit = sh.budget.maxValueBytes;
    if (size > limit) return new LargeFileInput(sh.fs, path, size, limit);
    return new Input(readText(sh.fs, path));
  } catch (e) {
    if (e instanceof NoTty) throw new RedirectError(`cannot open ${target}: ${NO_TTY}`);
    if (!(e instanceof FsError)) throw e;
    throw new RedirectError(`cannot open ${target}: No such file`);
  }
}
