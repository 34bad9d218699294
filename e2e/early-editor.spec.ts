/**
 * The Dockerfile takes input before the app has loaded: the page's HTML carries the editor's
 * frame, the entry script puts the saved Dockerfile in it, editable, and the editor carries on
 * with what was typed, caret included. The app's own chunk is held back here until the test
 * lets it go, so the early text area is what the learner types into.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const EARLY = /^Editor, still loading/;

/** Holds the page's app chunk (fullPage-*.js) until the returned function is called. */
async function holdApp(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/fullPage-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test('what is typed before the app loads is kept, and typing carries on in the editor', async ({
  page,
  lab,
}) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem(
        'layerlab:v1:lab',
        JSON.stringify({ state: { dockerfile: 'FROM alpine:3.20\nRUN echo hi\n' }, version: 1 }),
      );
    }
  });
  const release = await holdApp(page);
  await page.goto('/');
  const early = page.getByRole('textbox', { name: EARLY });
  await expect(early).toHaveValue('FROM alpine:3.20\nRUN echo hi\n');
  // The app has not rendered: no Build button yet, and the early text area takes keys.
  await expect(page.getByRole('button', { name: 'Build' })).toHaveCount(0);
  await early.press('Control+Home');
  await page.keyboard.type('# typed early\n');
  release();
  await expect(lab.editor).toBeVisible();
  await expect(early).toHaveCount(0);
  // The caret came along: the next keys land after the first ones.
  await page.keyboard.type('# and after\n');
  await expect(lab.editor).toContainText('# typed early# and afterFROM alpine:3.20RUN echo hi');
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          (
            JSON.parse(localStorage.getItem('layerlab:v1:lab') ?? '{}') as {
              state?: { dockerfile?: string };
            }
          ).state?.dockerfile,
      ),
    )
    .toBe('# typed early\n# and after\nFROM alpine:3.20\nRUN echo hi\n');
});

test('a lesson link opens no early text area: the saved Dockerfile is not what it opens', async ({
  page,
  lab,
}) => {
  const release = await holdApp(page);
  await page.goto('/?lesson=build-cache');
  // The page has painted its header; the editor's frame stays hidden (the lesson's layout
  // puts the lesson first), and nothing shows the saved Dockerfile.
  await expect(page.getByRole('heading', { name: 'Layerlab' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Dockerfile' })).toBeHidden();
  await expect(page.getByRole('textbox', { name: EARLY })).toHaveCount(0);
  release();
  await expect(lab.editor).toBeVisible();
});
