import { describe, expect, it } from 'vitest';
import { compressedLayer, diffId, layerFiles } from '../fs/index.ts';
import { buildkitExpand, planDockerfile } from '../build/plan.ts';
import { runDocker } from '../cli/docker.ts';
import type { CliHost } from '../cli/types.ts';
import { Engine } from '../daemon/engine.ts';
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

const aptIndex: CatalogPackagesFile = {
  source: 'test',
  approximate: false,
  suite: 'bookworm',
  pycTag: 'cpython-311',
  packages: [
    {
      name: 'tree',
      version: '2.1.0-1',
      depends: ['libtree0'],
      installedSize: 110_592,
      downloadSize: 47_000,
    },
    { name: 'libtree0', version: '1', depends: [], installedSize: 10, downloadSize: 5 },
    { name: 'vim', version: '9', depends: [], installedSize: 10, downloadSize: 5 },
  ],
  lists: 'f\t644\t0\t0\t9000000\t/var/lib/apt/lists/x_Packages.lz4',
  updateLines: ['Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]'],
};
const treeFiles = {
  files: 'd\t755\t0\t0\t0\t/usr\nd\t755\t0\t0\t0\t/usr/bin\nf\t755\t0\t0\t98312\t/usr/bin/tree',
};
const libFiles = { files: 'f\t644\t0\t0\t10\t/usr/lib/libtree.so.0' };

const index: CatalogIndex = {
  version: 2,
  generated: '2026-11-23',
  sources: ['test'],
  hub: { snapshot: 'test', date: '2026-08-21', file: 'hub.json' },
  images: [
    {
      ref: 'debian:bookworm-slim',
      aliases: ['debian:12-slim'],
      file: 'images/debian.json',
      size: 1_234_577,
      suite: 'bookworm',
      origin: 'test',
      builtFromDebianPackages: false,
    },
    {
      ref: 'python:3.11-slim',
      aliases: ['python:slim', 'python:3-slim'],
      moving: { slim: '3.14.7', '3-slim': '3.14.7' },
      file: 'images/python.json',
      size: 1_234_677,
      version: '3.11.2',
      product: 'Python',
      suite: 'bookworm',
      origin: 'test',
      builtFromDebianPackages: true,
    },
  ],
  packages: {
    apt: { bookworm: 'apt/bookworm/index.json' },
    npm: 'npm/index.json',
    pip: 'pip/index.json',
  },
  notes: [],
};

const hub = {
  snapshot: 'test',
  date: '2026-08-21',
  repos: { python: ['3.12-alpine', '3.14-slim'], ubuntu: ['24.04'] },
};

