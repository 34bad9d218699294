import { expect, HANG_MS, test } from './fixtures.ts';

const DF = 'FROM debian:bookworm-slim\nWORKDIR /app\nRUN echo hi > /app/hi\n';

test.describe('presenter mode', () => {
  for (const size of [
    { width: 1920, height: 1080 },
    { width: 1280, height: 720 },
  ]) {
    test(`large type, layers and the union filesystem on screen, keys step (${size.width}x${size.height})`, async ({
      page,
      lab,
      pageErrors,
    }) => {
      await page.setViewportSize(size);
      await page.goto('/?present=1');
      await expect(page.getByTestId('present.spotlight')).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('data-present', 'on');
      const rootSize = await page.evaluate(() =>
        parseFloat(getComputedStyle(document.documentElement).fontSize),
      );
      expect(rootSize).toBeGreaterThanOrEqual(18);
      // The editor is hidden until asked for; the layers and the union picture fill the screen.
      await expect(page.getByTestId('panel.editor')).toBeHidden();
      await page.getByTestId('present.editor').click();
      await expect(page.getByTestId('panel.editor')).toBeVisible();
      await lab.replaceText(DF);
      await page.getByTestId('present.editor').click();
      await expect(page.getByTestId('panel.editor')).toBeHidden();

      await page.getByRole('button', { name: 'Build', exact: true }).click();
      const where = page.getByTestId('timeline.where');
      await expect(where).toHaveText(/Step 3 of 3/, { timeout: HANG_MS });
      const spotlight = page.getByTestId('present.spotlight');
      await page.getByRole('button', { name: 'Rewind' }).click();
      await spotlight.focus();
      await page.keyboard.press('PageDown');
      await expect(spotlight).toContainText('Step 1 of 3');
      await page.keyboard.press('ArrowRight');
      await expect(spotlight).toContainText('WORKDIR /app');
      await page.keyboard.press('PageUp');
      await expect(spotlight).toContainText('FROM debian:bookworm-slim');

      // The union filesystem is the main view while presenting.
      await expect(page.getByRole('tab', { name: 'Union filesystem' })).toHaveAttribute(
        'aria-selected',
        'true',
      );
      for (const id of ['panel.layers', 'panel.union', 'present.spotlight']) {
        const box = await page.getByTestId(id).boundingBox();
        expect(box, id).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(size.width + 1);
        expect(box!.y + Math.min(box!.height, 100)).toBeLessThanOrEqual(size.height);
      }
      // Nothing scrolls sideways.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      expect(pageErrors).toEqual([]);
    });
  }

  test('the header toggle turns it on and off', async ({ page, lab }) => {
    await lab.open('/');
    await expect(page.locator('html')).not.toHaveAttribute('data-present', 'on');
    await page.getByTestId('present.toggle').click();
    await expect(page.locator('html')).toHaveAttribute('data-present', 'on');
    await expect(page.getByTestId('present.spotlight')).toBeFocused();
    await page.getByTestId('present.toggle').click();
    await expect(page.getByTestId('present.spotlight')).toHaveCount(0);
  });

  test('the speaker view follows the presenting window and can step it', async ({
    context,
    page,
    lab,
  }) => {
    await page.goto('/?present=1');
    await page.getByTestId('present.editor').click();
    await expect(lab.editor).toBeVisible();
    await lab.replaceText(DF);
    await page.getByRole('button', { name: 'Build', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Replay' })).toBeVisible({ timeout: HANG_MS });
    const speaker = await context.newPage();
    await speaker.goto('/?present=speaker');
    await expect(speaker.getByTestId('speaker.where')).toHaveText('Step 3 of 3');
    // From the end of the build, Back goes to the step before (as the timeline's Back does).
    await speaker.getByRole('button', { name: 'Back' }).click();
    await expect(page.getByTestId('timeline.where')).toHaveText('Step 2 of 3');
    await expect(speaker.getByTestId('speaker.where')).toHaveText('Step 2 of 3');
    await expect(speaker.getByText('RUN echo hi > /app/hi').first()).toBeVisible();
  });
});

test('after a lesson starts, the banner, the playback and the speaker view name the same step', async ({
  context,
  page,
}) => {
  await page.goto('/?lesson=deleting-does-not-shrink');
  await expect(page.getByTestId('layers.total')).toBeVisible({ timeout: HANG_MS });
  await page.getByTestId('present.toggle').click();
  const spotlight = page.getByTestId('present.spotlight');
  const where = page.getByTestId('timeline.where');
  // The view rests on the rm, the last step that made a layer, not on the trailing CMD.
  await expect(spotlight).toContainText('Step 3 of 4');
  await expect(where).toHaveText('Step 3 of 4');
  const speaker = await context.newPage();
  await speaker.goto('/?present=speaker');
  await expect(speaker.getByTestId('speaker.where')).toHaveText('Step 3 of 4');
  // Back goes to the step before the one on screen, everywhere.
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(spotlight).toContainText('Step 2 of 4');
  await expect(where).toHaveText('Step 2 of 4');
  await expect(speaker.getByTestId('speaker.where')).toHaveText('Step 2 of 4');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(where).toHaveText('Step 3 of 4');
  await expect(spotlight).toContainText('Step 3 of 4');
});

test.describe('share links and lab files', () => {
  test('Copy link makes a link that restores the lab at its step', async ({
    context,
    page,
    lab,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await lab.open('/');
    await lab.replaceText(DF);
    await page.getByRole('button', { name: 'Build', exact: true }).click();
    // Played to the end; one Back goes to step 2.
    await expect(page.getByRole('button', { name: 'Replay' })).toBeVisible({ timeout: HANG_MS });
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(page.getByTestId('timeline.where')).toHaveText('Step 2 of 3');
    await page.getByTestId('share.button').click();
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByTestId('share.outcome')).toContainText('Link copied');
    const link = await page.getByTestId('share.link').inputValue();
    expect(link).toMatch(/#lab=v1\./);
    expect(link.length).toBeLessThan(8192);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    // A fresh visitor (own saved lab elsewhere) opens it: the same Dockerfile, at step 2.
    const other = await context.newPage();
    await other.goto(link);
    await expect(other.getByTestId('timeline.where')).toHaveText('Step 2 of 3', {
      timeout: HANG_MS,
    });
    await expect(other.getByRole('textbox', { name: 'Dockerfile' })).toContainText('RUN echo hi');
    // The link is read once: the address no longer carries it.
    expect(new URL(other.url()).hash).toBe('');
  });

  test('a damaged link says why and the saved lab still works', async ({ page, lab }) => {
    await lab.open('/#lab=v1.this-is-not-a-lab');
    await expect(page.getByTestId('share.notice')).toContainText(
      'The shared link could not be opened: This link is damaged',
    );
    await expect(lab.editor).toContainText('FROM');
    await page.getByTestId('share.notice').getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByTestId('share.notice')).toHaveCount(0);
  });

  test('export a lab as a file and import it again', async ({ page, lab }, testInfo) => {
    await lab.open('/');
    await lab.replaceText(DF);
    const args = page.getByRole('textbox', { name: /build arg/i });
    // The build arguments are under the Build options button.
    await page.getByTestId('build.options').click();
    await args.fill('VERSION=1');
    await page.getByTestId('share.button').click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export lab' }).click();
    const file = testInfo.outputPath('lab.json');
    await (await download).saveAs(file);

    await lab.replaceText('FROM debian:bookworm-slim\n');
    await page.getByTestId('build.options').click();
    await args.fill('VERSION=2 OTHER=x');
    await page.getByLabel('Import lab').setInputFiles(file);
    await expect(page.getByTestId('share.outcome')).toContainText('Opened the lab from');
    await expect(lab.editor).toContainText('RUN echo hi > /app/hi');
    await expect(args).toHaveValue('VERSION=1');

    await page.getByLabel('Import lab').setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello": "world"}'),
    });
    await expect(page.getByTestId('share.outcome')).toHaveText('This file is not a Layerlab lab.');
  });
});
