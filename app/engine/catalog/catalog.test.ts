import { describe, expect, it } from 'vitest';
import { compressedLayer, diffId, layerFiles } from '../fs/index.ts';
import { Catalog } from './catalog.ts';
import { CatalogFormatError, parseListing } from './entries.ts';
import type { CatalogImageFile, CatalogIndex, CatalogPackagesFile } from './format.ts';

const debian: CatalogImageFile = {
  ref: 'debian:bookworm-slim',
  layers: [
    {
      diffId: 'sha256:' + '1'.repeat(64),
      size: 1_234_577,
      compressedSize: 500_000,
      entries: [
        'd\t755\t0\t0\t0\t/etc',
        'f\t644\t0\t0\t21\t/etc/os-release',
        'd\t755\t0\t0\t0\t/usr',
        'd\t755\t0\t0\t0\t/usr/bin',
        'f\t755\t0\t0\t1234567\t/usr/bin/bash',
        'h\t755\t0\t0\t0\t/usr/bin/rbash\t/usr/bin/bash',
        'l\t777\t0\t0\t0\t/bin\tusr/bin',
        'd\t1777\t0\t0\t0\t/tmp',
        'd\t755\t0\t0\t0\t/var',
        'd\t755\t0\t0\t0\t/var/lib',
        'd\t755\t0\t0\t0\t/var/lib/dpkg',
        'f\t644\t0\t0\t0\t/var/lib/dpkg/status',
      ].join('\n'),
      contents: { '/etc/os-release': 'ID=debian\nVERSION=12\n', '/var/lib/dpkg/status': '' },
    },
  ],
  config: {
    Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    Cmd: ['bash'],
  },
  history: [{ created: '2024-06-01T00:00:00Z', created_by: '# debian.sh bookworm' }],
};

const python: CatalogImageFile = {
  ref: 'python:3.11-slim',
  base: 'debian:bookworm-slim',
  layers: [
    {
      diffId: 'sha256:' + '2'.repeat(64),
      size: 100,
      compressedSize: 60,
      entries:
        'd\t755\t0\t0\t0\t/usr\nd\t755\t0\t0\t0\t/usr/bin\nf\t755\t0\t0\t100\t/usr/bin/python3.11\nl\t777\t0\t0\t0\t/usr/bin/python3\tpython3.11',
      contents: {},
    },
  ],
  config: { Env: ['LANG=C.UTF-8'], Cmd: ['python3'] },
  history: [
    ...debian.history,
    { created: '2024-06-02T00:00:00Z', created_by: 'ENV LANG=C.UTF-8', empty_layer: true },
    { created: '2024-06-02T00:00:00Z', created_by: 'RUN /bin/sh -c apt-get install python3' },
  ],
};

const apt: CatalogPackagesFile = {
  source: 'test',
  approximate: false,
  packages: [
    {
      name: 'tree',
      version: '2.1.0-1',
      depends: [],
      installedSize: 110_592,
      downloadSize: 47_000,
      files: 'd\t755\t0\t0\t0\t/usr\nd\t755\t0\t0\t0\t/usr/bin\nf\t755\t0\t0\t98312\t/usr/bin/tree',
    },
  ],
  lists: 'f\t644\t0\t0\t9000000\t/var/lib/apt/lists/x_Packages.lz4',
  updateLines: ['Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]'],
};

const index: CatalogIndex = {
  version: 1,
  generated: '2026-11-23',
  sources: ['test'],
  images: [
    {
      ref: 'debian:bookworm-slim',
      aliases: ['debian:12-slim'],
      file: 'images/debian.json',
      size: 1_234_577,
      origin: 'test',
      builtFromDebianPackages: false,
    },
    {
      ref: 'python:3.11-slim',
      aliases: [],
      file: 'images/python.json',
      size: 1_234_677,
      origin: 'test',
      builtFromDebianPackages: true,
    },
  ],
  packages: { apt: 'apt.json', npm: 'npm.json', pip: 'pip.json' },
  notes: [],
};

function files(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'v1/index.json': JSON.stringify(index),
    'v1/images/debian.json': JSON.stringify(debian),
    'v1/images/python.json': JSON.stringify(python),
    'v1/apt.json': JSON.stringify(apt),
    ...extra,
  };
}

function reader(store: Record<string, string>, reads: string[] = []) {
  return (path: string): Promise<string> => {
    reads.push(path);
    const text = store[path];
    return text === undefined ? Promise.reject(new Error(`404 ${path}`)) : Promise.resolve(text);
  };
}

