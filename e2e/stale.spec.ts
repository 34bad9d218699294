import { expect, HANG_MS, STEPS_DOCKERFILE, test } from './fixtures.ts';

// The lab is honest about what it shows: the last build, not the Dockerfile since edited; and
// after a build the view rests on the step that matters (the first rebuilt), not on CMD.
const DOCKERFILE = STEPS_DOCKERFILE;

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
    await lab.buildBar.build();
    await expect(lab.layers.total).toBeVisible({ timeout: HANG_MS });
    await expect(lab.layers.stale).toBeHidden();
    // Edit the file COPY app.py copies: the picture is now of the last build.
    await lab.files.write('app.py', 'print("edited")\n');
    await expect(lab.layers.stale).toBeVisible();
    await expect(lab.layers.stale).toContainText('This is build 1');
    await expect(lab.layers.stale).toBeInViewport();
    await lab.buildBar.build();
    await lab.playback.showsBuild(2);
    await expect(lab.layers.total).toBeVisible({ timeout: HANG_MS });
    await expect(lab.layers.stale).toBeHidden();
    // The view rests on COPY app.py (the step that broke the cache), not on CMD.
    const resting = lab.layers.current;
    await expect(resting).toContainText('COPY app.py');
    await expect(resting).toBeInViewport();
    await expect(resting.getByRole('button').first()).toBeFocused();
    await lab.cache.open();
    await expect(lab.cache.region).toContainText('Cache miss: app.py changed (content)');
  });
}
