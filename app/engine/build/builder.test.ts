import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../shell/packages/builtin.ts';
import { build, type BuildRequest } from './builder.ts';
import { BuildCache } from './cache.ts';
import { makeContext, type ContextFile } from './context.ts';
import type { BuildEvent } from './events.ts';
import { renderBuildkit, renderClassic } from '../cli/format/build-output.ts';
import { resolveTestImage, simpleExpand } from './testing/fixtures.ts';
import { arg, cmd, copy, env, expose, from, label, plan, run, workdir } from './testing/steps.ts';
import type { BuildPlan } from './steps.ts';

function request(
  p: BuildPlan,
  files: ContextFile[],
  more: Partial<BuildRequest> = {},
): BuildRequest {
  return {
    plan: p,
    source: '',
    dockerfileName: 'Dockerfile',
    context: makeContext(files),
    builder: 'buildkit',
    tags: ['app:latest'],
    buildArgs: {},
    noCache: false,
    target: undefined,
    resolveImage: resolveTestImage,
    catalog: builtinCatalog,
    cache: new BuildCache(),
    expand: simpleExpand,
    ...more,
  };
}

const outcomes = (events: BuildEvent[]) =>
  events.flatMap((e) => (e.type === 'step-done' ? [e.outcome] : []));

const observed = () =>
  plan([
    from('debian:bookworm-slim'),
    env('GREETING', 'hi'),
    label('org.example.k', 'v'),
    run(
      'mkdir -p /data /gone/sub /repl && echo one > /data/f1 && echo two > /data/del.txt && echo x > /gone/sub/g && echo y > /repl/old',
    ),
    workdir('/app'),
    copy(['a.txt'], '/app/a.txt'),
    copy(['app/'], '/app/src/'),
    run(
      'rm /data/del.txt && rm -rf /gone && rm -rf /repl && mkdir /repl && echo new > /repl/new && echo "$GREETING" > /data/greet',
    ),
    expose('8080'),
    cmd(['cat', '/data/greet']),
  ]);
const files: ContextFile[] = [
  { path: 'a.txt', content: 'hello\n' },
  { path: 'b.txt', content: 'unused\n' },
  { path: 'app/main.py', content: 'print(1)\n' },
];

