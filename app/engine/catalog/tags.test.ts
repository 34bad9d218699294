/**
 * Tag resolution on the generated catalog (public/catalog/v2): the names tutorials use resolve
 * as Docker Hub resolves them, and the names the lab lacks get the right kind of answer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../dockerfile/parse.ts';
import { missingImage } from './answers.ts';
import { imageDiagnostics } from './from-check.ts';
import type { CatalogIndex, HubTags } from './format.ts';
import { answerFor, closestImage, tagShape, type CatalogNames, type NameAnswer } from './tags.ts';

const DIR = join(import.meta.dirname, '../../../public/catalog/v2');
const index = JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) as CatalogIndex;
const hub = JSON.parse(readFileSync(join(DIR, 'hub.json'), 'utf8')) as HubTags;
const names: CatalogNames = { images: index.images, hub };

const lab = (name: string) => {
  const a = answerFor(name, names);
  if (a.kind !== 'lab') throw new Error(`${name}: expected a lab image, got ${a.kind}`);
  return a;
};
const kind = (name: string): NameAnswer['kind'] => answerFor(name, names).kind;
const closest = (name: string) => {
  const a = answerFor(name, names);
  return a.kind === 'lab' ? a.image.ref : a.closest;
};

describe('tags as Docker Hub resolves them', () => {
  it('reads a name without a tag as :latest, in any of its spellings', () => {
    for (const n of [
      'python',
      'python:latest',
      'docker.io/library/python',
      'library/python:latest',
    ])
      expect(lab(n).image.ref).toBe('python:3.14');
    expect(lab('debian').image.ref).toBe('debian:trixie');
    expect(lab('node').image.ref).toBe('node:26');
    expect(lab('nginx').image.ref).toBe('nginx:1.26');
    expect(lab('hello-world').image.ref).toBe('hello-world:latest');
    expect(lab('busybox').image.ref).toBe('busybox:1.38');
  });

  it('resolves version and variant aliases to the image they name', () => {
    expect(lab('python:3.13-slim').image.ref).toBe('python:3.13-slim');
    expect(lab('python:3.13-slim-trixie').image.ref).toBe('python:3.13-slim');
    expect(lab('python:3-slim').image.ref).toBe('python:3.14-slim');
    expect(lab('python:slim').image.ref).toBe('python:3.14-slim');
    expect(lab('python:3.11-slim-bookworm').image.ref).toBe('python:3.11-slim');
    const py313 = index.images.find((i) => i.ref === 'python:3.13')!;
    expect(lab(`python:${py313.version}`).image.ref).toBe('python:3.13');
    expect(lab('node:lts').image.ref).toBe('node:24');
    expect(lab('node:lts-slim').image.ref).toBe('node:24-slim');
    expect(lab('node:krypton').image.ref).toBe('node:24');
    expect(lab('node:jod-slim').image.ref).toBe('node:22-slim');
    expect(lab('node:22-bookworm-slim').image.ref).toBe('node:22-slim');
    expect(lab('debian:12').image.ref).toBe('debian:bookworm');
    expect(lab('debian:13-slim').image.ref).toBe('debian:trixie-slim');
    expect(lab('debian:stable-slim').image.ref).toBe('debian:trixie-slim');
    expect(lab('debian:oldstable').image.ref).toBe('debian:bookworm');
    expect(lab('golang:1').image.ref).toBe('golang:1.27');
    expect(lab('php:8.4-apache-trixie').image.ref).toBe('php:8.4-apache');
    expect(lab('php:cli').image.ref).toBe('php:8.4-cli');
    expect(lab('eclipse-temurin:21').image.ref).toBe('eclipse-temurin:21-jdk');
    expect(lab('eclipse-temurin:21-jdk').image.ref).toBe('eclipse-temurin:21-jdk');
    expect(lab('eclipse-temurin:21-jre').image.ref).toBe('eclipse-temurin:21-jre');
  });

  it("eclipse-temurin:latest is the lab's Java 21 JDK, marked as moving (Docker Hub's was 25)", () => {
    const a = lab('eclipse-temurin');
    expect(a.image.ref).toBe('eclipse-temurin:21-jdk');
    expect(a.image.version).toMatch(/^21\./);
    expect(a.moving?.hubVersion).toMatch(/^25\./);
    expect(lab('eclipse-temurin:21').moving).toBeUndefined();
  });

  it('debian:latest is Debian 13 (trixie), as on Docker Hub since August 2025', () => {
    const a = lab('debian:latest');
    expect(a.image.ref).toBe('debian:trixie');
    expect(a.image.version).toMatch(/^13\./);
    expect(lab('debian:bookworm').image.version).toMatch(/^12\./);
  });

  it('marks moving tags, with what Docker Hub had at the snapshot', () => {
    expect(lab('python').moving?.hubVersion).toMatch(/^3\.14\./);
    expect(lab('python:3').moving).toBeDefined();
    expect(lab('node:lts').moving?.hubVersion).toMatch(/^24\./);
    expect(lab('debian').moving).toBeDefined();
    // A tag that names a release line does not move.
    expect(lab('python:3.13').moving).toBeUndefined();
    expect(lab('node:24').moving).toBeUndefined();
    expect(lab('node:krypton').moving).toBeUndefined();
    expect(lab('debian:bookworm-slim').moving).toBeUndefined();
    expect(lab('debian:12').moving).toBeUndefined();
  });

  it('every alias names exactly one image', () => {
    const seen = new Map<string, string>();
    for (const i of index.images)
      for (const n of [i.ref, ...i.aliases]) {
        expect(seen.get(n), `${n} names ${seen.get(n)} and ${i.ref}`).toBeUndefined();
        seen.set(n, i.ref);
      }
  });
});

describe('names the lab does not have', () => {
  it('real images on Docker Hub: not in this lab, with the closest one it has', () => {
    expect(kind('ubuntu:latest')).toBe('not-in-lab');
    expect(closest('ubuntu')).toBe('debian:trixie-slim');
    expect(closest('ubuntu:22.04')).toBe('debian:trixie-slim');
    expect(closest('alpine')).toBe('debian:trixie-slim');
    expect(closest('alpine:3.19')).toBe('debian:trixie-slim');
    expect(kind('python:3.12-alpine')).toBe('not-in-lab');
    expect(closest('python:3.12-alpine')).toBe('python:3.13-slim');
    expect(closest('python:alpine')).toBe('python:3.14-slim');
    expect(closest('node:18-alpine')).toBe('node:22-slim');
    expect(closest('node:lts-alpine')).toBe('node:24-slim');
    expect(closest('nginx:alpine')).toBe('nginx:1.26');
    expect(closest('postgres:16-alpine')).toBe('postgres:17');
    expect(closest('mysql:8')).toBe('postgres:17');
    // Temurin on Ubuntu and Alpine is real, and so is Java 17: the lab has 21 on Debian.
    expect(kind('eclipse-temurin:21-jdk-noble')).toBe('not-in-lab');
    expect(closest('eclipse-temurin:21-jdk-noble')).toBe('eclipse-temurin:21-jdk');
    expect(kind('eclipse-temurin:21-jre-alpine')).toBe('not-in-lab');
    expect(closest('eclipse-temurin:21-jre-alpine')).toBe('eclipse-temurin:21-jre');
    expect(kind('eclipse-temurin:17')).toBe('not-in-lab');
  });

  it('older tags Docker Hub still serves count as real (same shape as a listed tag)', () => {
    expect(kind('python:3.9-slim-buster')).toBe('not-in-lab');
    expect(closest('python:3.9-slim-buster')).toBe('python:3.11-slim');
    expect(kind('node:16')).toBe('not-in-lab');
    expect(kind('debian:buster')).toBe('not-in-lab');
    expect(closest('debian:bullseye-slim')).toBe('debian:bookworm-slim');
  });

  it('a tag Docker Hub does not have: not found, with the nearest spelling', () => {
    const a = answerFor('python:3.13-slm', names);
    expect(a.kind).toBe('no-such-tag');
    expect(closest('python:3.13-slm')).toBe('python:3.13-slim');
    expect(missingImage(a)!.buildkit).toBe(
      'python:3.13-slm: failed to resolve source metadata for docker.io/library/python:3.13-slm: docker.io/library/python:3.13-slm: not found',
    );
  });

  it("a repository that does not exist keeps Docker's words and suggests the nearest catalog name", () => {
    const a = answerFor('pyhton', names);
    expect(a.kind).toBe('no-such-repository');
    const m = missingImage(a)!;
    expect(m.pull).toBe(
      "Error response from daemon: pull access denied for pyhton, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    );
    expect(m.closest).toBe('python');
    expect(missingImage(answerFor('ngnix:1.26', names))!.closest).toBe('nginx:1.26');
    expect(missingImage(answerFor('layerlab-no-such-image:1.0', names))!.closest).toBeUndefined();
  });

  it('other namespaces and registries: not in this lab, without pretending to know', () => {
    const a = answerFor('bitnami/redis', names);
    expect(a).toMatchObject({ kind: 'not-in-lab', why: 'elsewhere', closest: 'redis:8.0' });
    expect(answerFor('someone/app:1.0', names)).toMatchObject({
      kind: 'not-in-lab',
      closest: undefined,
    });
    expect(answerFor('ghcr.io/acme/tool', names).kind).toBe('not-in-lab');
  });

  it('says so in the words the card, the terminal and the build show', () => {
    const m = missingImage(answerFor('ubuntu:latest', names))!;
    expect(m.code).toBe('image-not-in-lab');
    expect(m.buildkit).toMatch(
      /^ubuntu:latest is a real image on Docker Hub, but it is not in this offline lab/,
    );
    expect(m.hint).toBe(
      'Docker Hub has ubuntu, but this lab works offline with the images in its catalog. The closest one it has is debian:trixie-slim.',
    );
    expect(m.closest).toBe('debian:trixie-slim');
  });
});

describe('tagShape and closestImage', () => {
  it('tag shapes ignore numbers and distribution names', () => {
    expect(tagShape('3.9-slim-buster')).toBe(tagShape('3.14-slim-trixie'));
    expect(tagShape('18-alpine3.17')).toBe('0-alpine0.0');
  });

  it('a repository the lab lacks gets an image made for the same job', () => {
    expect(closestImage(names, 'no-idea', 'latest')).toBe('debian:trixie-slim');
  });
});

describe('the editor’s word on FROM lines (from-check.ts)', () => {
  const text = 'FROM layerlab/bb:1\nRUN true\n';
  it('marks an image the lab lacks, and not once the engine holds it (docker load, a build)', () => {
    const parsed = parseDockerfile(text);
    expect(imageDiagnostics(parsed, names).diagnostics.map((d) => d.message)).toEqual([
      expect.stringContaining('cannot fetch layerlab/bb:1'),
    ]);
    const local = (name: string) => name === 'layerlab/bb:1';
    expect(imageDiagnostics(parsed, names, local).diagnostics).toEqual([]);
  });
});
