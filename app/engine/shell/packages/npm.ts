import { swallowExit } from '../signals.ts';
import { decode } from '../io.ts';
import type { Shell } from '../state.ts';
import type { CommandFn, Io } from '../types.ts';
import type { CatalogPackage } from './catalog.ts';
import { installFiles } from './install.ts';
import { synthesize } from './synth.ts';
import { npmCommand, npmVersion, unknownCommand, warnUnknownFlags } from './npm-cli.ts';

interface PackageJson {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
}

function readJson(sh: Shell, path: string): PackageJson | null | 'invalid' {
  let text: string;
  try {
    text = decode(sh.fs.readFile(path));
  } catch {
    return null;
  }
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null ? (v as PackageJson) : 'invalid';
  } catch {
    return 'invalid';
  }
}

function err(io: Io, lines: string[]): void {
  io.stderr.write(lines.map((l) => `npm ERR! ${l}\n`).join(''));
}

function noPackageJson(io: Io, path: string): number {
  err(io, [
    'code ENOENT',
    'syscall open',
    `path ${path}`,
    'errno -2',
    `enoent ENOENT: no such file or directory, open '${path}'`,
    'enoent This is related to npm not being able to find a file.',
    'enoent',
  ]);
  return 254;
}

function install(argv: string[], io: Io, sh: Shell): number {
  const ci = argv[1] === 'ci';
  const extra = argv.slice(2).filter((a) => !a.startsWith('-'));
  const omitDev =
    argv.some((a) => a === '--production' || a === '--omit=dev' || a === '--only=production') ||
    sh.get('NODE_ENV') === 'production';
  const pj = readJson(sh, sh.resolve('package.json'));
  if (ci && !sh.fs.exists(sh.resolve('package-lock.json'))) {
    err(io, [
      'code EUSAGE',
      'The `npm ci` command can only install with an existing package-lock.json or',
      'npm-shrinkwrap.json with lockfileVersion >= 1. Run an install with npm@5 or',
      'later to generate a package-lock.json file, then try again.',
    ]);
    return 1;
  }
  if (pj === 'invalid') {
    err(io, [
      'code EJSONPARSE',
      `path ${sh.resolve('package.json')}`,
      'JSON.parse Unexpected token in JSON',
      'JSON.parse Failed to parse JSON data.',
    ]);
    return 1;
  }
  if (pj === null && extra.length === 0) return noPackageJson(io, sh.resolve('package.json'));
  const wanted: Record<string, string> = {
    ...(pj?.dependencies ?? {}),
    ...(omitDev ? {} : (pj?.devDependencies ?? {})),
  };
  for (const e of extra) wanted[e.replace(/(.)@.*$/, '$1')] = 'latest';
  const root = sh.resolve('node_modules');
  if (ci && sh.fs.exists(root)) sh.fs.rmdir(root, { recursive: true });
  const order: CatalogPackage[] = [];
  const seen = new Set<string>();
  const visit = (name: string, range: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const p =
      sh.catalog.npm.lookup(name) ??
      synthesize(name, 'npm', /\d+\.\d+\.\d+/.exec(range)?.[0] ?? '1.0.0');
    for (const d of p.depends) visit(d, '*');
    order.push(p);
  };
  for (const [n, r] of Object.entries(wanted)) visit(n, r);
  const home = sh.get('HOME') ?? '/root';
  for (const p of order) {
    installFiles(sh, p.files, `${root}/${p.name}`);
    const bins = p.files.filter((f) => f.path.startsWith('bin/'));
    for (const b of bins) {
      sh.fs.mkdir(`${root}/.bin`, { recursive: true });
      const link = `${root}/.bin/${b.path.slice(4).replace(/\.js$/, '')}`;
      if (!sh.fs.exists(link)) sh.fs.symlink(`../${p.name}/${b.path}`, link);
    }
    sh.fs.mkdir(`${home}/.npm/_cacache/content-v2/sha512`, { recursive: true });
    sh.fs.writeSizedFile(
      `${home}/.npm/_cacache/content-v2/sha512/${p.name.replace(/\//g, '-')}-${p.version}`,
      p.downloadSize,
    );
  }
  if (!ci && pj !== null && !sh.fs.exists(sh.resolve('package-lock.json'))) {
    const lock = {
      name: pj.name ?? 'app',
      version: pj.version ?? '1.0.0',
      lockfileVersion: 3,
      requires: true,
      packages: Object.fromEntries(
        order.map((p) => [`node_modules/${p.name}`, { version: p.version }]),
      ),
    };
    sh.fs.writeFile(
      sh.resolve('package-lock.json'),
      new TextEncoder().encode(JSON.stringify(lock, null, 2) + '\n'),
    );
  }
  if (order.length === 0)
    io.stdout.write('\nup to date, audited 1 package in 300ms\n\nfound 0 vulnerabilities\n');
  else
    io.stdout.write(
      `\nadded ${order.length} package${order.length === 1 ? '' : 's'}, and audited ${order.length + 1} packages in 2s\n\nfound 0 vulnerabilities\n`,
    );
  return 0;
}

