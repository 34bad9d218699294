import type { Page } from '@playwright/test';
import { expect, STEPS_DOCKERFILE, test } from './fixtures.ts';

// The lab is honest about what it shows: the last build, not the Dockerfile since edited; and
// after a build the view rests on the step that matters (the first rebuilt), not on CMD.
const DOCKERFILE = STEPS_DOCKERFILE;

const layers = (page: Page) => page.getByRole('region', { name: 'Image layers' });

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
]) {
  test(`after an edit the layer list says it shows the last build; a rebuild rests on the first rebuilt step (${viewport.width}x${viewport.height})`, async ({
    lab,
    page,
  }) => {
    await page.setViewportSize(viewport);
    await lab.open();
    await lab.replaceText(DOCKERFILE);
    await page.getByTestId('build.run').click();
    await expect(layers(page).getByTestId('layers.total')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('layers.stale')).toBeHidden();
    // Edit the file COPY app.py copies: the picture is now of the last build.
    await page.getByRole('tab', { name: 'app.py' }).click();
    await page.getByTestId('files.editor').fill('print("edited")\n');
    await expect(page.getByTestId('layers.stale')).toBeVisible();
    await expect(page.getByTestId('layers.stale')).toContainText('This is build 1');
    await expect(page.getByTestId('layers.stale')).toBeInViewport();
    await page.getByTestId('build.run').click();
    await expect(page.getByTestId('timeline.builds')).toHaveValue('1', { timeout: 60_000 });
    await expect(layers(page).getByTestId('layers.total')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('layers.stale')).toBeHidden();
    // The view rests on COPY app.py (the step that broke the cache), not on CMD.
    const resting = layers(page).locator('[aria-current="step"]');
    await expect(resting).toContainText('COPY app.py');
    await expect(resting).toBeInViewport();
    await expect(resting.getByRole('button').first()).toBeFocused();
    await page.getByRole('tab', { name: 'Build cache' }).click();
    await expect(page.getByRole('region', { name: 'Build cache' })).toContainText(
      'Cache miss: app.py changed (content)',
    );
  });
}
