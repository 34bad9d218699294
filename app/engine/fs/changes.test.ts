import { describe, expect, it } from 'vitest';
import { countChanges, layerChanges } from './changes.ts';
import { layerFromEntries } from './layer.ts';
import { MergedView } from './merge.ts';
import { openOverlay } from './overlay.ts';
import { utf8 } from './testing/trees.ts';

const image = MergedView.of([
  layerFromEntries([
    { path: '/etc/hosts', type: 'file', data: '127.0.0.1\n' },
    { path: '/var/log/old.log', type: 'file', data: 'x' },
    { path: '/srv/a', type: 'file', data: 'a' },
  ]),
]);

describe('layerChanges', () => {
  it('reports A, C and D as docker diff does', () => {
    const fs = openOverlay(image);
    fs.writeFile('/etc/hosts', utf8('::1\n'), { append: true });
    fs.writeFile('/etc/new.conf', utf8('1'));
    fs.unlink('/var/log/old.log');
    fs.mkdir('/tmp');
    const changes = layerChanges(fs.commit(), image.root);
    expect(changes.map((c) => `${c.kind} ${c.path}`)).toEqual([
      'C /etc',
      'C /etc/hosts',
      'A /etc/new.conf',
      'A /tmp',
      'C /var',
      'C /var/log',
      'D /var/log/old.log',
    ]);
    expect(countChanges(changes)).toEqual({ added: 2, changed: 4, deleted: 1 });
  });

  it('reports a directory replaced in one step as deleted, then its new contents as added', () => {
    const fs = openOverlay(image);
    fs.rmdir('/srv', { recursive: true });
    fs.mkdir('/srv');
    fs.writeFile('/srv/b', utf8('b'));
    expect(layerChanges(fs.commit(), image.root).map((c) => `${c.kind} ${c.path}`)).toEqual([
      'D /srv',
      'A /srv/b',
    ]);
  });
});
