/**
 * What a build fetches of the catalog, gzipped as a server sends it: the first build of the
 * starter stays under 250 KB, and an image costs its own file (its bases load once).
 * `npm run catalog:build` ends with what every image and package list weighs (index.mjs).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LabSession } from '../engine/session/session.ts';
import { STARTER_DOCKERFILE } from './starter.ts';
import { STARTERS } from './starters.ts';
import { STARTER_FILES } from './workspaceSlice.ts';
import { Catalog } from '../engine/catalog/catalog.ts';

const ROOT = join(import.meta.dirname, '../../public/catalog/');

/** A catalog over the files on disk that adds up the gzip size of each file it reads. */
function counted() {
  const reads = new Map<string, number>();
  const catalog = new Catalog(async (path) => {
    const text = readFileSync(join(ROOT, path), 'utf8');
    reads.set(path, gzipSync(text, { level: 9 }).length);
    return text;
  });
  const total = () => [...reads.values()].reduce((n, b) => n + b, 0);
  return { catalog, reads, total };
}

/** What the worker loads before a build: the FROM images, and the packages the texts name. */
async function firstBuild(dockerfile: string, files: readonly { content: string }[]) {
  const c = counted();
  await c.catalog.ensure(
    LabSession.baseRefs(dockerfile),
    [dockerfile, ...files.map((f) => f.content)].join('\n'),
  );
  // The editor's check of FROM lines reads the same index (the HTTP cache serves it once).
  return c;
}

describe('what a build fetches of the catalog', () => {
  it('the first build of the starter fetches at most 250 KB gzip', async () => {
    const c = await firstBuild(STARTER_DOCKERFILE, STARTER_FILES);
    expect(c.reads.has('v2/images/debian-bookworm-slim.json')).toBe(true);
    expect([...c.reads.keys()].some((p) => p.includes('/files/python3.json'))).toBe(true);
    expect([...c.reads.keys()].some((p) => p.startsWith('v2/pip/files/flask'))).toBe(true);
    expect(c.total()).toBeLessThanOrEqual(250 * 1024);
  });

  it('every starter builds on what it fetched, and none fetches another image', async () => {
    for (const s of STARTERS) {
      const c = await firstBuild(s.dockerfile, s.files);
      const images = [...c.reads.keys()].filter((p) => p.startsWith('v2/images/'));
      const named = LabSession.baseRefs(s.dockerfile).filter((r) => r !== 'scratch');
      for (const ref of named) expect(c.catalog.image(ref), `${s.id}: ${ref}`).toBeDefined();
      // An image brings its bases and nothing else.
      expect(images.length, s.id).toBeLessThanOrEqual(named.length * 4);
    }
  });

  it('an extra image costs its own file: its base is not fetched again', async () => {
    const c = counted();
    await c.catalog.ensure(['debian:trixie-slim']);
    const before = new Set(c.reads.keys());
    await c.catalog.ensure(['python:3.13-slim']);
    const extra = [...c.reads.keys()].filter((p) => !before.has(p));
    expect(extra).toEqual(['v2/images/python-3.13-slim.json']);
  });
});
