/**
 * The embed's postMessage API. A page that embeds Layerlab in an iframe sends commands; the
 * embed sends events back. Every incoming message is checked: its origin (when the embed was
 * given `origins=`), its shape, and its size; anything else is ignored with a reason.
 *
 * In:  { type: 'layerlab:load', lab: SharedLab }   replace the lab
 *      { type: 'layerlab:build' }                   build now
 *      { type: 'layerlab:step', to: 'next' | 'back' | number }
 * Out: { type: 'layerlab:ready' }
 *      { type: 'layerlab:step-changed', step: number, total: number, instruction: string }
 *      { type: 'layerlab:build-finished', ok: boolean, imageId: string | null, steps: number }
 */
import type { SharedLab } from './codec.ts';

export type EmbedCommand =
  | { type: 'layerlab:load'; lab: SharedLab }
  | { type: 'layerlab:build' }
  | { type: 'layerlab:step'; to: 'next' | 'back' | number };

export type EmbedEvent =
  | { type: 'layerlab:ready' }
  | { type: 'layerlab:step-changed'; step: number; total: number; instruction: string }
  | { type: 'layerlab:build-finished'; ok: boolean; imageId: string | null; steps: number };

const MAX_MESSAGE_CHARS = 500_000;

export type Checked = { ok: true; command: EmbedCommand } | { ok: false; reason: string };

/** `origins=https://a.example,https://b.example` from the embed URL; empty = any origin. */
export function parseOrigins(param: string | null): string[] {
  if (!param) return [];
  return param
    .split(',')
    .map((o) => o.trim())
    .filter((o) => /^https?:\/\/[^/\s]+$/.test(o));
}

export function checkMessage(data: unknown, origin: string, allowed: readonly string[]): Checked {
  if (allowed.length > 0 && !allowed.includes(origin)) {
    return { ok: false, reason: `origin ${origin} is not allowed` };
  }
  if (typeof data !== 'object' || data === null) return { ok: false, reason: 'not an object' };
  const m = data as Record<string, unknown>;
  if (typeof m.type !== 'string' || !m.type.startsWith('layerlab:')) {
    return { ok: false, reason: 'not a Layerlab message' };
  }
  switch (m.type) {
    case 'layerlab:build':
      return { ok: true, command: { type: 'layerlab:build' } };
    case 'layerlab:step': {
      const to = m.to;
      if (to === 'next' || to === 'back')
        return { ok: true, command: { type: 'layerlab:step', to } };
      if (typeof to === 'number' && Number.isInteger(to) && to >= 0 && to < 100_000) {
        return { ok: true, command: { type: 'layerlab:step', to } };
      }
      return { ok: false, reason: 'step needs to: "next", "back" or a step number' };
    }
    case 'layerlab:load': {
      let size: number;
      try {
        size = JSON.stringify(m.lab ?? null).length;
      } catch {
        return { ok: false, reason: 'lab is not plain data' };
      }
      if (size > MAX_MESSAGE_CHARS) return { ok: false, reason: 'lab is too large' };
      const lab = m.lab as Partial<SharedLab> | undefined;
      if (
        !lab ||
        typeof lab.dockerfile !== 'string' ||
        !Array.isArray(lab.files) ||
        !lab.files.every((f) => f && typeof f.path === 'string' && typeof f.content === 'string')
      ) {
        return { ok: false, reason: 'load needs lab: { dockerfile, files: [{ path, content }] }' };
      }
      return {
        ok: true,
        command: {
          type: 'layerlab:load',
          lab: {
            dockerfile: lab.dockerfile,
            files: lab.files.map((f) => ({ path: f.path, content: f.content })),
            builder: lab.builder === 'classic' ? 'classic' : 'buildkit',
            noCache: lab.noCache === true,
            buildArgs: [],
            tag: typeof lab.tag === 'string' ? lab.tag : 'app:latest',
          },
        },
      };
    }
    default:
      return { ok: false, reason: `unknown message type ${m.type}` };
  }
}
