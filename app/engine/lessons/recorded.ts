/**
 * Test helper: the Docker 28.5 transcripts in conformance/lessons (made by its record.sh), read
 * as commands and what each printed, so a test can hold a lesson's claim to what Docker did.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RecordedCommand {
  /** The command line after `$ `. */
  line: string;
  /** What it printed, stdout and stderr together, without the blank line that ends it. */
  output: string[];
  exitCode: number;
}

const DIR = join(import.meta.dirname, '../../../conformance/lessons');

/**
 * The commands of one transcript.
 * @example recorded('overlay2', 'commit').find((c) => c.line.startsWith('docker run --rm motd:hand'))
 */
export function recorded(store: 'overlay2' | 'containerd', name: string): RecordedCommand[] {
  const text = readFileSync(join(DIR, store, `${name}.txt`), 'utf8');
  const out: RecordedCommand[] = [];
  for (const block of text.split(/\n(?=\$ )/).slice(1)) {
    const [first = '', ...rest] = block.replace(/\n+$/, '').split('\n');
    const exit = rest.at(-1)?.match(/^\[exit (\d+)\]$/);
    if (exit) rest.pop();
    out.push({ line: first.slice(2), output: rest, exitCode: exit ? Number(exit[1]) : 0 });
  }
  return out;
}

/** The one recorded command whose line starts with `prefix` (the `nth` one, counted from 0). */
export function recordedCommand(
  store: 'overlay2' | 'containerd',
  name: string,
  prefix: string,
  nth = 0,
): RecordedCommand {
  const found = recorded(store, name).filter((c) => c.line.startsWith(prefix))[nth];
  if (!found) throw new Error(`${store}/${name}.txt has no command starting "${prefix}"`);
  return found;
}
