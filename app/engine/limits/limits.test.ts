/**
 * Every limit a learner can hit while building, each through a real Dockerfile: the build stops
 * with a clear sentence pointing at the line, and nothing throws or hangs.
 */
import { describe, expect, it } from 'vitest';
import { MergedView } from '../fs/index.ts';
import { buildError, readImageFile } from './testing/builds.ts';
import { craftTar } from './testing/tar-craft.ts';

const linkTarget = (result: ReturnType<typeof buildError>['result'], path: string) => {
  const e = MergedView.of(result.image!.layers).lookup(path);
  return e?.type === 'symlink' ? e.target : undefined;
};

const FROM = 'FROM debian:bookworm-slim';

describe('step budget', () => {
  it('stops a loop that never ends', () => {
    const { error } = buildError(`${FROM}\nRUN while true; do :; done\n`);
    expect(error).toMatchObject({
      code: 'run-budget',
      message: 'this step ran too long for the simulator (limit 100000)',
      line: 2,
    });
  });

  it('stops a fork bomb', () => {
    const { error } = buildError(`${FROM}\nRUN :(){ :|:& };:\n`);
    expect(error?.code).toBe('run-budget');
    expect(error?.line).toBe(2);
    expect(error?.message).toMatch(
      /^(this step ran too long for the simulator \(limit 100000\)|commands nested too deeply for the simulator \(limit 100\))$/,
    );
  });

  it('stops unbounded recursion of a function at the depth limit', () => {
    const { error } = buildError(`${FROM}\nRUN f() { f; }; f\n`);
    expect(error).toMatchObject({
      code: 'run-budget',
      message: 'commands nested too deeply for the simulator (limit 100)',
      line: 2,
    });
  });
});

describe('size budget', () => {
  const sizeMessage =
    'this step wrote more data than the simulator allows (limit 2 GB, writing /big)';

  it('stops dd writing 50 GB', () => {
    const { error } = buildError(`${FROM}\nRUN dd if=/dev/zero of=/big bs=1M count=50000\n`);
    expect(error).toMatchObject({ code: 'run-budget', message: sizeMessage, line: 2 });
  });

  it('stops truncate -s 50G', () => {
    const { error } = buildError(`${FROM}\nRUN truncate -s 50G /big\n`);
    expect(error).toMatchObject({ code: 'run-budget', message: sizeMessage, line: 2 });
  });

  it('stops fallocate -l 50G', () => {
    const { error } = buildError(`${FROM}\nRUN fallocate -l 50G /big\n`);
    expect(error).toMatchObject({ code: 'run-budget', message: sizeMessage, line: 2 });
  });

  it('stops `yes > f` (endless output into a file) at the step budget', () => {
    const { error } = buildError(`${FROM}\nRUN yes > /f\n`);
    expect(error).toMatchObject({
      code: 'run-budget',
      message: 'this step ran too long for the simulator (limit 100000)',
      line: 2,
    });
  });

  it('stops `yes` printing to the build log at the output limit', () => {
    const { error } = buildError(`${FROM}\nRUN yes\n`);
    expect(error).toMatchObject({
      code: 'run-budget',
      message: 'this step wrote more output than the simulator keeps (limit 8388608 bytes)',
      line: 2,
    });
  });

  it('still builds a file under the budget', () => {
    const { result, error } = buildError(
      `${FROM}\nRUN dd if=/dev/zero of=/small bs=1K count=4 && wc -c < /small > /n\n`,
    );
    expect(error).toBeUndefined();
    expect(readImageFile(result, '/n')?.trim()).toBe('4096');
  });
});

