/**
 * Each catalog image builds and runs its usual command with the real version: the simulator's
 * answer is compared with what the command printed when the catalog ran it for real in the
 * built image (index.json `outputs`), or with the version the catalog recorded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeImages } from '../../node/images.ts';
import { LabSession } from '../session/session.ts';
import type { CatalogIndex } from './format.ts';

const index = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../public/catalog/v2/index.json'), 'utf8'),
) as CatalogIndex;
const images = await nodeImages();

function session() {
  return new LabSession({
    registry: images.registry,
    explain: images.explain,
    catalog: images.catalog,
    clock: () => 1_700_000_000,
  });
}

/** `docker pull IMAGE`, then `docker run --rm IMAGE ARGV...` in a fresh lab (so run prints no pull). */
function run(image: string, argv: string[]) {
  const lab = session();
  const pulled = lab.command(`docker pull ${image}`, [], '');
  if (pulled.exitCode !== 0) throw new Error(`docker pull ${image}: ${pulled.stderr}`);
  const r = lab.command(['docker', 'run', '--rm', image, ...argv].join(' '), [], '');
  return { out: r.stdout, err: r.stderr, exit: r.exitCode };
}

const versionCommand: Record<string, (version: string) => [string[], RegExp]> = {
  Python: (v) => [['python3', '--version'], new RegExp(`^Python ${v}\\n$`)],
  'Node.js': (v) => [['node', '--version'], new RegExp(`^v${v}\\n$`)],
  Debian: (v) => [['cat', '/etc/debian_version'], new RegExp(`^${v}\\n$`)],
};

describe('the usual command of each catalog image, with the real version', () => {
  for (const image of index.images) {
    const check = image.product ? versionCommand[image.product] : undefined;
    if (!check || !image.version) continue;
    it(`${image.ref}: ${check(image.version)[0].join(' ')}`, () => {
      const [argv, expected] = check(image.version!);
      const r = run(image.ref, argv);
      expect(r.err).toBe('');
      expect(r.out).toMatch(expected);
    });
  }

  const recorded = Object.entries(index.outputs ?? {});
  it('recorded outputs cover the images whose programs the simulator does not run', () => {
    const programs = recorded.map(([k]) => k.split('|')[0]);
    for (const p of [
      'nginx -v',
      'httpd -v',
      'redis-server --version',
      'postgres --version',
      'go version',
      'java --version',
      'java -version',
      'javac --version',
      'ruby --version',
      'php --version',
      '/hello',
    ])
      expect(programs, p).toContain(p);
  });

  const imageOf: Record<string, string> = {
    nginx: 'nginx:1.26',
    httpd: 'httpd:2.4',
    'redis-server': 'redis:8.0',
    'redis-cli': 'redis:8.0',
    postgres: 'postgres:17',
    psql: 'postgres:17',
    go: 'golang:1.27',
    java: 'eclipse-temurin:21-jre',
    javac: 'eclipse-temurin:21-jdk',
    ruby: 'ruby:3.3',
    gem: 'ruby:3.3',
    bundle: 'ruby:3.3',
    php: 'php:8.4-cli',
    apache2: 'php:8.4-apache',
    busybox: 'busybox:1.38',
    '/hello': 'hello-world',
  };
  for (const [key, real] of recorded) {
    const argv = key.split('|')[0]!.split(' ');
    const image = imageOf[argv[0]!];
    if (!image) continue;
    it(`${image}: ${argv.join(' ')} prints what the real one printed`, () => {
      const r = run(image, argv);
      expect(r.out).toBe(real.stdout);
      expect(r.err).toBe(real.stderr);
      expect(r.exit).toBe(real.status);
    });
  }

  it('docker run hello-world prints its greeting', () => {
    const hello = recorded.find(([k]) => k.startsWith('/hello|'))![1];
    expect(run('hello-world', []).out).toBe(hello.stdout);
    expect(hello.stdout).toContain('Hello from Docker!');
  });
});

describe("apt in a catalog image answers from its own Debian's lists", () => {
  const versionIn = (suite: string, name: string) => {
    const list = JSON.parse(
      readFileSync(
        join(import.meta.dirname, `../../../public/catalog/v2/apt/${suite}/index.json`),
        'utf8',
      ),
    ) as { packages: { name: string; version: string }[] };
    return list.packages.find((p) => p.name === name)!.version;
  };

  for (const [image, suite] of [
    ['debian:trixie-slim', 'trixie'],
    ['python:3.13-slim', 'trixie'],
    ['debian:bookworm-slim', 'bookworm'],
  ] as const)
    it(`${image}: apt-get install curl gets ${suite}'s curl`, () => {
      const r = run(image, ['sh', '-c', "'apt-get update && apt-get install -y curl'"]);
      expect(r.exit).toBe(0);
      expect(r.out).toContain(`http://deb.debian.org/debian ${suite} InRelease`);
      expect(r.out).toContain(`${suite}/main amd64 curl amd64 ${versionIn(suite, 'curl')}`);
    });
});
