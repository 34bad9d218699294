/**
 * `python3 -c CODE`: the simulator runs no Python, but what a Dockerfile's check lines need most
 * it can answer from the filesystem: whether `import x` finds x (the standard library, the
 * system's dist-packages, pip's site-packages, a virtualenv, the current directory), and
 * `print("literal")`. Anything else says that it was not run.
 */
import type { Shell } from '../state.ts';
import type { Io } from '../types.ts';

/** Modules compiled into Debian's python3.11 binary: importable without a file. */
const BUILTIN = new Set(
  'sys builtins time itertools math cmath posix errno gc marshal atexit faulthandler pwd grp array binascii select zlib _thread _io _signal _abc _codecs _collections _functools _operator _sre _stat _string _struct _random _json _weakref _warnings zipimport'.split(
    ' ',
  ),
);

function exists(sh: Shell, path: string): boolean {
  try {
    sh.fs.stat(path);
    return true;
  } catch {
    return false;
  }
}

/** The directories on sys.path for `python3 -c`, in Python's order. */
function searchPath(sh: Shell, version: string): string[] {
  const venv = sh.get('VIRTUAL_ENV');
  return [
    sh.cwd,
    `/usr/lib/${version}`,
    `/usr/lib/${version}/lib-dynload`,
    `/usr/local/lib/${version}/dist-packages`,
    `/usr/local/lib/${version}/site-packages`,
    '/usr/lib/python3/dist-packages',
    ...(venv ? [`${venv}/lib/${version}/site-packages`] : []),
  ];
}

export function findModule(sh: Shell, name: string, version = 'python3.11'): boolean {
  if (BUILTIN.has(name)) return true;
  return searchPath(sh, version).some(
    (dir) =>
      exists(sh, `${dir}/${name}.py`) ||
      exists(sh, `${dir}/${name}/__init__.py`) ||
      exists(sh, `${dir}/${name}`) ||
      exists(sh, `${dir}/${name}.cpython-311-x86_64-linux-gnu.so`),
  );
}

/** Top-level module names a piece of code imports, in order. */
export function importedModules(code: string): string[] {
  const out: string[] = [];
  for (const stmt of code.split(/[;\n]/)) {
    const imp = /^\s*import\s+(.+)$/.exec(stmt);
    const from = /^\s*from\s+([\w.]+)\s+import\b/.exec(stmt);
    if (from?.[1] && !from[1].startsWith('.')) out.push(from[1].split('.')[0]!);
    else if (imp?.[1])
      for (const part of imp[1].split(',')) out.push(part.trim().split(/\s+/)[0]!.split('.')[0]!);
  }
  return out.filter(Boolean);
}

/** Runs `python3 -c CODE` as far as the simulator can; returns the exit status. */
export function runCode(code: string, io: Io, sh: Shell): number {
  for (const mod of importedModules(code)) {
    if (!findModule(sh, mod)) {
      io.stderr.write(
        `Traceback (most recent call last):\n  File "<string>", line 1, in <module>\nModuleNotFoundError: No module named '${mod}'\n`,
      );
      return 1;
    }
  }
  const rest = code
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !/^(import|from)\s/.test(s));
  for (const stmt of rest) {
    const m = /^print\((['"])(.*)\1\)$/.exec(stmt);
    if (m) io.stdout.write(`${m[2]}\n`);
    else {
      io.stderr.write(`(the simulator does not run Python code: \`${stmt}\` was skipped)\n`);
    }
  }
  return 0;
}
