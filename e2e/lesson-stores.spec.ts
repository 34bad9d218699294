import { expect, HANG_MS, test } from './fixtures.ts';

test.use({ viewport: { width: 1366, height: 768 } });

test('the image stores lesson: build on containerd, switch Build options to overlay2, build again', async ({
  lab,
  page,
  pageErrors,
}, info) => {
  await lab.open();
  await lab.course.openLesson('Two image stores: containerd and overlay2');
  const onContainerd = lab.course.goal('is built on the containerd store');
  const onOverlay2 = lab.course.goal('is built on the overlay2 store too');
  await expect(onContainerd).toContainText('Not yet');

  await lab.buildBar.build(1);
  await expect(onContainerd).toContainText('Met', { timeout: HANG_MS });
  await lab.dock.run('docker images', /DISK USAGE\s+CONTENT SIZE/);
  await page.screenshot({ path: info.outputPath('stores-containerd.png') });

  await lab.buildBar.openOptions();
  const store = page.getByRole('combobox', { name: 'Image store' });
  await store.selectOption('overlay2');
  await lab.buildBar.options.click();
  await lab.dock.run('docker images', /REPOSITORY\s+TAG\s+IMAGE ID/);
  await lab.buildBar.build(2);
  await expect(onOverlay2).toContainText('Met', { timeout: HANG_MS });
  // The containerd store's image is hidden on overlay2, not gone: its goal stays met.
  await expect(onContainerd).toContainText('Met');
  await lab.dock.run('docker history sizes:1', /mkdir -p \/srv\/notes # buildkit\s+0B/);
  await lab.course.expectAllGoalsMet();
  await page.screenshot({ path: info.outputPath('stores-overlay2.png') });
  expect(pageErrors).toEqual([]);
});
