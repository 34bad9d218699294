import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, HANG_MS, test } from './fixtures.ts';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no accessibility violations (${colorScheme}), with a problem showing`, async ({
    lab,
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await lab.open();
    await lab.editor.click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('RUNN echo hi');
    await expect(lab.problems).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const summary = results.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
    expect(summary).toEqual([]);
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no serious accessibility violations (${colorScheme}) in every panel after a build`, async ({
    lab,
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await lab.open();
    await lab.replaceText(
      'FROM debian:bookworm-slim\nRUN echo a > /a && echo b > /b\nRUN rm /b\nCMD ["cat", "/a"]',
    );
    await page.getByTestId('build.run').click();
    const scrubber = page.getByRole('slider', { name: 'Build progress' });
    await scrubber.focus();
    await page.keyboard.press('End');
    await expect(page.getByTestId('layers.total')).toBeVisible({ timeout: HANG_MS });
    await page.getByRole('textbox', { name: 'Terminal: type docker commands' }).focus();
    await page.keyboard.type('docker run -d -it --name web app sh');
    await page.keyboard.press('Enter');
    for (const tab of ['Filesystem', 'Union filesystem', 'Build cache', 'Container', 'Images']) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await expect(page.getByRole('region', { name: tab, exact: true })).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${tab}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
        );
      expect(serious).toEqual([]);
    }
  });
}

/** Serious or critical axe violations on the page as it is now. */
async function seriousViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${where}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
}

test('no serious accessibility violations in a lesson, the course map and presenter mode', async ({
  lab,
  page,
}) => {
  await lab.open('/?lesson=build-cache&step=2');
  await expect(page.getByRole('list', { name: 'Goals' })).toBeVisible({ timeout: HANG_MS });
  expect(await seriousViolations(page, 'lesson')).toEqual([]);

  await page.getByRole('button', { name: 'Course', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Course' })).toBeVisible();
  expect(await seriousViolations(page, 'course map')).toEqual([]);
  await page.keyboard.press('Escape');

  await page.goto('/?present=1');
  await page.getByRole('button', { name: 'Build', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Replay' })).toBeVisible({ timeout: HANG_MS });
  expect(await seriousViolations(page, 'presenter mode')).toEqual([]);
});

test('no serious accessibility violations in an embed', async ({ page }) => {
  await page.goto('/embed.html?panels=layers,fs,cache');
  await expect(page.getByTestId('timeline.where')).toBeVisible({ timeout: HANG_MS });
  expect(await seriousViolations(page, 'embed')).toEqual([]);
});
