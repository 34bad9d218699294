/**
 * `docker push` and `docker pull` progress on the containerd image store, held to Docker 28.5's
 * transcripts (conformance/lessons/containerd/registry.txt and push-order.txt, recorded by
 * record.sh against a local registry): which blobs get a line, named by which digest, and what
 * each line says. Docker sends and fetches blobs side by side, so its line order changes from run
 * to run; the tests compare the lines as sets and the lab keeps the manifest's order.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContextFile } from '../build/context.ts';
import { diffId } from '../fs/index.ts';
import type { ImageStoreKind } from '../images/stores.ts';
import type { SessionOptions } from '../session/session.ts';
import { recorded, recordedCommand } from './recorded.ts';
import { lessonImages, newSession } from './testing/sessions.ts';

let opts: SessionOptions;
beforeAll(async () => {
  opts = await lessonImages();
});

const REG = 'localhost:5000';
/** push-order.txt's Dockerfile: three layers over the base. */
const DOCKERFILE =
  'FROM debian:bookworm-slim\nRUN echo one > /one\nRUN echo two > /two\nCOPY app.txt /app.txt\n';

function lab(
  dockerfile = DOCKERFILE,
  files: Record<string, string> = { 'app.txt': 'v1\n' },
  store: ImageStoreKind = 'containerd',
) {
  const session = newSession({ ...opts, store });
  let context: ContextFile[] = Object.entries(files).map(([path, content]) => ({ path, content }));
  const run = (line: string) => {
    const r = session.command(line, context, dockerfile);
    return `${r.stdout}${r.stderr}`.split('\n').filter(Boolean);
  };
  /** The image's blobs by role, short digest -> `layer N` (0 the base) or `statement`. */
  const roles = (ref: string) => {
    const engine = session.engine;
    const image = engine.images.resolve(ref);
    if (store === 'overlay2')
      return new Map(image.layers.map((l, i) => [diffId(l).slice(7, 19), `layer ${i}`]));
    const c = engine.contentOf(image);
    const names = new Map(c.layers.map((l, i) => [l.digest.slice(7, 19), `layer ${i}`]));
    const statement = c.attestation?.statement.descriptor.digest;
    if (statement) names.set(statement.slice(7, 19), 'statement');
    return names;
  };
  const write = (path: string, content: string) => {
    context = [...context.filter((f) => f.path !== path), { path, content }];
  };
  return { run, roles, write, session };
}

/** A progress line's status, the short ID replaced by what the blob is; sorted. */
const progress = (lines: readonly string[], names: ReadonlyMap<string, string>) =>
  lines
    .filter((l) => /^[0-9a-f]{12}: /.test(l) && !l.endsWith(': Waiting'))
    .map((l) => `${names.get(l.slice(0, 12)) ?? `unknown ${l.slice(0, 12)}`}: ${l.slice(14)}`)
    .sort();

/** The roles `blobs REF` printed in the transcript (layer 0 is the base), by short digest. */
function realRoles(ref: string, store: ImageStoreKind = 'containerd'): Map<string, string> {
  const listing = recordedCommand(store, 'push-order', `blobs ${ref}`).output;
  const names = new Map<string, string>();
  let layer = 0;
  for (const l of listing) {
    const [role, media, digest] = l.trim().split(' ');
    if (role === 'layer' && media === 'application/vnd.in-toto+json')
      names.set(digest!, 'statement');
    else if (role === 'layer') names.set(digest!, `layer ${layer++}`);
  }
  return names;
}

const real = (line: string, nth = 0) => recordedCommand('containerd', 'push-order', line, nth);

/**
 * The base layer's 50 MB blob, when another repository of the registry holds it: Docker 28.5
 * mounted it in one recording of push-order.txt and uploaded it again in the next (`Pushed`),
 * the small blobs beside it mounted both times; the lab always mounts. Compare the rest.
 */
const mountedOrPushed = (lines: string[]) =>
  lines.map((l) =>
    /^layer 0: (Pushed|Mounted from .*)$/.test(l) ? 'layer 0: mounted or pushed' : l,
  );

