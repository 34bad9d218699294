import { describe, expect, it } from 'vitest';
import { resolveTestImage } from '../build/testing/fixtures.ts';
import { builtinCatalog } from '../shell/packages/builtin.ts';
import { copiedUpFrom, pathFate } from '../fs/union-fate.ts';
import { LabSession } from './session.ts';
import type { BuildInput, LayerView } from './types.ts';

const session = () =>
  new LabSession({ registry: resolveTestImage, catalog: builtinCatalog, clock: () => 100 });

const input = (dockerfile: string, files: BuildInput['files'] = []): BuildInput => ({
  dockerfile,
  files,
  builder: 'buildkit',
  noCache: false,
  buildArgs: {},
  tags: ['app:1'],
});

const DF = [
  'FROM debian:bookworm-slim',
  'RUN mkdir -p /data && echo one > /data/a && echo two > /data/b',
  'COPY a.txt /data/a',
  'RUN rm /data/b',
  'CMD ["cat", "/data/a"]',
].join('\n');

describe('LabSession', () => {
  it('logs the Build button’s build as the typed docker build prints it (containerd exporter lines too)', () => {
    const files = [{ path: 'a.txt', content: 'mine\n' }];
    for (const builder of ['buildkit', 'classic'] as const) {
      const button = session().build({ ...input(DF, files), builder }).build.output;
      const typed = session().command(
        `${builder === 'classic' ? 'DOCKER_BUILDKIT=0 ' : ''}docker build -t app:1 .`,
        files,
        DF,
      );
      if (builder === 'buildkit') {
        expect(button).toMatch(/#\d+ exporting manifest list sha256:[0-9a-f]{64} 0\.0s done\n/);
        expect(button).toContain('unpacking to docker.io/library/app:1 0.0s done');
        expect(button).toBe(typed.stderr);
      } else expect(button).toBe(typed.stderr + typed.stdout);
    }
  });

  it('runs the containerd store by default; switching hides the other store and brings it back', () => {
    const s = session();
    expect(s.store).toBe('containerd');
    const built = s.build(input(DF, [{ path: 'a.txt', content: 'mine\n' }]));
    expect(built.engine.store).toBe('containerd');
    const [mine] = built.engine.images.filter((i) => i.names.includes('app:1'));
    // containerd: DISK USAGE (snapshots in 4 KiB blocks + content) and CONTENT SIZE.
    expect(mine!.contentSize).toBeGreaterThan(0);
    expect(mine!.diskUsage).toBeGreaterThan(mine!.size);
    const other = s.setStore('overlay2');
    expect(other).toEqual({ images: [], containers: [], store: 'overlay2' });
    const again = s.build(input(DF, [{ path: 'a.txt', content: 'mine\n' }])).engine;
    const [classic] = again.images.filter((i) => i.names.includes('app:1'));
    // Same build, other store: another ID (config digest, not manifest digest); file bytes.
    expect(classic!.id).not.toBe(mine!.id);
    expect(classic!.diskUsage).toBe(classic!.size);
    expect(classic!.contentSize).toBeUndefined();
    expect(s.setStore('containerd').images.map((i) => i.id)).toContain(mine!.id);
    // A saved state restarts the daemon with its store.
    const saved = s.save();
    const restored = session();
    restored.setStore('overlay2');
    restored.load(structuredClone(saved));
    expect(restored.store).toBe('containerd');
    expect(restored.view().images.map((i) => i.id)).toContain(mine!.id);
  });

  it('builds into views: layers with base marked, tar entries with whiteouts, history', () => {
    const s = session();
    const v = s.build(input(DF, [{ path: 'a.txt', content: 'mine\n' }])).build;
    expect(v.ok).toBe(true);
    const img = v.image!;
    const base = resolveTestImage('debian:bookworm-slim')!.layers.length;
    expect(img.layers.filter((l) => l.fromBase)).toHaveLength(base);
    const [run1, copy, run2] = img.layers.slice(base);
    const entries = (l: LayerView) => s.layerEntries(img.id, l.index).entries;
    expect(entries(run1!).map((e) => [e.name, e.change])).toContainEqual(['data/a', 'A']);
    expect(entries(copy!).map((e) => [e.name, e.change])).toContainEqual(['data/a', 'C']);
    expect(entries(run2!)).toContainEqual(
      expect.objectContaining({ name: 'data/.wh.b', kind: 'whiteout', change: 'D' }),
    );
    expect(run1!.hiddenBytes).toBe(8); // "one\n" replaced by COPY, "two\n" deleted
    expect(img.history.at(-1)).toMatchObject({ emptyLayer: true, layer: undefined });
    expect(v.output).toContain('[2/4] RUN mkdir -p /data');
  });

  it('lists the merged files with the layer that provides each and what it shadows', () => {
    const s = session();
    const v = s.build(input(DF, [{ path: 'a.txt', content: 'mine\n' }])).build;
    const base = v.image!.layers.filter((l) => l.fromBase).length;
    const files = s.files('app:1', v.image!.layers.length - 1);
    const a = files.find((f) => f.path === '/data/a')!;
    expect(a).toMatchObject({ type: 'file', size: 5, layer: base + 1, shadows: [base] });
    expect(files.some((f) => f.path === '/data/b')).toBe(false);
    expect(s.fileContent({ image: 'app:1' }, '/data/a')).toEqual({
      kind: 'text',
      text: 'mine\n',
      size: 5,
    });
    expect(s.fileContent({ image: 'app:1', upTo: base }, '/data/a')).toMatchObject({
      text: 'one\n',
    });
  });

  it('runs docker commands from the terminal and reports the build they ran', () => {
    const s = session();
    const r = s.command('docker build -t web .', [{ path: 'a.txt', content: 'x\n' }], DF);
    expect(r.exitCode).toBe(0);
    expect(r.build?.ok).toBe(true);
    expect(r.engine.images.map((i) => i.names).flat()).toContain('web:latest');
    const run = s.command('docker run --name c1 web', [], DF);
    expect(run.stdout).toBe('x\n');
    expect(run.engine.containers.map((c) => c.name)).toEqual(['c1']);
    expect(s.command('ls -la', [], DF)).toMatchObject({ exitCode: 127 });
  });

  it('finds the base images a Dockerfile needs', () => {
    expect(
      LabSession.baseRefs('ARG V=3.11\nFROM python:$V-slim AS b\nFROM b\nFROM scratch\n'),
    ).toEqual(['python:3.11-slim']);
  });

  it('keeps the state across a save and a load', () => {
    const a = session();
    a.build(input(DF, [{ path: 'a.txt', content: 'mine\n' }]));
    const b = session();
    b.load(JSON.parse(JSON.stringify(a.save())));
    expect(b.view().images.flatMap((i) => i.names)).toContain('app:1');
  });

  it('warms up without changing what the learner sees, and not while a request waits', () => {
    const files = [{ path: 'a.txt', content: 'mine\n' }];
    const cold = session().build(input(DF, files));
    let lookups = 0;
    let idle = true;
    const s = new LabSession({
      registry: (ref) => (lookups++, resolveTestImage(ref)),
      catalog: builtinCatalog,
      clock: () => 100,
      idle: () => idle,
    });
    const before = s.view();
    s.warm({ dockerfile: DF, files });
    // The rehearsal built (it looked the base image up) in an engine of its own.
    expect(lookups).toBeGreaterThan(0);
    expect(s.view()).toEqual(before);
    // The first build after it: every step built as in a cold session, nothing cached.
    const warm = s.build(input(DF, files));
    expect(warm.build.output).toBe(cold.build.output);
    expect(warm.build.image?.id).toBe(cold.build.image?.id);
    expect(warm.engine).toEqual(cold.engine);
    // Once per lab, and never while another request waits.
    lookups = 0;
    s.warm({ dockerfile: DF, files });
    expect(lookups).toBe(0);
    idle = false;
    s.warm({ dockerfile: DF, files: [] });
    expect(lookups).toBe(0);
    idle = true;
    s.warm({ dockerfile: DF, files: [] });
    expect(lookups).toBeGreaterThan(0);
  });

  it('draws the union of an image, and of a container with its writable layer on top', () => {
    const s = session();
    const v = s.build(input(DF, [{ path: 'a.txt', content: 'mine\n' }])).build;
    const id = v.image!.id;
    const image = s.union(id)!;
    const n = v.image!.layers.length;
    expect(image.container).toBeUndefined();
    expect(image.map.layers).toHaveLength(n);
    const b = image.map.paths.indexOf('/data/b');
    expect(pathFate(image.map, b)).toEqual({
      visibleFrom: undefined,
      deletedBy: n - 1,
      hidden: [n - 3],
    });
    // The same image asked again is the same map: it is made once.
    expect(s.union(id)!.map).toBe(image.map);

    s.command("docker run --name web app:1 sh -c 'echo changed > /data/a'", [], DF);
    const c = s.union(id, 'web')!;
    expect(c.container?.name).toBe('web');
    expect(c.map.layers).toHaveLength(n + 1);
    const a = c.map.paths.indexOf('/data/a');
    expect(copiedUpFrom(c.map, a, n)).toBe(n - 2);
    expect(s.view().containers[0]).toMatchObject({ name: 'web', imageId: id });
    // A container of another image, or none by that name: the image alone.
    expect(s.union(id, 'nobody')!.container).toBeUndefined();
    expect(s.union('sha256:nothing')).toBeUndefined();
  });
});
