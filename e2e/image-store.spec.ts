import type { Page } from '@playwright/test';
import { expect, HANG_MS, test } from './fixtures.ts';

// The lab runs the containerd image store, Docker 29's default; Build options switch it to the
// classic overlay2 store. Each store keeps its own images (as Docker does), the setting is kept
// with the lab, and the Images panel says why the two stores give one build different IDs.
const DF = 'FROM debian:bookworm-slim\nRUN echo hi > /hi\n';

async function build(page: Page, number: number) {
  await page.getByTestId('build.run').click();
  await expect(page.getByTestId('build.run')).toHaveAttribute('data-build-number', `${number}`, {
    timeout: HANG_MS,
  });
  await expect(page.getByTestId('build.run')).not.toHaveAttribute('aria-busy', 'true', {
    timeout: HANG_MS,
  });
}

async function chooseStore(page: Page, label: string) {
  await page.getByTestId('build.options').click();
  await page.getByRole('combobox', { name: 'Image store' }).selectOption({ label });
  await page.keyboard.press('Escape');
}

const imageIds = (page: Page) =>
  page.getByRole('region', { name: 'Images' }).locator('code.image-id').allTextContents();

test('the containerd store by default; overlay2 keeps its own images and IDs', async ({
  lab,
  page,
}) => {
  await lab.open();
  await lab.replaceText(DF);
  await build(page, 1);
  await page.getByRole('tab', { name: 'Images' }).click();
  const panel = page.getByRole('region', { name: 'Images' });
  const note = panel.getByTestId('images.store');
  await expect(note).toContainText('containerd image store (Docker 29’s default)');
  await expect(panel.getByTestId('images.content').first()).toContainText('CONTENT SIZE');
  await note.getByText('Why do IDs and sizes differ between the stores?').click();
  await expect(note).toContainText('digest of the image’s manifest');
  const containerdIds = await imageIds(page);
  expect(containerdIds.length).toBeGreaterThan(0);

  await chooseStore(page, 'overlay2 (classic)');
  await expect(page.getByTestId('build.options')).toContainText('overlay2');
  await expect(panel).toContainText('No images yet.');
  await expect(note).toContainText('overlay2 image store');
  await build(page, 2);
  await expect(panel.getByTestId('images.content')).toHaveCount(0);
  const overlayIds = await imageIds(page);
  expect(overlayIds.length).toBeGreaterThan(0);
  // One build, two stores: the config digest is not the manifest (or index) digest.
  for (const id of overlayIds) expect(containerdIds).not.toContain(id);
  // The terminal runs the same daemon: the 28.5 table of the overlay2 store.
  await lab.terminal.focus();
  await page.keyboard.type('docker images');
  await page.keyboard.press('Enter');
  await expect(lab.screen).toContainText('REPOSITORY');

  // Back on containerd, its image is there again (Docker keeps each store's images apart).
  await chooseStore(page, 'containerd (Docker 29 default)');
  await expect(note).toContainText('containerd image store');
  await expect.poll(() => imageIds(page), { timeout: HANG_MS }).toEqual(containerdIds);

  // The setting is kept with the lab.
  await chooseStore(page, 'overlay2 (classic)');
  await page.reload();
  await expect(lab.editor).toBeVisible();
  await page.getByTestId('build.options').click();
  await expect(page.getByRole('combobox', { name: 'Image store' })).toHaveValue('overlay2');
});

// A layer's size on its card is what docker history gives in the store the lab runs (recorded
// on Docker 28.5: conformance/lessons/<store>/layer-sizes.txt): disk blocks on containerd, with
// a note giving the files' bytes, and the files' bytes on overlay2.
test('layer cards size each layer as docker history does in the active store', async ({
  lab,
  page,
}) => {
  await lab.open();
  await lab.replaceText(DF);
  await lab.buildToEnd(1);
  // `/hi` holds 3 bytes: the snapshot's root directory and the file take a 4 KiB block each.
  await expect(lab.layers.item('RUN echo hi')).toContainText('8.19 kB');
  await expect(lab.layers.item('RUN echo hi').getByTitle(/files hold 3 B\./)).toBeVisible();
  await expect(lab.layers.sizeNote).toContainText('4 KiB blocks');
  // The note gives the files' bytes: the size the overlay2 store's total then says.
  const files = /Its files hold (.+?);/.exec((await lab.layers.sizeNote.textContent()) ?? '')?.[1];
  expect(files).toBeDefined();

  await chooseStore(page, 'overlay2 (classic)');
  await lab.buildToEnd(2);
  await expect(lab.layers.item('RUN echo hi')).toContainText('3 B');
  await expect(lab.layers.item('RUN echo hi').getByTitle(/files hold/)).toHaveCount(0);
  await expect(lab.layers.total).toContainText(`: ${files} in `);
  await expect(lab.layers.sizeNote).toHaveCount(0);
});
