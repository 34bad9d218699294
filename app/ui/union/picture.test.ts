import { describe, expect, it } from 'vitest';
import { resolveTestImage } from '../../engine/build/testing/fixtures.ts';
import { LabSession } from '../../engine/session/session.ts';
import type { BuildView } from '../../engine/session/types.ts';
import { builtinCatalog } from '../../engine/shell/packages/builtin.ts';
import { buildProgress, stepBoundaries } from '../../store/index.ts';
import { columnsOf, defaultOpen, pathTree, REST_KEY } from './columns.ts';
import type { TileBox } from './boxes.ts';
import { moveFocus } from './nav.ts';
import { focusOf, unionPicture, type PictureInput } from './picture.ts';

function lab() {
  return new LabSession({ registry: resolveTestImage, catalog: builtinCatalog, clock: () => 0 });
}

function build(s: LabSession, dockerfile: string): BuildView {
  const v = s.build({
    dockerfile,
    files: [],
    builder: 'buildkit',
    noCache: false,
    buildArgs: {},
    tags: ['app:1'],
  }).build;
  expect(v.ok, v.output).toBe(true);
  return v;
}

/** The picture of a build after `steps` Step presses (all of it by default). */
function picture(
  s: LabSession,
  v: BuildView,
  opts: {
    steps?: number;
    search?: string;
    container?: string;
    open?: Set<string>;
    budget?: number;
  } = {},
) {
  const union = s.union(v.image!.id, opts.container)!;
  const map = union.map;
  const tree = pathTree(map);
  const bounds = stepBoundaries(v);
  const cursor = opts.steps === undefined ? v.events.length : (bounds[opts.steps - 1] ?? 0);
  const progress = buildProgress(v, cursor);
  const upper = union.container ? v.image!.layers.length : undefined;
  const focus = focusOf(map, v.image!, opts.search ?? '', upper);
  const input: PictureInput = {
    map,
    tree,
    image: v.image!,
    progress,
    focus,
    open: opts.open ?? defaultOpen(tree, focus.paths, opts.budget ?? 8),
    container: union.container
      ? { name: union.container.name, state: 'running', size: 3, changes: 2 }
      : undefined,
  };
  return unionPicture(input);
}

const tile = (tiles: TileBox[], column: string, layer: number | undefined) =>
  tiles.find((t) => t.column === column && t.layer === layer);

const WHITEOUT = [
  'FROM debian:bookworm-slim',
  'RUN dd if=/dev/zero of=/tmp/sdk.tar bs=1M count=3 && mkdir -p /opt/tool && head -c 4096 /tmp/sdk.tar > /opt/tool/tool.bin',
  'ENV MODE=small',
  'RUN rm /tmp/sdk.tar',
  'CMD ["ls", "/opt/tool"]',
].join('\n');

