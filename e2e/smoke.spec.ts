import { expect, test } from './fixtures.ts';

test('the page loads and names itself', async ({ page, lab, pageErrors }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Layerlab');
  await expect(page.getByRole('heading', { name: 'Layerlab', level: 1 })).toBeVisible();
  await expect(lab.editor).toBeVisible();
  await expect(lab.layers.region).toBeVisible();
  expect(pageErrors).toEqual([]);
});
