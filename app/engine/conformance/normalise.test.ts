import { describe, expect, it } from 'vitest';
import { layerFromEntries, treeFromEntries, writeTar } from '../fs/index.ts';
import { imageRecord } from './archive.ts';
import { buildkitLog, buildResult } from './build-log.ts';
import { commandResult, scrub } from './normalise.ts';
import { parseSteps, splitWords } from './steps.ts';

describe('conformance steps files', () => {
  it('splits command lines as a shell does for quotes', () => {
    expect(splitWords(`run --name box t sh -c 'echo x > /a'`)).toEqual([
      'run',
      '--name',
      'box',
      't',
      'sh',
      '-c',
      'echo x > /a',
    ]);
    expect(splitWords(`history --format "{{.Size}} \\"q\\""`)).toEqual([
      'history',
      '--format',
      '{{.Size}} "q"',
    ]);
    expect(() => splitWords(`run 'open`)).toThrow(/unterminated/);
  });

  it('reads edits, builders and docker commands', () => {
    const s = parseSteps(
      'x',
      '@builders classic\n# note\nbuild -t t .\n@write a.txt two words\\nline\n@chmod 755 run.sh\n@image t\n',
    );
    expect(s.builders).toEqual(['classic']);
    expect(s.steps.map((x) => x.kind)).toEqual(['docker', 'write', 'chmod', 'image']);
    expect(s.steps[1]).toMatchObject({ path: 'a.txt', text: 'two words\nline\n' });
    expect(s.steps[2]).toMatchObject({ path: 'run.sh', mode: 0o755 });
    expect(() => parseSteps('x', '@frobnicate a')).toThrow(/x\/steps line 1: unknown @frobnicate/);
  });
});

describe('conformance normalisation', () => {
  it('drops IDs, digests and relative times, keeps the legacy COPY checksums', () => {
    const hash = 'f'.repeat(64);
    expect(
      scrub(`sha256:${'a'.repeat(64)} 0123456789ab COPY file:${hash} in / 3 seconds ago`),
    ).toBe(`<digest> <id> COPY file:${hash} in / <ago>`);
    expect(scrub(`/var/lib/docker-modern/overlay2/jo0yywa6cnu00ribekoe650w2/diff`)).toBe(
      '/var/lib/docker/overlay2/<id>/diff',
    );
  });

  it('takes durations, transfer sizes and repeated progress lines out of a BuildKit log', () => {
    expect(
      buildkitLog(
        [
          '#5 [internal] load build context',
          '#5 transferring context: 38B done',
          '#5 DONE 0.0s',
          '#7 [2/2] RUN echo before && exit 3',
          '#7 0.484 before',
          '#8 exporting layers 0.1s done',
          '#8 naming to docker.io/library/t:latest',
          '#8 naming to docker.io/library/t:latest done',
          ' > [2/2] RUN echo before && exit 3:',
          '0.484 before',
        ].join('\n'),
      ),
    ).toEqual([
      '#5 [internal] load build context',
      '#5 transferring context: <size> done',
      '#5 DONE <t>',
      '#7 [2/2] RUN echo before && exit 3',
      '#7 <t> before',
      '#8 exporting layers done',
      '#8 naming to docker.io/library/t:latest done',
      ' > [2/2] RUN echo before && exit 3:',
      '<t> before',
    ]);
  });

  it('reads BuildKit steps and cache hits in stage order', () => {
    const log = [
      '#1 [internal] load build definition from Dockerfile',
      '#5 [b 2/2] RUN two',
      '#4 [a 2/2] COPY x /x',
      '#4 CACHED',
      '#3 [a 1/2] FROM docker.io/library/debian:bookworm-slim',
      '#5 DONE 0.1s',
    ].join('\n');
    const r = buildResult('build .', 'buildkit', { exitCode: 0, stdout: '', stderr: log });
    expect(r).toMatchObject({
      steps: [
        { step: '[a 1/2] FROM docker.io/library/debian:bookworm-slim', cached: null },
        { step: '[a 2/2] COPY x /x', cached: true },
        { step: '[b 2/2] RUN two', cached: false },
      ],
    });
  });

  it("reads the classic builder's steps and its error line", () => {
    const stdout =
      'Step 1/3 : FROM debian\nStep 2/3 : ENV A=1\n ---> Using cache\nStep 3/3 : RUN exit 3\n';
    const r = buildResult('build .', 'classic', {
      exitCode: 3,
      stdout,
      stderr: "The command '/bin/sh -c exit 3' returned a non-zero code: 3\n",
    });
    expect(r).toMatchObject({
      steps: [
        { step: 'Step 1/3 : FROM debian', cached: null },
        { step: 'Step 2/3 : ENV A=1', cached: true },
        { step: 'Step 3/3 : RUN exit 3', cached: false },
      ],
      error: "The command '/bin/sh -c exit 3' returned a non-zero code: 3",
    });
  });

  it('sorts docker diff output and collapses table padding', () => {
    const r = commandResult('diff box', ['diff', 'box'], {
      exitCode: 0,
      stdout: 'C /data\nA /a\n',
      stderr: '',
    });
    expect(r).toMatchObject({ stdout: ['A /a', 'C /data'] });
    const t = commandResult('images', ['ps'], {
      exitCode: 0,
      stdout: 'a     b\tc\n\n',
      stderr: '',
    });
    expect(t).toMatchObject({ stdout: ['a  b  c'] });
  });

  it("lists an image's own layers from a docker-archive, whiteouts included", () => {
    const base = layerFromEntries([{ path: '/etc', type: 'dir' }]);
    const top = layerFromEntries([
      { path: '/d', type: 'dir' },
      { path: '/d/.wh.gone', type: 'file', data: '' },
      { path: '/d/.wh..wh..opq', type: 'file', data: '' },
      { path: '/d/new', type: 'file', data: 'hello', mode: 0o755 },
    ]);
    const config = {
      config: { Cmd: ['bash'], Labels: {} },
      history: [{ created_by: 'base' }, { created_by: 'RUN x' }],
    };
    const archive = writeTar(
      treeFromEntries([
        { path: '/c.json', type: 'file', data: JSON.stringify(config) },
        { path: '/l0/layer.tar', type: 'file', data: writeTar(base.root) },
        { path: '/l1/layer.tar', type: 'file', data: writeTar(top.root) },
        {
          path: '/manifest.json',
          type: 'file',
          data: JSON.stringify([{ Config: 'c.json', Layers: ['l0/layer.tar', 'l1/layer.tar'] }]),
        },
      ]),
    );
    const rec = imageRecord(archive, { layers: 1, history: 1 }, '5\n0\n');
    expect(rec.config).toEqual({ Cmd: ['bash'] });
    expect(rec.history).toEqual([{ created_by: 'RUN x', empty_layer: false, size: 5 }]);
    expect(rec.layers).toEqual([['dir d', 'file d/new 5 0755', 'opaque d', 'whiteout d/gone']]);
  });
});
