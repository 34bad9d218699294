import { expect, HANG_MS, test } from './fixtures.ts';

// A teacher projects at 1280x720 and steps through the starter's build: the banner stays one
// line, nothing jumps, the base layer stays in sight, the editor marks the current step.
test.use({ viewport: { width: 1280, height: 720 } });

test('presenter mode at 1280x720: a steady banner, the whole stack, the step marked in the editor', async ({
  page,
  lab,
}) => {
  await page.goto('/?present=1');
  await lab.buildBar.build();
  // Played to the end, the view rests on the last step that made a layer: COPY . ., step 5.
  await expect(lab.playback.replay).toBeVisible({ timeout: HANG_MS });
  await expect(lab.playback.where).toHaveText('Step 5 of 7');
  await expect(lab.presenter.spotlight).toContainText('Step 5 of 7');
  await lab.playback.rewind.click();
  const spotlight = lab.presenter.spotlight;
  const layers = lab.layers.region;
  await spotlight.focus();
  const heights = new Set<number>();
  const tops = new Set<number>();
  for (let step = 1; step <= 7; step++) {
    await page.keyboard.press('ArrowRight');
    await expect(spotlight).toContainText(`Step ${step} of 7`);
    heights.add(Math.round((await spotlight.boundingBox())!.height));
    tops.add(Math.round((await layers.boundingBox())!.y));
    // The base of the stack is never cut off.
    await expect(lab.layers.base).toBeInViewport({ ratio: 1 });
  }
  // The long RUN did not grow the banner: the panels stayed where they were.
  expect([...heights]).toHaveLength(1);
  expect([...tops]).toHaveLength(1);
  // With the editor shown, the step on screen is marked in the Dockerfile, all its lines.
  await lab.presenter.editorToggle.click();
  await spotlight.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  await expect(spotlight).toContainText('Step 4 of 7');
  const marked = lab.dockerfile.stepLines;
  await expect(marked).toHaveCount(3);
  await expect(marked.first()).toContainText('RUN apt-get update');
  await expect(marked.first()).toBeInViewport();
  await page.keyboard.press('ArrowLeft');
  await expect(marked).toHaveCount(1);
  await expect(marked).toContainText('COPY requirements.txt .');
});
