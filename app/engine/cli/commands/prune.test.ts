import { describe, expect, it } from 'vitest';
import { resolveTestImage, simpleExpand } from '../../build/testing/fixtures.ts';
import { from, plan, run as runStep } from '../../build/testing/steps.ts';
import { Engine } from '../../daemon/engine.ts';
import { builtinCatalog } from '../../shell/packages/builtin.ts';
import { runDocker } from '../docker.ts';
import type { CliHost } from '../types.ts';

function setup() {
  let text = 'one';
  const engine = new Engine({
    planner: (t) => ({
      plan: plan([from('debian:bookworm-slim'), runStep(`echo ${t} > /f`)]),
      diagnostics: [],
    }),
    expand: simpleExpand,
    catalog: builtinCatalog,
    registry: resolveTestImage,
    clock: () => 100,
  });
  const host: CliHost = {
    readContext: () => ({ files: [], dockerfile: text, dockerfileName: 'Dockerfile' }),
    writeFile: () => undefined,
    env: {},
  };
  const docker = (line: string) => runDocker(engine, line.split(' '), host);
  return { engine, docker, use: (t: string) => (text = t) };
}

describe('prune', () => {
  it('asks for -f, since this terminal cannot ask', () => {
    const { docker } = setup();
    for (const line of ['system prune', 'container prune', 'builder prune']) {
      const r = docker(line);
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toContain(`run it again with -f (docker ${line} -f)`);
    }
  });

  it('container prune removes stopped containers only, and counts their writable layers', () => {
    const { docker, engine } = setup();
    docker('build -t app .');
    docker('run --name done app sh -c echo_x');
    docker('run --name writer app sh -c echo');
    docker('run -d --name up app sleep infinity');
    const stopped = engine.containers.all().filter((c) => c.state !== 'running');
    const r = docker('container prune -f');
    expect(r.stdout).toBe(
      `Deleted Containers:\n${stopped.map((c) => c.id).join('\n')}\n\nTotal reclaimed space: 0B\n`,
    );
    expect(engine.containers.all().map((c) => c.name)).toEqual(['up']);
  });

  it('system prune removes the dangling image a rebuild left and its cache; -a also unused images', () => {
    const { docker, engine, use } = setup();
    docker('build -t app .');
    const first = engine.images.find('app')!.id;
    use('two');
    docker('build -t app .');
    const r = docker('system prune -f');
    expect(r.stdout).toMatch(
      new RegExp(
        `^Deleted Images:\\ndeleted: ${first}\\n\\nDeleted build cache objects:\\n[0-9a-z]{25}\\n\\nTotal reclaimed space: 4B\\n$`,
      ),
    );
    expect(engine.images.all()).toHaveLength(1);
    expect(docker('system prune -a -f').stdout).toMatch(/^Deleted Images:\nuntagged: app:latest\n/);
    expect(engine.images.all()).toHaveLength(0);
    expect(engine.cache.size).toBe(0);
  });

  it('builder prune keeps the cache images still hold unless -a', () => {
    const { docker, engine } = setup();
    docker('build -t app .');
    expect(docker('builder prune -f').stdout).toBe('Total:\t0B\n');
    expect(engine.cache.size).toBeGreaterThan(0);
    expect(docker('builder prune -a -f').stdout).toMatch(
      /^Deleted build cache objects:\n([0-9a-z]{25}\n)+Total:\t0B\n$/,
    );
    expect(engine.cache.size).toBe(0);
  });
});
