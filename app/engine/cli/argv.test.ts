import { describe, expect, it } from 'vitest';
import { parseArgs, splitCommandLine, type FlagSpec } from './argv.ts';

const build: FlagSpec[] = [
  { name: 'tag', short: 't', type: 'list' },
  { name: 'file', short: 'f', type: 'string' },
  { name: 'build-arg', type: 'list' },
  { name: 'no-cache', type: 'bool' },
  { name: 'quiet', short: 'q', type: 'bool' },
];
const run: FlagSpec[] = [
  { name: 'interactive', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'name', type: 'string' },
  { name: 'env', short: 'e', type: 'list' },
];

describe('docker flags', () => {
  it('reads long, short, = and repeated forms', () => {
    const a = parseArgs(
      [
        '-t',
        'app:1',
        '--tag=app:latest',
        '--build-arg',
        'V=2',
        '-fDockerfile.dev',
        '--no-cache',
        '.',
      ],
      build,
      { command: 'build' },
    );
    expect(a.list('tag')).toEqual(['app:1', 'app:latest']);
    expect(a.list('build-arg')).toEqual(['V=2']);
    expect(a.string('file')).toBe('Dockerfile.dev');
    expect(a.bool('no-cache')).toBe(true);
    expect(a.bool('quiet')).toBe(false);
    expect(a.positional).toEqual(['.']);
  });
  it('combines short booleans and stops at the image for run', () => {
    const a = parseArgs(['-it', '--name', 'web', '-e', 'A=1', 'app', 'sh', '-c', 'ls -l'], run, {
      command: 'run',
      stopAtFirstPositional: true,
    });
    expect(a.bool('interactive') && a.bool('tty')).toBe(true);
    expect(a.string('name')).toBe('web');
    expect(a.positional).toEqual(['app', 'sh', '-c', 'ls -l']);
  });
  it('words errors as docker does', () => {
    expect(() => parseArgs(['--nope'], build, { command: 'build' })).toThrow(
      "unknown flag: --nope\nSee 'docker build --help'.",
    );
    expect(() => parseArgs(['-x'], build, { command: 'build' })).toThrow(
      "unknown shorthand flag: 'x' in -x",
    );
    expect(() => parseArgs(['-t'], build, { command: 'build' })).toThrow(
      'flag needs an argument: -t',
    );
  });
});

describe('command line splitting', () => {
  it('keeps quoted words together', () => {
    expect(splitCommandLine(`docker run -e "A=b c" app sh -c 'echo $HOME'`)).toEqual([
      'docker',
      'run',
      '-e',
      'A=b c',
      'app',
      'sh',
      '-c',
      'echo $HOME',
    ]);
    expect(splitCommandLine('a\\ b  c')).toEqual(['a b', 'c']);
    expect(splitCommandLine('""')).toEqual(['']);
  });
  it('reports an unclosed quote instead of guessing', () => {
    expect(splitCommandLine('echo "hi')).toEqual({
      error: 'unexpected end of line: the double quote is not closed',
    });
  });
});
