import { describe, expect, it } from 'vitest';
import { resolveTestImage } from '../build/testing/fixtures.ts';
import { builtinCatalog } from '../shell/packages/builtin.ts';
import { dispatch, serve } from './dispatch.ts';
import type { FromWorker, Request } from './protocol.ts';
import { LabSession } from './session.ts';

const session = () =>
  new LabSession({ registry: resolveTestImage, catalog: builtinCatalog, clock: () => 100 });

describe('dispatch', () => {
  it('answers a request with its result', () => {
    const reply = dispatch(session(), { id: 7, method: 'view', args: [] });
    expect(reply).toEqual({
      kind: 'reply',
      id: 7,
      ok: true,
      result: { images: [], containers: [], store: 'containerd' },
    });
  });

  it('turns a method that throws into an error in words, and never throws itself', () => {
    const s = session();
    s.view = () => {
      throw new TypeError('cannot read properties of undefined');
    };
    const reply = dispatch(s, { id: 8, method: 'view', args: [] });
    expect(reply).toMatchObject({ kind: 'reply', id: 8, ok: false });
    expect(reply.ok ? '' : reply.error).toMatch(
      /^The simulator hit a problem it did not expect: cannot read properties of undefined\. Your files are safe/,
    );
    // Something thrown that is not an Error still becomes a sentence.
    s.view = () => {
      throw 'a string';
    };
    const again = dispatch(s, { id: 9, method: 'view', args: [] });
    expect(again.ok ? '' : again.error).toContain('a string');
  });

  it('after a change, sends the reply first and then what changed; a failed save is not fatal', () => {
    const s = session();
    const posted: FromWorker[] = [];
    const req: Request<'command'> = { id: 1, method: 'command', args: ['docker images', [], ''] };
    serve(s, req, (m) => posted.push(m));
    expect(posted.map((m) => m.kind)).toEqual(['reply', 'saved']);
    s.saveDelta = () => {
      throw new Error('disk full');
    };
    posted.length = 0;
    serve(s, { ...req, id: 2 }, (m) => posted.push(m));
    expect(posted.map((m) => m.kind)).toEqual(['reply']);
    // A request that changes nothing sends only its reply.
    posted.length = 0;
    serve(s, { id: 3, method: 'view', args: [] }, (m) => posted.push(m));
    expect(posted.map((m) => m.kind)).toEqual(['reply']);
  });
});
