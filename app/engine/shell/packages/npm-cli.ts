/**
 * npm's command line: its command names as npm derefs them (lib/utils/cmd-list.js: the commands,
 * their aliases and typos, unambiguous abbreviations), "Unknown command" with npm's "Did you mean"
 * (fastest-levenshtein distance under 0.4 of the typed length), and, from npm 11, the warning
 * for a flag that is not one of its configs. The version is the image's npm.
 */
import { distance } from 'fastest-levenshtein';
import { NPM } from '../commands/program-options.ts';
import { decode } from '../io.ts';
import type { Shell } from '../state.ts';
import type { Io } from '../types.ts';
import { installedDebs } from './apt.ts';

/** The command npm runs for what was typed (`i` -> install, `instal` -> install), if any. */
export function npmCommand(typed: string): string | undefined {
  const c = typed.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`);
  if (NPM.commands.includes(c)) return c;
  if (NPM.aliases[c]) return NPM.aliases[c];
  // abbrev(): a prefix only one name starts.
  const names = [...NPM.commands, ...Object.keys(NPM.aliases)];
  const starts = names.filter((n) => n.startsWith(c));
  if (starts.length !== 1) return undefined;
  let a = starts[0]!;
  while (NPM.aliases[a]) a = NPM.aliases[a]!;
  return a;
}

/** npm's answer to an unknown command, on stdout (exit 1). */
export function unknownCommand(typed: string): string {
  const close = NPM.commands.filter((c) => c !== typed && distance(typed, c) < typed.length * 0.4);
  const mean =
    close.length === 0
      ? ''
      : `\n\nDid you mean ${close.length === 1 ? 'this' : 'one of these'}?\n${close
          .slice(0, 3)
          .map((c) => `  npm ${c} # ${NPM.descriptions[c] ?? ''}`)
          .join('\n')}`;
  return `Unknown command: "${typed}"${mean}\nTo see a list of supported npm commands, run:\n  npm help\n`;
}

/** The image's npm: the official image's /usr/local one, else Debian's package. */
export function npmVersion(sh: Shell): string {
  try {
    const pkg = JSON.parse(
      decode(sh.fs.readFile('/usr/local/lib/node_modules/npm/package.json')),
    ) as {
      version?: string;
    };
    if (pkg.version) return pkg.version;
  } catch {
    /* not the official layout */
  }
  const deb = installedDebs(sh).get('npm');
  return deb ? deb.replace(/^\d+:/, '').replace(/[+-].*$/, '') : '9.2.0';
}

/** npm 11 warns about flags that are not configs (npm 10 ignored them quietly). */
export function warnUnknownFlags(args: readonly string[], version: string, io: Io): void {
  if (Number(version.split('.')[0]) < 11) return;
  for (const a of args) {
    if (a === '--') break;
    if (!a.startsWith('--')) continue;
    const name = a.slice(2).replace(/=.*$/, '');
    const known = (n: string) => NPM.configs.includes(n) || NPM.shorthands.includes(n);
    if (!known(name) && !(name.startsWith('no-') && known(name.slice(3))))
      io.stderr.write(
        `npm warn Unknown cli config "--${name}". This will stop working in the next major version of npm.\n`,
      );
  }
}
