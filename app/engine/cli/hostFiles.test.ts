import { describe, expect, it } from 'vitest';
import { hostFileCommand, isHostFileCommand } from './hostFiles.ts';

const files = [
  { path: 'index.html', content: '<h1>x</h1>\n' },
  { path: 'run.sh', content: 'echo hi\n', mode: 0o755 },
];

describe('touch and chmod on the build context', () => {
  it('leaves other lines to docker', () => {
    expect(hostFileCommand('docker images', files)).toBeUndefined();
    expect(isHostFileCommand('chmod +x run.sh')).toBe(true);
    expect(isHostFileCommand('ls -l')).toBe(false);
  });

  it('sets modes as chmod does: octal and symbolic, from 0644 when none is set', () => {
    const mode = (line: string, path = 'index.html') =>
      hostFileCommand(line, files)!.files.find((f) => f.path === path)?.mode;
    expect(mode('chmod +x index.html')).toBe(0o755);
    expect(mode('chmod 600 ./index.html')).toBe(0o600);
    expect(mode('chmod go-rx run.sh', 'run.sh')).toBe(0o700);
    expect(mode('chmod u=rw,go=r run.sh', 'run.sh')).toBe(0o644);
  });

  it('fails as coreutils does', () => {
    expect(hostFileCommand('chmod +x', files)).toMatchObject({
      exitCode: 1,
      stderr: "chmod: missing operand after '+x'\nTry 'chmod --help' for more information.\n",
    });
    expect(hostFileCommand('chmod z index.html', files)?.stderr).toBe(
      "chmod: invalid mode: 'z'\nTry 'chmod --help' for more information.\n",
    );
    const partly = hostFileCommand('chmod +x gone.txt index.html', files)!;
    expect(partly.exitCode).toBe(1);
    expect(partly.stderr).toBe("chmod: cannot access 'gone.txt': No such file or directory\n");
    expect(partly.files.find((f) => f.path === 'index.html')?.mode).toBe(0o755);
    expect(hostFileCommand('touch', files)?.stderr).toBe(
      "touch: missing file operand\nTry 'touch --help' for more information.\n",
    );
  });

  it('touch makes a missing file and leaves an existing one as it is', () => {
    const r = hostFileCommand('touch index.html notes.txt', files)!;
    expect(r.exitCode).toBe(0);
    expect(r.files.find((f) => f.path === 'index.html')).toEqual(files[0]);
    expect(r.files.find((f) => f.path === 'notes.txt')).toEqual({ path: 'notes.txt', content: '' });
  });
});
