/**
 * The walk of one build in the worker: the base images it needs are found, then it builds. The
 * Dockerfile text is parsed once on that walk (the page parses it once more, for the editor).
 */
import { describe, expect, it, vi } from 'vitest';
import * as parse from '../dockerfile/parse.ts';
import { resolveTestImage } from '../build/testing/fixtures.ts';
import { builtinCatalog } from '../shell/packages/builtin.ts';
import { LabSession } from './session.ts';

vi.mock('../dockerfile/parse.ts', async (original) => {
  const real = await original<typeof parse>();
  return { ...real, parseDockerfile: vi.fn(real.parseDockerfile) };
});

describe('one build, one parse', () => {
  it('finds the base images and builds with a single parse of the text', () => {
    const session = new LabSession({
      registry: resolveTestImage,
      catalog: builtinCatalog,
      clock: () => 100,
    });
    const dockerfile = 'FROM debian:bookworm-slim\nRUN echo hi > /a\n';
    const spy = vi.mocked(parse.parseDockerfile);
    spy.mockClear();
    expect(LabSession.baseRefs(dockerfile)).toEqual(['debian:bookworm-slim']);
    const view = session.build({
      dockerfile,
      files: [],
      builder: 'buildkit',
      noCache: false,
      buildArgs: {},
      tags: ['app:1'],
    });
    expect(view.build.ok).toBe(true);
    expect(spy).toHaveBeenCalledTimes(1);
  });
});
