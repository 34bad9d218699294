import { readText } from '../io.ts';
import type { Shell } from '../state.ts';
import type { CommandFn, Io } from '../types.ts';
import { runCode as runNodeCode } from './node-code.ts';
import { nodeVersion, pythonVersion, readNodeLine, readPythonLine } from './interpreters.ts';
import { runCode } from './python-code.ts';
import { basename, fsError, tryStat, writeText } from './common.ts';
import { printRecorded, recordedFor } from './recorded.ts';
import { installedDebs } from '../packages/apt.ts';

/** Deterministic pseudo size for a download: the same URL always gives the same file. */
function sizeOf(url: string): number {
  let h = 2166136261;
  for (const c of url) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return 4096 + ((h >>> 0) % (2 << 20));
}

function hostOf(url: string): string | null {
  return /^(?:https?|ftp):\/\/([^/:?#]+)/.exec(url)?.[1] ?? null;
}

/** Writes a downloaded file: sized, since the simulator has no network. */
function download(sh: Shell, io: Io, cmd: string, url: string, out: string): boolean {
  try {
    sh.fs.writeSizedFile(sh.resolve(out), sizeOf(url));
    return true;
  } catch (e) {
    io.stderr.write(
      `${cmd}: ${out}: ${fsError(e).code === 'ENOENT' ? 'No such file or directory' : e instanceof Error ? e.message : ''}\n`,
    );
    return false;
  }
}

/** curl: `-o file`/`-O` saves a (sized) file; to stdout it prints nothing the shell could run. */
export const curl: CommandFn = (argv, io, sh) => {
  let out: string | undefined;
  let remoteName = false;
  const urls: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '-o' || a === '--output') out = argv[++i];
    else if (a === '-O' || a === '--remote-name') remoteName = true;
    else if (/^-[a-zA-Z]*O$/.test(a)) remoteName = true;
    else if (/^-[a-zA-Z]*o$/.test(a)) out = argv[++i];
    else if (
      [
        '-H',
        '-X',
        '-d',
        '-u',
        '-A',
        '-e',
        '--data',
        '--header',
        '--retry',
        '-w',
        '--max-time',
        '-m',
      ].includes(a)
    )
      i++;
    else if (!a.startsWith('-')) urls.push(a);
  }
  if (urls.length === 0) {
    io.stderr.write("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  for (const url of urls) {
    const host = hostOf(url.includes('://') ? url : `http://${url}`);
    if (!host || (!host.includes('.') && host !== 'localhost')) {
      io.stderr.write(`curl: (6) Could not resolve host: ${host ?? url}\n`);
      return 6;
    }
    const target =
      out ?? (remoteName ? basename(url.replace(/[?#].*$/, '')) || 'index.html' : undefined);
    if (target !== undefined && !download(sh, io, 'curl', url, target)) return 23;
  }
  return 0;
};

export const wget: CommandFn = (argv, io, sh) => {
  let out: string | undefined;
  let quiet = false;
  const urls: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '-O' || a === '--output-document') out = argv[++i];
    else if (/^-[a-zA-Z]*O$/.test(a)) out = argv[++i];
    else if (a === '-q' || a === '--quiet' || /^-[a-zA-Z]*q/.test(a)) quiet = true;
    else if (!a.startsWith('-')) urls.push(a);
  }
  for (const url of urls) {
    const target = out ?? (basename(url.replace(/[?#].*$/, '')) || 'index.html');
    if (!quiet)
      io.stderr.write(
        `--2023-11-14 22:13:20--  ${url}\nSaving to: '${target}'\n\n${target} saved [${sizeOf(url)}/${sizeOf(url)}]\n\n`,
      );
    if (target === '-') continue;
    if (!download(sh, io, 'wget', url, target)) return 1;
  }
  return 0;
};

/** git clone makes the directory with a .git inside; other subcommands succeed quietly. */
export const git: CommandFn = (argv, io, sh) => {
  const sub = argv[1];
  if (sub === '--version' || sub === 'version') {
    io.stdout.write('git version 2.39.2\n');
    return 0;
  }
  if (sub !== 'clone') return 0;
  const args = argv
    .slice(2)
    .filter(
      (a, i, all) =>
        !a.startsWith('-') && !['--branch', '-b', '--depth'].includes(all[i - 1] ?? ''),
    );
  const url = args[0];
  if (url === undefined) {
    io.stderr.write('fatal: You must specify a repository to clone.\n');
    return 129;
  }
  const dir = args[1] ?? basename(url).replace(/\.git$/, '');
  const path = sh.resolve(dir);
  if (tryStat(sh, path) && sh.fs.readdir(path).length > 0) {
    io.stderr.write(
      `fatal: destination path '${dir}' already exists and is not an empty directory.\n`,
    );
    return 128;
  }
  io.stderr.write(`Cloning into '${dir}'...\n`);
  sh.fs.mkdir(`${path}/.git/objects/pack`, { recursive: true });
  writeText(sh, `${path}/.git/HEAD`, 'ref: refs/heads/main\n');
  writeText(sh, `${path}/.git/config`, `[remote "origin"]\n\turl = ${url}\n`);
  sh.fs.writeSizedFile(`${path}/.git/objects/pack/pack-0001.pack`, sizeOf(url));
  writeText(sh, `${path}/README.md`, `# ${dir}\n`);
  return 0;
};

const SERVER_CODE =
  /serve_forever|app\.run\(|\.listen\(|uvicorn\.run|http\.server|createServer|while True:/;

/** Runs a script file for python3/node: servers never return; a missing file fails as they do. */
function runFile(
  argv: string[],
  io: Io,
  sh: Shell,
  missing: (f: string) => string,
  code: number,
): number {
  const file = argv.find((a, i) => i > 0 && !a.startsWith('-')) as string;
  let text: string;
  try {
    text = readText(sh.fs, sh.resolve(file));
  } catch (e) {
    fsError(e);
    io.stderr.write(missing(file));
    return code;
  }
  if (SERVER_CODE.test(text)) sh.forever(argv);
  return 0;
}

export const python: CommandFn = (argv, io, sh) => {
  const line = readPythonLine(argv, io);
  if (line.kind === 'exit') return line.status;
  const opts = argv.slice(1, line.at);
  if (opts.some((a) => /^-[a-zA-Z]*V/.test(a) || a === '--version')) {
    io.stdout.write(`Python ${pythonVersion(sh, argv[0] as string)}\n`);
    return 0;
  }
  const m = opts.findIndex((a) => a === '-m' || a.startsWith('-m'));
  if (m >= 0) {
    const mod = opts[m] === '-m' ? argv[line.at] : (opts[m] as string).slice(2);
    if (mod === 'http.server' || mod === 'flask' || mod === 'uvicorn' || mod === 'gunicorn')
      sh.forever(argv);
    if (mod === 'venv') return venv(argv.slice(line.at + (opts[m] === '-m' ? 1 : 0)), io, sh);
    return 0;
  }
  const c = opts.findIndex((a) => a === '-c' || a.startsWith('-c'));
  if (c >= 0)
    return runCode(opts[c] === '-c' ? (argv[line.at] ?? '') : (opts[c] as string).slice(2), io, sh);
  if (line.at >= argv.length) return 0;
  const cwd = sh.cwd;
  const script = argv.slice(line.at);
  return runFile(
    [argv[0] as string, ...script],
    io,
    sh,
    (f) =>
      `${argv[0]}: can't open file '${f.startsWith('/') ? f : `${cwd === '/' ? '' : cwd}/${f}`}': [Errno 2] No such file or directory\n`,
    2,
  );
};

function venv(args: string[], io: Io, sh: Shell): number {
  const dir = args.find((a) => !a.startsWith('-'));
  if (dir === undefined) {
    io.stderr.write(
      'usage: venv [-h] ENV_DIR [ENV_DIR ...]\nvenv: error: the following arguments are required: ENV_DIR\n',
    );
    return 2;
  }
  const root = sh.resolve(dir);
  const minor = /^\d+\.\d+/.exec(pythonVersion(sh, 'python3'))?.[0] ?? '3.11';
  sh.fs.mkdir(`${root}/bin`, { recursive: true });
  sh.fs.mkdir(`${root}/lib/python${minor}/site-packages`, { recursive: true });
  writeText(
    sh,
    `${root}/pyvenv.cfg`,
    `home = /usr/bin\ninclude-system-site-packages = false\nversion = ${pythonVersion(sh, 'python3')}\n`,
  );
  writeText(
    sh,
    `${root}/bin/activate`,
    `VIRTUAL_ENV=${root}\nexport VIRTUAL_ENV\nPATH="$VIRTUAL_ENV/bin:$PATH"\nexport PATH\n`,
  );
  for (const [name, target] of [
    ['python', '/usr/bin/python3'],
    ['python3', 'python'],
  ] as const)
    sh.fs.symlink(target, `${root}/bin/${name}`);
  for (const pip of ['pip', 'pip3']) {
    sh.fs.writeFile(`${root}/bin/${pip}`, new TextEncoder().encode(`#!${root}/bin/python3\n`), {
      mode: 0o755,
    });
  }
  sh.fs.mkdir(`${root}/lib/python${minor}/site-packages/pip`, { recursive: true });
  sh.fs.writeSizedFile(`${root}/lib/python${minor}/site-packages/pip/__init__.py`, 10_600_000);
  return 0;
}

export const node: CommandFn = (argv, io, sh) => {
  const line = readNodeLine(argv, io);
  if (line.kind === 'exit') return line.status;
  if (argv.slice(1, line.at).some((a) => a === '--version' || a === '-v')) {
    io.stdout.write(`${nodeVersion(sh)}\n`);
    return 0;
  }
  if (line.code !== undefined) return runNodeCode(line.code, io, sh);
  if (line.at >= argv.length) return 0;
  return runFile(
    [argv[0] as string, ...argv.slice(line.at)],
    io,
    sh,
    (f) =>
      `node:internal/modules/cjs/loader:1080\n  throw err;\n  ^\n\nError: Cannot find module '${sh.resolve(f)}'\n`,
    1,
  );
};

export const nginx: CommandFn = (argv, io, sh) => {
  if (argv.includes('-v') || argv.includes('-V')) {
    // What the installed nginx printed when the catalog ran it (nginx:1.26 is trixie's 1.26.3),
    // else the upstream part of the installed package's version (bookworm's 1.22.1-9+deb12u1).
    const recorded = recordedFor(['nginx', '-v'], sh);
    if (recorded) return printRecorded(io, recorded);
    const debs = installedDebs(sh);
    const deb = ['nginx', 'nginx-core', 'nginx-light', 'nginx-full']
      .map((p) => debs.get(p))
      .find(Boolean);
    const upstream = deb?.replace(/^\d+:/, '').replace(/-[^-]*$/, '') ?? '1.22.1';
    io.stderr.write(`nginx version: nginx/${upstream}\n`);
    return 0;
  }
  if (argv.includes('-t')) {
    io.stderr.write(
      'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n',
    );
    return 0;
  }
  const g = argv[argv.indexOf('-g') + 1] ?? '';
  // Without `daemon off;` nginx forks into the background and the foreground process exits.
  if (argv.includes('-g') && /daemon\s+off/.test(g)) sh.forever(argv);
  return 0;
};

/** Servers installed by packages: started in the foreground, they never return. */
export const server: CommandFn = (argv, io, sh) => {
  if (argv.includes('--version') || argv.includes('-v') || argv.includes('--help')) {
    io.stdout.write(`${argv[0]}\n`);
    return 0;
  }
  return sh.forever(argv);
};
