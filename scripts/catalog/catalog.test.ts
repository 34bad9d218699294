/**
 * Invariants of the generated catalog in public/catalog/v2 (run `npm run catalog:build` to make
 * it): every listing parses, parents come before children, sizes add up, ids are the hashes of
 * the listings, every dependency names a package of the same list, and every package of an
 * index has its files.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  packageSlug,
  type CatalogImageFile,
  type CatalogIndex,
  type CatalogPackageFiles,
  type CatalogPackageRecord,
  type CatalogPackagesFile,
} from '../../app/engine/catalog/format.ts';
import { parseListing, type ListedEntry } from '../../app/engine/catalog/entries.ts';

const DIR = join(import.meta.dirname, '../../public/catalog/v2');
const read = <T>(rel: string): T => JSON.parse(readFileSync(join(DIR, rel), 'utf8')) as T;
const parentOf = (p: string): string => p.slice(0, Math.max(p.lastIndexOf('/'), 0));

/** Problems with a listing's order: a path before its parent, a hard link before its target. */
function orderProblems(listing: readonly ListedEntry[], relative: boolean): string[] {
  const seen = new Map<string, ListedEntry['type']>();
  const problems: string[] = [];
  for (const e of listing) {
    if (relative === e.path.startsWith('/')) problems.push(`${e.path}: wrong kind of path`);
    if (seen.has(e.path)) problems.push(`${e.path}: listed twice`);
    const parent = parentOf(e.path);
    if (parent !== '' && seen.get(parent) !== 'd')
      problems.push(`${e.path}: parent not listed before`);
    if (e.type === 'h' && !seen.has(e.target ?? ''))
      problems.push(`${e.path}: link target not before`);
    seen.set(e.path, e.type);
  }
  return problems;
}

/** A package list with each package's files put back into its record. */
function packageList(indexPath: string): CatalogPackagesFile & {
  packages: Required<Pick<CatalogPackageRecord, 'files'>>[] & CatalogPackageRecord[];
} {
  const list = read<CatalogPackagesFile>(indexPath);
  const dir = indexPath.replace(/index\.json$/, 'files/');
  return {
    ...list,
    packages: list.packages.map((p) => ({
      ...p,
      ...read<CatalogPackageFiles>(`${dir}${packageSlug(p.name)}.json`),
    })) as never,
  };
}

const fileBytes = (listing: readonly ListedEntry[]): number =>
  listing.reduce((n, e) => n + (e.type === 'f' ? e.size : 0), 0);

