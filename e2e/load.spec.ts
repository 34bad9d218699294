/**
 * Bring your own image: a real `docker save` (Docker 28.5, conformance/load/) dropped anywhere on
 * the page, or chosen with the Images panel's file picker, is loaded with `docker load -i` in
 * the terminal; the image runs, a Dockerfile builds FROM it, and its layers show in the panels;
 * a file that is no tar is refused in one sentence.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, HANG_MS, type LabPage, test } from './fixtures.ts';
import { dropFile } from './pages/inspectors.ts';

const FIXTURES = join(import.meta.dirname, '../conformance/load');

/** Opens the lab and loads the fixture `name` with the Images panel's picker. */
async function pickFixture(lab: LabPage, name: string, image: string) {
  await lab.open();
  await lab.images.open();
  await lab.images.pick(join(FIXTURES, name));
  await expect(lab.screen).toContainText(`Loaded image: ${image}`, { timeout: HANG_MS });
}

test.describe('docker load from the page', () => {
  test.describe('at 1366x768', () => {
    test.use({ viewport: { width: 1366, height: 768 } });

    test('a save dropped anywhere on the page is loaded, runs, and the Build button builds FROM it', async ({
      lab,
      page,
    }) => {
      await lab.open();
      // Dropped on the Dockerfile's panel: the whole page takes a tar, and says so while dragging.
      const overlay = page.getByTestId('page.drop-overlay');
      await dropFile(
        page.getByTestId('panel.editor'),
        'bb.containerd.tar',
        readFileSync(join(FIXTURES, 'bb.containerd.tar')),
        () => expect(overlay).toContainText('Drop a docker save tar to load it'),
      );
      await expect(overlay).toHaveCount(0);
      await expect(lab.screen).toContainText('docker load -i bb.containerd.tar', {
        timeout: HANG_MS,
      });
      await expect(lab.screen).toContainText('Loaded image: layerlab/bb:1', { timeout: HANG_MS });
      await lab.dock.run(
        'docker run --rm layerlab/bb:1 cat /etc/greeting',
        'Hello from a loaded image',
      );
      await lab.dock.leave();
      await lab.replaceText('FROM layerlab/bb:1\nRUN echo built > /built.txt\n');
      await expect(lab.editor).toContainText('FROM layerlab/bb:1');
      // A local image: the editor does not call it one the offline lab cannot fetch.
      await expect(page.getByTestId('panel.editor')).toContainText('No problems');
      await lab.buildBar.build(1);
      await lab.layers.base.getByRole('button').first().click();
      await lab.layers.base
        .getByRole('button', { name: 'Show all layers of layerlab/bb:1' })
        .click();
      const rows = lab.layers.region.getByTestId('layers.history');
      await expect(rows.filter({ hasText: 'COPY greeting /etc/greeting # buildkit' })).toHaveCount(
        1,
      );
      await lab.dock.run(
        'docker history --format "{{.CreatedBy}}" app:latest',
        'COPY greeting /etc/greeting # buildkit',
      );
      await lab.dock.run('docker run --rm app:latest cat /built.txt', 'built');
    });
  });

  test('a loaded image shows every layer: its history rows, each layer’s entries with the whiteouts, the union picture', async ({
    lab,
    page,
  }) => {
    await pickFixture(lab, 'tiny.overlay2.tar', 'layerlab/tiny:1');
    await lab.images
      .item('layerlab/tiny:1')
      .getByRole('button', { name: 'Show every layer of layerlab/tiny:1' })
      .click();
    // docker history's rows, newest first (recorded from Docker 28.5: conformance/load/).
    const rows = lab.layers.region.getByTestId('layers.history');
    await expect(rows).toHaveCount(7);
    await expect(rows.first()).toContainText('CMD ["cat" "/hello.txt"]');
    await expect(rows.first()).toContainText('cde86376dada'); // the containerd store's ID, as recorded
    await expect(rows.filter({ hasText: '<missing>' })).toHaveCount(6);
    await expect(rows.filter({ hasText: 'ENV GREETING=hello' })).toContainText('no layer');
    const run = rows.filter({ hasText: 'RUN /bb/bin/busybox sh -c' });
    await expect(run).toContainText('Layer 3');
    await run.getByRole('button').click();
    await lab.fs.open();
    await expect(lab.fs.layer).toHaveValue('2');
    await lab.fs.layerChanges.click();
    // The RUN layer's tar as Docker wrote it: whiteouts and the opaque marker, literally.
    await expect(lab.fs.changes).toContainText('data/.wh.old.txt');
    await expect(lab.fs.changes).toContainText('data/.wh.gone');
    await expect(lab.fs.changes).toContainText('data/cfg/.wh..wh..opq');
    await lab.fs.merged.click();
    await expect(lab.fs.entry(/new\.conf/)).toHaveCount(1, { timeout: HANG_MS });
    await page.getByRole('tab', { name: 'Union filesystem' }).click();
    const union = page.getByRole('region', { name: 'Union filesystem' });
    await expect(union.getByTestId('union.slab')).toHaveCount(4, { timeout: HANG_MS });
    await lab.layers.region.getByRole('button', { name: 'Close' }).click();
    await expect(rows).toHaveCount(0);
  });

  test('a save dropped on the Images panel is loaded; a file that is no tar is refused', async ({
    lab,
    page,
  }) => {
    await lab.open();
    await lab.images.open();
    const drop = (name: string) => lab.images.drop(name, readFileSync(join(FIXTURES, name)));
    await drop('tiny.overlay2.tar');
    await expect(lab.screen).toContainText('Loaded image: layerlab/tiny:1', { timeout: HANG_MS });
    await expect(lab.images.item('layerlab/tiny:1')).toHaveCount(1);
    await drop('bad-random.bin');
    await expect(page.getByRole('alert')).toContainText(
      'bad-random.bin is not a tar archive, so docker load cannot read it',
    );
    await expect(lab.images.item('layerlab/tiny:1')).toHaveCount(1);
  });

  test('docker save -o writes a file the learner downloads, and docker load -i reads it back', async ({
    lab,
    page,
  }) => {
    await pickFixture(lab, 'tiny.containerd.tar', 'layerlab/tiny:1');
    await lab.dock.run('docker save -o tiny.tar layerlab/tiny:1');
    // The terminal shrinks back when left, so it no longer covers the Images panel's lower part.
    await lab.dock.leave();
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

  test('a loaded image comes back after a reload, with the space it takes, until it is deleted', async ({
    lab,
    page,
  }) => {
    // The archives kept in the browser's IndexedDB (shelf.ts), as the next visit finds them.
    const keptInBrowser = () =>
      page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open('layerlab-images');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const count = open.result.transaction('loaded').objectStore('loaded').count();
              count.onerror = () => reject(count.error);
              count.onsuccess = () => {
                open.result.close();
                resolve(count.result);
              };
            };
          }),
      );
    await pickFixture(lab, 'tiny.overlay2.tar', 'layerlab/tiny:1');
    await expect(lab.images.kept).toContainText('tiny.overlay2.tar', { timeout: HANG_MS });
    await expect(lab.images.kept).toContainText('This archive takes 33.8 kB'); // 33,792 bytes
    expect(await keptInBrowser()).toBe(1);
    await page.reload();
    await lab.images.open();
    await expect(lab.images.item('layerlab/tiny:1')).toHaveCount(1, { timeout: HANG_MS });
    await expect(lab.images.kept).toContainText('tiny.overlay2.tar');
    await lab.dock.run('docker run --rm layerlab/tiny:1', 'hello');
    await lab.images.kept.getByRole('button', { name: 'Delete tiny.overlay2.tar' }).click();
    await expect(lab.images.kept).toHaveCount(0);
    await expect.poll(keptInBrowser).toBe(0);
    // Still loaded until the page is reloaded; after that, gone.
    await expect(lab.images.item('layerlab/tiny:1')).toHaveCount(1);
    await page.reload();
    await lab.dock.run('docker image inspect layerlab/tiny:1', 'No such image: layerlab/tiny:1');
  });
});