describe('the union picture', () => {
  it('stacks the layers as the build plays, with metadata steps as markers', () => {
    const s = lab();
    const v = build(s, WHITEOUT);
    expect(picture(s, v, { steps: 0 }).slabs).toEqual([]);
    const one = picture(s, v, { steps: 1 });
    expect(one.slabs.map((x) => x.kind)).toEqual(['base']);
    const two = picture(s, v, { steps: 2 });
    expect(two.slabs.map((x) => x.title)).toEqual([
      expect.stringContaining('RUN dd'),
      'FROM debian:bookworm-slim',
    ]);
    const three = picture(s, v, { steps: 3 });
    expect(three.markers.map((m) => m.text)).toEqual(['ENV MODE=small']);
    expect(three.markers[0]!.y).toBeLessThan(three.slabs[0]!.y);
    const all = picture(s, v);
    expect(all.slabs.map((x) => x.layer)).toEqual([2, 1, 0]);
    // Newest on top: every slab below the one before it, the marker between layers 2 and 3.
    const ys = all.slabs.map((x) => x.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    const env = all.markers.find((m) => m.text === 'ENV MODE=small')!;
    expect(env.y).toBeGreaterThan(all.slabs[0]!.y);
    expect(env.y).toBeLessThan(all.slabs[1]!.y);
    // CMD came after the last layer: above the top slab.
    expect(all.markers.find((m) => m.text.startsWith('CMD'))!.y).toBeLessThan(all.slabs[0]!.y);
    expect(all.stack.imageBytes).toBeGreaterThan(3 * 1024 * 1024);
  });

  it('puts metadata steps between the same layers on one row, and thins a layer with nothing drawn', () => {
    const s = lab();
    const v = build(
      s,
      'FROM debian:bookworm-slim\nRUN echo hi > /hi\nEXPOSE 80\nUSER root\nCMD ["sh"]\nRUN touch /later',
    );
    const all = picture(s, v, { search: '/hi', budget: 1 });
    const row = all.markers.filter((m) => m.y === all.markers[0]!.y);
    expect(row.map((m) => m.text)).toEqual(['EXPOSE 80', 'USER root', 'CMD ["sh"]']);
    expect(row.map((m) => m.dx)).toEqual([...row.map((m) => m.dx)].sort((a, b) => a - b));
    expect(row.map((m) => m.last)).toEqual([false, false, true]);
    // The keyboard reaches them in one row, left to right.
    expect(all.rows.find((r) => r.some((i) => i.id === row[0]!.key))!.map((i) => i.id)).toEqual(
      row.map((m) => m.key),
    );
    // /hi is in layer 2 only: the layer of /later holds nothing drawn and is a thin sheet
    // with its label on it.
    const slab = (layer: number) => all.slabs.find((x) => x.layer === layer)!;
    expect(slab(1).thin).toBe(false);
    expect(slab(2).thin).toBe(true);
    expect(slab(2).plateH).toBeLessThan(slab(1).plateH);
    expect(slab(2).plateY).toBe(slab(2).y);
    expect(all.tiles.filter((x) => x.layer === 2)).toEqual([]);
  });

  it('punches a hole for a whiteout and keeps the deleted bytes on the layer below', () => {
    const s = lab();
    const v = build(s, WHITEOUT);
    const before = picture(s, v, { steps: 3 });
    const sdk = '/tmp/sdk.tar';
    expect(tile(before.tiles, sdk, 1)).toMatchObject({ kind: 'file', state: 'visible' });
    expect(tile(before.tiles, sdk, undefined)).toMatchObject({
      kind: 'file',
      meta: expect.stringContaining('L2'),
    });
    expect(before.lines.find((l) => l.key === `line:${sdk}`)?.deleted).toBe(false);

    const after = picture(s, v, { steps: 4 });
    expect(tile(after.tiles, sdk, 2)).toMatchObject({
      kind: 'hole',
      label: expect.stringContaining('Whiteout in layer 3'),
    });
    expect(tile(after.tiles, sdk, 1)).toMatchObject({
      kind: 'file',
      state: 'hidden',
      label: expect.stringContaining('its bytes stay in the image'),
    });
    expect(tile(after.tiles, sdk, undefined)).toMatchObject({ kind: 'ghost' });
    const line = after.lines.find((l) => l.key === `line:${sdk}`)!;
    expect(line.deleted).toBe(true);
    expect(line.y2).toBe(tile(after.tiles, sdk, 2)!.y);
    // The image does not shrink: the rm layer adds nothing, the 3 MB stay, hidden now.
    expect(after.stack.imageBytes).toBeGreaterThanOrEqual(before.stack.imageBytes);
    expect(before.hiddenBytes).toBe(0);
    expect(after.hiddenBytes).toBe(3 * 1024 * 1024);
  });

  it('lifts a container’s write into its writable layer as a copy-up', () => {
    const s = lab();
    const v = build(s, 'FROM debian:bookworm-slim\nRUN mkdir -p /srv && echo v1 > /srv/version\n');
    s.command(
      "docker run --name web app:1 sh -c 'echo v2 > /srv/version && rm /etc/group'",
      [],
      '',
    );
    const p = picture(s, v, { container: 'web' });
    expect(p.slabs[0]).toMatchObject({ kind: 'container', title: 'web', layer: 2 });
    const up = tile(p.tiles, '/srv/version', 2)!;
    expect(up).toMatchObject({ state: 'copyup', meta: '↑ copied up from L2' });
    expect(up.fromDy).toBe(tile(p.tiles, '/srv/version', 1)!.y - up.y);
    expect(up.fromDy).toBeGreaterThan(0);
    expect(p.arrows.map((a) => a.key)).toEqual(['up:/srv/version']);
    expect(tile(p.tiles, '/srv/version', 1)).toMatchObject({ state: 'hidden' });
    expect(tile(p.tiles, '/etc/group', 2)).toMatchObject({ kind: 'hole' });
    expect(tile(p.tiles, '/etc/group', 0)).toMatchObject({ state: 'hidden' });
    // Before the build has played to its end, no container is drawn.
    expect(picture(s, v, { container: 'web', steps: 1 }).slabs.map((x) => x.kind)).toEqual([
      'base',
    ]);
  });

  it('lays a lid over an opaque directory’s columns', () => {
    const s = lab();
    const v = build(
      s,
      'FROM debian:bookworm-slim\nRUN mkdir /d && echo a > /d/old\nRUN rm -rf /d && mkdir /d && echo b > /d/new\n',
    );
    const p = picture(s, v, { open: new Set(['/', '/d']) });
    const lid = p.covers.find((c) => c.dir === '/d')!;
    expect(lid).toMatchObject({ layer: 2, label: expect.stringContaining('Opaque directory /d/') });
    const cols = p.columns.filter((c) => c.column.path.startsWith('/d'));
    expect(lid.x).toBeLessThanOrEqual(cols[0]!.x + 3);
    expect(lid.x + lid.w).toBeGreaterThanOrEqual(cols[cols.length - 1]!.x + 100);
    expect(tile(p.tiles, '/d/old', 1)).toMatchObject({ state: 'hidden' });
    expect(tile(p.tiles, '/d/new', 2)).toMatchObject({ state: 'visible' });
    expect(p.rows.flat().some((i) => i.id === lid.key)).toBe(true);
  });

  it('folds ten thousand files into a folder tile with a count, and opens it on demand', () => {
    const s = lab();
    const v = build(
      s,
      'FROM debian:bookworm-slim\nRUN mkdir /many && cd /many && for d in $(seq 1 100); do mkdir $d && touch $(printf "$d/f%s " $(seq 1 100)); done\n',
    );
    const p = picture(s, v);
    expect(p.columns.length).toBeLessThanOrEqual(9);
    const many = tile(p.tiles, '/many', 1)!;
    expect(many).toMatchObject({ kind: 'folder', meta: expect.stringContaining('10,000 files') });
    expect(many.action).toEqual({ type: 'open', path: '/many' });
    const opened = picture(s, v, { open: new Set(['/', '/many']) });
    expect(opened.columns.filter((c) => c.column.kind === 'folder')).toHaveLength(100);
    expect(opened.bands.map((b) => b.dir)).toEqual(['/many']);
    // The base's own files are one column, everything else; the base holds none of the
    // build's paths, so it is a thin sheet that the merged view's "other paths" line ends on.
    expect(tile(p.tiles, REST_KEY, undefined)!.kind).toBe('rest');
    const base = p.slabs.find((x) => x.layer === 0)!;
    expect(base.thin).toBe(true);
    expect(tile(p.tiles, REST_KEY, 0)).toBeUndefined();
    const line = p.lines.find((l) => l.key === `line:${REST_KEY}`)!;
    expect(line.y2).toBeGreaterThanOrEqual(base.plateY);
    expect(line.y2).toBeLessThanOrEqual(base.plateY + base.plateH);
    // A search draws the matching files themselves.
    const found = picture(s, v, { search: '/many/42/f7', budget: 40 });
    expect(found.columns.map((c) => c.column.path)).toEqual(
      expect.arrayContaining(['/many/42/f7', '/many/42/f70', '/many/42/f79']),
    );
  });

  it('reads every slab and tile out with its name, layer and size, and reaches it by keyboard', () => {
    const s = lab();
    const v = build(s, WHITEOUT);
    const p = picture(s, v);
    const items = p.rows.flat();
    for (const x of p.slabs)
      expect(items.find((i) => i.id === x.key)?.label).toMatch(/^Layer \d of 3: /);
    for (const x of p.tiles)
      expect(items.find((i) => i.id === x.key)?.label).toContain(
        x.column === REST_KEY ? 'Other paths' : x.column,
      );
    expect(items.find((i) => i.id === 'slab:1')?.label).toMatch(
      /Layer 2 of 3: RUN dd .*3\.15 MB, built/,
    );
    // From the merged view down through the stack and back.
    let at: string | undefined = p.rows[0]![0]!.id;
    const seen = new Set([at]);
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowUp']) {
      at = moveFocus(p.rows, at, key) ?? at;
      seen.add(at);
    }
    expect(seen.size).toBeGreaterThan(3);
    expect(moveFocus(p.rows, 'slab:0', 'PageUp')).toBe(p.rows[0]![0]!.id);
  });
});

describe('columns', () => {
  it('opens small folders first and keeps big ones folded within the budget', () => {
    const s = lab();
    const v = build(
      s,
      'FROM debian:bookworm-slim\nRUN mkdir -p /app /data && echo a > /app/a && echo b > /app/b && for i in $(seq 1 40); do echo $i > /data/f$i; done\n',
    );
    const map = s.union(v.image!.id)!.map;
    const tree = pathTree(map);
    const focus = focusOf(map, v.image!, '', undefined).paths;
    const open = defaultOpen(tree, focus, 6);
    expect(open.has('/app')).toBe(true);
    expect(open.has('/data')).toBe(false);
    const cols = columnsOf(tree, map, { focus, open });
    expect(cols.map((c) => `${c.kind}:${c.path}`)).toEqual([
      'path:/app/a',
      'path:/app/b',
      'folder:/data',
      `rest:`,
    ]);
  });
});
