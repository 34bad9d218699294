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
