import { describe, expect, it } from 'vitest';
import { Engine } from '../daemon/engine.ts';
import { MergedView } from '../fs/index.ts';
import { builtinCatalog } from '../shell/packages/builtin.ts';
import { buildkitExpand, planDockerfile } from './plan.ts';
import { resolveTestImage } from './testing/fixtures.ts';

const engine = () =>
  new Engine({
    planner: planDockerfile,
    expand: buildkitExpand,
    catalog: builtinCatalog,
    registry: resolveTestImage,
    clock: () => 1,
  });

const read = (layers: Parameters<typeof MergedView.of>[0], path: string) => {
  const e = MergedView.of(layers).lookup(path);
  return e && e.type === 'file' ? new TextDecoder().decode(e.data ?? new Uint8Array()) : undefined;
};

describe('planDockerfile', () => {
  it('turns every instruction into the step the builder needs', () => {
    const { plan, diagnostics } = planDockerfile(
      [
        'ARG V=1',
        'FROM debian:bookworm-slim AS Base',
        'ENV A="x y" B=2',
        'COPY --chown=1:1 --link a b /dst/',
        'RUN ["echo", "hi"]',
        'CMD python3 app.py',
        'HEALTHCHECK --interval=5s CMD ["true"]',
        'EXPOSE 80 443/udp',
      ].join('\n'),
    );
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(plan!.globalArgs).toEqual([{ name: 'V', value: '1' }]);
    const stage = plan!.stages[0]!;
    expect(stage.name).toBe('base');
    expect(stage.steps.map((s) => s.keyword)).toEqual([
      'ENV',
      'COPY',
      'RUN',
      'CMD',
      'HEALTHCHECK',
      'EXPOSE',
    ]);
    const [env, copy, run, cmd, hc, expose] = stage.steps;
    expect(env).toMatchObject({
      pairs: [
        ['A', '"x y"'],
        ['B', '2'],
      ],
    });
    expect(copy).toMatchObject({
      copy: { sources: ['a', 'b'], dest: '/dst/', chown: '1:1', link: true, from: undefined },
    });
    expect(run).toMatchObject({ command: { exec: ['echo', 'hi'] } });
    expect(cmd).toMatchObject({ command: { shell: 'python3 app.py' } });
    expect(hc).toMatchObject({
      none: false,
      command: { exec: ['true'] },
      options: { interval: '5s' },
    });
    expect(expose).toMatchObject({ ports: ['80', '443/udp'] });
  });

  it('gives no plan while the Dockerfile has errors', () => {
    const r = planDockerfile('FROM debian\nCOPPY a /\n');
    expect(r.plan).toBeUndefined();
    expect(r.diagnostics[0]!.code).toBe('unknown-instruction');
  });
});

describe('building a Dockerfile end to end', () => {
  it('builds one layer per filesystem step, with expansion and heredocs, and caches a rebuild', () => {
    const e = engine();
    const dockerfile = [
      'FROM debian:bookworm-slim',
      'ARG NAME=world',
      'ENV GREETING="hello $NAME"',
      'WORKDIR /app',
      'COPY <<EOF /app/conf.txt',
      'port=80',
      'EOF',
      'RUN <<EOF',
      'echo "$GREETING" > /app/greeting',
      'EOF',
      'COPY a.txt .',
    ].join('\n');
    const files = [{ path: 'a.txt', content: 'A\n' }];
    const first = e.build({ dockerfile, files, tags: ['app:1'] });
    expect(first.ok).toBe(true);
    const img = first.image!;
    expect(img.config.Env).toContain('GREETING=hello world');
    expect(read(img.layers, '/app/conf.txt')).toBe('port=80\n');
    expect(read(img.layers, '/app/greeting')).toBe('hello world\n');
    expect(read(img.layers, '/app/a.txt')).toBe('A\n');
    const again = e.build({ dockerfile, files, tags: ['app:1'] });
    const outcomes = again.events.flatMap((ev) => (ev.type === 'step-done' ? [ev.outcome] : []));
    expect(outcomes.filter((o) => o === 'built')).toEqual([]);
    expect(again.image!.id).toBe(img.id);
  });

  it('the legacy builder reads no heredoc: RUN runs its line alone, COPY <<EOF has no source (as 28.5)', () => {
    const dockerfile = [
      'FROM debian:bookworm-slim',
      'RUN <<EOT',
      'echo one > /one',
      'EOT',
      'RUN cat <<EOT > /two',
      'two',
      'EOT',
      'COPY <<EOT /etc/motd',
      'Welcome',
      'EOT',
    ].join('\n');
    const r = engine().build({ dockerfile, files: [], builder: 'classic' });
    expect(r.ok).toBe(false);
    const err = r.events.find((ev) => ev.type === 'error');
    expect(err).toMatchObject({
      code: 'copy-no-source',
      message: 'COPY failed: no source files were specified',
    });
    expect(err && err.type === 'error' && err.range?.start.line).toBe(8);
    const outcomes = r.events.flatMap((ev) => (ev.type === 'step-done' ? [ev.outcome] : []));
    expect(outcomes).toEqual(['base', 'built', 'built', 'failed']);
    // What the two RUN steps left: no /one, an empty /two (the shell's heredoc had no body).
    const tmp = engine();
    const upTo = tmp.build({
      dockerfile: dockerfile.split('\n').slice(0, 7).join('\n'),
      files: [],
      builder: 'classic',
    });
    expect(read(upTo.image!.layers, '/one')).toBeUndefined();
    expect(read(upTo.image!.layers, '/two')).toBe('');
  });

  it('passes a build arg into expansion', () => {
    const e = engine();
    const r = e.build({
      dockerfile: 'FROM debian:bookworm-slim\nARG V=1\nRUN echo $V > /v\n',
      files: [],
      buildArgs: { V: '2' },
    });
    expect(read(r.image!.layers, '/v')).toBe('2\n');
  });

  it('fails a Dockerfile with a parse error before building, pointing at the line', () => {
    const r = engine().build({ dockerfile: 'FROM debian\nRUNN echo\n', files: [] });
    expect(r.ok).toBe(false);
    const err = r.events.find((ev) => ev.type === 'error');
    expect(err).toMatchObject({ code: 'unknown-instruction' });
    expect(err && err.type === 'error' && err.range?.start.line).toBe(2);
  });
});
