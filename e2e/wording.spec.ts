import type { Locator, Page } from '@playwright/test';
import { expect, STEPS_DOCKERFILE, test, type LabPage } from './fixtures.ts';

// The words and numbers a student reads must match the picture: base at the bottom, one
// number per step everywhere (layer list, timeline, cache panel, filesystem).
const DOCKERFILE = STEPS_DOCKERFILE;

const layers = (page: Page) => page.getByRole('region', { name: 'Image layers' });
const card = (page: Page, text: string) =>
  layers(page).getByTestId('layers.item').filter({ hasText: text });

async function build(lab: LabPage, n: number) {
  await lab.page.getByTestId('build.run').click();
  await expect(lab.page.getByTestId('timeline.builds')).toHaveValue(String(n - 1), {
    timeout: 60_000,
  });
  await expect(layers(lab.page).getByTestId('layers.total')).toBeVisible({ timeout: 60_000 });
}

/** Chooses the option of a <select> whose text contains `text`. */
async function choose(select: Locator, text: string) {
  const value = await select.locator('option', { hasText: text }).getAttribute('value');
  await select.selectOption(value!);
}

/** Words of the element's text that the browser broke across two lines. */
const brokenWords = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const broken: string[] = [];
    for (const el of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? '';
        for (const m of text.matchAll(/\S+/g)) {
          const r = document.createRange();
          r.setStart(n, m.index);
          r.setEnd(n, m.index + m[0].length);
          const tops = new Set([...r.getClientRects()].map((x) => Math.round(x.top)));
          if (tops.size > 1) broken.push(m[0]);
        }
      }
    }
    return broken;
  }, selector);

test.use({ viewport: { width: 1280, height: 720 } });

test('the cascade is said the way the stack shows it, and headers never break a word', async ({
  lab,
  page,
}) => {
  await lab.open();
  await lab.replaceText(DOCKERFILE);
  await build(lab, 1);
  await page.getByRole('tab', { name: 'app.py' }).click();
  await page.getByTestId('files.editor').fill('print("two")\n');
  await build(lab, 2);
  // RUN echo ran is above COPY app.py in the stack: the step under it was rebuilt.
  await expect(card(page, 'echo ran')).toContainText(
    'rebuilt because the step under it was rebuilt',
  );
  await card(page, 'echo ran').getByRole('button').first().click();
  await page.getByRole('tab', { name: 'Build cache' }).click();
  const cache = page.getByRole('region', { name: 'Build cache' });
  await expect(cache).toContainText('every later step (the ones above it in the stack)');
  await expect(
    cache.getByRole('rowheader', { name: /Parent \(the step under it\)/ }),
  ).toBeVisible();
  expect(await brokenWords(page, '[data-testid="cache.step"] th')).toEqual([]);
});

test('one number per step: the card, the timeline, the cache panel and the filesystem agree', async ({
  lab,
  page,
}) => {
  await lab.open();
  await lab.replaceText(DOCKERFILE);
  // Before the build: the list numbers the steps (COPY app.py is step 5, on line 6).
  await expect(layers(page).getByRole('button', { name: /^Step 5 COPY app\.py/ })).toBeVisible();
  await build(lab, 1);
  const copy = card(page, 'COPY app.py');
  await expect(copy.getByTestId('layers.step')).toHaveText('Step 5');
  await expect(copy.getByRole('button', { name: 'line 6' })).toBeVisible();
  await copy.getByRole('button').first().click();
  await page.getByRole('tab', { name: 'Build cache' }).click();
  await expect(page.getByRole('region', { name: 'Build cache' })).toContainText('Step 5 of 7');
  await page.getByRole('tab', { name: 'Filesystem', exact: true }).click();
  const fs = page.getByRole('region', { name: 'Filesystem', exact: true });
  await expect(fs.getByRole('combobox', { name: 'Layer' })).toContainText('Step 5 · COPY app.py');
  // The file it added carries the same number.
  await choose(fs.getByRole('combobox', { name: 'Layer' }), 'Step 6 ·');
  await fs.getByRole('searchbox', { name: 'Filter paths' }).fill('app.py');
  await expect(fs.getByRole('treeitem', { name: /app\.py/ })).toContainText('step 5');
  await expect(fs.getByRole('treeitem', { name: /app\.py/ })).not.toContainText(/\bL\d/);
  // The timeline says the same number when it plays that step.
  await page.getByRole('button', { name: 'Rewind' }).click();
  for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('timeline.where')).toHaveText('Step 5 of 7');
});

test('a RUN layer with many files says "this layer", not "this base layer"', async ({
  lab,
  page,
}) => {
  await lab.open();
  await lab.replaceText(
    'FROM debian:bookworm-slim\nRUN mkdir /d && cd /d && touch $(seq 1 2100)\n',
  );
  await build(lab, 1);
  const fs = page.getByRole('region', { name: 'Filesystem', exact: true });
  await choose(fs.getByRole('combobox', { name: 'Layer' }), 'Step 2 ·');
  await fs.getByRole('radio', { name: 'This layer’s changes' }).click();
  await expect(fs).toContainText('more entries of this layer are not listed here');
  await expect(fs).not.toContainText('base layer');
});
