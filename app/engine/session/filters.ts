/**
 * What docker's output can be piped into in the lab's terminal: `grep`, `head`, `tail`, `wc`,
 * `sort`, `uniq` and `awk '{print $N}'`, enough for `docker images | grep app` and
 * `docker ps -a | awk '{print $1}'`. Each takes the text and returns text and a status.
 */
import { splitCommandLine } from '../cli/argv.ts';

export interface FilterResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const lines = (text: string) => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));
const join = (list: string[]) => (list.length ? `${list.join('\n')}\n` : '');

/** `-n 5`, `-n5`, `-5`: the count head and tail take (10 by default). */
function count(args: string[]): number {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-n') return Number(args[i + 1] ?? 10);
    if (/^-n\d+$/.test(a)) return Number(a.slice(2));
    if (/^-\d+$/.test(a)) return Number(a.slice(1));
  }
  return 10;
}

const FILTERS: Record<string, (args: string[], text: string) => FilterResult> = {
  grep: (args, text) => {
    const flags = args.filter((a) => /^-[a-zA-Z]+$/.test(a)).join('');
    const pattern = args.find((a) => !/^-[a-zA-Z]+$/.test(a));
    if (pattern === undefined)
      return { stdout: '', stderr: 'Usage: grep [OPTION]... PATTERNS [FILE]...\n', exitCode: 2 };
    let re: RegExp;
    try {
      re = new RegExp(pattern, flags.includes('i') ? 'i' : '');
    } catch {
      return { stdout: '', stderr: `grep: Invalid regular expression\n`, exitCode: 2 };
    }
    const hits = lines(text).filter((l) => re.test(l) !== flags.includes('v'));
    const stdout = flags.includes('c') ? `${hits.length}\n` : join(hits);
    return { stdout, stderr: '', exitCode: hits.length ? 0 : 1 };
  },
  head: (args, text) => ({
    stdout: join(lines(text).slice(0, count(args))),
    stderr: '',
    exitCode: 0,
  }),
  tail: (args, text) => {
    const n = count(args);
    return { stdout: join(n === 0 ? [] : lines(text).slice(-n)), stderr: '', exitCode: 0 };
  },
  wc: (args, text) => {
    const l = lines(text).length;
    const w = text.split(/\s+/).filter(Boolean).length;
    const c = new TextEncoder().encode(text).length;
    const only = args.find((a) => /^-[lwc]$/.test(a));
    const out =
      only === '-l'
        ? `${l}`
        : only === '-w'
          ? `${w}`
          : only === '-c'
            ? `${c}`
            : `${String(l).padStart(7)} ${String(w).padStart(7)} ${String(c).padStart(7)}`;
    return { stdout: `${out}\n`, stderr: '', exitCode: 0 };
  },
  sort: (args, text) => {
    const sorted = [...lines(text)].sort((a, b) =>
      args.includes('-n') ? parseFloat(a) - parseFloat(b) : a < b ? -1 : a > b ? 1 : 0,
    );
    return {
      stdout: join(args.includes('-r') ? sorted.reverse() : sorted),
      stderr: '',
      exitCode: 0,
    };
  },
  uniq: (_args, text) => ({
    stdout: join(lines(text).filter((l, i, all) => i === 0 || all[i - 1] !== l)),
    stderr: '',
    exitCode: 0,
  }),
  awk: (args, text) => {
    const program = args.find((a) => !a.startsWith('-')) ?? '';
    const m = /^\s*\{\s*print\s+(\$\d+(\s*,?\s*\$\d+)*)\s*\}\s*$/.exec(program);
    if (!m)
      return {
        stdout: '',
        stderr: "awk: this terminal runs only awk '{print $N}' (fields by number)\n",
        exitCode: 2,
      };
    const fields = [...m[1]!.matchAll(/\$(\d+)/g)].map((f) => Number(f[1]));
    const out = lines(text).map((l) => {
      const words = l.trim().split(/\s+/);
      return fields.map((f) => (f === 0 ? l : (words[f - 1] ?? ''))).join(' ');
    });
    return { stdout: join(out), stderr: '', exitCode: 0 };
  },
};

/** Runs `text` through one filter stage (`grep app`); unknown programs fail as a shell says. */
export function runFilter(stage: string, text: string): FilterResult {
  const words = splitCommandLine(stage);
  if ('error' in words) return { stdout: '', stderr: `${words.error}\n`, exitCode: 2 };
  const [name, ...args] = words;
  const filter = name ? FILTERS[name] : undefined;
  if (!filter)
    return {
      stdout: '',
      stderr: `${name ?? ''}: command not found (docker's output can be piped into ${Object.keys(FILTERS).join(', ')})\n`,
      exitCode: 127,
    };
  return filter(args, text);
}
