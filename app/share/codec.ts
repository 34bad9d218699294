/**
 * Share links: a lab (Dockerfile, context files, builder and image store settings, the step to show) packed
 * into the URL's fragment as deflated JSON in base64url, `#lab=v1.<data>`. Decoding checks
 * everything and says in a sentence what is wrong; it never throws and never half-loads.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';

export interface SharedLab {
  dockerfile: string;
  files: { path: string; content: string }[];
  builder: 'buildkit' | 'classic';
  /** The daemon's image store; absent: containerd, Docker 29's default. */
  imageStore?: 'containerd' | 'overlay2';
  noCache: boolean;
  buildArgs: { name: string; value: string }[];
  tag: string;
  /** The playback step to open at, if any. */
  step?: number;
  /** A lesson to open, if any. */
  lesson?: string;
}

/** Links longer than this do not survive chat apps and some browsers; we refuse to make them. */
export const MAX_LINK_CHARS = 8192;
const PREFIX = 'lab=v1.';
/** Inflated JSON larger than this is refused (a small link must not become a huge lab). */
const MAX_JSON_BYTES = 2_000_000;

export function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}

export type EncodeResult = { ok: true; fragment: string } | { ok: false; message: string };

/** The URL fragment (without `#`) for a lab, or why it cannot be shared as a link. */
export function encodeLab(lab: SharedLab): EncodeResult {
  const json = JSON.stringify(lab);
  const fragment = PREFIX + toBase64Url(deflateSync(strToU8(json), { level: 9 }));
  if (fragment.length > MAX_LINK_CHARS) {
    return {
      ok: false,
      message: `This lab is too big for a link (${Math.ceil(fragment.length / 1024)} KB; links stay under ${MAX_LINK_CHARS / 1024} KB). Export it as a file instead.`,
    };
  }
  return { ok: true, fragment };
}

export type DecodeResult = { ok: true; lab: SharedLab } | { ok: false; message: string };

const fail = (message: string): DecodeResult => ({ ok: false, message });

/** Whether a URL fragment carries a lab at all (so a plain page load is not an error). */
export function isLabFragment(fragment: string): boolean {
  return fragment.replace(/^#/, '').startsWith('lab=');
}

export function decodeLab(fragment: string): DecodeResult {
  const f = fragment.replace(/^#/, '');
  if (!f.startsWith('lab=')) return fail('This link does not contain a lab.');
  if (!f.startsWith(PREFIX)) {
    return fail('This link was made by another version of Layerlab and cannot be opened here.');
  }
  if (f.length > MAX_LINK_CHARS * 2) return fail('This link is too long to be a Layerlab link.');
  const bytes = fromBase64Url(f.slice(PREFIX.length));
  if (!bytes) return fail('This link is damaged: it has characters a Layerlab link never has.');
  let json: string;
  try {
    const inflated = inflateSync(bytes, { out: new Uint8Array(MAX_JSON_BYTES) });
    if (inflated.length >= MAX_JSON_BYTES) return fail('This link unpacks to too much data.');
    json = strFromU8(inflated);
  } catch {
    return fail('This link is damaged (perhaps cut short when it was copied). Ask for it again.');
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return fail('This link is damaged: its contents do not read back.');
  }
  return validate(value);
}

const isString = (v: unknown): v is string => typeof v === 'string';

/** Checks a lab read from elsewhere (an exported file); messages speak of "this link". */
export function validateLab(value: unknown): DecodeResult {
  return validate(value);
}

function validate(v: unknown): DecodeResult {
  if (typeof v !== 'object' || v === null) return fail('This link does not hold a lab.');
  const o = v as Record<string, unknown>;
  if (!isString(o.dockerfile)) return fail('This link has no Dockerfile.');
  if (
    !Array.isArray(o.files) ||
    !o.files.every(
      (f: unknown) =>
        typeof f === 'object' &&
        f !== null &&
        isString((f as Record<string, unknown>).path) &&
        isString((f as Record<string, unknown>).content),
    )
  ) {
    return fail("This link's context files are damaged.");
  }
  if (o.builder !== 'buildkit' && o.builder !== 'classic') {
    return fail("This link's builder setting is damaged.");
  }
  if (o.imageStore !== undefined && o.imageStore !== 'containerd' && o.imageStore !== 'overlay2') {
    return fail("This link's image store setting is damaged.");
  }
  if (typeof o.noCache !== 'boolean' || !isString(o.tag)) {
    return fail("This link's build settings are damaged.");
  }
  if (
    !Array.isArray(o.buildArgs) ||
    !o.buildArgs.every(
      (a: unknown) =>
        typeof a === 'object' &&
        a !== null &&
        isString((a as Record<string, unknown>).name) &&
        isString((a as Record<string, unknown>).value),
    )
  ) {
    return fail("This link's build arguments are damaged.");
  }
  if (o.step !== undefined && !(Number.isInteger(o.step) && (o.step as number) >= 0)) {
    return fail("This link's step number is damaged.");
  }
  if (o.lesson !== undefined && !(isString(o.lesson) && /^[a-z0-9-]{1,64}$/.test(o.lesson))) {
    return fail("This link's lesson name is damaged.");
  }
  const files = (o.files as { path: string; content: string }[]).map((f) => ({
    path: f.path,
    content: f.content,
  }));
  return {
    ok: true,
    lab: {
      dockerfile: o.dockerfile,
      files,
      builder: o.builder,
      ...(o.imageStore !== undefined ? { imageStore: o.imageStore } : {}),
      noCache: o.noCache,
      buildArgs: (o.buildArgs as { name: string; value: string }[]).map((a) => ({
        name: a.name,
        value: a.value,
      })),
      tag: o.tag,
      ...(o.step !== undefined ? { step: o.step as number } : {}),
      ...(o.lesson !== undefined ? { lesson: o.lesson as string } : {}),
    },
  };
}
