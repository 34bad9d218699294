// Writes app/engine/shell/commands/program-options.ts: the subcommands and options pip, npm,
// python3 and node really accept, read from the programs on this machine (pip's and node's
// --help, npm's own command list and config definitions, python3 -h), so the simulator accepts
// what they accept and rejects the rest in their words.
// Usage: node scripts/shell/program-options.mjs   (with pip3, npm, python3 and node on PATH)
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const run = (cmd, args) => spawnSync(cmd, args, { encoding: 'utf8' }).stdout;

/** optparse-style help: "  -r, --requirement <file>", "  --no-deps", "  -q, --quiet". */
function optparse(help) {
  const short = new Set();
  const shortArg = new Set();
  const long = {};
  for (const line of help.split('\n')) {
    const m = /^\s{2}(-[A-Za-z](?:,\s*--[a-z0-9-]+)?|--[a-z0-9-]+)(\s+<[^>]+>|=\S+)?/.exec(line);
    if (!m) continue;
    const takes = m[2] !== undefined;
    for (const part of m[1].split(/,\s*/)) {
      if (part.startsWith('--')) long[part.slice(2)] = takes ? 'required' : 'none';
      else (takes ? shortArg : short).add(part.slice(1));
    }
  }
  return { short: [...short].sort().join(''), shortArg: [...shortArg].sort().join(''), long };
}

// ------------------------------------------------------------------ pip
const pipHelp = run('pip3', ['--help']);
const commandsBlock = /Commands:\n([\s\S]*?)\n\n/.exec(pipHelp)[1];
const pipCommands = commandsBlock.split('\n').map((l) => l.trim().split(/\s+/)[0]);
const generalBlock = pipHelp.slice(pipHelp.indexOf('General Options:'));
const pip = { commands: pipCommands, general: optparse(generalBlock), usage: {}, options: {} };
for (const c of pipCommands) {
  const help = run('pip3', [c, '--help']);
  const usage = /Usage:\s*\n([\s\S]*?)\n\n/.exec(help)?.[1] ?? '';
  pip.usage[c] = usage.replaceAll('pip3 ', 'PIP ');
  pip.options[c] = optparse(help.slice(help.indexOf('Options:'), help.indexOf('General Options:')));
}
const pipVersion = run('pip3', ['--version']).split(' ')[1];

// ------------------------------------------------------------------ npm
const npmRoot = join(
  dirname(
    execFileSync('readlink', ['-f', execFileSync('which', ['npm'], { encoding: 'utf8' }).trim()], {
      encoding: 'utf8',
    }).trim(),
  ),
  '..',
);
const requireNpm = createRequire(join(npmRoot, 'package.json'));
const { commands: npmCommands, aliases: npmAliases } = requireNpm('./lib/utils/cmd-list.js');
const defs = requireNpm('@npmcli/config/lib/definitions/index.js');
const descriptions = {};
for (const c of npmCommands) {
  try {
    descriptions[c] = requireNpm(`./lib/commands/${c}.js`).description;
  } catch {
    /* a command module that needs npm's runtime to load */
  }
}
const npm = {
  version: requireNpm('./package.json').version,
  commands: npmCommands,
  descriptions,
  aliases: npmAliases,
  configs: Object.keys(defs.definitions).sort(),
  shorthands: Object.keys(defs.shorthands).sort(),
};

// ------------------------------------------------------------------ python3
const pyHelp = spawnSync('python3', ['-h'], { encoding: 'utf8' }).stdout;
const python = { short: '', shortArg: '', long: ['help', 'version'] };
for (const line of pyHelp.split('\n')) {
  let m = /^-([A-Za-z?])(\s+(\w+))?\s*:/.exec(line);
  if (m) {
    if (m[2]) python.shortArg += m[1];
    else python.short += m[1];
    continue;
  }
  m = /^--([a-z-]+)/.exec(line);
  if (m) python.long.push(m[1]);
}
const pyVersion = spawnSync('python3', ['--version'], { encoding: 'utf8' }).stdout.trim();

// ------------------------------------------------------------------ node
const nodeHelp = run('node', ['--help']);
const nodeOpts = new Set();
for (const line of nodeHelp.split('\n')) {
  const m = /^\s{2}(-[a-zA-Z], )?(--[a-z0-9-]+)/.exec(line);
  if (m) {
    nodeOpts.add(m[2].slice(2));
    if (m[1]) nodeOpts.add(m[1].slice(1, 2));
  }
}
const v8 = run('node', ['--v8-options'])
  .split('\n')
  .map((l) => /^\s{2}--([a-z0-9-]+)/.exec(l)?.[1])
  .filter(Boolean);
const node = {
  version: process.version,
  options: [...nodeOpts].sort(),
  v8: [...new Set(v8)].sort(),
};

const body = `/**
 * What pip (${pipVersion}), npm (${npm.version}), ${pyVersion} and node (${node.version}) accept, read from the
 * programs by scripts/shell/program-options.mjs into data/program-options.json (generated: do not
 * edit it by hand).
 */
export interface OptparseOptions {
  short: string;
  shortArg: string;
  long: Record<string, 'none' | 'required'>;
}

import data from './data/program-options.json' with { type: 'json' };

export const PIP = data.PIP as {
  commands: string[];
  general: OptparseOptions;
  /** Each command's usage lines, \`PIP \` standing for the name pip was called by. */
  usage: Record<string, string>;
  options: Record<string, OptparseOptions>;
};

export const NPM = data.NPM as {
  version: string;
  commands: string[];
  descriptions: Record<string, string>;
  aliases: Record<string, string>;
  configs: string[];
  shorthands: string[];
};

export const PYTHON = data.PYTHON;

export const NODE = data.NODE;
`;
// One program a line: the table is data, read by the engine, not code to review.
writeFileSync(
  new URL('../../app/engine/shell/commands/data/program-options.json', import.meta.url),
  `{\n${Object.entries({ PIP: pip, NPM: npm, PYTHON: python, NODE: node })
    .map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(',\n')}\n}\n`,
);
writeFileSync(new URL('../../app/engine/shell/commands/program-options.ts', import.meta.url), body);
console.log(
  'pip',
  pipCommands.length,
  'npm',
  npm.commands.length,
  'python',
  python.short,
  'node',
  node.options.length,
  node.v8.length,
);
