import { expect, HANG_MS, test } from './fixtures.ts';

// Classrooms have bad Wi-Fi: after a first visit, the app and its catalog come from the
// service worker's cache.
test('after a first visit the lab opens and builds without a network', async ({
  context,
  page,
  lab,
}) => {
  await lab.open('/');
  // The worker precaches the app and the catalog on install; ready means it is active.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
      timeout: HANG_MS,
    })
    .toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(lab.editor).toBeVisible();
  await lab.replaceText('FROM debian:bookworm-slim\nRUN echo offline > /note\n');
  await lab.buildBar.build();
  await lab.playback.toEnd();
  await expect(lab.layers.total).toBeVisible({ timeout: HANG_MS });
  await expect(lab.layers.items.first()).toContainText('RUN');
  await context.setOffline(false);
});
