/**
 * The builder's view of a Dockerfile: stages of steps with the fields each instruction needs,
 * still unexpanded (expansion happens at build time, with the build args of that build).
 * plan.ts makes these from the parser's output.
 */
import type { SourceRange } from '../common/diagnostics.ts';

export interface CommandForm {
  /** Exec form (`["a", "b"]`), or undefined for the shell form. */
  exec: string[] | undefined;
  /** Shell form text (for RUN with heredocs: the script, heredoc bodies included). */
  shell: string | undefined;
  /**
   * RUN with heredocs: the line alone (`<<EOT`, `cat <<EOF > /f`), what the legacy builder
   * runs: it reads no heredoc (moby's dispatchRun takes ShellDependantCmdLine.CmdLine only).
   */
  lineOnly?: string;
}

export interface CopySpec {
  add: boolean;
  sources: string[];
  dest: string;
  from: string | undefined;
  chown: string | undefined;
  chmod: string | undefined;
  link: boolean;
  exclude: string[];
  /** `COPY <<EOF /path`: inline files by name. */
  heredocs: { name: string; content: string }[];
}

interface Base {
  keyword: string;
  /** As written, continuation lines joined: what Docker prints for the step. */
  text: string;
  range: SourceRange;
  /** A base image's ONBUILD trigger this stage runs after its FROM (range: the FROM line). */
  onbuild?: true;
}

export type StepSpec =
  | (Base & {
      keyword: 'FROM';
      image: string;
      /** Where the image name is written (for a fix that switches it). */
      imageRange: SourceRange | undefined;
      name: string | undefined;
      platform: string | undefined;
    })
  | (Base & { keyword: 'RUN'; command: CommandForm; network: string | undefined; mounts: string[] })
  | (Base & { keyword: 'COPY' | 'ADD'; copy: CopySpec })
  | (Base & { keyword: 'ENV' | 'LABEL'; pairs: [string, string][] })
  | (Base & { keyword: 'ARG'; args: { name: string; value: string | undefined }[] })
  | (Base & { keyword: 'WORKDIR'; value: string })
  | (Base & { keyword: 'USER' | 'STOPSIGNAL' | 'MAINTAINER'; value: string })
  | (Base & { keyword: 'EXPOSE'; ports: string[] })
  | (Base & { keyword: 'VOLUME'; paths: string[] })
  | (Base & { keyword: 'CMD' | 'ENTRYPOINT'; command: CommandForm })
  | (Base & { keyword: 'SHELL'; argv: string[] })
  | (Base & {
      keyword: 'HEALTHCHECK';
      none: boolean;
      command: CommandForm | undefined;
      options: Record<string, string>;
    })
  | (Base & { keyword: 'ONBUILD'; trigger: string });

export interface StageSpec {
  index: number;
  name: string | undefined;
  from: Extract<StepSpec, { keyword: 'FROM' }>;
  steps: StepSpec[];
}

export interface BuildPlan {
  /** ARGs declared before the first FROM: usable in FROM lines only. */
  globalArgs: { name: string; value: string | undefined }[];
  stages: StageSpec[];
}

export function isFilesystemStep(step: StepSpec): boolean {
  return (
    step.keyword === 'RUN' ||
    step.keyword === 'COPY' ||
    step.keyword === 'ADD' ||
    step.keyword === 'WORKDIR'
  );
}
