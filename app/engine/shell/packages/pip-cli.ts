/**
 * pip's command line before anything is installed: its general options, its commands (an
 * unknown one gets pip's "maybe you meant", from difflib), and each command's options as
 * optparse reads them (a long option may be shortened while it stays unambiguous). A bad one is
 * rejected as pip rejects it: the command's usage and `no such option`, exit 2.
 */
import { PIP, type OptparseOptions } from '../commands/program-options.ts';
import type { Io } from '../types.ts';
import { closeMatches } from './difflib.ts';

export type PipLine =
  | { kind: 'run'; command: string; args: string[] }
  | { kind: 'version' }
  | { kind: 'help' }
  | { kind: 'exit'; status: number };

function usageOf(name: string, command: string | undefined): string {
  const lines = command
    ? (PIP.usage[command] ?? `  PIP ${command} [options]`)
    : '  PIP <command> [options]';
  return lines.replaceAll('PIP ', `${name} `);
}

/** Finds `--typed` among `long` (exactly, or as the only option it starts). */
function longOption(typed: string, long: Record<string, 'none' | 'required'>): string | string[] {
  if (typed in long) return typed;
  const all = Object.keys(long).filter((n) => n.startsWith(typed));
  return all.length === 1 ? all[0]! : all;
}

/**
 * Checks `args` against `opts` and pip's general options; returns the error line optparse
 * would print, or undefined. `--opt value` and `-rFILE` consume their values.
 */
function badOption(args: readonly string[], opts: OptparseOptions): string | undefined {
  const long = { ...PIP.general.long, ...opts.long };
  const short = PIP.general.short + opts.short;
  const shortArg = PIP.general.shortArg + opts.shortArg;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const typed = a.slice(2, eq < 0 ? undefined : eq);
      const found = longOption(typed, long);
      if (Array.isArray(found))
        return found.length === 0
          ? `no such option: --${typed}`
          : `ambiguous option: --${typed} (${found.map((f) => `--${f}`).join(', ')}?)`;
      if (long[found] === 'required') {
        if (eq < 0 && i + 1 >= args.length) return `--${found} option requires 1 argument`;
        if (eq < 0) i++;
      } else if (eq >= 0) return `--${found} option does not take a value`;
      continue;
    }
    if (!a.startsWith('-') || a === '-') continue;
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (shortArg.includes(c)) {
        if (j === a.length - 1) {
          if (i + 1 >= args.length) return `-${c} option requires 1 argument`;
          i++;
        }
        break;
      }
      if (!short.includes(c)) return `no such option: -${c}`;
    }
  }
  return undefined;
}

/**
 * Reads pip's command line: what to run, or the message and status pip would end with.
 *
 * @example readPipLine(['pip3', 'instal', 'flask'], io) // ERROR: unknown command "instal" - maybe you meant "install"
 */
export function readPipLine(argv: readonly string[], io: Io): PipLine {
  const name = (argv[0] ?? 'pip').slice((argv[0] ?? '').lastIndexOf('/') + 1);
  let i = 1;
  // General options may come before the command.
  for (; i < argv.length && argv[i]!.startsWith('-'); i++) {
    const a = argv[i]!;
    if (a === '-V' || a === '--version') return { kind: 'version' };
    if (a === '-h' || a === '--help') return { kind: 'help' };
    const bad = badOption([a, ...argv.slice(i + 1, i + 2)], { short: '', shortArg: '', long: {} });
    if (bad) {
      io.stderr.write(`\nUsage:   \n${usageOf(name, undefined)}\n\n${bad}\n`);
      return { kind: 'exit', status: 2 };
    }
    if (PIP.general.shortArg.includes(a[1]!) || PIP.general.long[a.slice(2)] === 'required') i++;
  }
  const command = argv[i];
  if (command === undefined) return { kind: 'help' };
  if (!PIP.commands.includes(command)) {
    const guess = closeMatches(command, PIP.commands)[0];
    io.stderr.write(
      `ERROR: unknown command "${command}"${guess ? ` - maybe you meant "${guess}"` : ''}\n`,
    );
    return { kind: 'exit', status: 1 };
  }
  const args = argv.slice(i + 1);
  if (args.includes('-h') || args.includes('--help')) return { kind: 'help' };
  const bad = badOption(args, PIP.options[command] ?? { short: '', shortArg: '', long: {} });
  if (bad) {
    io.stderr.write(`\nUsage:   \n${usageOf(name, command)}\n\n${bad}\n`);
    return { kind: 'exit', status: 2 };
  }
  return { kind: 'run', command, args };
}

/** `pip` with no command (or -h): the usage and the command list, on stdout. */
export function pipHelp(name: string): string {
  return `\nUsage:   \n  ${name} <command> [options]\n\nCommands:\n${PIP.commands.map((c) => `  ${c}`).join('\n')}\n`;
}
