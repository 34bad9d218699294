import { describe, expect, it } from 'vitest';
import { tabwrite } from './table.ts';

describe('tabwrite', () => {
  it('lays out docker images columns as the docker CLI does', () => {
    const text = [
      'REPOSITORY\tTAG\tIMAGE ID\tCREATED\tSIZE',
      'app\tlatest\t3f1a2b3c4d5e\t2 minutes ago\t74.8MB',
    ].join('\n');
    expect(tabwrite(text)).toBe(
      [
        'REPOSITORY   TAG       IMAGE ID       CREATED         SIZE',
        'app          latest    3f1a2b3c4d5e   2 minutes ago   74.8MB',
      ].join('\n'),
    );
  });
  it('leaves lines without tabs alone', () => {
    expect(tabwrite('no columns here')).toBe('no columns here');
  });
});
