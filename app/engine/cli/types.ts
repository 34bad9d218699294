/**
 * What the docker command layer needs from where it runs (the page, the Node CLI, a lesson)
 * and what a command gives back.
 */
import type { ContextFile } from '../build/context.ts';
import type { OutputRun } from '../common/output-order.ts';
import type { BuildOptions, Engine, EngineBuildResult } from '../daemon/engine.ts';

export interface CliHost {
  /**
   * Read a build context: its files, and the Dockerfile (`-f` relative to the current
   * directory, else `Dockerfile` inside the context). An error says what is missing.
   */
  readContext(
    dir: string,
    dockerfile: string | undefined,
  ): { files: ContextFile[]; dockerfile: string; dockerfileName: string } | { error: string };
  writeFile(path: string, data: Uint8Array): void;
  /**
   * A file's bytes in chunks, read as they are consumed (`docker load -i`: a save may be
   * gigabytes), or undefined when there is no such file.
   */
  openFile?(path: string): Iterable<Uint8Array> | undefined;
  /** What is piped into the command (`layerlab docker load < app.tar`); none in a terminal. */
  stdin?: Iterable<Uint8Array> | undefined;
  env: Readonly<Record<string, string | undefined>>;
  /** Told of each build a command runs (the lab shows it in its panels). */
  onBuild?: (build: {
    opts: BuildOptions;
    result: EngineBuildResult;
    /** Milliseconds the engine took. */
    ms: number;
  }) => void;
}

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /**
   * Which stream wrote what, in turn, where a program's output interleaves them (`docker run`,
   * `docker logs`); absent, a terminal shows the progress (stderr) before the result.
   */
  order?: OutputRun[] | undefined;
  /**
   * `docker run -it IMAGE sh`, `docker exec -it CONTAINER sh`: the terminal is attached to a
   * shell in the container; the lines typed next go to it until it exits.
   */
  attach?: ShellAttach;
}

/** The interactive shell a command attached the terminal to (see `CliResult.attach`). */
export interface ShellAttach {
  /** The container's full ID. */
  container: string;
  /** `run -it`: the shell is the container's main process, so its exit stops the container. */
  stopOnExit: boolean;
  /** `exec -u`, `exec -w`, `exec -e`: this shell's own user, directory and variables. */
  user?: string;
  workdir?: string;
  env: string[];
}

export interface CommandContext {
  engine: Engine;
  host: CliHost;
  argv: string[];
  /** `docker --debug` (`-D`): commands that have more to say say it (build expands warnings). */
  debug?: boolean;
}

export type Command = (ctx: CommandContext) => CliResult;

export const ok = (stdout = '', stderr = ''): CliResult => ({ exitCode: 0, stdout, stderr });
export const fail = (stderr: string, exitCode = 1, stdout = ''): CliResult => ({
  exitCode,
  stdout,
  stderr: stderr.endsWith('\n') ? stderr : `${stderr}\n`,
});

/** `"docker x" requires ...` usage errors, worded as docker's cobra commands word them. */
export function usageError(
  command: string,
  need: string,
  usage: string,
  summary: string,
): CliResult {
  return fail(
    `"docker ${command}" requires ${need}.\nSee 'docker ${command} --help'.\n\nUsage:  docker ${usage}\n\n${summary}`,
  );
}
