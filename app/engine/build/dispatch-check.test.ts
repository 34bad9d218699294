import { describe, expect, it } from 'vitest';
import { buildError, newEngine } from '../limits/testing/builds.ts';
import { runDocker } from '../cli/docker.ts';
import type { CliHost } from '../cli/types.ts';

const dockerfile = 'FROM debian:bookworm-slim\nRUN echo hi\nEXPOSE eighty\nCMD ["sh"]\n';

describe('a value Docker refuses fails the build as Docker 28.5 does', () => {
  it('BuildKit: before any step runs, pointing at the instruction', () => {
    const { result, error } = buildError(dockerfile);
    expect(result.ok).toBe(false);
    expect(error).toMatchObject({ message: 'invalid containerPort: eighty', line: 3 });
    expect(result.events.some((e) => e.type === 'step-start')).toBe(false);
    const err = result.events.find((e) => e.type === 'error');
    expect(err).toMatchObject({ step: undefined });
  });

  it('legacy builder: runs the steps before it, then fails at the instruction', () => {
    const { result, error } = buildError(dockerfile, [], { builder: 'classic' });
    expect(error).toMatchObject({ line: 3 });
    const err = result.events.find((e) => e.type === 'error');
    expect(err).toMatchObject({ step: 2, classicMessage: 'Invalid containerPort: eighty' });
    const done = result.events.flatMap((e) => (e.type === 'step-done' ? [e.outcome] : []));
    expect(done).toEqual(['base', 'built', 'failed']);
  });

  it('STOPSIGNAL with an unknown signal fails with "invalid signal"', () => {
    const { error } = buildError('FROM debian:bookworm-slim\nSTOPSIGNAL SIGFOO\n');
    expect(error).toMatchObject({ message: 'invalid signal: SIGFOO', line: 2 });
  });

  it('a port range exposes every port in it', () => {
    const { result } = buildError('FROM debian:bookworm-slim\nEXPOSE 8000-8001 53/udp\n');
    expect(result.image?.config.ExposedPorts).toEqual(['8000/tcp', '8001/tcp', '53/udp']);
  });

  it('prints what docker build prints: the error block, and no step for BuildKit', async () => {
    const engine = newEngine();
    const env: Record<string, string | undefined> = {};
    const host: CliHost = {
      readContext: () => ({ files: [], dockerfile, dockerfileName: 'Dockerfile' }),
      writeFile: () => {},
      env,
    };
    const bk = await runDocker(engine, ['build', '-t', 'app', '.'], host);
    expect(bk.exitCode).toBe(1);
    expect(bk.stderr).toContain(' 3 | >>> EXPOSE eighty');
    expect(bk.stderr).toMatch(
      /ERROR: failed to (build: failed to )?solve: invalid containerPort: eighty/,
    );
    expect(bk.stderr).not.toMatch(/\[1\/\d\] FROM/);
    env.DOCKER_BUILDKIT = '0';
    const classic = await runDocker(engine, ['build', '-t', 'app', '.'], host);
    // The steps on stdout, the legacy builder's deprecation notice and the error on stderr.
    expect(classic.stdout).toMatch(/Step 3\/4 : EXPOSE eighty\n$/);
    expect(classic.stderr).toMatch(/^DEPRECATED: [^]*\nInvalid containerPort: eighty\n$/);
  });
});