describe('builder on the observed oracle Dockerfile', () => {
  it('makes one layer per filesystem step with the sizes real BuildKit recorded', () => {
    const result = build(request(observed(), files));
    expect(result.ok).toBe(true);
    const history = result.image!.history.slice(1);
    expect(history.map((h) => h.created_by)).toEqual([
      'ENV GREETING=hi',
      'LABEL org.example.k=v',
      'RUN /bin/sh -c mkdir -p /data /gone/sub /repl && echo one > /data/f1 && echo two > /data/del.txt && echo x > /gone/sub/g && echo y > /repl/old # buildkit',
      'WORKDIR /app',
      'COPY a.txt /app/a.txt # buildkit',
      'COPY app/ /app/src/ # buildkit',
      'RUN /bin/sh -c rm /data/del.txt && rm -rf /gone && rm -rf /repl && mkdir /repl && echo new > /repl/new && echo "$GREETING" > /data/greet # buildkit',
      'EXPOSE [8080/tcp]',
      'CMD ["cat" "/data/greet"]',
    ]);
    expect(history.map((h) => h.empty_layer ?? false)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      true,
      true,
    ]);
    // Real run: 12B, 0B (WORKDIR), 6B, 9B, 7B.
    expect(result.image!.layers.slice(1).map((l) => l.stats.size)).toEqual([12, 0, 6, 9, 7]);
    const last = result.image!.layers.at(-1)!;
    expect(last.stats.whiteouts).toBe(2);
    expect(last.stats.opaques).toBe(1);
    expect(result.image!.config.Env).toContain('GREETING=hi');
  });

  it('hits the cache on an unchanged rebuild, after touch, and after editing an unused file', () => {
    const cache = new BuildCache();
    build(request(observed(), files, { cache }));
    const again = build(request(observed(), files, { cache }));
    expect(outcomes(again.events)).toEqual([
      'base',
      'metadata',
      'metadata',
      'cached',
      'cached',
      'cached',
      'cached',
      'cached',
      'metadata',
      'metadata',
    ]);
    const touched = build(
      request(
        observed(),
        [{ ...files[0]!, mtime: 12345 }, { path: 'b.txt', content: 'edited' }, files[2]!],
        { cache },
      ),
    );
    expect(outcomes(touched.events).filter((o) => o === 'built')).toEqual([]);
    expect(touched.image!.id).toBe(again.image!.id);
  });

  it('rebuilds from the changed COPY down, says why, and hits again after a revert', () => {
    const cache = new BuildCache();
    const first = build(request(observed(), files, { cache }));
    const changed = build(
      request(observed(), [{ path: 'a.txt', content: 'HELLO\n' }, files[2]!], { cache }),
    );
    expect(outcomes(changed.events)).toEqual([
      'base',
      'metadata',
      'metadata',
      'cached',
      'cached',
      'built',
      'built',
      'built',
      'metadata',
      'metadata',
    ]);
    const misses = changed.events.flatMap((e) => (e.type === 'cache-miss' ? [e.reason] : []));
    expect(misses[0]).toMatchObject({ kind: 'files-changed', text: 'a.txt changed (content)' });
    expect(misses[1]?.kind).toBe('parent-rebuilt');
    const reverted = build(request(observed(), files, { cache }));
    expect(outcomes(reverted.events)).not.toContain('built');
    expect(reverted.image!.id).toBe(first.image!.id);
  });

  it('BuildKit keeps a COPY cached when only an ENV above it changed; classic re-runs everything below', () => {
    const p = (x: string) =>
      plan([
        from('debian'),
        copy(['a.txt'], '/a'),
        env('X', x),
        copy(['b.txt'], '/b'),
        run('echo hi > /c'),
        label('after', 'run'),
      ]);
    for (const [builder, expected] of [
      ['buildkit', ['base', 'cached', 'metadata', 'cached', 'built', 'metadata']],
      ['classic', ['base', 'cached', 'built', 'built', 'built', 'built']],
    ] as const) {
      const cache = new BuildCache();
      build(request(p('1'), files, { cache, builder }));
      const second = build(request(p('2'), files, { cache, builder }));
      expect(outcomes(second.events)).toEqual(expected);
    }
  });

  it('misses where a changed build arg is first used, not where it is declared', () => {
    const p = plan([
      from('debian'),
      arg('VERSION', '1'),
      copy(['a.txt'], '/a'),
      run('echo $VERSION > /v'),
    ]);
    const cache = new BuildCache();
    build(request(p, files, { cache }));
    const second = build(request(p, files, { cache, buildArgs: { VERSION: '2' } }));
    expect(outcomes(second.events)).toEqual(['base', 'metadata', 'cached', 'built']);
    const miss = second.events.find((e) => e.type === 'cache-miss');
    expect(miss?.type === 'cache-miss' && miss.reason.text).toBe(
      'build arg VERSION changed (1 → 2)',
    );
    expect(second.image!.history.at(-1)!.created_by).toBe(
      'RUN |1 VERSION=2 /bin/sh -c echo $VERSION > /v # buildkit',
    );
  });

  it('--no-cache runs every step', () => {
    const cache = new BuildCache();
    build(request(observed(), files, { cache }));
    const again = build(request(observed(), files, { cache, noCache: true }));
    expect(outcomes(again.events).filter((o) => o === 'cached')).toEqual([]);
  });
});

describe('builder errors', () => {
  it('fails a RUN with exit code 127 in Docker words, at its line', () => {
    const result = build(request(plan([from('debian'), run('foo')]), []));
    expect(result.ok).toBe(false);
    const error = result.events.find((e) => e.type === 'error');
    expect(error).toMatchObject({
      message: 'process "/bin/sh -c foo" did not complete successfully: exit code: 127',
      classicMessage: "The command '/bin/sh -c foo' returned a non-zero code: 127",
    });
    expect(renderBuildkit(result.events, { source: 'FROM debian\nRUN foo\n', tags: [] })).toContain(
      '/bin/sh: 1: foo: not found',
    );
  });
  it('reports a missing COPY source and a missing base image', () => {
    const missing = build(request(plan([from('debian'), copy(['nope.txt'], '/')]), []));
    expect(missing.events.find((e) => e.type === 'error')).toMatchObject({
      message: expect.stringMatching(
        /^failed to compute cache key: failed to calculate checksum of ref [0-9a-z]{25}::[0-9a-z]{25}: "\/nope\.txt": not found$/,
      ),
      classicMessage:
        'COPY failed: file not found in build context or excluded by .dockerignore: stat nope.txt: file does not exist',
    });
    const base = build(request(plan([from('nosuchimage')]), []));
    const e = base.events.find((x) => x.type === 'error');
    expect(e?.type === 'error' && e.message).toMatch(
      /pull access denied, repository does not exist/,
    );
  });
});

