import { describe, expect, it } from 'vitest';
import { resolveTestImage, simpleExpand } from '../build/testing/fixtures.ts';
import { copy, from, plan, run } from '../build/testing/steps.ts';
import { runDocker } from '../cli/docker.ts';
import { builtinCatalog } from '../shell/packages/builtin.ts';
import { Engine } from './engine.ts';
import { loadEngine, saveEngine } from './persist.ts';

const p = plan([
  from('debian:bookworm-slim'),
  copy(['a.txt'], '/a.txt'),
  run('rm -rf /etc/apt && mkdir /etc/apt && echo x > /etc/apt/y && ln -s /a.txt /link'),
]);
const make = () =>
  new Engine({
    planner: () => ({ plan: p, diagnostics: [] }),
    expand: simpleExpand,
    catalog: builtinCatalog,
    registry: resolveTestImage,
    clock: () => 5,
  });

describe('engine state', () => {
  it("keeps the daemon's experimental mode", () => {
    const a = make();
    expect(loadedExperimental(saveEngine(a))).toBe(false);
    a.experimental = true;
    expect(loadedExperimental(saveEngine(a))).toBe(true);
  });

  it('survives a save and a load: images, tags, layers with whiteouts, and the cache', () => {
    const a = make();
    const built = a.build({
      dockerfile: 'x',
      files: [{ path: 'a.txt', content: 'hello\n' }],
      tags: ['app:1'],
    });
    const json = JSON.parse(JSON.stringify(saveEngine(a))) as ReturnType<typeof saveEngine>;
    const b = make();
    loadEngine(b, json);
    const restored = b.images.resolve('app:1');
    expect(restored.id).toBe(built.image!.id);
    expect(restored.layers.at(-1)!.stats).toEqual(built.image!.layers.at(-1)!.stats);
    const again = b.build({
      dockerfile: 'x',
      files: [{ path: 'a.txt', content: 'hello\n' }],
      tags: ['app:1'],
    });
    expect(
      again.events
        .filter((e) => e.type === 'step-done')
        .map((e) => e.type === 'step-done' && e.outcome),
    ).toEqual(['base', 'cached', 'cached']);
    expect(again.image!.id).toBe(built.image!.id);
  });
  it('refuses a state from another version with a clear message', () => {
    expect(() => loadEngine(make(), { ...saveEngine(make()), version: 99 })).toThrow(
      /another version of Layerlab/,
    );
  });
});

describe('engine state, saved twice', () => {
  it('keeps built layers inline after a load and a second save', () => {
    const a = make();
    a.build({ dockerfile: 'x', files: [{ path: 'a.txt', content: 'hello\n' }], tags: ['app:1'] });
    const b = make();
    loadEngine(b, JSON.parse(JSON.stringify(saveEngine(a))) as ReturnType<typeof saveEngine>);
    const c = make();
    loadEngine(c, JSON.parse(JSON.stringify(saveEngine(b))) as ReturnType<typeof saveEngine>);
    expect(c.images.resolve('app:1').id).toBe(a.images.resolve('app:1').id);
  });
});

describe('engine state with containers', () => {
  const host = {
    readContext: () => ({ files: [], dockerfile: 'x', dockerfileName: 'Dockerfile' }),
    writeFile: () => undefined,
    env: {},
  };
  const roundTrip = (e: Engine) => {
    const b = make();
    loadEngine(b, JSON.parse(JSON.stringify(saveEngine(e))) as ReturnType<typeof saveEngine>);
    return b;
  };

  it('keeps a container, its state and its writable layer: ps -a, diff and ps -s read the same', () => {
    const a = make();
    a.build({ dockerfile: 'x', files: [{ path: 'a.txt', content: 'hello\n' }], tags: ['app:1'] });
    const docker = (e: Engine, ...argv: string[]) => runDocker(e, argv, host);
    docker(a, 'run', '-d', '--name', 'web', 'app:1', 'sleep', 'infinity');
    const script = [
      'echo more >> /a.txt',
      'chmod 600 /etc/passwd',
      'rm /etc/apt/y',
      'rm -rf /var/lib/apt',
      'mkdir -p /srv/www && echo page > /srv/www/index.html',
      'ln -s /srv/www /www',
    ].join(' && ');
    expect(docker(a, 'exec', 'web', 'sh', '-c', script).exitCode).toBe(0);
    docker(a, 'run', '--name', 'done', 'app:1', 'sh', '-c', 'echo bye; exit 3');
    const b = roundTrip(a);
    for (const argv of [
      ['ps', '-a'],
      ['diff', 'web'],
      ['ps', '-a', '-s'],
      ['logs', 'done'],
    ])
      expect(docker(b, ...argv)).toEqual(docker(a, ...argv));
    expect(docker(b, 'diff', 'web').stdout).toContain('D /var/lib/apt\n');
    expect(docker(b, 'ps', '-a').stdout).toMatch(/Exited \(3\)/);
    const [before, after] = [a, b].map((e) => e.containers.resolve('web').rw.commit());
    expect(after!.stats).toEqual(before!.stats);
    // The restored container still works, and shares the image's layers.
    expect(docker(b, 'exec', 'web', 'cat', '/a.txt', '/www/index.html').stdout).toBe(
      'hello\nmore\npage\n',
    );
    expect(b.containers.resolve('web').lower.layers[0]).toBe(b.images.resolve('app:1').layers[0]);
    // New containers get fresh names, and a second save and load changes nothing.
    docker(b, 'create', 'app:1');
    expect(new Set(b.containers.all().map((c) => c.name)).size).toBe(3);
    expect(docker(roundTrip(b), 'diff', 'web')).toEqual(docker(a, 'diff', 'web'));
  });

  it('still refuses rmi for a restored container, with docker words', () => {
    const a = make();
    a.build({ dockerfile: 'x', files: [{ path: 'a.txt', content: 'hello\n' }], tags: ['app:1'] });
    runDocker(a, ['create', '--name', 'c1', 'app:1'], host);
    const r = runDocker(roundTrip(a), ['rmi', 'app:1'], host);
    expect(r.stderr).toMatch(
      /^Error response from daemon: conflict: unable to remove repository reference "app:1" \(must force\) - container [0-9a-f]{12} is using its referenced image [0-9a-f]{12}\n$/,
    );
  });
});

function loadedExperimental(state: ReturnType<typeof saveEngine>): boolean {
  const b = make();
  loadEngine(b, JSON.parse(JSON.stringify(state)) as ReturnType<typeof saveEngine>);
  return b.experimental;
}