describe.runIf(existsSync(join(DIR, 'index.json')))('the generated catalog', () => {
  const index = read<CatalogIndex>('index.json');

  const lists: Record<string, string> = {
    ...Object.fromEntries(Object.entries(index.packages.apt).map(([s, f]) => [`apt/${s}`, f])),
    npm: index.packages.npm,
    pip: index.packages.pip,
  };

  it('has an index naming the images and the package lists', () => {
    expect(index.version).toBe(2);
    expect(index.images.map((i) => i.ref)).toContain('debian:bookworm-slim');
    // Every Debian suite an image is built on has its own apt lists (bookworm and trixie).
    const suites = Object.keys(index.packages.apt).sort();
    expect(suites).toEqual(['bookworm', 'trixie']);
    const unlisted = index.images.filter((i) => i.suite && !suites.includes(i.suite));
    expect(unlisted.map((i) => i.ref)).toEqual([]);
    for (const f of Object.values(lists)) expect(existsSync(join(DIR, f)), f).toBe(true);
    expect(existsSync(join(DIR, 'hub.json'))).toBe(true);
    expect(index.notes.some((n) => n.includes('alpine'))).toBe(true);
  });

  for (const entry of index.images) {
    describe(entry.ref, () => {
      const img = read<CatalogImageFile>(entry.file);
      const base = img.base
        ? read<CatalogImageFile>(index.images.find((i) => i.ref === img.base)!.file)
        : undefined;

      it('has layers whose listings parse, in tar order, with real ids and sizes', () => {
        expect(img.ref).toBe(entry.ref);
        for (const [i, layer] of img.layers.entries()) {
          const listing = parseListing(layer.entries, `${entry.ref} layer ${i}`);
          expect(orderProblems(listing, false)).toEqual([]);
          expect(fileBytes(listing)).toBe(layer.size);
          const hex = createHash('sha256').update(layer.entries).digest('hex');
          expect(layer.diffId).toBe(`sha256:${hex}`);
          expect(layer.compressedSize).toBeGreaterThan(0);
          const files = new Set(listing.filter((e) => e.type === 'f').map((e) => e.path));
          for (const p of Object.keys(layer.contents)) expect(files.has(p), p).toBe(true);
        }
      });

      it('adds up to the size the index gives, with one history entry per layer', () => {
        const stack = (f: CatalogImageFile): CatalogImageFile['layers'] => [
          ...(f.base
            ? stack(read<CatalogImageFile>(index.images.find((i) => i.ref === f.base)!.file))
            : []),
          ...f.layers,
        ];
        const all = stack(img);
        expect(all.reduce((n, l) => n + l.size, 0)).toBe(entry.size);
        expect(img.history.filter((h) => !h.empty_layer)).toHaveLength(all.length);
        if (base) expect(img.history.slice(0, base.history.length)).toEqual(base.history);
        expect(img.config.Env?.some((e) => e.startsWith('PATH='))).toBe(true);
      });
    });
  }

  it('gives the slim base the files a shell and apt need', () => {
    const slim = read<CatalogImageFile>('images/debian-bookworm-slim.json');
    const layer = slim.layers[0]!;
    const paths = new Set(parseListing(layer.entries, 'slim').map((e) => e.path));
    for (const p of ['/bin', '/usr/bin/bash', '/etc/passwd', '/var/lib/dpkg/status']) {
      expect(paths.has(p), p).toBe(true);
    }
    expect(layer.contents['/usr/lib/os-release']).toContain('bookworm');
    expect(layer.contents['/var/lib/dpkg/status']).toContain('Package: bash');
    expect([...paths].some((p) => p.startsWith('/usr/share/man/man1/'))).toBe(false);
    // Docker Hub: about 74.8 MB uncompressed, 28-29 MB compressed.
    expect(layer.size).toBeGreaterThan(65e6);
    expect(layer.size).toBeLessThan(85e6);
    expect(layer.compressedSize).toBeGreaterThan(22e6);
    expect(layer.compressedSize).toBeLessThan(35e6);
  });

  for (const [kind, path] of Object.entries(lists)) {
    it(`has ${kind} packages whose file lists parse and whose depends resolve`, () => {
      const file = packageList(path);
      expect(file.approximate).toBe(kind === 'pip');
      expect(file.packages.length).toBeGreaterThan(kind === 'pip' ? 15 : 40);
      const names = new Set(file.packages.map((p) => p.name));
      expect(names.size).toBe(file.packages.length);
      const unresolved: string[] = [];
      const disorder: string[] = [];
      for (const p of file.packages) {
        for (const d of [...p.depends, ...(p.recommends ?? [])]) {
          if (!names.has(d)) unresolved.push(`${p.name} -> ${d}`);
        }
        disorder.push(
          ...orderProblems(
            parseListing(p.files ?? '', `${kind} ${p.name}`),
            !kind.startsWith('apt'),
          ),
        );
        expect(p.installedSize, p.name).toBeGreaterThanOrEqual(0);
        expect(p.downloadSize, p.name).toBeGreaterThan(0);
      }
      expect(unresolved).toEqual([]);
      expect(disorder).toEqual([]);
    });
  }

  it('has the apt lists and update lines apt-get update shows', () => {
    const apt = packageList(lists['apt/bookworm']!);
    const written = parseListing(apt.lists ?? '', 'apt lists');
    expect(
      written.some((e) => e.path.endsWith('_Packages.lz4') || e.path.endsWith('_Packages')),
    ).toBe(true);
    expect(apt.updateLines?.[0]).toMatch(
      /^(Get|Hit):1 http:\/\/deb\.debian\.org\/debian bookworm InRelease/,
    );
    const names = new Set(apt.packages.map((p) => p.name));
    for (const n of ['curl', 'git', 'python3', 'nginx', 'build-essential'])
      expect(names.has(n), n).toBe(true);
  });

  it('has what dpkg and maintainer scripts add for each apt package', () => {
    const apt = packageList(lists['apt/bookworm']!);
    const problems: string[] = [];
    for (const p of apt.packages) {
      // .list names `/.` and every path, excluded ones too: at least the paths we install.
      const listed = parseListing(p.files ?? '', p.name).reduce(
        (n, e) => n + new TextEncoder().encode(e.path).length + 1,
        3,
      );
      if ((p.listSize ?? 0) < listed)
        problems.push(`${p.name}: listSize ${p.listSize} < ${listed}`);
      for (const m of (p.info ?? '').split(',').filter(Boolean))
        if (!/^[a-z0-9_.-]+ \d+$/.test(m)) problems.push(`${p.name}: info member ${m}`);
      for (const e of p.effects ?? [])
        if (!/^(ldconfig|update-ca-certificates|debconf \d+ \d+|pycompile \S+ \/\S*)$/.test(e))
          problems.push(`${p.name}: effect ${e}`);
      if (p.pyc !== undefined) {
        const py = parseListing(p.files ?? '', p.name).filter(
          (e) => e.type !== 'd' && e.path.endsWith('.py'),
        );
        if (p.pyc.split(',').length !== py.length) problems.push(`${p.name}: pyc count`);
      }
    }
    expect(problems).toEqual([]);
    const byName = new Map(apt.packages.map((p) => [p.name, p]));
    // Real data: python3.11 byte-compiles the standard library; ca-certificates uses debconf.
    expect(byName.get('python3.11')?.effects).toContain(
      'pycompile libpython3.11-stdlib /usr/lib/python3.11',
    );
    const pyc = (byName.get('libpython3.11-stdlib')?.pyc ?? '').split(',').map(Number);
    expect(pyc.filter((n) => n > 0).length).toBeGreaterThan(100);
    expect(byName.get('ca-certificates')?.effects).toContain('update-ca-certificates');
    expect(byName.get('ca-certificates')?.info).toMatch(/(^|,)templates \d+/);
    expect(byName.get('libssl3')?.multiArch).toBe(true);
  });

  it('installs express with its dependency tree from the npm list', () => {
    const npm = packageList(index.packages.npm);
    const byName = new Map(npm.packages.map((p) => [p.name, p]));
    const tree = new Set<string>();
    const visit = (n: string): void => {
      if (tree.has(n)) return;
      tree.add(n);
      for (const d of byName.get(n)?.depends ?? []) visit(d);
    };
    visit('express');
    expect(tree.size).toBeGreaterThan(20);
    expect(byName.get('express')?.files).toContain('package.json');
  });
});