function runNpmScript(name: string, argv: string[], io: Io, sh: Shell): number {
  const pj = readJson(sh, sh.resolve('package.json'));
  if (pj === null || pj === 'invalid') return noPackageJson(io, sh.resolve('package.json'));
  const script = pj.scripts?.[name] ?? (name === 'start' ? 'node server.js' : undefined);
  if (script === undefined) {
    err(io, [`Missing script: "${name}"`, '', 'To see a list of scripts, run:', '  npm run']);
    return 1;
  }
  io.stdout.write(`\n> ${pj.name ?? 'app'}@${pj.version ?? '1.0.0'} ${name}\n> ${script}\n\n`);
  const child = sh.clone();
  const bin = sh.resolve('node_modules/.bin');
  child.set('PATH', `${bin}:${sh.get('PATH') ?? ''}`, true);
  const extra = argv.slice(argv.indexOf('--') + 1);
  const full = argv.includes('--') ? `${script} ${extra.join(' ')}` : script;
  return sh.nested(() => swallowExit(() => sh.interp.runScript(full, child, io)));
}

/** npm install|i|ci [pkgs], npm start|test|run <script>, npm cache clean. */
export const npm: CommandFn = (argv, io, sh) => {
  const version = npmVersion(sh);
  const args = argv.slice(1);
  const typed = args.find((a) => !a.startsWith('-'));
  if (typed === undefined) {
    if (args.includes('-v') || args.includes('--version')) {
      io.stdout.write(`${version}\n`);
      return 0;
    }
    io.stdout.write(
      `npm <command>\n\nUsage:\n\nnpm install        install all the dependencies in your project\nnpm install <foo>  add the <foo> dependency to your project\nnpm test           run this project's tests\nnpm run <foo>      run the script named <foo>\nnpm <command> -h   quick help on <command>\nnpm -l             display usage info for all commands\nnpm help <term>    search for help on <term>\nnpm help npm       more involved overview\n\nnpm@${version} /usr/local/lib/node_modules/npm\n`,
    );
    return 1;
  }
  const sub = npmCommand(typed);
  if (sub === undefined) {
    io.stdout.write(unknownCommand(typed));
    return 1;
  }
  warnUnknownFlags(args, version, io);
  const rest = argv.slice(argv.indexOf(typed) + 1);
  switch (sub) {
    case 'install':
    case 'ci':
      return install(['npm', sub, ...rest], io, sh);
    case 'start':
    case 'test':
    case 'stop':
    case 'restart':
      return runNpmScript(sub, argv, io, sh);
    case 'run':
      return runNpmScript(rest.find((a) => !a.startsWith('-')) ?? '', argv, io, sh);
    case 'cache': {
      const dir = `${sh.get('HOME') ?? '/root'}/.npm/_cacache`;
      if (rest[0] === 'clean' && sh.fs.exists(dir)) sh.fs.rmdir(dir, { recursive: true });
      return 0;
    }
    default:
      return 0;
  }
};