describe('docker push from the containerd store names the blobs it sends', () => {
  it('sends every layer blob and the provenance statement, as Docker 28.5 did', () => {
    const l = lab();
    l.run(`docker build -q -t ${REG}/po/app:1 .`);
    const app1 = realRoles(`${REG}/po/app:1`);
    const first = l.run(`docker push ${REG}/po/app:1`);
    expect(progress(first, l.roles(`${REG}/po/app:1`))).toEqual(
      progress(real(`docker push ${REG}/po/app:1`).output, app1),
    );
    // The IDs are the compressed blobs' digests, not the diffIDs `docker inspect` lists.
    const diffIds = l.run(`docker inspect --format '{{.RootFS.Layers}}' ${REG}/po/app:1`)[0]!;
    for (const line of first.slice(1, -1)) expect(diffIds).not.toContain(line.slice(0, 12));
    expect(first.at(-1)).toMatch(/^1: digest: sha256:[0-9a-f]{64} size: 856$/);
    const again = l.run(`docker push ${REG}/po/app:1`);
    expect(progress(again, l.roles(`${REG}/po/app:1`))).toEqual(
      progress(real(`docker push ${REG}/po/app:1`, 1).output, app1),
    );
    l.run(`docker tag ${REG}/po/app:1 ${REG}/po/copy:1`);
    const copy = progress(l.run(`docker push ${REG}/po/copy:1`), l.roles(`${REG}/po/app:1`));
    expect(copy[0]).toBe('layer 0: Mounted from po/app');
    expect(mountedOrPushed(copy)).toEqual(
      mountedOrPushed(progress(real(`docker push ${REG}/po/copy:1`).output, app1)),
    );
  });

  it('mounts from the repository a blob went to last; without provenance, layers only', () => {
    const l = lab();
    l.run(`docker build -q -t ${REG}/po/app:1 .`);
    l.run(`docker push ${REG}/po/app:1`);
    l.run(`docker tag ${REG}/po/app:1 ${REG}/po/copy:1`);
    l.run(`docker push ${REG}/po/copy:1`);
    l.write('app.txt', 'v2\n');
    l.run(`docker build -q -t ${REG}/po/app:2 .`);
    expect(progress(l.run(`docker push ${REG}/po/app:2`), l.roles(`${REG}/po/app:2`))).toEqual(
      progress(real(`docker push ${REG}/po/app:2`).output, realRoles(`${REG}/po/app:2`)),
    );
    l.run(`docker build -q --provenance=false -t ${REG}/po/plain:1 .`);
    const plain = l.run(`docker push ${REG}/po/plain:1`);
    // The blobs app:1 and copy:1 share last went to copy; app:2's new layer only to app.
    expect(progress(plain, l.roles(`${REG}/po/plain:1`))).toEqual([
      'layer 0: Mounted from po/copy',
      'layer 1: Mounted from po/copy',
      'layer 2: Mounted from po/copy',
      'layer 3: Mounted from po/app',
    ]);
    expect(mountedOrPushed(progress(plain, l.roles(`${REG}/po/plain:1`)))).toEqual(
      mountedOrPushed(
        progress(real(`docker push ${REG}/po/plain:1`).output, realRoles(`${REG}/po/plain:1`)),
      ),
    );
  });
});

describe('docker pull into the containerd store prints only the layers it unpacks', () => {
  it('prints nothing per layer when every layer is unpacked for another image', () => {
    const l = lab();
    l.run(`docker build -q -t ${REG}/po/app:1 .`);
    l.run(`docker tag ${REG}/po/app:1 ${REG}/po/copy:1`);
    l.run(`docker push ${REG}/po/app:1`);
    l.run(`docker rmi ${REG}/po/app:1`);
    const mine = l.run(`docker pull ${REG}/po/app:1`);
    const docker = real(`docker pull ${REG}/po/app:2`).output;
    expect(mine.filter((x) => /^[0-9a-f]{12}: /.test(x))).toEqual([]);
    expect(docker.filter((x) => /^[0-9a-f]{12}: /.test(x))).toEqual([]);
  });

  it('fetches, then unpacks, the layers no image here has', () => {
    const l = lab();
    // The recording daemon holds debian:bookworm-slim as an image, so its layer is unpacked.
    l.run('docker pull debian:bookworm-slim');
    l.run(`docker build -q -t ${REG}/po/app:1 .`);
    l.run(`docker push ${REG}/po/app:1`);
    l.run(`docker rmi ${REG}/po/app:1`);
    l.run('docker builder prune -af');
    const mine = l.run(`docker pull ${REG}/po/app:1`);
    const names = l.roles(`${REG}/po/app:1`);
    const docker = real(`docker pull ${REG}/po/app:1`).output;
    expect(progress(mine, names)).toEqual(progress(docker, realRoles(`${REG}/po/app:1`)));
    // Each phase in turn: all `Pulling fs layer` lines, then the downloads, then the unpacking.
    const phases = mine.filter((x) => /^[0-9a-f]{12}: /.test(x)).map((x) => x.slice(14));
    expect(phases).toEqual([
      ...Array(3).fill('Pulling fs layer'),
      ...Array(3).fill('Download complete'),
      ...Array(3).fill('Pull complete'),
    ]);
  });

  it('says Already exists for a blob the build cache still holds (registry.txt)', () => {
    const docker = recorded('containerd', 'registry').filter((c) =>
      c.line.startsWith('docker pull localhost:5000/me/app:2'),
    );
    const status = (o: readonly string[]) =>
      o.filter((x) => /^[0-9a-f]{12}: /.test(x)).map((x) => x.slice(14));
    const l = lab(
      'FROM debian:bookworm-slim\nRUN mkdir -p /srv && echo "shared assets" > /srv/assets.txt\nCOPY app.txt /srv/app.txt\nCMD ["cat", "/srv/app.txt"]\n',
      { 'app.txt': 'release one\n' },
    );
    l.run('docker build -q -t me/app:1 .');
    l.run('docker push me/app:1');
    l.write('app.txt', 'release two\n');
    l.run('docker build -q -t me/app:2 .');
    l.run('docker push me/app:2');
    l.run('docker rmi me/app:2');
    expect(status(l.run('docker pull me/app:2'))).toEqual(status(docker[0]!.output));
    expect(status(l.run('docker pull me/app:2'))).toEqual(status(docker[1]!.output));
    l.run('docker rmi me/app:2');
    l.run('docker builder prune -af');
    expect(status(l.run('docker pull me/app:2'))).toEqual(status(docker[2]!.output));
  });
});

