import { describe, expect, it } from 'vitest';
import { goTime, imageConfigJson, imageId } from './config.ts';
import { goJson, goMap } from './json.ts';

const diffIds = ['sha256:' + 'a'.repeat(64)];

describe('image config', () => {
  it('writes BuildKit configs with sorted top-level keys and OnBuild null', () => {
    const json = imageConfigJson({
      config: {
        Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'GREETING=hi'],
        Cmd: ['cat', '/data/greet'],
        WorkingDir: '/app',
        ExposedPorts: ['8080/tcp'],
        Labels: { 'org.example.k': 'v' },
      },
      diffIds,
      history: [
        {
          created: '1970-01-01T00:00:00Z',
          created_by: 'ENV GREETING=hi',
          comment: 'buildkit.dockerfile.v0',
          empty_layer: true,
        },
      ],
    });
    expect(json).toBe(
      '{"architecture":"amd64","config":{"ExposedPorts":{"8080/tcp":{}},"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","GREETING=hi"],' +
        '"Cmd":["cat","/data/greet"],"WorkingDir":"/app","Labels":{"org.example.k":"v"},"OnBuild":null},' +
        '"created":"1970-01-01T00:00:00Z","history":[{"created":"1970-01-01T00:00:00Z","created_by":"ENV GREETING=hi","comment":"buildkit.dockerfile.v0","empty_layer":true}],' +
        `"os":"linux","rootfs":{"type":"layers","diff_ids":["${diffIds[0]}"]}}`,
    );
    expect(imageId(json)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(JSON.parse(json).config.OnBuild).toBeNull();
  });

  it('writes classic configs in moby container.Config order with its empty fields', () => {
    const json = imageConfigJson({
      flavor: 'classic',
      config: { Cmd: ['sh'] },
      diffIds,
      history: [],
    });
    const config = JSON.stringify(JSON.parse(json).config);
    expect(Object.keys(JSON.parse(config))).toEqual([
      'Hostname',
      'Domainname',
      'User',
      'AttachStdin',
      'AttachStdout',
      'AttachStderr',
      'Tty',
      'OpenStdin',
      'StdinOnce',
      'Env',
      'Cmd',
      'Image',
      'Volumes',
      'WorkingDir',
      'Entrypoint',
      'OnBuild',
      'Labels',
    ]);
  });

  it('is reproducible and changes with any field', () => {
    const input = { config: { Cmd: ['sh'] }, diffIds, history: [] };
    expect(imageId(imageConfigJson(input))).toBe(imageId(imageConfigJson(input)));
    expect(imageId(imageConfigJson({ ...input, created: goTime(1) }))).not.toBe(
      imageId(imageConfigJson(input)),
    );
  });
});

describe('Go JSON', () => {
  it('escapes HTML characters and line separators as encoding/json does', () => {
    expect(goJson(['a && b <c> \u2028 "q" \\ \n \u0001'])).toBe(
      '["a \\u0026\\u0026 b \\u003cc\\u003e \\u2028 \\"q\\" \\\\ \\n \\u0001"]',
    );
  });

  it('sorts map keys in byte order, integer-like keys included', () => {
    expect(
      goJson(
        goMap([
          ['b', 1],
          ['10', 2],
          ['2', 3],
          ['a', 4],
        ]),
      ),
    ).toBe('{"10":2,"2":3,"a":4,"b":1}');
  });

  it('formats times like Go RFC 3339 with nanoseconds', () => {
    expect(goTime(0)).toBe('1970-01-01T00:00:00Z');
    expect(goTime(1_795_395_068, 958_711_000)).toBe('2026-11-23T00:51:08.958711Z');
  });
});
