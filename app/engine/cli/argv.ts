/**
 * Command-line flags as the docker CLI (spf13/pflag) reads them: `-t app`, `-t=app`,
 * `--tag app`, `--tag=app`, combined short booleans (`-it`, `-qa`), repeatable flags
 * (`--build-arg A=1 --build-arg B=2`), `--` ends the flags, and the first non-flag word ends
 * them too for commands that take a command line (`docker run IMAGE CMD...`).
 */
import { EngineError } from '../common/diagnostics.ts';

export interface FlagSpec {
  /** Long name without dashes, e.g. `tag`. */
  name: string;
  short?: string;
  /** `bool` takes no value; `string` one; `list` one per occurrence. */
  type: 'bool' | 'string' | 'list';
}

export interface ParsedArgs {
  flags: Map<string, string[]>;
  positional: string[];
}

export interface ArgsView {
  bool(name: string): boolean;
  string(name: string): string | undefined;
  list(name: string): string[];
  positional: string[];
}

/**
 * Parse argv against flag specs; errors are worded as docker's (`unknown flag: --foo`).
 * @example parseArgs(['-t', 'app', '.'], [{ name: 'tag', short: 't', type: 'list' }]).list('tag') // ['app']
 */
export function parseArgs(
  argv: readonly string[],
  specs: readonly FlagSpec[],
  opts: { command: string; stopAtFirstPositional?: boolean } = { command: 'docker' },
): ArgsView {
  const byLong = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const flags = new Map<string, string[]>();
  const positional: string[] = [];
  const usage = `See 'docker ${opts.command} --help'.`;
  const set = (spec: FlagSpec, value: string) => {
    const list = flags.get(spec.name) ?? [];
    if (spec.type === 'list') list.push(value);
    else list.splice(0, list.length, value);
    flags.set(spec.name, list);
  };
  let i = 0;
  const takeValue = (spec: FlagSpec, shown: string): string => {
    const value = argv[++i];
    if (value === undefined)
      throw new EngineError('bad-flag', `flag needs an argument: ${shown}\n${usage}`);
    return value;
  };
  for (; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      const spec = byLong.get(name);
      if (!spec) throw new EngineError('bad-flag', `unknown flag: --${name}\n${usage}`);
      if (spec.type === 'bool') set(spec, eq < 0 ? 'true' : arg.slice(eq + 1));
      else set(spec, eq < 0 ? takeValue(spec, `--${name}`) : arg.slice(eq + 1));
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const ch = arg[j]!;
        const spec = byShort.get(ch);
        if (!spec)
          throw new EngineError('bad-flag', `unknown shorthand flag: '${ch}' in ${arg}\n${usage}`);
        if (spec.type === 'bool') {
          set(spec, 'true');
          continue;
        }
        const rest = arg.slice(j + 1).replace(/^=/, '');
        set(spec, rest !== '' ? rest : takeValue(spec, `-${ch}`));
        break;
      }
      continue;
    }
    positional.push(arg);
    if (opts.stopAtFirstPositional) {
      positional.push(...argv.slice(i + 1));
      break;
    }
  }
  return {
    positional,
    bool: (name) => {
      const v = flags.get(name)?.at(-1);
      return v !== undefined && v !== 'false';
    },
    string: (name) => flags.get(name)?.at(-1),
    list: (name) => flags.get(name) ?? [],
  };
}

/**
 * Split a command line into words as a POSIX shell would for the terminal (quotes and
 * backslashes; no expansion). Returns an error message for an unclosed quote.
 * @example splitCommandLine(`docker run -e "A=b c" app`) // ['docker','run','-e','A=b c','app']
 */
export function splitCommandLine(line: string): string[] | { error: string } {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && /["\\$`]/.test(line[i + 1] ?? ''))
        current += line[++i];
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '\\') {
      if (i + 1 < line.length) current += line[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (quote)
    return {
      error: `unexpected end of line: the ${quote === '"' ? 'double' : 'single'} quote is not closed`,
    };
  if (inWord) words.push(current);
  return words;
}
