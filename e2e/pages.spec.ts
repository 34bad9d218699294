import { expect, test } from './fixtures.ts';

// The page objects (e2e/pages/) name each panel's parts by role and label: this checks that each
// name finds exactly one thing on a lab that has built, so a renamed label fails here, plainly,
// before it fails a spec that merely uses it.
test('every panel’s page object finds the parts it names', async ({ lab, page }) => {
  await lab.open();
  await lab.replaceText('FROM debian:bookworm-slim\nWORKDIR /app\nCOPY app.py .\nCMD ["sh"]\n');
  await expect(lab.dockerfile.panel).toBeVisible();
  await expect(lab.dockerfile.panel).toContainText('No problems');
  await expect(lab.files.tab('app.py')).toHaveCount(1);
  const appPy = await lab.files.open('app.py');
  await expect(appPy).toHaveAttribute('data-testid', 'files.editor');

  await lab.buildBar.openOptions();
  for (const field of [lab.buildBar.tag, lab.buildBar.buildArgs, lab.buildBar.noCache])
    await expect(field).toBeVisible();
  await expect(lab.buildBar.builder).toHaveValue('buildkit');
  await page.keyboard.press('Escape');

  await lab.buildToEnd(1);
  await expect(lab.buildBar.button).toHaveAttribute('data-build-number', '1');
  // Right after a build, the playback may rest on its last layer (step 3) or, if End moved it
  // while it played, stand on step 4: move it from the start to the end so it is step 4 either way.
  await lab.playback.scrubber.press('Home');
  await lab.playback.scrubber.press('End');
  await expect(lab.playback.where).toHaveText('Step 4 of 4');
  for (const control of [lab.playback.rewind, lab.playback.back, lab.playback.replay])
    await expect(control).toHaveCount(1);
  await expect(lab.layers.items).toHaveCount(3);
  await expect(lab.layers.base).toContainText('debian:bookworm-slim');
  expect(await lab.layers.phaseOf('COPY app.py')).toBe('built');
  await lab.layers.select('COPY app.py');
  await expect(lab.layers.current).toContainText('COPY app.py');

  await lab.fs.open();
  await expect(lab.fs.region).toBeVisible();
  await lab.fs.layerChanges.click();
  await expect(lab.fs.changes).toContainText('app.py');
  await lab.fs.merged.click();
  await expect(lab.fs.layer).toHaveCount(1);
  await expect(lab.fs.tree).toHaveCount(1);
  await lab.cache.open();
  await expect(lab.cache.region).toContainText('COPY app.py');
  await lab.images.open();
  await expect(lab.images.items.first()).toBeVisible();
  await lab.playback.rewind.click();
  await lab.playback.step.click();
  await expect(lab.playback.where).toHaveText('Step 1 of 4');

  await lab.dock.run('docker run --name box app sh -c "echo hi > /hi"');
  await lab.dock.run('docker diff box', 'A /hi');
  await lab.container.open();
  await expect(lab.container.diff).toContainText('/hi');
  expect((await lab.dock.size()).cols).toBeGreaterThan(0);
  await expect(lab.dock.handle).toHaveCount(1);
  await expect(lab.dock.maximise).toHaveCount(1);

  await lab.course.button.click();
  await expect(lab.course.entry('1. Images and containers')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(lab.course.dialog).toBeHidden();

  expect(await lab.presenter.isOn()).toBe(false);
  await lab.presenter.toggle.click();
  await expect(lab.presenter.spotlight).toBeFocused();
  expect(await lab.presenter.isOn()).toBe(true);
  await expect(lab.presenter.editorToggle).toHaveCount(1);
});
