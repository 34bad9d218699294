import { describe, expect, it } from 'vitest';
import { dockerCompleter, LineEditor } from './lineEditor.ts';

const completer = dockerCompleter(() => ({
  images: ['app:1', 'app:2', 'nginx:stable'],
  containers: ['web'],
}));

function typed(ed: LineEditor, data: string) {
  return ed.input(data);
}

describe('LineEditor', () => {
  it('submits typed lines and recalls them with the arrow keys', () => {
    const ed = new LineEditor('$ ', completer);
    const out = typed(ed, 'docker images\r');
    expect(out.map((o) => o.submit).filter(Boolean)).toEqual(['docker images']);
    typed(ed, 'docker ps\r');
    typed(ed, '\x1b[A');
    expect(ed.line).toBe('docker ps');
    typed(ed, '\x1b[A');
    expect(ed.line).toBe('docker images');
    typed(ed, '\x1b[B\x1b[B');
    expect(ed.line).toBe('');
  });

  it('edits in the middle of a line and deletes with backspace', () => {
    const ed = new LineEditor('$ ', completer);
    typed(ed, 'dockr');
    typed(ed, '\x1b[D');
    typed(ed, 'e');
    expect(ed.line).toBe('docker');
    typed(ed, '\x1b[F\x7f\x7f');
    expect(ed.line).toBe('dock');
    typed(ed, '\x03');
    expect(ed.line).toBe('');
  });

  it('completes subcommands, image and container names', () => {
    const ed = new LineEditor('$ ', completer);
    typed(ed, 'docker hi\t');
    expect(ed.line).toBe('docker history ');
    typed(ed, 'ng\t');
    expect(ed.line).toBe('docker history nginx:stable ');
    const ed2 = new LineEditor('$ ', completer);
    typed(ed2, 'docker run a\t');
    expect(ed2.line).toBe('docker run app:');
    const listed = typed(ed2, '\t');
    expect(listed[0]!.write).toContain('app:1  app:2');
    const ed3 = new LineEditor('$ ', completer);
    typed(ed3, 'docker diff w\t');
    expect(ed3.line).toBe('docker diff web ');
  });

  it('takes a pasted block of several lines', () => {
    const ed = new LineEditor('$ ', completer);
    const out = typed(ed, 'docker images\r\ndocker ps\r\n');
    expect(out.flatMap((o) => (o.submit ? [o.submit] : []))).toEqual([
      'docker images',
      'docker ps',
    ]);
  });
});

describe('completion of subcommands', () => {
  it('completes the subcommands of system, builder, image and container', () => {
    const complete = dockerCompleter(() => ({ images: [], containers: [] }));
    expect(complete(['docker', 'system'], 'p')).toEqual(['prune']);
    expect(complete(['docker', 'builder'], '')).toEqual(['prune']);
    expect(complete(['docker', 'container'], 'p')).toEqual(['prune']);
    expect(complete(['docker', 'image'], 'p')).toEqual(['prune', 'pull', 'push']);
  });
});