describe('Catalog', () => {
  it('loads an image by an alias, with its known diffID and transfer size', async () => {
    const reads: string[] = [];
    const catalog = new Catalog(reader(files(), reads));
    expect(catalog.image('debian:12-slim')).toBeUndefined();
    await catalog.ensure(['debian:12-slim']);
    const image = catalog.image('debian:bookworm-slim');
    expect(image?.layers).toHaveLength(1);
    const layer = image!.layers[0]!;
    expect(diffId(layer)).toBe('sha256:' + '1'.repeat(64));
    expect(compressedLayer(layer).size).toBe(500_000);
    // Files, and the symlink /bin -> usr/bin at its target's length (as overlay2 counts it).
    expect(layer.stats.size).toBe(21 + 1_234_567 + 'usr/bin'.length);
    expect(layer.stats.hardlinks).toBe(1);
    expect(layerFiles(layer).map((f) => f.path)).toContain('/etc/os-release');
    expect(reads).not.toContain('v1/images/python.json');
    expect(reads).not.toContain('v1/apt.json');
  });

  it('stacks an image on its base and gives it a stable ID', async () => {
    const catalog = new Catalog(reader(files()));
    await catalog.ensure(['python:3.11-slim']);
    const py = catalog.image('python:3.11-slim')!;
    expect(py.layers).toHaveLength(2);
    expect(py.layers[0]).toBe(catalog.image('debian:bookworm-slim')!.layers[0]);
    expect(py.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    const again = new Catalog(reader(files()));
    await again.ensure(['python:3.11-slim']);
    expect(again.image('python:3.11-slim')!.id).toBe(py.id);
  });

  it('loads the package lists only when a text mentions a package manager', async () => {
    const reads: string[] = [];
    const catalog = new Catalog(reader(files(), reads));
    await catalog.ensure(['debian'], 'FROM debian\nRUN echo hi');
    expect(reads).not.toContain('v1/apt.json');
    expect(catalog.packages.apt.lookup('tree')).toBeUndefined();
    await catalog.ensure(['debian'], 'RUN apt-get install -y tree');
    expect(catalog.packages.apt.lookup('tree')?.files.map((f) => f.path)).toContain(
      '/usr/bin/tree',
    );
    expect(catalog.packages.apt.updateLines[0]).toMatch(/^Get:1 /);
    expect(catalog.packages.apt.lists[0]?.size).toBe(9_000_000);
    // Only the list the text needs: apt-get alone never fetches npm's or pip's.
    expect(reads.filter((r) => /(npm|pip)\.json$/.test(r))).toEqual([]);
    await catalog.ensure(['debian'], 'RUN pip3 install flask');
    expect(reads.filter((r) => /(npm|pip)\.json$/.test(r))).toEqual(['v1/pip.json']);
  });

  it('keeps the built-in packages and says why when the catalog is missing', async () => {
    const catalog = new Catalog(reader({}));
    await catalog.ensure(['debian:bookworm-slim'], 'RUN apt-get install -y curl');
    expect(catalog.image('debian:bookworm-slim')).toBeUndefined();
    expect(catalog.problem).toMatch(/could not be loaded \(404 v1\/index.json\)/);
    expect(catalog.packages.apt.lookup('curl')).toBeDefined();
  });

  it('reports a damaged image file without losing the rest', async () => {
    const catalog = new Catalog(reader(files({ 'v1/images/python.json': '{not json' })));
    await catalog.ensure(['python:3.11-slim', 'debian:bookworm-slim']);
    expect(catalog.image('python:3.11-slim')).toBeUndefined();
    expect(catalog.image('debian:bookworm-slim')).toBeDefined();
    expect(catalog.problem).toMatch(/python:3.11-slim could not be loaded/);
  });
});

describe('parseListing', () => {
  it('names the file and line of a malformed entry', () => {
    expect(() => parseListing('d\t755\t0\t0\t0\t/etc\nx\t1\t2', 'debian')).toThrow(
      new CatalogFormatError('debian', 2, 'expected 6 or 7 tab-separated fields, got 3'),
    );
    expect(() => parseListing('f\t9z9\t0\t0\t0\t/a', 'debian')).toThrow(/line 1: mode "9z9"/);
    expect(() => parseListing('l\t777\t0\t0\t0\t/bin', 'debian')).toThrow(/needs a link target/);
  });

  it('reads octal modes with special bits', () => {
    expect(parseListing('d\t1777\t0\t0\t0\t/tmp', 't')[0]?.mode).toBe(0o1777);
    expect(parseListing('f\t4755\t0\t0\t10\t/usr/bin/su', 't')[0]?.mode).toBe(0o4755);
  });
});

describe('Catalog given a page instead of JSON', () => {
  it('reports the damaged index instead of failing the build', async () => {
    const catalog = new Catalog(reader({ 'v1/index.json': '<!doctype html><html></html>' }));
    await expect(catalog.ensure(['debian'])).resolves.toBeUndefined();
    expect(catalog.problem).toMatch(/could not be loaded/);
  });
});
