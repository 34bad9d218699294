/**
 * The speaker view follows the presenting window over a BroadcastChannel (same browser, same
 * origin): the presenter sends where the build stands, the speaker view can step it.
 */
import { type LabState, buildProgress, shownBuild, viewedStep } from '../../store/index.ts';
import { shownStep, stepCount } from '../share/labState.ts';

export const PRESENT_CHANNEL = 'layerlab:present';

export interface SpeakerStep {
  text: string;
  phase: string;
}

export type PresenterMessage =
  | {
      type: 'state';
      build: number | undefined;
      /** Playback steps done (0 = not started) and in all. */
      step: number;
      total: number;
      /** The build's instructions, and the one the last event was about. */
      steps: SpeakerStep[];
      current: number | undefined;
    }
  | { type: 'hello' }
  | { type: 'command'; to: 'next' | 'back' };

/** What the presenting window tells the speaker view about its lab. */
export function presenterState(s: LabState): Extract<PresenterMessage, { type: 'state' }> {
  const b = shownBuild(s);
  if (!b)
    return { type: 'state', build: undefined, step: 0, total: 0, steps: [], current: undefined };
  const p = buildProgress(b.view, s.cursor);
  return {
    type: 'state',
    build: b.number,
    step: shownStep(s) ?? 0,
    total: stepCount(s),
    steps: p.steps.map((st) => ({ text: st.info.text, phase: st.phase })),
    // The step the banner shows: where the view rests right after a build, as the timeline says.
    current: viewedStep(p, { selected: undefined, resting: s.resting }),
  };
}

/** Accepts only well-formed messages from the channel (other tabs may run other versions). */
export function readPresenterMessage(data: unknown): PresenterMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const m = data as Record<string, unknown>;
  if (m.type === 'hello') return { type: 'hello' };
  if (m.type === 'command' && (m.to === 'next' || m.to === 'back')) {
    return { type: 'command', to: m.to };
  }
  if (
    m.type === 'state' &&
    typeof m.step === 'number' &&
    typeof m.total === 'number' &&
    Array.isArray(m.steps) &&
    m.steps.every(
      (st: unknown) =>
        typeof st === 'object' &&
        st !== null &&
        typeof (st as SpeakerStep).text === 'string' &&
        typeof (st as SpeakerStep).phase === 'string',
    )
  ) {
    return {
      type: 'state',
      build: typeof m.build === 'number' ? m.build : undefined,
      step: m.step,
      total: m.total,
      steps: m.steps as SpeakerStep[],
      current: typeof m.current === 'number' ? m.current : undefined,
    };
  }
  return undefined;
}

export function openChannel(): BroadcastChannel | undefined {
  return typeof BroadcastChannel === 'undefined'
    ? undefined
    : new BroadcastChannel(PRESENT_CHANNEL);
}
