/**
 * Bring your own image: a real `docker save` (Docker 28.5, conformance/load/) chosen with the
 * Images panel's file picker, or dropped on it, is loaded with `docker load -i` in the
 * terminal; the image runs and a Dockerfile builds FROM it; a file that is no save is refused
 * in docker's words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, HANG_MS, test } from './fixtures.ts';

const FIXTURES = join(import.meta.dirname, '../conformance/load');

test.describe('docker load from the page', () => {
  test('a save picked from disk is loaded, runs, and a build goes FROM it', async ({ lab }) => {
    await lab.open();
    await lab.images.open();
    await lab.images.pick(join(FIXTURES, 'bb.containerd.tar'));
    await expect(lab.screen).toContainText('docker load -i bb.containerd.tar', {
      timeout: HANG_MS,
    });
    await expect(lab.screen).toContainText('Loaded image: layerlab/bb:1', { timeout: HANG_MS });
    await expect(lab.images.item('layerlab/bb:1')).toHaveCount(1);
    await lab.dock.run(
      'docker run --rm layerlab/bb:1 cat /etc/greeting',
      'Hello from a loaded image',
    );
    await lab.dock.leave();
    await lab.replaceText('FROM layerlab/bb:1\nRUN echo built > /built.txt\n');
    await expect(lab.editor).toContainText('FROM layerlab/bb:1');
    await lab.buildBar.build(1);
    await lab.dock.run(
      'docker history --format "{{.CreatedBy}}" $(docker images -q | head -1)',
      'COPY greeting /etc/greeting # buildkit',
    );
  });

  test('a save dropped on the Images panel is loaded; a file that is no tar is refused', async ({
    lab,
  }) => {
    await lab.open();
    await lab.images.open();
    const drop = (name: string) => lab.images.drop(name, readFileSync(join(FIXTURES, name)));
    await drop('tiny.overlay2.tar');
    await expect(lab.screen).toContainText('Loaded image: layerlab/tiny:1', { timeout: HANG_MS });
    await expect(lab.images.item('layerlab/tiny:1')).toHaveCount(1);
    await drop('bad-random.bin');
    await expect(lab.screen).toContainText('archive/tar: invalid tar header', { timeout: HANG_MS });
    await expect(lab.images.item('layerlab/tiny:1')).toHaveCount(1);
  });

  test('docker save -o writes a file the learner downloads, and docker load -i reads it back', async ({
    lab,
    page,
  }) => {
    await lab.open();
    await lab.images.open();
    await lab.images.pick(join(FIXTURES, 'tiny.containerd.tar'));
    await expect(lab.screen).toContainText('Loaded image: layerlab/tiny:1', { timeout: HANG_MS });
    await lab.dock.run('docker save -o tiny.tar layerlab/tiny:1');
    const written = lab.images.region.getByRole('region', {
      name: 'Files written in the terminal',
    });
    await expect(written).toContainText('tiny.tar', { timeout: HANG_MS });
    const download = page.waitForEvent('download');
    await written.getByRole('button', { name: 'Download tiny.tar' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('tiny.tar');
    // What Docker 28.5's containerd store wrote for this image, byte for byte.
    expect(readFileSync(await file.path())).toEqual(
      readFileSync(join(FIXTURES, 'tiny.containerd.tar')),
    );
    await lab.dock.run('docker rmi layerlab/tiny:1', 'Untagged: layerlab/tiny:1');
    await expect(lab.images.item('layerlab/tiny:1')).toHaveCount(0);
    await lab.dock.run('docker load -i tiny.tar', 'Loaded image: layerlab/tiny:1');
    await expect(lab.images.item('layerlab/tiny:1')).toHaveCount(1);
  });
});
