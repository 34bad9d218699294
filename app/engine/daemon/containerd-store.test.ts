import { describe, expect, it } from 'vitest';
import { cmd, from, plan, run } from '../build/testing/steps.ts';
import { lab } from '../cli/testing/lab.ts';
import { snapshotUsage } from '../fs/index.ts';
import { layerFromEntries } from '../fs/index.ts';

const PLANS = {
  app: plan([
    from('debian:bookworm-slim'),
    run('mkdir /data && echo one > /data/a'),
    cmd(['sleep', 'infinity']),
  ]),
};

const inspect = (l: ReturnType<typeof lab>, what: string, ref = 'app') =>
  l.docker('image', 'inspect', '--format', what, ref).stdout.trim();

describe('the containerd image store', () => {
  it('names a BuildKit image by its index, which holds the manifest and a provenance attestation', () => {
    const l = lab(PLANS, [], { store: 'containerd' });
    expect(l.docker('build', '-t', 'app', '.').exitCode).toBe(0);
    const id = inspect(l, '{{.Id}}');
    const descriptor = JSON.parse(inspect(l, '{{json .Descriptor}}'));
    expect(descriptor).toMatchObject({
      mediaType: 'application/vnd.oci.image.index.v1+json',
      digest: id,
    });
    const content = l.engine.contents.get(id)!;
    expect(content.index?.descriptor.digest).toBe(id);
    // The config's digest (the overlay2 store's ID) is another value.
    expect(content.config.descriptor.digest).not.toBe(id);
    expect(JSON.parse(content.index!.json).manifests).toHaveLength(2);
    expect(JSON.parse(inspect(l, '{{json .RepoDigests}}'))).toEqual([`app@${id}`]);
    expect(inspect(l, '{{.GraphDriver.Name}}')).toBe('overlayfs');
    // app@<its own digest> names it.
    expect(l.docker('image', 'inspect', '--format', '{{.Id}}', `app@${id}`).stdout.trim()).toBe(id);
  });

  it('gives a fully cached rebuild a new ID, unless --provenance=false', () => {
    const l = lab(PLANS, [], { store: 'containerd' });
    l.docker('build', '-t', 'app', '.');
    const first = inspect(l, '{{.Id}}');
    l.tick(5);
    l.docker('build', '-t', 'app', '.');
    const second = inspect(l, '{{.Id}}');
    expect(second).not.toBe(first);
    l.docker('build', '--provenance=false', '-t', 'app', '.');
    const plain = inspect(l, '{{.Id}}');
    l.tick(5);
    l.docker('build', '--provenance=false', '-t', 'app', '.');
    expect(inspect(l, '{{.Id}}')).toBe(plain);
    expect(JSON.parse(inspect(l, '{{json .Descriptor}}')).mediaType).toBe(
      'application/vnd.docker.distribution.manifest.v2+json',
    );
  });

  it('keeps the config digest as the ID with the overlay2 store', () => {
    const l = lab(PLANS, [], { store: 'overlay2' });
    l.docker('build', '-t', 'app', '.');
    const id = inspect(l, '{{.Id}}');
    const image = l.engine.images.get(id)!;
    expect(image.configJson).toBeDefined();
    expect(inspect(l, '{{json .RepoDigests}}')).toBe('[]');
    expect(inspect(l, '{{.GraphDriver.Name}}')).toBe('overlay2');
    l.tick(5);
    l.docker('build', '-t', 'app', '.');
    expect(inspect(l, '{{.Id}}')).toBe(id);
  });

  it("counts sizes in 4 KiB blocks and shows Docker 29's images view", () => {
    const layer = layerFromEntries([{ path: '/a.txt', type: 'file', data: 'hello\n' }]);
    // The snapshot's root directory and one block for the file, as recorded (8.19kB).
    expect(snapshotUsage(layer)).toBe(8192);
    const l = lab(PLANS, [], { store: 'containerd' });
    l.docker('build', '-t', 'app', '.');
    const history = l.docker('history', '--format', '{{.Size}}', 'app').stdout.split('\n');
    // RUN mkdir /data && echo one > /data/a: root, data/, data/a.
    expect(history[1]).toBe('12.3kB');
    l.docker('create', '--name', 'box', 'app');
    l.env.COLUMNS = '80';
    const view = l.docker('images').stdout.split('\n');
    expect(view[0]).toBe(`${' '.repeat(80 - 18)} Info ->  U In Use`);
    // IMAGE is as wide as the widest name (app:latest), columns 3 spaces apart.
    expect(view[1]).toBe('IMAGE        ID             DISK USAGE   CONTENT SIZE   EXTRA');
    expect(view[2]).toMatch(/^app:latest {3}[0-9a-f]{12} {3} +\S+ {3} +\S+ {3}U {4}$/);
    expect(view[2]!.length).toBe(view[1]!.length);
    expect(view.some((r) => r.startsWith('debian:bookworm-slim'))).toBe(false);
    // The old table with --format, -q, --digests, --no-trunc.
    expect(l.docker('images', '--digests').stdout).toMatch(/^REPOSITORY +TAG +DIGEST/);
  });
});
