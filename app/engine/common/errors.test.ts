import { describe, expect, it } from 'vitest';
import { resolveTestImage } from '../build/testing/fixtures.ts';
import { builtinCatalog } from '../shell/packages/builtin.ts';
import { LabSession } from '../session/session.ts';
import { EngineError, isEngineError } from './errors.ts';

describe('typed engine errors', () => {
  it('carry their code, message, range and the data of that code', () => {
    const e = new EngineError('run-failed', 'exit code: 127', undefined, { exitCode: 127 });
    expect(isEngineError(e, 'run-failed')).toBe(true);
    expect(isEngineError(e, 'internal')).toBe(false);
    expect(isEngineError(new Error('x'), 'internal')).toBe(false);
    if (isEngineError(e, 'run-failed')) expect(e.data.exitCode).toBe(127);
    expect(new EngineError('internal', 'x').data).toEqual({});
  });

  it("reach the build's error event with the code, Docker's words and the hint", () => {
    const session = new LabSession({ registry: resolveTestImage, catalog: builtinCatalog });
    const { build } = session.build({
      dockerfile: 'FROM debian:bookworm-slim\nRUN nosuchprogram\n',
      files: [],
      builder: 'buildkit',
      noCache: false,
      buildArgs: {},
      tags: [],
    });
    const error = build.events.find((ev) => ev.type === 'error');
    expect(error).toMatchObject({
      type: 'error',
      code: 'run-failed',
      message: expect.stringContaining('exit code: 127'),
      hint: expect.stringContaining('could not find the command'),
    });
  });
});
