import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';

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
    await expect(page.getByTestId('layers.total')).toBeVisible({ timeout: 20_000 });
    await page.getByRole('textbox', { name: 'Terminal: type docker commands' }).focus();
    await page.keyboard.type('docker run -d -it --name web app sh');
    await page.keyboard.press('Enter');
    for (const tab of ['Filesystem', 'Build cache', 'Container', 'Images']) {
      await page.getByRole('tab', { name: tab }).click();
      await expect(page.getByRole('region', { name: tab })).toBeVisible();
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