describe('a missing COPY source (BuildKit computes cache keys first)', () => {
  const steps = () =>
    plan([
      from('debian'),
      run('echo one > /one'),
      run('echo two > /two'),
      copy(['missing.txt'], '/missing.txt'),
      run('echo after > /after'),
    ]);
  const source =
    'FROM debian\nRUN echo one > /one\nRUN echo two > /two\nCOPY missing.txt /missing.txt\nRUN echo after > /after\n';

  it('fails BuildKit before the RUN steps above finish: they are canceled and built again next time', () => {
    const cache = new BuildCache();
    const failed = build(request(steps(), [], { cache }));
    expect(failed.ok).toBe(false);
    expect(outcomes(failed.events)).toEqual(['base', 'canceled', 'canceled', 'failed']);
    expect(failed.events.some((e) => e.type === 'layer' || e.type === 'output')).toBe(false);
    // The second RUN waited for the first: it never started, so it has no vertex.
    const log = renderBuildkit(failed.events, { source, tags: [] });
    expect(log).toContain(
      '#6 [2/5] RUN echo one > /one\n#6 ...\n\n#7 [4/5] COPY missing.txt /missing.txt\n#7 ERROR: failed to calculate checksum of ref ',
    );
    expect(log).toContain(
      '#6 [2/5] RUN echo one > /one\n#6 0.100 runc run failed: container process is already dead\n#6 CANCELED\n------\n > [4/5] COPY missing.txt /missing.txt:\n------\nDockerfile:',
    );
    expect(log).not.toContain('] RUN echo two');
    expect(cache.size).toBe(0);
    const fixed = build(request(steps(), [{ path: 'missing.txt', content: 'here\n' }], { cache }));
    expect(outcomes(fixed.events)).toEqual(['base', 'built', 'built', 'built', 'built']);
  });

  it('gives the missing COPY the failure even when a RUN above it fails, and leaves classic step by step', () => {
    const p = plan([from('debian'), run('exit 3'), copy(['missing.txt'], '/m')]);
    const kit = build(request(p, []));
    expect(outcomes(kit.events)).toEqual(['base', 'canceled', 'failed']);
    expect(kit.events.find((e) => e.type === 'error')).toMatchObject({
      step: 2,
      code: 'copy-not-found',
    });
    const cache = new BuildCache();
    const classic = build(request(steps(), [], { builder: 'classic', cache }));
    expect(outcomes(classic.events)).toEqual(['base', 'built', 'built', 'failed']);
    const again = build(
      request(steps(), [{ path: 'missing.txt', content: 'here\n' }], { builder: 'classic', cache }),
    );
    expect(outcomes(again.events)).toEqual(['base', 'cached', 'cached', 'built', 'built']);
  });
});

describe('multi-stage', () => {
  it('copies from a named stage and skips stages the target does not need (BuildKit)', () => {
    const p = plan(
      [from('debian', 'build'), run('mkdir /out && echo bin > /out/app')],
      [from('debian', 'unused'), run('echo never > /x')],
      [from('debian'), copy(['/out/app'], '/usr/local/bin/app', { from: 'build' })],
    );
    const result = build(request(p, []));
    expect(result.ok).toBe(true);
    expect(result.events.filter((e) => e.type === 'step-skipped')).toHaveLength(2);
    expect(result.image!.layers).toHaveLength(2);
    const classic = build(request(p, [], { builder: 'classic' }));
    expect(classic.events.filter((e) => e.type === 'step-skipped')).toHaveLength(0);
  });
});

describe('classic output', () => {
  it('prints Step n/N, Using cache and Successfully built', () => {
    const cache = new BuildCache();
    const p = plan([from('debian'), env('A', '1'), run('echo hi')]);
    build(request(p, [], { cache, builder: 'classic' }));
    const again = build(request(p, [], { cache, builder: 'classic' }));
    const text = renderClassic(again.events, { source: '', tags: ['app:latest'] });
    expect(text).toMatch(
      /^Sending build context to Docker daemon {2}\S+B\nStep 1\/3 : FROM debian\n ---> bbbbbbbbbbbb\nStep 2\/3 : ENV A=1\n ---> Using cache\n ---> [0-9a-f]{12}\n/,
    );
    expect(text).toMatch(/Successfully built [0-9a-f]{12}\nSuccessfully tagged app:latest\n$/);
    // The last step's image is the build's image, as Docker 28.5's legacy builder says
    // (conformance/lessons/overlay2/legacy-history.txt: history's top ID is the built one).
    const ids = [...text.matchAll(/ ---> ([0-9a-f]{12})\n/g)].map((m) => m[1]);
    expect(text).toContain(`Successfully built ${ids.at(-1)}\n`);
    expect(again.image!.id.slice(7, 19)).toBe(ids.at(-1));
    expect(again.intermediates).toHaveLength(1);
  });
});
