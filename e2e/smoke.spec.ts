import { expect, test } from '@playwright/test';

test('the page loads and names itself', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page).toHaveTitle('Layerlab');
  await expect(page.getByRole('heading', { name: 'Layerlab', level: 1 })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Dockerfile' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Image layers' })).toBeVisible();
  expect(errors).toEqual([]);
});
