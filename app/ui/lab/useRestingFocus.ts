import { useEffect, useRef, type RefObject } from 'react';
import { scrollWithin } from './scrollWithin.ts';
import { useViewedStep } from './useProgress.ts';
import {
  buildProgress,
  restingStep,
  type BuildProgress,
  type BuildRecord,
} from '../../store/index.ts';

/** Focus was lost: on nothing, the page itself, or a control the build disabled. */
function focusLost(): boolean {
  const a = document.activeElement;
  return (
    !a ||
    a === document.body ||
    ((a instanceof HTMLButtonElement || a instanceof HTMLInputElement) && a.disabled) ||
    // The Build button itself: a build that answers within a frame re-enables it before the
    // browser moves focus off the disabled button, so "disabled" alone would depend on speed.
    a.getAttribute('data-testid') === 'build.run'
  );
}

const card = (root: HTMLElement, step: number | undefined) =>
  step === undefined ? null : root.querySelector<HTMLElement>(`[data-step="${step}"]`);

/**
 * Keeps the layer stack where the learner's eyes should be: the playing step scrolled into
 * view in the stack (never the page around it) while a build plays, the resting step once it is over; and after a build that left
 * focus nowhere (the Build button is disabled while it works), focus on the resting step's
 * card, so keyboard users land in the layer list, not on the page.
 */
export function useRestingFocus(
  root: RefObject<HTMLElement | null>,
  build: BuildRecord | undefined,
  progress: BuildProgress | undefined,
): void {
  const focused = useRef<number | undefined>(undefined);
  const number = build?.number;
  useEffect(() => {
    const el = root.current;
    if (!el || !build || number === undefined || focused.current === number) return;
    focused.current = number;
    if (!focusLost()) return;
    const end = buildProgress(build.view, build.view.events.length);
    const target = card(el, restingStep(end))?.querySelector<HTMLElement>('button') ?? el;
    target.focus({ preventScroll: true });
  }, [root, build, number]);

  const viewed = useViewedStep(progress);
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const shown = card(el, viewed);
    if (shown) scrollWithin(shown);
  }, [root, viewed, number]);
}