describe('large inputs', () => {
  it('builds a 100,000-line Dockerfile', () => {
    // 100,000 lines: comments, blank lines, continuations and 5,000 instructions.
    const lines = [FROM];
    for (let i = 0; lines.length < 100_000; i++) {
      if (i % 20 === 0) lines.push(`ENV V${i % 50}=${i}`);
      else if (i % 20 === 1) lines.push('RUN echo start \\', '  && true');
      else lines.push(i % 2 === 0 ? `# comment ${i}` : '');
    }
    const { result, error } = buildError(lines.join('\n') + '\n');
    expect(error).toBeUndefined();
    expect(result.image?.history.length).toBeGreaterThan(5000);
  });

  it('stops a Dockerfile of 50,000 instructions at the instruction budget, pointing at the first one over', () => {
    const lines = [FROM];
    for (let i = 0; i < 50_000; i++) lines.push(`ENV V${i % 50}=${i}`);
    const { result, error } = buildError(lines.join('\n') + '\n');
    expect(error).toMatchObject({
      code: 'build-budget',
      message:
        'this Dockerfile has 50001 instructions, more than the simulator builds (limit 10000)',
      line: 10_001,
    });
    expect(result.ok).toBe(false);
  });

  it('copies 5,000 build-context files', () => {
    const files = Array.from({ length: 5000 }, (_, i) => ({
      path: `src/d${i % 50}/f${i}.txt`,
      content: `${i}\n`,
    }));
    const { result, error } = buildError(
      `${FROM}\nCOPY . /app/\nRUN ls /app/src/d7 | wc -l > /count\n`,
      files,
    );
    expect(error).toBeUndefined();
    expect(readImageFile(result, '/app/src/d49/f4999.txt')).toBe('4999\n');
    expect(readImageFile(result, '/count')?.trim()).toBe('100');
  });

  it('expands a default nested 10,000 deep in an instruction', () => {
    const depth = 10_000;
    const nested = '${a:-'.repeat(depth) + 'x' + '}'.repeat(depth);
    const { result, error } = buildError(`${FROM}\nENV B=${nested}\n`);
    if (error) {
      expect(error.line).toBe(2);
      expect(error.message).toMatch(/nest|limit|deep/);
    } else expect(result.image?.config.Env).toContain('B=x');
  });

  it('expands a default nested 10,000 deep in RUN', () => {
    const depth = 10_000;
    const nested = '${a:-'.repeat(depth) + 'x' + '}'.repeat(depth);
    const { result, error } = buildError(`${FROM}\nRUN echo ${nested} > /out\n`);
    if (error) {
      expect(error.line).toBe(2);
      expect(error.message).toMatch(/nest|limit|deep/);
    } else expect(readImageFile(result, '/out')).toBe('x\n');
  });
});

describe('symlink loops', () => {
  it('copies a context with a symlink loop as links, without following them', () => {
    const files = [
      { path: 'a', content: '', symlink: 'b' },
      { path: 'b', content: '', symlink: 'a' },
      { path: 'ok.txt', content: 'ok\n' },
    ];
    const { result, error } = buildError(`${FROM}\nWORKDIR /app\nCOPY . .\n`, files);
    expect(error).toBeUndefined();
    expect(readImageFile(result, '/app/ok.txt')).toBe('ok\n');
    expect(linkTarget(result, '/app/a')).toBe('b');
    expect(linkTarget(result, '/app/b')).toBe('a');
  });

  it('owns a copied symlink itself and leaves the file it points to alone', () => {
    const files = [{ path: 'pw', content: '', symlink: '/etc/passwd' }];
    const { result, error } = buildError(`${FROM}\nCOPY --chown=65534:65534 pw /pw\n`, files);
    expect(error).toBeUndefined();
    const view = MergedView.of(result.image!.layers);
    expect(view.lookup('/pw')).toMatchObject({ type: 'symlink', uid: 65534 });
    expect(view.lookup('/etc/passwd')).toMatchObject({ type: 'file', uid: 0 });
  });

  it('fails reading through a symlink loop in RUN with the kernel message', () => {
    const { error } = buildError(`${FROM}\nRUN ln -s a b; ln -s b a; cat a\n`);
    expect(error).toMatchObject({
      code: 'run-failed',
      line: 2,
    });
    expect(error?.output).toContain('cat: a: Too many levels of symbolic links');
  });
});

describe('paths outside the context', () => {
  it('COPY ../x . is clamped to the context root, as BuildKit does', () => {
    const { error } = buildError(`${FROM}\nCOPY ../x .\n`, [{ path: 'y', content: '' }]);
    expect(error).toMatchObject({
      message: expect.stringMatching(
        /^failed to compute cache key: failed to calculate checksum of ref \S+: "\/x": not found$/,
      ),
      line: 2,
    });
  });

  it('COPY ../x . finds x at the context root', () => {
    const { result, error } = buildError(`${FROM}\nCOPY ../x /x\n`, [
      { path: 'x', content: 'X\n' },
    ]);
    expect(error).toBeUndefined();
    expect(readImageFile(result, '/x')).toBe('X\n');
  });
});

