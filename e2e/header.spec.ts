import type { Page } from '@playwright/test';
import { expect, HANG_MS, test, type LabPage } from './fixtures.ts';

// The header fits a laptop in one row, whatever the student does; a tagline says what the lab
// is, and a first visit gets a hint where the layers will appear.
const header = (page: Page) => page.getByRole('banner');

async function oneRow(lab: LabPage) {
  const page = lab.page;
  const boxes = await Promise.all(
    [
      page.getByRole('heading', { name: 'Layerlab' }),
      lab.course.button,
      lab.buildBar.button,
      lab.buildBar.options,
      page.getByRole('button', { name: 'Share' }),
      page.getByRole('button', { name: 'Present' }),
    ].map((l) => l.boundingBox()),
  );
  const rows = new Set(boxes.map((b) => Math.round((b!.y + b!.height) / 20)));
  expect(rows.size, 'all header controls on one row').toBe(1);
  const h = (await header(page).boundingBox())!.height;
  expect(h).toBeLessThan(70);
  return h;
}

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
]) {
  test.describe(`at ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test('the header is one row, and a loaded starter’s note neither grows it nor stays', async ({
      lab,
      page,
    }) => {
      await lab.open();
      const before = await oneRow(lab);
      await expect(page.getByText('A Docker image lab:')).toBeVisible();
      await page.getByRole('combobox', { name: 'Starter project' }).selectOption('Node app');
      const note = page.getByRole('status').filter({ hasText: 'Loaded the Node app starter.' });
      await expect(note).toBeVisible();
      expect(await oneRow(lab)).toBe(before);
      // The next edit is the student's own work: the note has said what it had to.
      await lab.editor.click();
      await page.keyboard.press('End');
      await page.keyboard.type(' ');
      await expect(note).toBeHidden();
      // The build options open under their button, and still leave the header one row.
      await lab.buildBar.openOptions();
      await lab.buildBar.noCache.check();
      await expect(lab.buildBar.options).toContainText('--no-cache -t app:latest');
      await page.keyboard.press('Escape');
      await expect(lab.buildBar.tag).toBeHidden();
      expect(await oneRow(lab)).toBe(before);
    });
  });
}

test('a first visit gets a hint where the layers will appear; after a build, it is gone', async ({
  lab,
  page,
}) => {
  await lab.open();
  const hint = lab.layers.welcome;
  await expect(hint).toContainText('New here?');
  await expect(hint.getByRole('button', { name: 'Open the Course' })).toBeVisible();
  await lab.replaceText('FROM debian:bookworm-slim\nRUN echo hi\n');
  await lab.buildBar.build(1);
  await page.reload();
  await expect(lab.editor).toBeVisible();
  await expect(lab.layers.region).toContainText('Not built yet', { timeout: HANG_MS });
  await expect(hint).toBeHidden();
});
