/**
 * Programs of the catalog's images that the simulator does not run, answering their version
 * checks with what the real program printed (the catalog records it per Debian package and
 * version: `java --version|openjdk-21-jre-headless=21.0.13.1+2-1~deb13u1`, or by the size of a
 * program no package owns: `/hello|size=10072`), in the images and
 * after an apt-get install of the same version. Servers run in the foreground for ever; other
 * work is skipped with a note, as for python3 -c.
 */
import { resolveCommand } from '../invoke.ts';
import { installedDebs } from '../packages/apt.ts';
import { readText } from '../io.ts';
import type { Shell } from '../state.ts';
import type { CommandFn, Io } from '../types.ts';
import type { RecordedOutput } from '../packages/catalog.ts';
import { firstStartOf, postgresStart } from './postgres.ts';

/** The recorded answer for `argv` from the program that is installed here, if any. */
export function recordedFor(argv: readonly string[], sh: Shell): RecordedOutput | undefined {
  const outputs = sh.catalog.outputs;
  if (!outputs) return undefined;
  const program = argv[0] as string;
  const line = [
    program.startsWith('/') ? program : program.slice(program.lastIndexOf('/') + 1),
    ...argv.slice(1),
  ].join(' ');
  for (const [pkg, version] of installedDebs(sh)) {
    const hit = outputs[`${line}|${pkg}=${version}`];
    if (hit) return hit;
  }
  // A program no Debian package owns (busybox, /hello) is recorded by the size of its file.
  try {
    const found = resolveCommand(program, sh);
    const path = found && 'path' in found ? found.path : sh.resolve(program);
    return outputs[`${line}|size=${sh.fs.stat(path).size}`];
  } catch {
    return undefined;
  }
}

/** Writes a recorded answer; its exit status. */
export function printRecorded(io: Io, r: RecordedOutput): number {
  io.stdout.write(r.stdout);
  io.stderr.write(r.stderr);
  return r.status;
}

const VERSION_FLAGS = new Set(['--version', '-version', '-v', '-V', 'version', '--help']);

/** A server (redis-server, postgres, httpd): its version check as recorded, else it runs. */
export const recordedServer: CommandFn = (argv, io, sh) => {
  const r = recordedFor(argv, sh);
  if (r) return printRecorded(io, r);
  if (argv.slice(1).some((a) => VERSION_FLAGS.has(a))) {
    io.stdout.write(`${argv[0]}\n`);
    return 0;
  }
  return sh.forever(argv);
};

/** A language's tool (go, java, ruby, php...): its version check as recorded, else a note. */
export const recordedTool: CommandFn = (argv, io, sh) => {
  const r = recordedFor(argv, sh);
  if (r) return printRecorded(io, r);
  io.stderr.write(`(the simulator does not run ${argv[0]}: \`${argv.join(' ')}\` was skipped)\n`);
  return 0;
};

/** hello-world's /hello: what it prints, as recorded from the real one. */
export const hello: CommandFn = (argv, io, sh) => {
  const r = recordedFor(argv, sh);
  if (r) return printRecorded(io, r);
  io.stderr.write(`(the simulator does not run ${argv[0]})\n`);
  return 0;
};

/** postgres's _pg_want_help: these options make `postgres` print and exit, no server. */
const PG_HELP = /^(-\?|--help|--describe-config|-V|--version|-C.*)$/;

/**
 * An image's docker-entrypoint.sh, run as the shell script it is. postgres's is bash (arrays,
 * `[[ ]]`, `${!var}`) that the simulator's shell does not parse, so its decision is simulated:
 * options go to postgres; `postgres --version` and other commands are exec'd as given; the
 * server's start (database setup included) is commands/postgres.ts, from the catalog's recording
 * of the real one; without a recording the server steps down to user postgres with gosu and runs.
 */
export const dockerEntrypoint: CommandFn = (argv, io, sh) => {
  const name = argv[0] as string;
  const found = resolveCommand(name, sh);
  const path = found && 'path' in found ? found.path : sh.resolve(name);
  let args = argv.slice(1);
  const script = readText(sh.fs, path);
  if (!script.includes('_pg_want_help')) return sh.interp.invoke(['sh', path, ...args], io, sh, []);
  if (args[0]?.startsWith('-')) args = ['postgres', ...args];
  if (args.length === 0) return 0;
  const server = args[0] === 'postgres' && !args.slice(1).some((a) => PG_HELP.test(a));
  const recorded = server ? firstStartOf(sh) : undefined;
  if (recorded) return postgresStart(recorded, script, args, io, sh);
  if (server && sh.user.uid === 0) args = ['gosu', 'postgres', ...args];
  return sh.interp.invoke(args, io, sh, []);
};
