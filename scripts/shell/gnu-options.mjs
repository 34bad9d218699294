// Writes app/engine/shell/commands/gnu-options.ts: the options each GNU utility the simulator
// implements really accepts (read from its --help on this Debian machine) and the status it
// exits with on an unknown one, so the simulator accepts every real option and rejects the rest
// in the utility's own words.
// chmod is left out: its modes look like options (`chmod -x file`) and it sorts them out itself.
// Usage: node scripts/shell/gnu-options.mjs   (on Debian; coreutils, grep, sed, findutils, tar)
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const COMMANDS =
  `cat cp ln mkdir mv rm rmdir touch ls basename dirname readlink realpath mktemp stat du df
chown chgrp env timeout nohup xargs dd truncate fallocate date groups id nproc printenv sleep
uname whoami cut head seq sort tail tee tr uniq wc yes grep sed tar sha256sum sha512sum sha1sum
md5sum useradd groupadd usermod`.split(/\s+/);

const out = {};
for (const cmd of COMMANDS) {
  const help = spawnSync(cmd, ['--help'], { encoding: 'utf8' }).stdout;
  const bad = spawnSync(cmd, ['--layerlab-no-such-option'], { encoding: 'utf8', input: '' });
  const short = new Set();
  const shortArg = new Set();
  const shortOpt = new Set();
  const long = {};
  for (const line of help.split('\n')) {
    if (!/^\s{1,12}-/.test(line)) continue;
    // "  -n, --lines=[-]NUM", "  -e script, --expression=script", "      --help", "  -I PATTERN"
    const spec = line.trim().split(/\s{2,}/)[0];
    for (const part of spec.split(/,\s*/)) {
      // "-n", "-I PATTERN", "-e script", "-i[SUFFIX]" (an optional value, glued).
      let m = /^-([A-Za-z0-9])(\[[^\]]*\]|\s+\S.*)?$/.exec(part.trim());
      if (m) {
        (m[2]?.startsWith('[') ? shortOpt : m[2] ? shortArg : short).add(m[1]);
        continue;
      }
      m = /^--([a-z0-9][a-z0-9-]*)(\[?=)?(.*)$/.exec(part.trim());
      if (m) {
        const arg =
          m[2] === '[='
            ? 'optional'
            : m[2] === '='
              ? 'required'
              : /^\s+[A-Z<]/.test(m[3] ?? '')
                ? 'required'
                : 'none';
        long[m[1]] = arg;
        // "-n, --lines=NUM": the short letter takes a value too.
        const s = /^-([A-Za-z0-9]),/.exec(spec);
        // (Not for a literal value: "-p, --indicator-style=slash".)
        const placeholder = (m[3] ?? '').trim();
        if (
          s &&
          arg === 'required' &&
          /^\[?[-+]?\]?[A-Z]/.test(placeholder) &&
          spec.indexOf(`--${m[1]}`) > 0
        ) {
          short.delete(s[1]);
          shortArg.add(s[1]);
        }
      }
    }
  }
  for (const c of [...shortArg, ...shortOpt]) short.delete(c);
  const firstLine = bad.stderr.split('\n')[1] ?? '';
  out[cmd] = {
    short: [...short].sort().join(''),
    shortArg: [...shortArg].sort().join(''),
    shortOpt: [...shortOpt].sort().join(''),
    long,
    status: bad.status,
    // What follows the first line: GNU's "Try 'x --help'" or a usage text.
    after: bad.stderr.split('\n').slice(1).join('\n').replace(/\n$/, ''),
    firstLine: firstLine.startsWith('Try') ? undefined : firstLine,
  };
}
const version = execFileSync('dpkg-query', ['-W', '-f', '${Version}', 'coreutils'], {
  encoding: 'utf8',
});
const body = `/**
 * The options GNU utilities accept and the status they exit with on an unknown one, read from
 * each program's --help on Debian (coreutils ${version}) by scripts/shell/gnu-options.mjs into
 * data/gnu-options.json (generated: do not edit it by hand).
 */
export interface GnuOptions {
  /** Short options without a value. */
  short: string;
  /** Short options that take a value. */
  shortArg: string;
  /** Short options whose value is optional, glued (\`sed -i.bak\`). */
  shortOpt: string;
  long: Record<string, 'none' | 'required' | 'optional'>;
  /** Exit status for a bad option. */
  status: number;
  /** What the program prints after its first error line. */
  after: string;
}

import data from './data/gnu-options.json' with { type: 'json' };

export const GNU_OPTIONS = data as Record<string, GnuOptions>;
`;
const table = Object.fromEntries(
  Object.entries(out).map(([k, v]) => [
    k,
    {
      short: v.short,
      shortArg: v.shortArg,
      shortOpt: v.shortOpt,
      long: v.long,
      status: v.status,
      after: v.after,
    },
  ]),
);
// One program a line: the table is data, read by the engine, not code to review.
writeFileSync(
  new URL('../../app/engine/shell/commands/data/gnu-options.json', import.meta.url),
  `{\n${Object.entries(table)
    .map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(',\n')}\n}\n`,
);
writeFileSync(new URL('../../app/engine/shell/commands/gnu-options.ts', import.meta.url), body);
console.log(Object.keys(out).length, 'commands');
