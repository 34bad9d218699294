/**
 * `node -e CODE` and `node --version`, as far as the simulator can answer them from the
 * filesystem: the version of the Node a path leads to, whether `require('x')` finds x (Node's
 * built-ins, node_modules in the current directory and its parents), and `console.log("literal")`.
 * Anything else says that it was not run.
 */
import type { Shell } from '../state.ts';
import type { Io } from '../types.ts';

const BUILTIN = new Set(
  'assert buffer child_process cluster console crypto dgram dns events fs http http2 https module net os path perf_hooks process querystring readline repl stream string_decoder timers tls tty url util v8 vm worker_threads zlib'.split(
    ' ',
  ),
);

export function findPackage(sh: Shell, name: string): boolean {
  const bare = name.replace(/^node:/, '');
  if (BUILTIN.has(bare.split('/')[0]!)) return true;
  if (name.startsWith('.') || name.startsWith('/')) {
    const p = sh.resolve(name);
    return ['', '.js', '.json', '/index.js'].some((ext) => sh.fs.exists(p + ext));
  }
  const top = name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]!;
  for (let dir = sh.cwd; ; dir = dir.slice(0, dir.lastIndexOf('/')) || '/') {
    if (sh.fs.exists(`${dir === '/' ? '' : dir}/node_modules/${top}`)) return true;
    if (dir === '/') return false;
  }
}

/** Runs `node -e CODE` as far as the simulator can; returns the exit status. */
export function runCode(code: string, io: Io, sh: Shell): number {
  for (const m of code.matchAll(/\brequire\(\s*(['"])([^'"]+)\1\s*\)/g)) {
    const name = m[2]!;
    if (!findPackage(sh, name)) {
      io.stderr.write(
        `node:internal/modules/cjs/loader:1228\n  throw err;\n  ^\n\nError: Cannot find module '${name}'\nRequire stack:\n- ${sh.cwd === '/' ? '' : sh.cwd}/[eval]\n`,
      );
      return 1;
    }
  }
  const rest = code
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(
      (s) => s !== '' && !/^(const|let|var)\s+\w+\s*=\s*require\(/.test(s) && !/^require\(/.test(s),
    );
  for (const stmt of rest) {
    const m = /^console\.log\((['"])(.*)\1\)$/.exec(stmt);
    if (m) io.stdout.write(`${m[2]}\n`);
    else io.stderr.write(`(the simulator does not run JavaScript: \`${stmt}\` was skipped)\n`);
  }
  return 0;
}
