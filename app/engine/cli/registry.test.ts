import { describe, expect, it } from 'vitest';
import { resolveTestImage, simpleExpand } from '../build/testing/fixtures.ts';
import { copy, from, plan, run } from '../build/testing/steps.ts';
import { Engine } from '../daemon/engine.ts';
import { builtinCatalog } from '../shell/packages/builtin.ts';
import { runDocker } from './docker.ts';
import type { CliHost } from './types.ts';

const PLANS: Record<string, ReturnType<typeof plan>> = {
  one: plan([from('debian:bookworm-slim'), run('echo one > /one')]),
  two: plan([from('debian:bookworm-slim'), copy(['a.txt'], '/a.txt')]),
};

function setup() {
  const engine = new Engine({
    planner: (t) => ({ plan: PLANS[t], diagnostics: [] }),
    expand: simpleExpand,
    catalog: builtinCatalog,
    registry: resolveTestImage,
    clock: () => 100,
  });
  let dockerfile = 'one';
  const host: CliHost = {
    readContext: () => ({
      files: [{ path: 'a.txt', content: 'twelve bytes' }],
      dockerfile,
      dockerfileName: 'Dockerfile',
    }),
    writeFile: () => undefined,
    env: {},
  };
  return {
    engine,
    docker: (line: string) => runDocker(engine, line.split(' '), host),
    use: (d: string) => (dockerfile = d),
  };
}

describe('registry and disk usage', () => {
  it('pushes only the layers the registry lacks, and pull finds what was pushed', () => {
    const { docker, use, engine } = setup();
    docker('build -t me/one .');
    use('two');
    docker('build -t me/two .');
    // Each layer `Preparing` (top first), then what happened to it; a layer another repository
    // of the registry holds is mounted from there (conformance/lessons/overlay2/push-order.txt).
    const first = docker('push me/one').stdout.split('\n');
    expect(first[0]).toBe('The push refers to repository [docker.io/me/one]');
    expect(first.slice(1, 5).map((l) => l.replace(/^[0-9a-f]{12}: /, ''))).toEqual([
      'Preparing',
      'Preparing',
      'Pushed',
      'Pushed',
    ]);
    expect(first[5]).toMatch(/^latest: digest: sha256:[0-9a-f]{64} size: \d+$/);
    const second = docker('push me/two').stdout.split('\n');
    expect(second.slice(3, 5).map((l) => l.replace(/^[0-9a-f]{12}: /, ''))).toEqual([
      'Pushed',
      'Mounted from me/one',
    ]);
    expect(docker('push me/two').stdout.split('\n').slice(3, 5)).toEqual(
      second.slice(3, 5).map((l) => l.replace(/: .*/, ': Layer already exists')),
    );
    expect(docker('push app').stderr).toBe('An image does not exist locally with the tag: app\n');
    docker('tag me/one app');
    expect(docker('push app').stderr).toMatch(/denied: requested access to the resource is denied/);
    docker('rmi me/one app');
    // The format is Docker's documented one,
    // https://docs.docker.com/reference/cli/docker/image/pull/ ("Using default tag: latest",
    // "latest: Pulling from ...", one line per layer, "Already exists" for a layer present
    // locally, "Digest: sha256:...", "Status: Downloaded newer image for ...", the full name) and
    // https://docs.docker.com/reference/cli/docker/image/push/ ("Pushed", "Layer already exists").
    // The build cache still holds the image's own layer after rmi, so it is not downloaded
    // again until the cache is pruned (conformance/lessons/overlay2/registry.txt, Docker 28.5).
    const pulled = docker('pull me/one').stdout.split('\n');
    expect(pulled[0]).toBe('Using default tag: latest');
    expect(pulled[1]).toBe('latest: Pulling from me/one');
    expect(pulled[2]).toMatch(/^[0-9a-f]{12}: Already exists$/);
    expect(pulled[3]).toMatch(/^[0-9a-f]{12}: Already exists$/);
    expect(pulled[4]).toMatch(/^Digest: sha256:[0-9a-f]{64}$/);
    expect(pulled[5]).toBe('Status: Downloaded newer image for me/one:latest');
    expect(pulled[6]).toBe('docker.io/me/one:latest');
    expect(engine.images.find('me/one')).toBeDefined();
    const again = docker('pull me/one').stdout.split('\n');
    expect(again.slice(2, 4)).toEqual([pulled[4], 'Status: Image is up to date for me/one:latest']);
    docker('rmi me/one');
    docker('builder prune -a -f');
    const fresh = docker('pull me/one').stdout.split('\n');
    // The base is here; the own layer is fetched, checked and unpacked, in the phases 28.5
    // printed (conformance/lessons/overlay2/push-order.txt, the last pulls).
    expect(fresh.slice(2, 7).map((l) => l.replace(/^[0-9a-f]{12}: /, ''))).toEqual([
      'Already exists',
      'Pulling fs layer',
      'Verifying Checksum',
      'Download complete',
      'Pull complete',
    ]);
  });

  it('shows two images sharing their base in system df -v', () => {
    const { docker, use } = setup();
    docker('build -t one .');
    use('two');
    docker('build -t two .');
    const lines = docker('system df -v').stdout.split('\n');
    expect(lines[0]).toBe('Images space usage:');
    expect(lines[2]).toMatch(
      /^REPOSITORY {3}TAG {7}IMAGE ID {7}CREATED {9,}SIZE {6}SHARED SIZE {3}UNIQUE SIZE {3}CONTAINERS$/,
    );
    const rows = lines.slice(3, 5).map((l) => l.split(/\s{2,}/));
    const byName = Object.fromEntries(rows.map((r) => [r[0], r]));
    expect(byName.one![5]).toBe(byName.two![5]);
    expect(byName.one![6]).toBe('4B');
    expect(byName.two![6]).toBe('12B');
    const summary = docker('system df').stdout.split('\n');
    expect(summary[0]).toMatch(/^TYPE {12}TOTAL {5}ACTIVE {4}SIZE {6}RECLAIMABLE$/);
    expect(summary[1]).toMatch(/^Images {10}2 {9}0 /);
  });
});
