/**
 * The docker CLI over the simulated engine: argv in, docker's output out. Used by the page's
 * terminal, the lessons and the headless `layerlab docker` command alike.
 */
import { EngineError } from '../common/diagnostics.ts';
import type { Engine } from '../daemon/engine.ts';
import { build } from './commands/build.ts';
import { createCmd, exec, restart, rm, run, startCmd, stop } from './commands/containers.ts';
import { logs } from './commands/logs.ts';
import { commit, diff } from './commands/commit.ts';
import { port, ps } from './commands/ps.ts';
import { cp } from './commands/cp.ts';
import { history } from './commands/history.ts';
import { imagePrune, images, rmi, tag } from './commands/images.ts';
import { containerInspect, imageInspect, inspect } from './commands/inspect.ts';
import { save } from './commands/save.ts';
import { load } from './commands/load.ts';
import { builderPrune, containerPrune, systemPrune } from './commands/prune.ts';
import { systemDf } from './commands/system.ts';
import { fullName, parseImageRef } from '../images/reference.ts';
import { parseArgs } from './argv.ts';
import { fail, type CliHost, type CliResult, type Command } from './types.ts';
import { labHint } from './lab-hint.ts';

const pull: Command = ({ engine, argv }) => {
  const args = parseArgs(argv, [{ name: 'quiet', short: 'q', type: 'bool' }], {
    command: 'pull',
  });
  const [name] = args.positional;
  if (!name || args.positional.length > 1)
    return fail(`"docker pull" requires exactly 1 argument.\nSee 'docker pull --help'.`);
  const { lines } = engine.pull(name);
  // As documented (https://docs.docker.com/reference/cli/docker/image/pull/): the default tag
  // is said first, the full name of what was pulled last; `-q` prints only that name.
  const ref = parseImageRef(name);
  const full = ref.digest
    ? `${fullName(ref).replace(/:[^:/]*$/, '')}@${ref.digest}`
    : fullName(ref);
  if (args.bool('quiet')) return { exitCode: 0, stdout: `${full}\n`, stderr: '' };
  const head =
    ref.tag === undefined && ref.digest === undefined ? 'Using default tag: latest\n' : '';
  return { exitCode: 0, stdout: `${head}${lines.join('\n')}\n${full}\n`, stderr: '' };
};

const push: Command = ({ engine, argv }) => {
  const [name] = argv.filter((a) => !a.startsWith('-'));
  if (!name) return fail(`"docker push" requires exactly 1 argument.\nSee 'docker push --help'.`);
  return { exitCode: 0, stdout: `${engine.push(name).lines.join('\n')}\n`, stderr: '' };
};

const TOP: Record<string, Command> = {
  push,
  build,
  images,
  history,
  inspect,
  tag,
  rmi,
  save,
  load,
  pull,
  run,
  create: createCmd,
  start: startCmd,
  stop,
  restart,
  rm,
  ps,
  exec,
  logs,
  diff,
  commit,
  cp,
  port,
};
const SYSTEM: Record<string, Command> = { df: systemDf, prune: systemPrune };
const BUILDER: Record<string, Command> = { prune: builderPrune };
const CONTAINER: Record<string, Command> = {
  run,
  create: createCmd,
  start: startCmd,
  stop,
  restart,
  rm,
  remove: rm,
  ls: ps,
  list: ps,
  ps,
  exec,
  logs,
  diff,
  commit,
  cp,
  inspect: containerInspect,
  prune: containerPrune,
  port,
};
const IMAGE: Record<string, Command> = {
  build,
  ls: images,
  list: images,
  history,
  inspect: imageInspect,
  tag,
  rm: rmi,
  remove: rmi,
  save,
  load,
  prune: imagePrune,
  pull,
  push,
};

/** Every top-level command name (for Tab completion). */
export const DOCKER_COMMANDS: readonly string[] = [
  ...Object.keys(TOP),
  'image',
  'container',
  'builder',
].sort();

/**
 * Run one docker command. Never throws for user input: engine errors become stderr and exit 1
 * (125 for a flag docker cannot parse).
 * @example runDocker(engine, ['images'], host).stdout
 */
export function runDocker(engine: Engine, argv: readonly string[], host: CliHost): CliResult {
  // docker's own flags come before the command; --debug is the one the lab honours.
  let debug = false;
  let i = 0;
  while (argv[i] === '--debug' || argv[i] === '-D') {
    debug = true;
    i++;
  }
  const [name, ...rest] = argv.slice(i);
  let command: Command | undefined;
  let args = rest;
  if (name === 'image' || name === 'container' || name === 'builder' || name === 'system') {
    const [sub, ...more] = rest;
    const table =
      name === 'image'
        ? IMAGE
        : name === 'container'
          ? CONTAINER
          : name === 'system'
            ? SYSTEM
            : BUILDER;
    command = sub ? table[sub] : undefined;
    args = more;
    if (!command)
      return fail(
        `docker: '${[name, sub].filter(Boolean).join(' ')}' is not a docker command.\nSee 'docker --help'`,
      );
  } else command = name ? TOP[name] : undefined;
  if (!command) {
    return fail(
      name
        ? `docker: '${name}' is not a docker command.\nSee 'docker --help'`
        : 'Usage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers',
      name ? 1 : 0,
    );
  }
  try {
    return command({ engine, host, argv: args, debug });
  } catch (e) {
    if (e instanceof EngineError) {
      const hint = labHint(e);
      // A flag docker cannot parse exits 125, as docker/cli's FlagErrorFunc (cli/cobra.go)
      // returns StatusError{StatusCode: 125}; what the daemon refuses exits 1.
      return fail(hint ? `${e.message}\n${hint}` : e.message, e.code === 'bad-flag' ? 125 : 1);
    }
    throw e;
  }
}
