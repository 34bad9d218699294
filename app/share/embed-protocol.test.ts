import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMessage, parseOrigins } from './embed-protocol.ts';

describe('embed postMessage API', () => {
  it('accepts well-formed commands', () => {
    expect(checkMessage({ type: 'layerlab:step', to: 'next' }, 'https://a.example', [])).toEqual({
      ok: true,
      command: { type: 'layerlab:step', to: 'next' },
    });
    const load = checkMessage(
      { type: 'layerlab:load', lab: { dockerfile: 'FROM scratch', files: [] } },
      'https://a.example',
      [],
    );
    expect(load).toMatchObject({ ok: true, command: { lab: { builder: 'buildkit' } } });
  });

  it('ignores unknown origins when origins are configured', () => {
    const allowed = parseOrigins('https://docs.example, javascript:alert(1),https://b.example');
    expect(allowed).toEqual(['https://docs.example', 'https://b.example']);
    expect(checkMessage({ type: 'layerlab:build' }, 'https://evil.example', allowed)).toEqual({
      ok: false,
      reason: 'origin https://evil.example is not allowed',
    });
    expect(checkMessage({ type: 'layerlab:build' }, 'https://b.example', allowed).ok).toBe(true);
  });

  it('rejects malformed messages with a reason', () => {
    expect(checkMessage('layerlab:build', 'o', []).ok).toBe(false);
    expect(checkMessage({ type: 'layerlab:step', to: -1 }, 'o', []).ok).toBe(false);
    expect(checkMessage({ type: 'layerlab:load', lab: { dockerfile: 1 } }, 'o', []).ok).toBe(false);
    expect(checkMessage({ type: 'layerlab:exec', code: 'x' }, 'o', [])).toMatchObject({
      ok: false,
      reason: 'unknown message type layerlab:exec',
    });
  });

  it('never throws on arbitrary data (fuzz)', () => {
    fc.assert(
      fc.property(fc.anything(), fc.string(), (data, origin) => {
        expect(typeof checkMessage(data, origin, []).ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });
});
