/**
 * What the learner did in the lab, as goal checks need it: the commands typed (with their
 * output), the last build with what it was given (so a check can replay it), and every build
 * since the lesson started with the image it made, so a goal about an image can ask how that
 * image was built, whichever route (Build button or terminal) built it. Plain data.
 */
import type { BuilderKind, StepOutcome } from '../build/events.ts';
import type { ContextFile } from '../build/context.ts';
import type { BuildInput, BuildView, CommandView } from '../session/types.ts';

export interface CommandRecord {
  line: string;
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** How the last build ran: a `docker build` line, or the Build button's input. */
export type BuildSource =
  | { via: 'command'; line: string; dockerfile: string; files: ContextFile[] }
  | { via: 'build'; input: BuildInput };

/** A build as the goal checks remember it: small, without the layers' contents. */
export interface BuildSummary {
  ok: boolean;
  /** The image it made (`sha256:...`), if it made one. */
  imageId: string | undefined;
  builder: BuilderKind;
  steps: { text: string; outcome: StepOutcome }[];
  source: BuildSource;
  /**
   * The config JSON of the image it made, kept here: the image itself may be gone (on the
   * containerd store a BuildKit rebuild under the same tag deletes the one it replaced).
   */
  config?: string | undefined;
}

export interface Activity {
  commands: CommandRecord[];
  lastBuild: { view: BuildView; source: BuildSource } | undefined;
  /** Every build since the lesson started, oldest first (the last 50). */
  builds: BuildSummary[];
}

export const newActivity = (): Activity => ({ commands: [], lastBuild: undefined, builds: [] });

/** Each step's text and outcome, in build order. */
export function stepOutcomes(view: BuildView): { text: string; outcome: StepOutcome }[] {
  const start = view.events.find((e) => e.type === 'build-start');
  const steps = start && start.type === 'build-start' ? start.steps : [];
  const out: { text: string; outcome: StepOutcome }[] = [];
  for (const e of view.events) {
    if (e.type === 'step-done') out.push({ text: steps[e.step]?.text ?? '', outcome: e.outcome });
  }
  return out;
}

function remember(
  activity: Activity,
  view: BuildView,
  source: BuildSource,
  config: string | undefined,
): void {
  activity.lastBuild = { view, source };
  const start = view.events.find((e) => e.type === 'build-start');
  activity.builds = [
    ...activity.builds,
    {
      ok: view.ok,
      imageId: view.image?.id,
      builder: start && start.type === 'build-start' ? start.builder : 'buildkit',
      steps: stepOutcomes(view),
      source,
      config,
    },
  ].slice(-50);
}

/**
 * The build that made this image: the first one since the lesson started whose result it is
 * (a rebuild that changes nothing makes the same image, and does not count as making it).
 * `configOf` gives an image's config JSON: with the containerd store a rebuild that changes
 * nothing still gets a new ID, because BuildKit's provenance attestation in the image's index
 * records when it ran, so the builds are told apart by the config they made instead.
 */
export const buildThatMade = (
  activity: Activity,
  imageId: string,
  configOf?: (id: string) => string | undefined,
): BuildSummary | undefined => {
  const same = activity.builds.find((b) => b.ok && b.imageId === imageId);
  const config = configOf?.(imageId);
  if (config === undefined) return same;
  return (
    activity.builds.find(
      (b) => b.ok && b.imageId && (b.config ?? configOf!(b.imageId)) === config,
    ) ?? same
  );
};

/** Record a command typed in the terminal (and the build it ran, if any). */
export function recordCommand(
  activity: Activity,
  line: string,
  result: CommandView,
  files: readonly ContextFile[],
  dockerfile: string,
  config?: string,
): void {
  activity.commands.push({
    line: line.trim(),
    exitCode: result.exitCode,
    stdout: result.stdout,
    stderr: result.stderr,
  });
  if (result.build) {
    remember(
      activity,
      result.build,
      { via: 'command', line, dockerfile, files: [...files] },
      config,
    );
  }
}

/** Record a build from the Build button. */
export function recordBuild(
  activity: Activity,
  input: BuildInput,
  view: BuildView,
  config?: string,
): void {
  remember(activity, view, { via: 'build', input }, config);
}
