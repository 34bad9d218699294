import { describe, expect, it } from 'vitest';
import { renderBuildkit } from '../cli/format/build-output.ts';
import { builtinCatalog } from '../shell/packages/builtin.ts';
import { build } from './builder.ts';
import { BuildCache } from './cache.ts';
import { makeContext } from './context.ts';
import { buildkitExpand, planDockerfile } from './plan.ts';
import { resolveTestImage } from './testing/fixtures.ts';
import { workdirPath } from './metadata.ts';
import { vertexLabel } from './vertex.ts';

/** The `#n [..] NAME` vertex lines of a BuildKit build of `source`. */
function vertices(source: string, buildArgs: Record<string, string> = {}): string[] {
  const plan = planDockerfile(source).plan!;
  const result = build({
    plan,
    source,
    dockerfileName: 'Dockerfile',
    context: makeContext([{ path: 'a.txt', content: 'a\n' }]),
    builder: 'buildkit',
    tags: ['t'],
    buildArgs,
    noCache: false,
    target: undefined,
    resolveImage: resolveTestImage,
    catalog: builtinCatalog,
    cache: new BuildCache(),
    expand: buildkitExpand,
  });
  const out = renderBuildkit(result.events, { source, tags: ['t'] });
  return out
    .split('\n')
    .filter((l) => /^#\d+ \[(?!internal)/.test(l))
    .map((l) => l.replace(/^#\d+ /, ''));
}

describe('BuildKit vertex names (recorded on Docker 28.5)', () => {
  it('substitutes ENV and ARG values; RUN keeps its quotes and unset variables', () => {
    const df = [
      'ARG MODE=dev',
      'FROM debian:bookworm-slim',
      'ARG MODE',
      'ENV GREETING=hi',
      'WORKDIR /srv/$GREETING',
      'RUN echo "$MODE" > /mode',
      'RUN echo "$GREETING ${MODE} $NOPE \\"q\\"" > greet',
      'COPY "a.txt" /$GREETING/',
    ].join('\n');
    expect(vertices(df, { MODE: 'prod' })).toEqual([
      '[1/5] FROM docker.io/library/debian:bookworm-slim',
      '[2/5] WORKDIR /srv/hi',
      '[3/5] RUN echo "prod" > /mode',
      '[4/5] RUN echo "hi prod $NOPE "q"" > greet',
      '[5/5] COPY a.txt /hi/',
    ]);
  });

  it('FROM scratch is no step; a WORKDIR that stays at / has no vertex and takes no number', () => {
    expect(vertices('FROM scratch\nCOPY a.txt /a.txt\nCMD ["/a.txt"]\n')).toEqual([
      '[1/1] COPY a.txt /a.txt',
    ]);
    const df = 'FROM debian:bookworm-slim\nWORKDIR /tmp\nWORKDIR /\nRUN pwd\nWORKDIR /app\n';
    expect(vertices(df)).toEqual([
      '[1/5] FROM docker.io/library/debian:bookworm-slim',
      '[2/5] WORKDIR /tmp',
      '[3/5] RUN pwd',
      '[4/5] WORKDIR /app',
    ]);
  });

  it('names a RUN heredoc after its first line', () => {
    const df = 'FROM debian:bookworm-slim\nRUN <<EOT\necho one > /one\necho two > /two\nEOT\n';
    expect(vertices(df)[1]).toBe('[2/2] RUN <<EOT (echo one > /one...)');
  });

  it('pads the step number to the width of the total', () => {
    expect(vertexLabel(3, 12, undefined)).toBe('[ 3/12]');
    expect(vertexLabel(3, 9, 'build')).toBe('[build 3/9]');
    expect(workdirPath('/app', 'src')).toBe('/app/src');
    expect(workdirPath('/app', 'src/../x/.')).toBe('/app/x');
    expect(workdirPath(undefined, '..')).toBe('/');
  });
});