function files(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'v2/index.json': JSON.stringify(index),
    'v2/hub.json': JSON.stringify(hub),
    'v2/images/debian.json': JSON.stringify(debian),
    'v2/images/python.json': JSON.stringify(python),
    'v2/apt/bookworm/index.json': JSON.stringify(aptIndex),
    'v2/apt/bookworm/files/tree.json': JSON.stringify(treeFiles),
    'v2/apt/bookworm/files/libtree0.json': JSON.stringify(libFiles),
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
    expect(reads).not.toContain('v2/images/python.json');
    expect(reads).not.toContain('v2/apt.json');
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

  it('loads the package index when a text mentions a package manager, and only the files of what it names', async () => {
    const reads: string[] = [];
    const catalog = new Catalog(reader(files(), reads));
    await catalog.ensure(['debian'], 'FROM debian\nRUN echo hi');
    expect(reads.filter((r) => r.includes('apt/'))).toEqual([]);
    await catalog.ensure(['debian:bookworm-slim'], 'RUN apt-get install -y tree');
    const apt = catalog.packages.aptSuites?.bookworm;
    expect(apt?.lookup('tree')?.files.map((f) => f.path)).toContain('/usr/bin/tree');
    // Its dependency came along; a package nobody named did not.
    expect(reads).toContain('v2/apt/bookworm/files/libtree0.json');
    expect(reads.some((r) => r.endsWith('/vim.json'))).toBe(false);
    expect(() => apt?.lookup('vim')).toThrow(/had not loaded the files of vim/);
    expect(apt?.updateLines[0]).toMatch(/^Get:1 /);
    expect(apt?.lists[0]?.size).toBe(9_000_000);
    // Only the lists the text needs: apt-get alone never fetches npm's or pip's.
    expect(reads.filter((r) => /(npm|pip)\//.test(r))).toEqual([]);
  });

  it('reads what it needs at once with a synchronous reader (the Node CLI)', () => {
    const store = files();
    const reads: string[] = [];
    const catalog = new Catalog(reader(store), (path) => {
      reads.push(path);
      const text = store[path];
      if (text === undefined) throw new Error(`404 ${path}`);
      return text;
    });
    expect(catalog.image('python:3.11-slim')?.layers).toHaveLength(2);
    expect(catalog.packages.aptSuites?.bookworm?.lookup('tree')?.version).toBe('2.1.0-1');
    expect(reads).toContain('v2/apt/bookworm/files/tree.json');
    expect(reads.some((r) => r.endsWith('/vim.json'))).toBe(false);
  });

  it('notes which version a moving tag gave, and explains a name it does not have', async () => {
    const catalog = new Catalog(reader(files()));
    await catalog.ensure(['python:slim', 'python:3.12-alpine']);
    expect(catalog.image('python:slim')?.note).toBe(
      "python:slim is a moving tag: this lab used python:3.11-slim (Python 3.11.2; on 2026-08-21 Docker Hub's python:slim was 3.14.7)",
    );
    expect(catalog.image('python:3.11-slim')?.note).toBeUndefined();
    const m = catalog.explain('python:3.12-alpine');
    expect(m?.code).toBe('image-not-in-lab');
    expect(m?.closest).toBe('python:3.11-slim');
    expect(catalog.explain('pyhton')?.code).toBe('base-not-found');
  });

  it('keeps the built-in packages and says why when the catalog is missing', async () => {
    const catalog = new Catalog(reader({}));
    await catalog.ensure(['debian:bookworm-slim'], 'RUN apt-get install -y curl');
    expect(catalog.image('debian:bookworm-slim')).toBeUndefined();
    expect(catalog.problem).toMatch(/could not be loaded \(404 v2\/index.json\)/);
    expect(catalog.packages.apt.lookup('curl')).toBeDefined();
  });

  it('reports a damaged image file without losing the rest', async () => {
    const catalog = new Catalog(reader(files({ 'v2/images/python.json': '{not json' })));
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
    const catalog = new Catalog(reader({ 'v2/index.json': '<!doctype html><html></html>' }));
    await expect(catalog.ensure(['debian'])).resolves.toBeUndefined();
    expect(catalog.problem).toMatch(/could not be loaded/);
  });
});

describe('an image the lab lacks, in the daemon and the docker CLI', () => {
  async function docker(dockerfile: string) {
    const catalog = new Catalog(reader(files()));
    await catalog.ensure(['ubuntu:24.04', 'python:3.12-alpine']);
    const engine = new Engine({
      planner: planDockerfile,
      expand: buildkitExpand,
      catalog: catalog.packages,
      registry: (ref) => catalog.image(ref),
      explain: (ref) => catalog.explain(ref),
      clock: () => 1000,
    });
    const host: CliHost = {
      readContext: () => ({ files: [], dockerfile, dockerfileName: 'Dockerfile' }),
      writeFile: () => {},
      env: {},
    };
    return (...argv: string[]) => runDocker(engine, argv, host);
  }

  it('docker pull and docker build --check say the image is real but not here', async () => {
    const run = await docker('FROM ubuntu:24.04\nCMD ["bash"]\n');
    const pull = run('pull', 'ubuntu:24.04');
    expect(pull.exitCode).toBe(1);
    expect(pull.stderr).toMatch(
      /^Error response from daemon: ubuntu:24\.04 is a real image on Docker Hub, but it is not in this offline lab/,
    );
    const check = run('build', '--check', '.');
    expect(check.exitCode).toBe(1);
    expect(check.stderr).toContain('ubuntu:24.04 is a real image on Docker Hub');
    expect(check.stderr).not.toContain('repository does not exist');
  });

  it("a name Docker Hub does not have keeps Docker's words", async () => {
    const run = await docker('FROM pyhton\n');
    expect(run('pull', 'pyhton').stderr).toContain(
      'pull access denied for pyhton, repository does not exist',
    );
  });
});
