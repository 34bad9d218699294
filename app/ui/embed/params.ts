/**
 * An embed's settings, from its address: `panels=layers,fs`, `readonly=1`, `autoplay=1`,
 * `origins=https://a.example,https://b.example`; whether a lab is given (`#lab=` or `lab=`).
 */
import { parseOrigins } from '../../share/embed-protocol.ts';

export const PANELS = [
  'layers',
  'fs',
  'cache',
  'editor',
  'terminal',
  'images',
  'container',
  'union',
] as const;
export type PanelName = (typeof PANELS)[number];
export const DEFAULT_PANELS: PanelName[] = ['layers', 'fs'];

export interface EmbedParams {
  panels: PanelName[];
  /** Names in `panels=` that are not panels (said on screen, never a blank embed). */
  unknown: string[];
  readonly: boolean;
  autoplay: boolean;
  origins: string[];
  /** Whether the address carries a lab (`#lab=` or `lab=`): the decoder loads only then. */
  hasLab: boolean;
}

const isPanel = (name: string): name is PanelName => (PANELS as readonly string[]).includes(name);
const flag = (v: string | null) => v !== null && ['', '1', 'true', 'yes', 'on'].includes(v);

export function embedParams(loc: { hash: string; search: string }): EmbedParams {
  const q = new URLSearchParams(loc.search);
  const raw = q.get('panels');
  const names =
    raw === null
      ? DEFAULT_PANELS
      : raw
          .split(',')
          .map((p) => p.trim().toLowerCase())
          .filter(Boolean);
  const panels: PanelName[] = [];
  const unknown: string[] = [];
  for (const n of names) {
    if (isPanel(n)) {
      if (!panels.includes(n)) panels.push(n);
    } else unknown.push(n);
  }
  return {
    panels,
    unknown,
    readonly: flag(q.get('readonly')),
    autoplay: flag(q.get('autoplay')),
    origins: parseOrigins(q.get('origins')),
    hasLab: loc.hash.replace(/^#/, '').startsWith('lab=') || (q.get('lab') ?? '') !== '',
  };
}
