import { describe, expect, it } from 'vitest';
import { familiarName, fullName, parseImageRef } from './reference.ts';

describe('image references', () => {
  it('fills in latest and strips library/', () => {
    const ref = parseImageRef('python');
    expect(familiarName(ref)).toBe('python:latest');
    expect(fullName(ref)).toBe('docker.io/library/python:latest');
    expect(familiarName(parseImageRef('library/debian:bookworm-slim'))).toBe(
      'debian:bookworm-slim',
    );
  });
  it('reads users, registries with ports, tags and digests', () => {
    expect(parseImageRef('me/app:1.0')).toMatchObject({
      repository: 'me/app',
      tag: '1.0',
      domain: 'docker.io',
    });
    expect(parseImageRef('localhost:5000/app')).toMatchObject({
      domain: 'localhost:5000',
      repository: 'localhost:5000/app',
      tag: undefined,
    });
    expect(fullName(parseImageRef('localhost:5000/app:2'))).toBe('localhost:5000/app:2');
    const d = 'sha256:' + 'a'.repeat(64);
    expect(parseImageRef(`app@${d}`).digest).toBe(d);
  });
  it('rejects what docker rejects, with docker words', () => {
    // Docker 28.5: `FROM Builder` fails with "... repository name (library/Builder) must be
    // lowercase" (conformance/checks/recorded/02-stage-name-casing.json).
    expect(() => parseImageRef('App')).toThrow(
      'invalid reference format: repository name (library/App) must be lowercase',
    );
    expect(() => parseImageRef('me/App:1')).toThrow('repository name (me/App) must be lowercase');
    expect(() => parseImageRef('app:')).toThrow('invalid reference format');
    expect(() => parseImageRef('app:-bad')).toThrow('invalid reference format');
    expect(() => parseImageRef('')).toThrow('invalid reference format');
    expect(() => parseImageRef('a//b')).toThrow('invalid reference format');
  });
});
