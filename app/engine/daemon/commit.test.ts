import { describe, expect, it } from 'vitest';
import { lab } from '../cli/testing/lab.ts';
import { isEngineError } from '../common/errors.ts';
import { commitContainer } from './commit.ts';

describe('commitContainer (docker commit in the daemon)', () => {
  it('keeps the writable layer on top of the image, applies the changes, and tags', () => {
    const { engine, docker } = lab({});
    docker('run', '--name', 'box', 'debian:bookworm-slim', 'sh', '-c', 'echo hi > /hi');
    const before = engine.images.resolve('debian:bookworm-slim');
    const id = commitContainer(engine, {
      container: 'box',
      repo: 'mine:1',
      comment: 'add hi',
      changes: ['WORKDIR /srv', 'USER nobody', 'CMD ["cat", "/hi"]'],
    });
    const image = engine.images.resolve('mine:1');
    expect(image.id).toBe(id);
    expect(image.layers).toHaveLength(before.layers.length + 1);
    expect(image.parent).toBe(before.id);
    expect(image.config).toMatchObject({ WorkingDir: '/srv', User: 'nobody', Cmd: ['cat', '/hi'] });
    expect(image.history.at(-1)).toMatchObject({ comment: 'add hi' });
    expect(image.history.at(-1)?.empty_layer).toBeUndefined();
  });

  it('keeps the container’s command as CMD, and adds no layer when nothing was written', () => {
    const { engine, docker } = lab({});
    docker('create', '--name', 'idle', 'debian:bookworm-slim', 'sleep', '5');
    const image = engine.images.get(commitContainer(engine, { container: 'idle' }))!;
    expect(image.config.Cmd).toEqual(['sleep', '5']);
    expect(image.layers).toHaveLength(engine.images.resolve('debian:bookworm-slim').layers.length);
    expect(image.history.at(-1)?.empty_layer).toBe(true);
  });

  it('refuses an instruction dockerd refuses, with its words, and makes no image', () => {
    const { engine, docker } = lab({});
    docker('run', '--name', 'box', 'debian:bookworm-slim', 'true');
    const count = engine.images.all().length;
    let thrown: unknown;
    try {
      commitContainer(engine, { container: 'box', changes: ['RUN echo'] });
    } catch (e) {
      thrown = e;
    }
    expect(isEngineError(thrown, 'bad-change')).toBe(true);
    expect((thrown as Error).message).toBe(
      'Error response from daemon: RUN is not a valid change command',
    );
    expect(engine.images.all()).toHaveLength(count);
  });
});
