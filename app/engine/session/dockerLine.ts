/**
 * One docker command line typed in the terminal (no `&&`, `;` or `$(...)`: compound.ts splits
 * those): its leading variables, the docker CLI run against the session's engine, the build it
 * made as a view, the files it wrote, and the line recorded in the learner's activity.
 */
import type { ContextFile } from '../build/context.ts';
import { splitCommandLine } from '../cli/argv.ts';
import { runDocker } from '../cli/docker.ts';
import type { Engine } from '../daemon/engine.ts';
import { recordCommand, type Activity } from '../lessons/activity.ts';
import type { BroughtFile, ReadProgress } from './brought.ts';
import { orderedChunks, type LineResult } from './compound.ts';
import { openShell } from './interactive.ts';
import { labHost } from './labHost.ts';
import type { BuildView, EngineView } from './types.ts';
import { buildView, type FinishedBuild } from './views.ts';

/** What a line needs of its session. */
export interface DockerLineContext {
  engine: Engine;
  activity: Activity;
  /** Files the learner brought, and those commands wrote (`docker save -o`), by name. */
  brought: Map<string, BroughtFile>;
  progress: ((p: ReadProgress) => void) | undefined;
  view(): EngineView;
  /** The config JSON of the image a build made (lesson goals tell builds apart by it). */
  configOf(build: BuildView | undefined): string | undefined;
}

export function runDockerLine(
  ctx: DockerLineContext,
  line: string,
  files: readonly ContextFile[],
  dockerfile: string,
): LineResult {
  const written: { path: string; data: Uint8Array }[] = [];
  const words = splitCommandLine(line);
  // Every line is recorded in the activity, as the learner typed it.
  const done = (
    exitCode: number,
    stdout: string,
    stderr: string,
    build: BuildView | undefined = undefined,
  ) => {
    const result = { exitCode, stdout, stderr, build, engine: ctx.view(), written };
    recordCommand(ctx.activity, line, result, files, dockerfile, ctx.configOf(build));
    return result;
  };
  if ('error' in words) return done(2, '', `${words.error}\n`);
  // `DOCKER_BUILDKIT=0 docker build .`: leading assignments are the command's environment.
  const env: Record<string, string> = {};
  while (words.length > 0 && /^[A-Za-z_]\w*=/.test(words[0]!)) {
    const word = words.shift()!;
    const eq = word.indexOf('=');
    env[word.slice(0, eq)] = word.slice(eq + 1);
  }
  if (words.length === 0) return done(0, '', '');
  if (words[0] !== 'docker') {
    return done(
      127,
      '',
      `${words[0]}: command not found\nThis terminal speaks the docker CLI: try docker build -t app .  or  docker images\n`,
    );
  }
  // A `docker build` the line runs comes back to the panels as the Build button's does.
  let built: FinishedBuild | undefined;
  const host = labHost(
    files,
    dockerfile,
    env,
    written,
    (b) => {
      built = b;
    },
    ctx.brought,
    ctx.progress,
  );
  const r = runDocker(ctx.engine, words.slice(1), host);
  // What a command wrote (`docker save -o`) is there for the next one (`docker load -i`).
  for (const w of written) ctx.brought.set(w.path.replace(/^\.\//, ''), w.data);
  const result: LineResult = done(
    r.exitCode,
    r.stdout,
    r.stderr,
    built && buildView(ctx.engine, built),
  );
  if (r.order) result.chunks = orderedChunks(r);
  if (r.attach) result.shell = openShell(ctx.engine, r.attach);
  return result;
}
