/**
 * Installing in bulk (bulk.ts, ShellFs.mergeTree) must leave exactly the layer that writing
 * entry by entry leaves: the same records (names, kinds, modes, owners, mtimes, sizes, links,
 * content), the same diffID and the same output, on the catalog's real images and packages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeImages, type NodeImages } from '../../../node/images.ts';
import { diffId, MergedView, openOverlay, type Layer, type ShellFs } from '../../fs/index.ts';
import { runShell } from '../index.ts';

let images: NodeImages;
beforeAll(async () => {
  images = await nodeImages();
});

/** The overlay without mergeTree: every entry written one by one. */
function oneByOne(fs: ShellFs): ShellFs {
  return new Proxy(fs, {
    get(target, key) {
      if (key === 'mergeTree') return undefined;
      const v = Reflect.get(target, key) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

function lowerOf(ref: string, steps: string[]): MergedView {
  const base = images.registry(ref);
  if (!base) throw new Error(`${ref} is not in the catalog`);
  let view = MergedView.empty;
  for (const layer of base.layers) view = view.push(layer);
  for (const script of steps) view = view.push(run(view, script, true).layer);
  return view;
}

function run(lower: MergedView, script: string, bulk: boolean, user = { uid: 0, gid: 0 }) {
  const overlay = openOverlay(lower, { now: () => 0 });
  let merged = 0;
  const merge = overlay.mergeTree.bind(overlay);
  overlay.mergeTree = (tree, opts) => {
    const ok = merge(tree, opts);
    if (ok) merged++;
    return ok;
  };
  const r = runShell(script, {
    fs: bulk ? overlay : oneByOne(overlay),
    env: {},
    cwd: '/',
    user: { ...user, name: user.uid === 0 ? 'root' : 'app' },
    catalog: images.catalog,
    now: 0,
  });
  // A simulator error (an FsError a package manager does not catch) must match too.
  const out = r.stdout + r.stderr + (r.internalError ?? '');
  return { layer: overlay.commit(), out, exit: r.exitCode, merged };
}

function records(layer: Layer): string[] {
  return [...layer.records()].map((r) => {
    const data =
      r.node?.type === 'file' && r.node.data ? new TextDecoder().decode(r.node.data) : '';
    const digest = r.node?.type === 'file' ? (r.node.digest ?? '') : '';
    return `${r.name} ${r.kind} ${r.mode.toString(8)} ${r.uid}:${r.gid} ${r.mtime} ${r.size} ${r.linkname ?? ''} ${digest} ${data.length}:${data.slice(0, 64)}`;
  });
}

async function same(
  ref: string,
  script: string,
  before: string[] = [],
  user?: { uid: number; gid: number },
) {
  // The catalog loads an image, and the files of the packages a text installs, when asked.
  await images.ensure([ref], [...before, script].join('\n'));
  const lower = lowerOf(ref, before);
  const bulk = run(lower, script, true, user);
  const slow = run(lower, script, false, user);
  expect(slow.merged).toBe(0);
  expect(bulk.out).toBe(slow.out);
  expect(bulk.exit).toBe(slow.exit);
  expect(records(bulk.layer)).toEqual(records(slow.layer));
  expect(diffId(bulk.layer)).toBe(diffId(slow.layer));
  return bulk;
}

describe('installing packages in bulk', () => {
  it('apt and pip: the Python starter', async () => {
    const r = await same(
      'debian:bookworm-slim',
      'apt-get update && apt-get install -y --no-install-recommends python3 python3-pip && pip3 install --break-system-packages flask requests',
    );
    expect(r.exit).toBe(0);
    expect(r.merged).toBeGreaterThan(30);
  });

  it('apt: build-essential with its recommends, curl and certificates', async () => {
    const r = await same(
      'debian:bookworm-slim',
      'apt-get update && apt-get install -y build-essential curl ca-certificates',
    );
    expect(r.exit).toBe(0);
    expect(r.merged).toBeGreaterThan(50);
  });

  it('apt: packages whose dependencies an earlier layer installed', async () => {
    const r = await same('debian:bookworm-slim', 'apt-get install -y python3-pip', [
      'apt-get update && apt-get install -y --no-install-recommends python3',
    ]);
    expect(r.exit).toBe(0);
  });

  it('over a directory deleted in the same step, and symlinks and files in the way', async () => {
    const r = await same(
      'debian:bookworm-slim',
      'rm -rf /usr/share/doc /usr/share/man && ln -s /tmp /usr/share/lintian && ' +
        'mkdir -p /usr/lib/python3.11 && echo x > /usr/lib/python3.11/os.py && ' +
        'apt-get update && apt-get install -y --no-install-recommends python3 curl',
    );
    expect(r.exit).toBe(0);
    expect(r.merged).toBeGreaterThan(10);
  });

  it('a file where a package has a directory stops it as it does entry by entry', async () => {
    await same(
      'debian:bookworm-slim',
      'echo x > /usr/share/doc/curl.txt && mkdir -p /usr/lib/python3.11 && echo no > /usr/lib/python3.11/json && apt-get update && apt-get install -y --no-install-recommends python3',
    );
  });

  it('npm in the Node image, and pip in the Python image', async () => {
    await same(
      'node:24-slim',
      'mkdir -p /app && cd /app && printf \'{"name":"a","version":"1.0.0","dependencies":{"express":"^4.19.2"}}\' > package.json && npm install',
    );
    await same('python:3.11-slim', 'pip install flask');
  });

  it('a user other than root writes one by one', async () => {
    const r = await same('node:24-slim', 'cd /home/node && npm install express', [], {
      uid: 1000,
      gid: 1000,
    });
    expect(r.exit).toBe(0);
    expect(r.merged).toBe(0);
  });
});
