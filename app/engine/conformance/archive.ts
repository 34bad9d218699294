/**
 * What `docker save` wrote, as comparable records: an image's config subset, history and layer
 * entries (`@image`), and the archive's layout itself (`@save`: OCI layout, index, manifests).
 * Layers may be plain tars (overlay2 store) or gzip blobs (containerd store).
 */
import { gunzipSync } from 'fflate';
import { readTar } from '../fs/tar-read.ts';
import { scrub } from './normalise.ts';

export interface HistoryEntry {
  created_by: string;
  empty_layer: boolean;
  /** Bytes, as `docker history --human=false` shows them. */
  size: number;
}

export interface ImageRecord {
  config: Record<string, unknown>;
  history: HistoryEntry[];
  /** The image's own layers (those above the base image), one line per tar entry. */
  layers: string[][];
}

/** A blob the archive's index leads to, described without its digest. */
export interface BlobRecord {
  mediaType: string;
  annotations?: Record<string, string>;
  platform?: Record<string, unknown>;
  /** What the blob holds: an index's manifests, a manifest's config and layers. */
  manifests?: BlobRecord[];
  config?: string;
  layers?: string[];
  /** The blob is not in the archive (an attestation's layers, a platform not saved). */
  missing?: true;
}

export interface SaveRecord {
  /** Every entry of the archive, digests replaced, sorted. */
  files: string[];
  ociLayout?: unknown;
  index?: BlobRecord;
  /** manifest.json: per image, its keys, tags and how many layers. */
  manifest?: { keys: string[]; RepoTags: unknown; layers: number }[];
  repositories?: unknown;
}

const decoder = new TextDecoder();

function archiveFiles(archive: Uint8Array) {
  return new Map(readTar(archive).map((e) => [e.name.replace(/^\.\//, ''), e]));
}

const gunzipped = (data: Uint8Array) =>
  data[0] === 0x1f && data[1] === 0x8b ? gunzipSync(data) : data;

const CONFIG_KEYS = [
  'Env',
  'Cmd',
  'Entrypoint',
  'WorkingDir',
  'User',
  'Labels',
  'ExposedPorts',
  'StopSignal',
];

function entryLine(e: ReturnType<typeof readTar>[number]): string {
  const name = e.name.replace(/^\.\//, '').replace(/\/$/, '');
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dir = name.slice(0, name.length - base.length);
  if (base === '.wh..wh..opq') return `opaque ${dir.replace(/\/$/, '')}`;
  if (base.startsWith('.wh.')) return `whiteout ${dir}${base.slice(4)}`;
  const mode = (e.mode & 0o7777).toString(8).padStart(4, '0');
  switch (e.type) {
    case 'dir':
      return `dir ${name}`;
    case 'file':
      return `file ${name} ${e.size} ${mode}`;
    case 'symlink':
      return `symlink ${name} -> ${e.linkname}`;
    case 'hardlink':
      return `hardlink ${name} -> ${e.linkname}`;
    default:
      return `other ${name}`;
  }
}

/**
 * An image from a `docker save` archive: config subset, history (sizes from `docker history`)
 * and the tar entries of its layers, without the base image's layers and history entries.
 */
export function imageRecord(
  archive: Uint8Array,
  base: { layers: number; history: number },
  historyText: string,
): ImageRecord {
  const files = archiveFiles(archive);
  const data = (name: string) => {
    const e = files.get(name);
    if (!e) throw new Error(`docker save archive has no ${name}`);
    return e.data;
  };
  const text = (name: string) => decoder.decode(data(name));
  const manifest = JSON.parse(text('manifest.json')) as { Config: string; Layers: string[] }[];
  const top = manifest[0]!;
  const config = JSON.parse(text(top.Config)) as {
    config?: Record<string, unknown>;
    history?: { created_by?: string; empty_layer?: boolean }[];
  };
  // docker history lists newest first; the config lists oldest first.
  const sizes = historyText
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => Number(l.trim()))
    .reverse();
  const history = (config.history ?? [])
    .map((h, i) => ({
      created_by: scrub(h.created_by ?? ''),
      empty_layer: h.empty_layer === true,
      size: sizes[i] ?? -1,
    }))
    .slice(base.history);
  const picked: Record<string, unknown> = {};
  for (const k of CONFIG_KEYS) {
    const v = config.config?.[k];
    const empty =
      v === undefined ||
      v === null ||
      v === '' ||
      (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);
    if (!empty) picked[k] = v;
  }
  const layers = top.Layers.slice(base.layers).map((path) =>
    readTar(gunzipped(data(path)))
      .map(entryLine)
      .sort(),
  );
  return { config: picked, history, layers };
}

type Descriptor = {
  mediaType?: string;
  digest?: string;
  annotations?: Record<string, string>;
  platform?: Record<string, unknown>;
};

const scrubbed = (o: Record<string, string> | undefined) =>
  o && Object.fromEntries(Object.entries(o).map(([k, v]) => [k, scrub(v)]));

/**
 * The layout of a `docker save` archive: its entries, `oci-layout`, and what index.json leads
 * to (nested indexes, manifests, their config and layer media types), without digests.
 */
export function saveRecord(archive: Uint8Array): SaveRecord {
  const files = archiveFiles(archive);
  const json = (name: string): unknown => {
    const e = files.get(name);
    return e ? JSON.parse(decoder.decode(e.data)) : undefined;
  };
  const describe = (d: Descriptor, depth: number): BlobRecord => {
    const out: BlobRecord = { mediaType: d.mediaType ?? '' };
    const annotations = scrubbed(d.annotations);
    if (annotations) out.annotations = annotations;
    if (d.platform) out.platform = d.platform;
    const blob = json(`blobs/${(d.digest ?? '').replace(':', '/')}`) as
      { manifests?: Descriptor[]; config?: Descriptor; layers?: Descriptor[] } | undefined;
    if (!blob) {
      out.missing = true;
      return out;
    }
    if (blob.manifests && depth < 4)
      out.manifests = blob.manifests.map((m) => describe(m, depth + 1));
    if (blob.config) out.config = blob.config.mediaType ?? '';
    if (blob.layers) out.layers = blob.layers.map((l) => l.mediaType ?? '');
    return out;
  };
  const record: SaveRecord = {
    files: [...files.keys()].map((n) => scrub(n.replace(/\/$/, ''))).sort(),
  };
  const layout = json('oci-layout');
  if (layout !== undefined) record.ociLayout = layout;
  const index = json('index.json') as (Descriptor & { manifests?: Descriptor[] }) | undefined;
  if (index)
    record.index = {
      mediaType: index.mediaType ?? '',
      manifests: (index.manifests ?? []).map((m) => describe(m, 1)),
    };
  const manifest = json('manifest.json') as Record<string, unknown>[] | undefined;
  if (manifest)
    record.manifest = manifest.map((m) => ({
      keys: Object.keys(m).sort(),
      RepoTags: m.RepoTags,
      layers: Array.isArray(m.Layers) ? m.Layers.length : 0,
    }));
  const repositories = json('repositories');
  if (repositories !== undefined)
    record.repositories = JSON.parse(scrub(JSON.stringify(repositories)));
  return record;
}
