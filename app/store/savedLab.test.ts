import { describe, expect, it } from 'vitest';
import { LAB_STORAGE_KEY, savedLab } from './savedLab.ts';
import { STARTER_DOCKERFILE } from './starter.ts';
import { STARTER_FILES } from './workspaceSlice.ts';

const storage = (value: string | null) => ({
  getItem: (key: string) => (key === LAB_STORAGE_KEY ? value : null),
});

describe('savedLab', () => {
  it('reads the saved lab as a build takes it', () => {
    const saved = {
      state: {
        dockerfile: 'FROM a\n',
        files: [
          { path: 'x.sh', content: 'echo\n', mode: 0o755 },
          { path: 'y', content: 'y' },
        ],
      },
      version: 1,
    };
    expect(savedLab(storage(JSON.stringify(saved)))).toEqual({
      dockerfile: 'FROM a\n',
      files: [
        { path: 'x.sh', content: 'echo\n', mode: 0o755 },
        { path: 'y', content: 'y' },
      ],
    });
  });

  it('is the starter on a first visit, and keeps the starter files when the saved ones are damaged', () => {
    expect(savedLab(storage(null))).toEqual({
      dockerfile: STARTER_DOCKERFILE,
      files: STARTER_FILES.map((f) => ({ path: f.path, content: f.content })),
    });
    const damaged = JSON.stringify({ state: { dockerfile: 'FROM b', files: [{ path: 1 }] } });
    expect(savedLab(storage(damaged))?.files.map((f) => f.path)).toEqual(
      STARTER_FILES.map((f) => f.path),
    );
  });

  it('gives nothing when storage cannot be read or does not hold JSON', () => {
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(savedLab(throwing)).toBeUndefined();
    expect(savedLab(storage('{not json'))).toBeUndefined();
  });
});
