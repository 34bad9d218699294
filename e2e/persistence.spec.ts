import { expect, test } from './fixtures.ts';

test('the Dockerfile survives a reload, even right after typing', async ({ lab, page }) => {
  await lab.open();
  await lab.editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('# keep me');
  // No wait for the save delay: leaving the page saves what is pending.
  await page.reload();
  await expect(lab.editor).toContainText('# keep me');
  await expect(lab.editor).toContainText('FROM debian:bookworm-slim');
});

test('a full storage shows a warning and the lab keeps working', async ({ lab, page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  await lab.open();
  await lab.editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\nUSER app');
  await expect(page.getByTestId('app.save-warning')).toContainText('storage is full');
  await expect(lab.instructions.getByRole('button', { name: /USER app/ })).toBeVisible();
});
