import { describe, expect, it } from 'vitest';
import { testBase } from '../../build/testing/fixtures.ts';
import { copy, env, from, plan, run } from '../../build/testing/steps.ts';
import { diffId } from '../../fs/index.ts';
import { lab } from '../testing/lab.ts';

const PLANS = {
  app: plan([
    from('debian:bookworm-slim'),
    copy(['big.bin'], '/big.bin'),
    run('echo one > /one && rm /etc/apt/sources.list'),
    env('MODE', 'squashed'),
    run('rm /big.bin && echo two > /two'),
  ]),
};

function setup() {
  const l = lab(PLANS, [{ path: 'big.bin', content: 'x'.repeat(5000) }]);
  l.env.DOCKER_BUILDKIT = '0';
  l.engine.experimental = true;
  return l;
}

describe('docker build --squash (classic builder)', () => {
  it('is refused by a daemon without experimental mode, as dockerd 28.5 refuses it', () => {
    const { docker, engine } = setup();
    engine.experimental = false;
    const r = docker('build', '--squash', '-t', 'app:sq', '.');
    // conformance/lessons/overlay2/squash.txt
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(
      '"--squash" is only supported on a Docker daemon with experimental features enabled',
    );
    expect(engine.images.find('app:sq')).toBeUndefined();
  });

  it("makes one layer of the build's steps on top of the base", () => {
    const { docker, engine } = setup();
    const r = docker('build', '--squash', '-t', 'app:sq', '.');
    expect(r.exitCode).toBe(0);
    const image = engine.images.resolve('app:sq');
    expect(image.layers).toHaveLength(2);
    expect(diffId(image.layers[0]!)).toBe(diffId(testBase.layers[0]!));
    // The file added then deleted leaves nothing; the deleted base file leaves a whiteout.
    const top = image.layers[1]!;
    expect(top.stats.size).toBe('one\n'.length + 'two\n'.length);
    expect(top.stats.whiteouts).toBe(1);
    expect(r.stdout).toContain(`Successfully built ${image.id.slice(7, 19)}`);
    expect(docker('run', '--rm', 'app:sq', 'sh', '-c', 'cat /one /two; echo $MODE').stdout).toBe(
      'one\ntwo\nsquashed\n',
    );
  });

  it('keeps every history entry, marks the squashed ones empty and adds the merge line', () => {
    const { docker, engine } = setup();
    docker('build', '--squash', '-t', 'app:sq', '.');
    const image = engine.images.resolve('app:sq');
    const last = image.history.at(-1)!;
    const unsquashed = engine.images
      .all()
      .find((i) => !i.intermediate && i.id !== image.id && i.id !== testBase.id)!;
    expect(last.comment).toBe(`merge ${unsquashed.id} to ${testBase.id}`);
    expect(last.created_by).toBeUndefined();
    expect(image.history.map((h) => h.empty_layer === true)).toEqual([
      false,
      true,
      true,
      true,
      true,
      false,
    ]);
    const lines = docker('history', 'app:sq').stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[1]).toMatch(/^[0-9a-f]{12} .* 8B {7,}merge sha256:[0-9a-f]{64} to sha256:/);
    expect(lines[2]).toMatch(/rm \/big\.bin && echo two > \/two\s+0B\s*$/);
    // The unsquashed image is kept, untagged, as docker leaves it.
    expect(docker('images').stdout).toMatch(/\n<none> {7,}<none> /);
  });

  it('keeps the build cache, but the squashed layer is shared with no other image', () => {
    const { docker, engine } = setup();
    docker('build', '-t', 'app:plain', '.');
    const again = docker('build', '--squash', '-t', 'app:sq', '.');
    expect(again.stdout.match(/ ---> Using cache/g)).toHaveLength(4);
    const plain = engine.images.resolve('app:plain');
    const sq = engine.images.resolve('app:sq');
    const plainIds = new Set(plain.layers.map((l) => diffId(l)));
    expect(sq.layers.slice(1).some((l) => plainIds.has(diffId(l)))).toBe(false);
    const df = docker('system', 'df', '-v').stdout.split('\n');
    const row = df.find((l) => l.startsWith('app ') && / sq /.test(l))!;
    const cols = row.split(/\s{2,}/);
    const baseSize = testBase.layers[0]!.stats.size;
    const [size, shared, unique] = [cols[4], cols[5], cols[6]];
    expect(shared).toBe(humanKb(baseSize));
    expect(unique).toBe('8B');
    expect(size).toBe(humanKb(baseSize + 8));
    // A rebuild squashes again to the same image.
    expect(docker('build', '--squash', '-q', '-t', 'app:sq', '.').stdout).toBe(`${sq.id}\n`);
  });

  it('warns with BuildKit and builds without squashing', () => {
    const { docker, engine, env: e } = setup();
    delete e.DOCKER_BUILDKIT;
    const r = docker('build', '--squash', '-t', 'app:bk', '.');
    expect(r.exitCode).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe(
      'WARNING: experimental flag squash is removed with BuildKit. You should squash inside build using a multi-stage Dockerfile for efficiency.',
    );
    expect(engine.images.resolve('app:bk').layers).toHaveLength(4);
  });
});

function humanKb(n: number): string {
  return `${Number((n / 1000).toPrecision(3))}kB`;
}
