/**
 * `docker system df [-v]`: disk used by images, containers and the build cache, with each
 * image's SHARED SIZE (layers another image also has) and UNIQUE SIZE.
 */
import { writableSize } from '../../containers/container.ts';
import type { Engine } from '../../daemon/engine.ts';
import { chainIds, diffId } from '../../fs/index.ts';
import { parseArgs } from '../argv.ts';
import { tabwrite } from '../format/table.ts';
import { humanDuration, humanSize } from '../../common/units.ts';
import { ok, type Command } from '../types.ts';
import { shortId } from '../../common/ids.ts';

interface ImageUsage {
  id: string;
  size: number;
  shared: number;
  unique: number;
  containers: number;
}

/** Per image: its size, the part shared with other images (same ChainID), the rest. */
export function imageUsage(engine: Engine): { images: ImageUsage[]; total: number } {
  const images = engine.images
    .all()
    .filter((i) => !i.intermediate || engine.images.tagsOf(i.id).length);
  const chainsOf = new Map(images.map((i) => [i.id, chainIds(i.layers.map((l) => diffId(l)))]));
  const holders = new Map<string, number>();
  const sizeOfChain = new Map<string, number>();
  for (const image of images) {
    chainsOf.get(image.id)!.forEach((c, n) => {
      holders.set(c, (holders.get(c) ?? 0) + 1);
      sizeOfChain.set(c, image.layers[n]!.stats.size);
    });
  }
  const usage = images.map((image) => {
    let size = 0;
    let shared = 0;
    chainsOf.get(image.id)!.forEach((c, n) => {
      const s = image.layers[n]!.stats.size;
      size += s;
      if ((holders.get(c) ?? 0) > 1) shared += s;
    });
    return {
      id: image.id,
      size,
      shared,
      unique: size - shared,
      containers: engine.containers.usingImage(image.id).length,
    };
  });
  const total = [...sizeOfChain.values()].reduce((a, b) => a + b, 0);
  return { images: usage, total };
}

const pct = (part: number, whole: number) => (whole ? Math.round((part / whole) * 100) : 0);

export const systemDf: Command = ({ engine, argv }) => {
  const args = parseArgs(
    argv,
    [
      { name: 'verbose', short: 'v', type: 'bool' },
      { name: 'format', type: 'string' },
    ],
    { command: 'system df' },
  );
  const { images, total } = imageUsage(engine);
  const containers = engine.containers.all();
  const active = images.filter((i) => i.containers > 0);
  const activeBytes =
    active.reduce((n, i) => n + i.unique, 0) +
    (active.length ? Math.max(...active.map((i) => i.shared)) : 0);
  const rwSizes = containers.map((c) => writableSize(c));
  const rwTotal = rwSizes.reduce((a, b) => a + b, 0);
  const rwReclaim = containers.reduce(
    (n, c, i) => n + (c.state === 'running' ? 0 : rwSizes[i]!),
    0,
  );
  const cacheEntries = engine.cache.entriesList();
  const cacheBytes = cacheEntries.reduce((n, [, e]) => n + (e.layer?.stats.size ?? 0), 0);
  if (!args.bool('verbose')) {
    const reclaimImages = Math.max(0, total - activeBytes);
    const rows = [
      'TYPE\tTOTAL\tACTIVE\tSIZE\tRECLAIMABLE',
      `Images\t${images.length}\t${active.length}\t${humanSize(total)}\t${humanSize(reclaimImages)} (${pct(reclaimImages, total)}%)`,
      `Containers\t${containers.length}\t${containers.filter((c) => c.state === 'running').length}\t${humanSize(rwTotal)}\t${humanSize(rwReclaim)} (${pct(rwReclaim, rwTotal)}%)`,
      `Local Volumes\t0\t0\t0B\t0B`,
      `Build Cache\t${cacheEntries.length}\t0\t${humanSize(cacheBytes)}\t${humanSize(cacheBytes)}`,
    ];
    return ok(`${tabwrite(rows.join('\n'))}\n`);
  }
  const imageRows = [
    'REPOSITORY\tTAG\tIMAGE ID\tCREATED\tSIZE\tSHARED SIZE\tUNIQUE SIZE\tCONTAINERS',
  ];
  // Newest first, as Docker lists them.
  const newestFirst = [...images].sort(
    (a, b) => engine.images.get(b.id)!.created - engine.images.get(a.id)!.created,
  );
  for (const u of newestFirst) {
    const record = engine.images.get(u.id)!;
    const names = engine.images.tagsOf(u.id).sort();
    for (const name of names.length ? names : ['<none>:<none>']) {
      const i = name.lastIndexOf(':');
      imageRows.push(
        [
          name.slice(0, i),
          name.slice(i + 1),
          shortId(u.id),
          `${humanDuration((engine.now() - record.created) * 1000)} ago`,
          humanSize(u.size),
          humanSize(u.shared),
          humanSize(u.unique),
          String(u.containers),
        ].join('\t'),
      );
    }
  }
  const containerRows = [
    'CONTAINER ID\tIMAGE\tCOMMAND\tLOCAL VOLUMES\tSIZE\tCREATED\tSTATUS\tNAMES',
  ];
  containers.forEach((c, i) => {
    containerRows.push(
      [
        shortId(c.id),
        c.imageName,
        JSON.stringify(c.argv.join(' ')),
        '0',
        humanSize(rwSizes[i]!),
        `${humanDuration((engine.now() - c.created) * 1000)} ago`,
        c.state === 'running' ? 'Up' : c.state === 'created' ? 'Created' : `Exited (${c.exitCode})`,
        c.name,
      ].join('\t'),
    );
  });
  const out = [
    'Images space usage:',
    '',
    tabwrite(imageRows.join('\n')),
    '',
    'Containers space usage:',
    '',
    tabwrite(containerRows.join('\n')),
    '',
    'Local Volumes space usage:',
    '',
    tabwrite('VOLUME NAME\tLINKS\tSIZE'),
    '',
    `Build cache usage: ${humanSize(cacheBytes)}`,
    '',
  ];
  return ok(`${out.join('\n')}\n`);
};