describe('docker push and pull on the overlay2 store', () => {
  const o2 = (line: string, nth = 0) => recordedCommand('overlay2', 'push-order', line, nth).output;
  it('prepares every layer (diffIDs, top first), then mounts or pushes, as Docker 28.5 did', () => {
    const l = lab(DOCKERFILE, { 'app.txt': 'v1\n' }, 'overlay2');
    l.run(`docker build -q -t ${REG}/po/app:1 .`);
    const roles = l.roles(`${REG}/po/app:1`);
    const app1 = realRoles(`${REG}/po/app:1`, 'overlay2');
    const first = l.run(`docker push ${REG}/po/app:1`);
    expect(progress(first, roles)).toEqual(progress(o2(`docker push ${REG}/po/app:1`), app1));
    expect(first.slice(1, 5).map((x) => roles.get(x.slice(0, 12)))).toEqual([
      'layer 3',
      'layer 2',
      'layer 1',
      'layer 0',
    ]);
    const again = l.run(`docker push ${REG}/po/app:1`);
    expect(progress(again, roles)).toEqual(progress(o2(`docker push ${REG}/po/app:1`, 1), app1));
    l.run(`docker tag ${REG}/po/app:1 ${REG}/po/copy:1`);
    expect(progress(l.run(`docker push ${REG}/po/copy:1`), roles)).toEqual(
      progress(o2(`docker push ${REG}/po/copy:1`), app1),
    );
    l.write('app.txt', 'v2\n');
    l.run(`docker build -q -t ${REG}/po/app:2 .`);
    l.run(`docker push ${REG}/po/app:2`);
    l.run(`docker build -q --provenance=false -t ${REG}/po/plain:1 .`);
    expect(progress(l.run(`docker push ${REG}/po/plain:1`), l.roles(`${REG}/po/plain:1`))).toEqual(
      progress(o2(`docker push ${REG}/po/plain:1`), realRoles(`${REG}/po/plain:1`, 'overlay2')),
    );
  });
  it('pulls the missing layers in the recorded phases', () => {
    const l = lab(DOCKERFILE, { 'app.txt': 'v1\n' }, 'overlay2');
    l.run('docker pull debian:bookworm-slim');
    l.run(`docker build -q -t ${REG}/po/app:1 .`);
    l.run(`docker push ${REG}/po/app:1`);
    l.run(`docker rmi ${REG}/po/app:1`);
    l.run('docker builder prune -af');
    const statuses = (o: readonly string[]) =>
      o.filter((x) => /^[0-9a-f]{12}: /.test(x)).map((x) => x.slice(14));
    const mine = statuses(l.run(`docker pull ${REG}/po/app:1`));
    const docker = statuses(o2(`docker pull ${REG}/po/app:1`));
    expect([...mine].sort()).toEqual([...docker].sort());
    expect(mine[0]).toBe('Already exists');
    expect(mine.slice(-3)).toEqual(docker.filter((x) => x === 'Pull complete'));
  });
});
