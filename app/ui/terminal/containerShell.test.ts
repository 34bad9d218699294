import { describe, expect, it } from 'vitest';
import { resolveTestImage } from '../../engine/build/testing/fixtures.ts';
import { LabSession } from '../../engine/session/session.ts';
import { builtinCatalog } from '../../engine/shell/packages/builtin.ts';
import { execLine, interactive, splitCwd } from './containerShell.ts';

describe('container shell in the terminal', () => {
  it('recognises interactive shells and nothing else', () => {
    expect(interactive('docker run -it --name box debian sh')).toEqual({
      kind: 'run',
      start: 'docker run -d -i -t --name box debian sh',
      container: 'box',
    });
    expect(interactive('docker run -it --rm debian')?.start).toBe(
      'docker run -d -i -t --rm debian sh',
    );
    expect(interactive('docker exec -it web bash')).toEqual({
      kind: 'exec',
      start: undefined,
      container: 'web',
    });
    expect(interactive('docker run debian sh')).toBeUndefined();
    expect(interactive('docker run -d -it debian sh')).toBeUndefined();
    expect(interactive('docker run -it debian ls /')).toBeUndefined();
  });

  it('runs typed lines in the container, following cd, and writes land in its writable layer', () => {
    const s = new LabSession({ registry: resolveTestImage, catalog: builtinCatalog });
    const start = interactive('docker run -it --name box debian:bookworm-slim sh')!;
    expect(s.command(start.start!, [], '').exitCode).toBe(0);
    const shell = { container: 'box', cwd: '/', stopOnExit: true, user: 'root' };
    let r = s.command(execLine(shell, 'cd /etc && echo "it\'s here" > note'), [], '');
    const out = splitCwd(r.stdout);
    expect(r.exitCode).toBe(0);
    expect(out.cwd).toBe('/etc');
    expect(out.text).toBe('');
    r = s.command(execLine({ ...shell, cwd: '/etc' }, 'cat note'), [], '');
    expect(splitCwd(r.stdout).text).toBe("it's here\n");
    const diff = s.command('docker diff box', [], '');
    expect(diff.stdout).toContain('A /etc/note');
  });
});
