import { describe, expect, it } from 'vitest';
import { filesBytesIfDifferent, shownLayerSize } from './layerSize.ts';

describe('a layer card’s size follows the image store', () => {
  const echo = { size: 9, diskUsage: 16_384 };
  it('shows the files’ bytes on overlay2 and the disk blocks on containerd', () => {
    expect(shownLayerSize(echo, 'overlay2')).toBe(9);
    expect(shownLayerSize(echo, 'containerd')).toBe(16_384);
  });
  it('falls back to the bytes for a build saved before the blocks were kept', () => {
    expect(shownLayerSize({ size: 9 }, 'containerd')).toBe(9);
  });
  it('gives the files’ bytes for the note only when the store counts otherwise', () => {
    expect(filesBytesIfDifferent([echo, { size: 0, diskUsage: 12_288 }], 'containerd')).toBe(9);
    expect(filesBytesIfDifferent([echo], 'overlay2')).toBeUndefined();
  });
});
