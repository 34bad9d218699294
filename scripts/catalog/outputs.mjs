// Writes W/out/outputs.json: what each image's usual commands print (python3 --version, java
// --version, httpd -v...), run for real in a chroot of the built image, keyed by the program and
// the Debian package (and version) that provides it, so the simulator prints the real text for
// the same package, in the catalog's images and after an apt-get install of the same version.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  readFileSync,
  readlinkSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

const W = process.env.W ?? '/var/tmp/layerlab-catalog';
const log = (s) => process.stderr.write(`[catalog] ${s}\n`);
const slugOf = (ref) => ref.replace(/[:/]/g, '-');

/** The usual commands of each image (its docs' first example, or the version check). */
const USUAL = {
  'nginx:1.26': [['nginx', '-v']],
  'httpd:2.4': [['httpd', '-v']],
  'redis:8.0': [
    ['redis-server', '--version'],
    ['redis-cli', '--version'],
  ],
  'postgres:17': [
    ['postgres', '--version'],
    ['psql', '--version'],
  ],
  'golang:1.27': [['go', 'version']],
  'eclipse-temurin:21-jdk': [
    ['java', '--version'],
    ['javac', '--version'],
    ['java', '-version'],
  ],
  'eclipse-temurin:21-jre': [
    ['java', '--version'],
    ['java', '-version'],
  ],
  'ruby:3.3': [
    ['ruby', '--version'],
    ['gem', '--version'],
    ['bundle', '--version'],
  ],
  'php:8.4-cli': [['php', '--version']],
  'php:8.4-apache': [
    ['php', '--version'],
    ['apache2', '-v'],
  ],
  'busybox:1.38': [['busybox', '--help']],
  'hello-world:latest': [['/hello']],
};

/** The image's PATH, from its config. */
function pathOf(ref) {
  const img = JSON.parse(readFileSync(join(W, 'out', `${slugOf(ref)}.json`), 'utf8')).file;
  let config = img.config;
  return (
    (config.Env ?? []).find((e) => e.startsWith('PATH='))?.slice(5) ??
    '/usr/local/bin:/usr/bin:/bin'
  );
}

/** The Debian package that provides `path` in `root`, with its version. */
function owner(root, program, path) {
  const r = spawnSync(
    'chroot',
    [
      root,
      '/bin/sh',
      '-c',
      `dpkg -S "$(readlink -f "$(command -v ${program})")" 2>/dev/null | head -1`,
    ],
    { encoding: 'utf8', env: { PATH: path } },
  );
  const pkg = r.stdout.split(':')[0]?.trim();
  if (!pkg) return undefined;
  const v = spawnSync('chroot', [root, 'dpkg-query', '-W', '-f', '${Version}', pkg], {
    encoding: 'utf8',
  }).stdout.trim();
  return v ? `${pkg}=${v}` : undefined;
}

/** The file `program` runs in `root`, found through PATH and its symlinks read inside `root`. */
function programFile(root, program, path) {
  const dirs = program.startsWith('/') ? [''] : path.split(':');
  for (const dir of dirs) {
    let p = join(root, dir, program);
    for (let hops = 0; hops < 40 && existsSync(p); hops++) {
      if (!lstatSync(p).isSymbolicLink()) return p;
      const target = readlinkSync(p);
      p = target.startsWith('/') ? join(root, target) : join(dirname(p), target);
    }
  }
  return undefined;
}

/** `size=BYTES` of the file `program` runs in `root` (busybox's shell has no `command -v` path). */
function sizeOf(root, program, path) {
  const file = programFile(root, program, path);
  return file ? `size=${statSync(file).size}` : 'size=?';
}

const out = {};
for (const [ref, commands] of Object.entries(USUAL)) {
  const root = join(W, `img-${slugOf(ref)}`);
  if (!existsSync(root)) {
    log(`outputs: ${ref} is not built, skipped`);
    continue;
  }
  const PATH = pathOf(ref);
  // A container has /proc: programs find themselves through /proc/self/exe (Debian's go, built
  // with -trimpath, finds its GOROOT that way and fails without it). busybox and hello-world have none.
  const proc = existsSync(join(root, 'proc')) ? join(root, 'proc') : undefined;
  if (proc) execFileSync('mount', ['-t', 'proc', 'proc', proc]);
  try {
    for (const argv of commands) {
      const r = spawnSync('chroot', [root, ...argv], {
        encoding: 'utf8',
        env: { PATH, HOME: '/root', LANG: 'C.UTF-8' },
      });
      // A program no Debian package owns (busybox, /hello) is known by its size, which the
      // simulator can stat (app/engine/shell/commands/recorded.ts).
      const by =
        (argv[0].startsWith('/') ? undefined : owner(root, argv[0], PATH)) ??
        sizeOf(root, argv[0], PATH);
      const key = `${argv.join(' ')}|${by}`;
      out[key] = { stdout: r.stdout, stderr: r.stderr, status: r.status };
      log(`outputs: ${ref}: ${argv.join(' ')} -> ${(r.stdout || r.stderr).split('\n')[0]}`);
    }
  } finally {
    if (proc) execFileSync('umount', [proc]);
  }
}
writeFileSync(join(W, 'out', 'outputs.json'), JSON.stringify(out, null, 2));
execFileSync('true');
