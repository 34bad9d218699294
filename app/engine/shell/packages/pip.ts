import { decode } from '../io.ts';
import type { Shell } from '../state.ts';
import type { CommandFn, Io } from '../types.ts';
import type { CatalogPackage } from './catalog.ts';
import { installFiles } from './install.ts';
import { synthesize } from './synth.ts';
import { installedDebs } from './apt.ts';
import { pipHelp, readPipLine } from './pip-cli.ts';
import { pipQuery } from './pip-query.ts';

/** Where pip installs: the active virtualenv, or the prefix pip lives in (/usr/local by default). */
function prefix(argv0: string, sh: Shell): string {
  const venv = sh.get('VIRTUAL_ENV');
  if (venv) return venv;
  if (argv0.includes('/bin/') && !argv0.startsWith('/usr/bin/'))
    return argv0.slice(0, argv0.lastIndexOf('/bin/'));
  return '/usr/local';
}

function externallyManaged(sh: Shell, root: string): boolean {
  if (root !== '/usr/local') return false;
  try {
    return sh.fs
      .readdir('/usr/lib')
      .some((d) => /^python3\.\d+$/.test(d) && sh.fs.exists(`/usr/lib/${d}/EXTERNALLY-MANAGED`));
  } catch {
    return false;
  }
}

function pyVersion(sh: Shell, root: string): string {
  try {
    const found = sh.fs.readdir(`${root}/lib`).find((d) => /^python3\.\d+$/.test(d));
    if (found) return found;
  } catch {
    /* default below */
  }
  return 'python3.11';
}