describe('archives that try to leave the destination (ADD)', () => {
  it('keeps `..` members of a local tar inside the destination', () => {
    const tar = craftTar([
      { name: '../../etc/evil', data: 'no\n' },
      { name: 'ok/../../also', data: 'no\n' },
      { name: 'fine', data: 'yes\n' },
    ]);
    const { result, error } = buildError(`${FROM}\nADD x.tar /dst/\n`, [
      { path: 'x.tar', content: tar },
    ]);
    expect(error).toBeUndefined();
    expect(readImageFile(result, '/etc/evil')).toBeUndefined();
    expect(readImageFile(result, '/also')).toBeUndefined();
    expect(readImageFile(result, '/dst/etc/evil')).toBe('no\n');
    expect(readImageFile(result, '/dst/fine')).toBe('yes\n');
  });

  it('lets a later member replace an earlier one of the same name, as tar does', () => {
    const tar = craftTar([
      { name: 'link', type: 'symlink', linkname: 'x' },
      { name: 'link', type: 'symlink', linkname: 'y' },
      { name: 'f', data: 'old\n' },
      { name: 'f', data: 'new\n' },
    ]);
    const { result, error } = buildError(`${FROM}\nADD x.tar /dst/\n`, [
      { path: 'x.tar', content: tar },
    ]);
    expect(error).toBeUndefined();
    expect(linkTarget(result, '/dst/link')).toBe('y');
    expect(readImageFile(result, '/dst/f')).toBe('new\n');
  });

  it('refuses a member that would be written through a symlink leading outside', () => {
    const tar = craftTar([
      { name: 'link', type: 'symlink', linkname: '/etc' },
      { name: 'link/passwd', data: 'evil\n' },
    ]);
    const { error } = buildError(`${FROM}\nADD x.tar /dst/\n`, [{ path: 'x.tar', content: tar }]);
    expect(error).toMatchObject({ message: '"link/passwd" is outside of "/dst"', line: 2 });
  });
});

describe('values too large', () => {
  it('stops a string that doubles forever with a sentence about size', () => {
    const { error } = buildError(`${FROM}\nRUN x=a; while true; do x=$x$x; done\n`);
    expect(error).toMatchObject({
      code: 'run-budget',
      message: 'this step built a value too large for the simulator (limit 16777216 bytes)',
      line: 2,
    });
  });

  it('stops printf with an enormous field width', () => {
    const { error } = buildError(`${FROM}\nRUN printf "%0999999999d" 1 > /f\n`);
    expect(error?.line).toBe(2);
    expect(error?.code).toBe('run-budget');
    expect(error?.message).toMatch(/too large|limit/);
  });
});

describe('odd context file names', () => {
  const names = [
    'with space.txt',
    'dir with space/inner file',
    'ünïcödé-文件.txt',
    'emoji-🐳.txt',
    'tab\there',
    'new\nline',
    'bell\u0007',
    'a..b',
  ];

  it('copies every odd name and keeps its content', () => {
    const files = names.map((path, i) => ({ path, content: `${i}\n` }));
    const { result, error } = buildError(`${FROM}\nCOPY . /ctx/\n`, files);
    expect(error).toBeUndefined();
    names.forEach((n, i) => expect(readImageFile(result, `/ctx/${n}`)).toBe(`${i}\n`));
  });

  it('never lets a `..` component in a context name escape the copy destination', () => {
    const files = [
      { path: '../escape', content: 'no\n' },
      { path: 'a/../../etc/evil', content: 'no\n' },
      { path: 'ok', content: 'ok\n' },
    ];
    const { result, error } = buildError(`${FROM}\nCOPY . /ctx/\n`, files);
    expect(error).toBeUndefined();
    expect(readImageFile(result, '/ctx/ok')).toBe('ok\n');
    expect(readImageFile(result, '/escape')).toBeUndefined();
    expect(readImageFile(result, '/etc/evil')).toBeUndefined();
  });

  it('COPY of a name with a space given in JSON form', () => {
    const { result, error } = buildError(`${FROM}\nCOPY ["with space.txt", "/w s"]\n`, [
      { path: 'with space.txt', content: 'S\n' },
    ]);
    expect(error).toBeUndefined();
    expect(readImageFile(result, '/w s')).toBe('S\n');
  });
});
