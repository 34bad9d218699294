import { describe, expect, it } from 'vitest';
import { ImageStore, type ImageRecord } from './store.ts';

const image = (n: number, extra: Partial<ImageRecord<string>> = {}): ImageRecord<string> => ({
  id: `sha256:${String(n).repeat(64).slice(0, 64)}`,
  layers: [`l${n}`],
  config: {},
  history: [],
  configJson: undefined,
  parent: undefined,
  created: n,
  intermediate: false,
  ...extra,
});

describe('image store', () => {
  it('tags images and resolves names and ID prefixes', () => {
    const store = new ImageStore<string>();
    const a = store.add(image(1));
    store.tag(a.id, 'app');
    store.tag(a.id, 'app:1.0');
    expect(store.tagsOf(a.id).sort()).toEqual(['app:1.0', 'app:latest']);
    expect(store.resolve('app').id).toBe(a.id);
    expect(store.resolve('1111').id).toBe(a.id);
    expect(store.resolve(a.id).id).toBe(a.id);
  });
  it('leaves the old image dangling when a tag moves', () => {
    const store = new ImageStore<string>();
    const a = store.add(image(1));
    const b = store.add(image(2));
    store.tag(a.id, 'app');
    expect(store.tag(b.id, 'app')).toBe(a.id);
    expect(store.isDangling(a.id)).toBe(true);
    expect(store.isDangling(b.id)).toBe(false);
  });
  it('does not count intermediate images as dangling', () => {
    const store = new ImageStore<string>();
    const a = store.add(image(1, { intermediate: true }));
    expect(store.isDangling(a.id)).toBe(false);
  });
  it('says No such image in docker words', () => {
    const store = new ImageStore<string>();
    expect(() => store.resolve('nope')).toThrow(
      'Error response from daemon: No such image: nope:latest',
    );
  });
});