/** Requirements from `-r file` lines: names without version specifiers, comments dropped. */
function readRequirements(sh: Shell, file: string, io: Io): string[] | null {
  try {
    const text = decode(sh.fs.readFile(sh.resolve(file)));
    return text
      .split('\n')
      .map((l) => l.replace(/#.*/, '').trim())
      .filter((l) => l !== '' && !l.startsWith('-'));
  } catch {
    io.stderr.write(
      `ERROR: Could not open requirements file: [Errno 2] No such file or directory: '${file}'\n`,
    );
    return null;
  }
}

const bare = (spec: string): string => spec.replace(/\[.*?\]/, '').split(/[=<>!~;\s]/)[0] ?? spec;

/**
 * Where pip installs: Debian's Python into /usr/local/lib/python3.X/dist-packages; a venv or a
 * Python built from source into site-packages.
 */
function sitePackages(sh: Shell, root: string): string {
  const lib = `${root}/lib/${pyVersion(sh, root)}`;
  return root === '/usr/local' &&
    sh.fs.exists(`${lib}/dist-packages`) &&
    !sh.fs.exists(`${lib}/site-packages`)
    ? `${lib}/dist-packages`
    : `${lib}/site-packages`;
}

/** The pip an image has: Debian's python3-pip, else the version a venv's pip was made with. */
function pipVersion(sh: Shell): string {
  const deb = installedDebs(sh).get('python3-pip');
  return deb ? deb.replace(/^\d+:/, '').replace(/[+-].*$/, '') : '23.0.1';
}

/** pip/pip3: the command line as pip reads it (pip-cli.ts), then `install` does its work. */
export const pip: CommandFn = (argv, io, sh) => {
  const line = readPipLine(argv, io);
  const name = (argv[0] as string).slice((argv[0] as string).lastIndexOf('/') + 1);
  if (line.kind === 'exit') return line.status;
  if (line.kind === 'help') {
    io.stdout.write(pipHelp(name));
    return 0;
  }
  const root = prefix(argv[0] as string, sh);
  if (line.kind === 'version') {
    const py = pyVersion(sh, root).replace('python', '');
    io.stdout.write(
      `pip ${pipVersion(sh)} from /usr/lib/python3/dist-packages/pip (python ${py})\n`,
    );
    return 0;
  }
  const args = line.args;
  if (line.command !== 'install') {
    const sites = [
      sitePackages(sh, root),
      ...(root === '/usr/local' ? ['/usr/lib/python3/dist-packages'] : []),
    ];
    return pipQuery(line.command, args, io, sh, sites) ?? 0;
  }
  if (
    !args.some((a) => !a.startsWith('-')) &&
    !args.some((a) => /^-[rc]|^--(requirement|constraint|editable)|^-e/.test(a))
  ) {
    io.stderr.write(
      `ERROR: You must give at least one requirement to install (see "pip help install")\n`,
    );
    return 1;
  }
  return install(args, io, sh, argv[0] as string);
};

/** pip install: `-r file`, `--no-cache-dir`, `--break-system-packages`, packages. */
function install(args: string[], io: Io, sh: Shell, argv0: string): number {
  const specs: string[] = [];
  let noCache = false;
  let breakSystem = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-r' || a === '--requirement') {
      const reqs = readRequirements(sh, args[++i] ?? '', io);
      if (!reqs) return 1;
      specs.push(...reqs);
    } else if (a === '--no-cache-dir') noCache = true;
    else if (a === '--break-system-packages') breakSystem = true;
    else if (a === '-i' || a === '--index-url' || a === '-t' || a === '--target') i++;
    else if (!a.startsWith('-')) specs.push(a);
  }
  const root = prefix(argv0, sh);
  if (externallyManaged(sh, root) && !breakSystem && sh.get('PIP_BREAK_SYSTEM_PACKAGES') !== '1') {
    io.stderr.write(
      'error: externally-managed-environment\n\n× This environment is externally managed\n╰─> To install Python packages system-wide, try apt install\n    python3-xyz, where xyz is the package you are trying to\n    install.\n\n' +
        'note: If you believe this is a mistake, please contact your Python installation or OS distribution provider. You can override this, at the risk of breaking your Python installation or OS, by passing --break-system-packages.\nhint: See PEP 668 for the detailed specification.\n',
    );
    return 1;
  }
  const site = sitePackages(sh, root);
  const order: CatalogPackage[] = [];
  const seen = new Set<string>();
  const visit = (spec: string, from?: string): void => {
    const name = bare(spec);
    if (
      seen.has(name.toLowerCase()) ||
      sh.fs.exists(`${site}/${name.toLowerCase().replace(/-/g, '_')}`)
    )
      return;
    seen.add(name.toLowerCase());
    const p = sh.catalog.pip.lookup(name) ?? synthesize(name, 'pip');
    io.stdout.write(`Collecting ${spec}${from ? ` (from ${from})` : ''}\n`);
    io.stdout.write(
      `  Downloading ${p.name.replace(/-/g, '_')}-${p.version}-py3-none-any.whl (${Math.ceil(p.downloadSize / 1000)} kB)\n`,
    );
    for (const d of p.depends) visit(d, name);
    order.push(p);
  };
  for (const s of specs) visit(s);
  if (order.length === 0) return 0;
  io.stdout.write(`Installing collected packages: ${order.map((p) => p.name).join(', ')}\n`);
  for (const p of order) {
    installFiles(
      sh,
      p.files.filter((f) => !f.path.startsWith('bin/')),
      site,
      { key: p, tag: 'pip-lib' },
    );
    installFiles(
      sh,
      p.files
        .filter((f) => f.path.startsWith('bin/'))
        .map((f) => ({
          ...f,
          content: `#!${root === '/usr/local' ? '/usr/local/bin/python' : `${root}/bin/python`}\n`,
        })),
      root,
      { key: p, tag: 'pip-bin' },
    );
    sh.fs.mkdir(`${site}/${p.name}-${p.version}.dist-info`, { recursive: true });
    if (!noCache) {
      const home = sh.get('HOME') ?? '/root';
      sh.fs.mkdir(`${home}/.cache/pip/http-v2`, { recursive: true });
      sh.fs.writeSizedFile(
        `${home}/.cache/pip/http-v2/${p.name.toLowerCase()}-${p.version}.body`,
        p.downloadSize,
      );
    }
  }
  io.stdout.write(
    `Successfully installed ${order.map((p) => `${p.name}-${p.version}`).join(' ')}\n`,
  );
  if (sh.user.uid === 0 && root === '/usr/local') {
    io.stderr.write(
      "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv\n",
    );
  }
  return 0;
}
