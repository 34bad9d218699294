/**
 * The embed's side of the postMessage API (app/share/embed-protocol.ts): commands from the
 * page around the iframe move this embed's lab; events tell that page what happened. Each
 * embed has its own store and listens only to messages sent to its own window, so several
 * embeds on one page stay independent.
 */
import { checkMessage, type EmbedEvent } from '../../share/embed-protocol.ts';
import { type LabStore, buildProgress, shownBuild } from '../../store/index.ts';
import { buildPaused, openLab, seekStep, shownStep, stepCount } from '../share/labState.ts';

export interface EmbedTarget {
  postMessage(message: EmbedEvent, targetOrigin: string): void;
}

export interface BridgeOptions {
  /** The page around the iframe (window.parent). */
  target: EmbedTarget;
  /** Allowed origins; empty: any. Events go only to these origins. */
  origins: readonly string[];
  /** Where to listen for messages (the embed's window). */
  source: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  /** Whether a build (loaded or asked for) plays out by itself, or waits for Step. */
  autoplay: boolean;
  /** Told why a message was ignored (the console, in the page). */
  onIgnored?: (reason: string) => void;
}

/** The current step's instruction text ('' before the first step). */
function currentInstruction(store: LabStore): string {
  const s = store.getState();
  const b = shownBuild(s);
  if (!b || s.cursor === 0) return '';
  const p = buildProgress(b.view, s.cursor);
  return p.current === undefined ? '' : (p.steps[p.current]?.info.text ?? '');
}

export function connectEmbed(store: LabStore, opts: BridgeOptions): () => void {
  const send = (event: EmbedEvent) => {
    if (opts.origins.length === 0) opts.target.postMessage(event, '*');
    else for (const origin of opts.origins) opts.target.postMessage(event, origin);
  };

  const onMessage = (e: MessageEvent) => {
    const checked = checkMessage(e.data, e.origin, opts.origins);
    if (!checked.ok) {
      // Messages that are not ours (other libraries use postMessage too) pass in silence.
      if (checked.reason !== 'not a Layerlab message' && checked.reason !== 'not an object') {
        opts.onIgnored?.(checked.reason);
      }
      return;
    }
    const c = checked.command;
    const s = store.getState();
    if (c.type === 'layerlab:load') {
      void openLab(store, c.lab, { at: opts.autoplay ? 'play' : 'start' });
    } else if (c.type === 'layerlab:build') {
      void (opts.autoplay ? s.build({ animate: true }) : buildPaused(store));
    } else if (c.to === 'next') s.stepForward();
    else if (c.to === 'back') s.stepBack();
    else seekStep(store, c.to);
  };

  let lastStep = '';
  let builds = store.getState().builds.length;
  let lastBuild = store.getState().builds.at(-1);
  let wasBuilding = store.getState().status.kind === 'building';
  const unsubscribe = store.subscribe((s) => {
    const last = s.builds.at(-1);
    if (last !== lastBuild || s.builds.length !== builds) {
      builds = s.builds.length;
      lastBuild = last;
      if (last) {
        send({
          type: 'layerlab:build-finished',
          ok: last.view.ok,
          imageId: last.view.image?.id ?? null,
          steps: stepCount(s),
        });
      }
    }
    const building = s.status.kind === 'building';
    if (wasBuilding && s.status.kind === 'failed') {
      send({ type: 'layerlab:build-finished', ok: false, imageId: null, steps: 0 });
    }
    wasBuilding = building;
    const step = shownStep(s);
    if (step !== undefined) {
      const event: EmbedEvent = {
        type: 'layerlab:step-changed',
        step,
        total: stepCount(s),
        instruction: currentInstruction(store),
      };
      const key = JSON.stringify([shownBuild(s)?.number, event.step, event.total]);
      if (key !== lastStep) {
        lastStep = key;
        send(event);
      }
    }
  });

  opts.source.addEventListener('message', onMessage as EventListener);
  send({ type: 'layerlab:ready' });
  return () => {
    unsubscribe();
    opts.source.removeEventListener('message', onMessage as EventListener);
  };
}
