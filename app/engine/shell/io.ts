import type { ShellFs } from './fs-port.ts';
import { FsError } from './fs-port.ts';
import { BudgetSignal } from './signals.ts';
import type { Shell } from './state.ts';
import type { Sink } from './types.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const encode = (s: string): Uint8Array => encoder.encode(s);
export const decode = (b: Uint8Array): string => decoder.decode(b);

/** A command's standard input: text read at most once, by lines or all at once. */
export class Input {
  private pos = 0;
  constructor(private readonly text: string) {}
  /** The rest of the input (cat, sort, ...). */
  all(): string {
    const rest = this.text.slice(this.pos);
    this.pos = this.text.length;
    return rest;
  }
  /** One line without its newline, or null at end of input (`read`). */
  line(): string | null {
    if (this.pos >= this.text.length) return null;
    let end = this.text.indexOf('\n', this.pos);
    if (end < 0) end = this.text.length;
    const line = this.text.slice(this.pos, end);
    this.pos = end + 1;
    return line;
  }
}

export const noInput = (): Input => new Input('');

/** Collects output in memory (pipes, command substitution, the run's own stdout). */
export class StringSink implements Sink {
  private parts: string[] = [];
  constructor(private readonly sh?: Shell) {}
  write(s: string): void {
    if (this.sh) this.sh.output(s.length);
    this.parts.push(s);
  }
  text(): string {
    const t = this.parts.join('');
    this.parts = [t];
    return t;
  }
}

export const NULL_SINK: Sink = { write: () => {} };

/** Output redirected to a file: buffered, appended to the file when the command finishes. */
export class FileSink implements Sink {
  private parts: string[] = [];
  constructor(
    private readonly fs: ShellFs,
    readonly path: string,
  ) {}
  write(s: string): void {
    this.parts.push(s);
    // Keep memory bounded for long loops writing to a file.
    if (this.parts.length > 256) this.flush();
  }
  flush(): void {
    if (this.parts.length === 0) return;
    const data = encode(this.parts.join(''));
    this.parts = [];
    this.fs.writeFile(this.path, data, { append: true });
  }
}

/** Method names of ShellFs, for the guarding proxy below. */
const FS_METHODS = [
  'stat',
  'lstat',
  'exists',
  'readFile',
  'writeFile',
  'writeSizedFile',
  'mkdir',
  'readdir',
  'unlink',
  'rmdir',
  'rename',
  'symlink',
  'readlink',
  'link',
  'chmod',
  'chown',
  'utimes',
  'realpath',
] as const;

/**
 * Wraps the filesystem so that running out of the layer's size budget (ENOSPC) stops the whole
 * run with a clear message instead of being printed as one command's error.
 */
export function guardFs(fs: ShellFs): ShellFs {
  const guarded = {} as Record<string, unknown>;
  for (const m of FS_METHODS) {
    const fn = (fs[m] as (...a: unknown[]) => unknown).bind(fs);
    guarded[m] = (...args: unknown[]): unknown => {
      try {
        return fn(...args);
      } catch (e) {
        if (e instanceof FsError && e.code === 'ENOSPC') {
          throw new BudgetSignal(
            'size',
            `this step wrote more data than the simulator allows (no space left writing ${e.path})`,
          );
        }
        throw e;
      }
    };
  }
  return guarded as unknown as ShellFs;
}

/** Reads a whole file as text. */
export function readText(fs: ShellFs, path: string): string {
  return decode(fs.readFile(path));
}
