/**
 * Programs of the catalog's images that the simulator does not run, answering their version
 * checks with what the real program printed (the catalog records it per Debian package and
 * version: `java --version|openjdk-21-jre-headless=21.0.13.1+2-1~deb13u1`), in the images and
 * after an apt-get install of the same version. Servers run in the foreground for ever; other
 * work is skipped with a note, as for python3 -c.
 */
import { installedDebs } from '../packages/apt.ts';
import type { Shell } from '../state.ts';
import type { CommandFn, Io } from '../types.ts';
import type { RecordedOutput } from '../packages/catalog.ts';

/** The recorded answer for `argv` from the program that is installed here, if any. */
function recordedFor(argv: readonly string[], sh: Shell): RecordedOutput | undefined {
  const outputs = sh.catalog.outputs;
  if (!outputs) return undefined;
  const program = argv[0] as string;
  const line = [
    program.startsWith('/') ? program : program.slice(program.lastIndexOf('/') + 1),
    ...argv.slice(1),
  ].join(' ');
  if (program.startsWith('/')) {
    try {
      const hit = outputs[`${line}|size=${sh.fs.stat(program).size}`];
      if (hit) return hit;
    } catch {
      /* not there */
    }
  }
  for (const [pkg, version] of installedDebs(sh)) {
    const hit = outputs[`${line}|${pkg}=${version}`];
    if (hit) return hit;
  }
  return undefined;
}

function print(io: Io, r: RecordedOutput): number {
  io.stdout.write(r.stdout);
  io.stderr.write(r.stderr);
  return r.status;
}

const VERSION_FLAGS = new Set(['--version', '-version', '-v', '-V', 'version', '--help']);

/** A server (redis-server, postgres, httpd): its version check as recorded, else it runs. */
export const recordedServer: CommandFn = (argv, io, sh) => {
  const r = recordedFor(argv, sh);
  if (r) return print(io, r);
  if (argv.slice(1).some((a) => VERSION_FLAGS.has(a))) {
    io.stdout.write(`${argv[0]}\n`);
    return 0;
  }
  return sh.forever(argv);
};

/** A language's tool (go, java, ruby, php...): its version check as recorded, else a note. */
export const recordedTool: CommandFn = (argv, io, sh) => {
  const r = recordedFor(argv, sh);
  if (r) return print(io, r);
  io.stderr.write(`(the simulator does not run ${argv[0]}: \`${argv.join(' ')}\` was skipped)\n`);
  return 0;
};

/** hello-world's /hello: what it prints, as recorded from the real one. */
export const hello: CommandFn = (argv, io, sh) => {
  const r = recordedFor(argv, sh);
  if (r) return print(io, r);
  io.stderr.write(`(the simulator does not run ${argv[0]})\n`);
  return 0;
};
