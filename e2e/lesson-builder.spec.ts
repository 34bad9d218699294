import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, HANG_MS, test } from './fixtures.ts';
import type { LabPage } from './fixtures.ts';

const TEXT = 'Build the starter and look at its layers.\n\n## Build it\n\nPress **Build** once.\n';

/** Opens the builder from the course dialog, captures the start, builds, captures the goal. */
async function captureStartAndGoal(lab: LabPage, page: Page) {
  await lab.course.button.click();
  await lab.course.dialog.getByRole('button', { name: 'Write a lesson' }).click();
  await expect(lab.course.dialog).toBeHidden();
  const builder = page.getByRole('region', { name: 'Lesson builder' });
  await builder.getByRole('button', { name: 'Capture start from the lab' }).click();
  await expect(builder.getByTestId('builder.start')).toContainText('image store');
  await lab.buildBar.build(1);
  await builder.getByRole('button', { name: 'Capture goal from the lab' }).click();
  const goals = builder.getByRole('group', { name: /Goals: states of the lab/ });
  await expect(goals.getByRole('checkbox').first()).toBeVisible({ timeout: HANG_MS });
  await expect(builder.getByLabel('Solution commands (one a line)')).toHaveValue(
    /docker build -t app:latest \./,
  );
  return { builder, goals };
}

test.describe('lesson builder at 1366x768', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('capture, goals picked from states, text with a live preview, check with lines, download, share link, preview in the lab', async ({
    lab,
    page,
    context,
    pageErrors,
  }, info) => {
    await lab.open();
    const { builder, goals } = await captureStartAndGoal(lab, page);

    // Goals are picked from states the engine checks, by keyboard.
    const tagged = goals.getByRole('checkbox', { name: /An image named app:latest exists/ });
    await tagged.focus();
    await page.keyboard.press('Space');
    await expect(tagged).toBeChecked();
    await goals.getByRole('checkbox', { name: /The build of app:latest runs \d+ steps/ }).check();
    await builder.getByLabel('Text of goal 1').fill('Build the image app:latest');
    await goals.scrollIntoViewIfNeeded();
    await page.screenshot({ path: info.outputPath('builder-goals-1366.png') });

    await builder.getByLabel('Title').fill('My first lesson');
    await builder.getByLabel(/^Id/).fill('my-first');
    await builder.getByLabel(/^Summary/).fill('One build of the starter.');
    await builder.getByLabel(/^Lesson text/).fill(TEXT);
    const preview = builder.getByTestId('builder.preview');
    await expect(preview.getByRole('heading', { name: 'Build it' })).toBeVisible();
    await expect(preview.locator('strong', { hasText: 'Build' })).toBeVisible();

    // A lesson without hints is refused with the file, the line, the field and the reason.
    await builder.getByRole('button', { name: 'Check the lesson' }).click();
    await expect(builder.getByTestId('builder.problems')).toContainText(
      /my-first\.md:\d+: hints: a lesson needs at least one hint/,
    );
    await builder.getByLabel(/^Hints/).fill('Press Build.');
    await builder.getByRole('button', { name: 'Check the lesson' }).click();
    await expect(
      builder.getByText('The lesson is valid: its solution meets every goal.'),
    ).toBeVisible({ timeout: HANG_MS });
    await page.screenshot({ path: info.outputPath('builder-1366.png') });

    // Download: a lesson file in the course's format.
    const downloading = page.waitForEvent('download');
    await builder.getByRole('button', { name: 'Download lesson file' }).click();
    const file = await downloading;
    expect(file.suggestedFilename()).toBe('my-first.md');
    const text = readFileSync((await file.path())!, 'utf8');
    expect(text).toMatch(/^---\n\{\n {2}"id": "my-first"/);
    expect(text).toContain('"imageTagged": "app:latest"');
    expect(text).toContain('## Build it');

    // The share link opens the lesson in a fresh page.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await builder.getByRole('button', { name: 'Copy share link' }).click();
    const href = await builder.getByTestId('builder.link').getAttribute('href');
    expect(href).toMatch(/#lessonfile=v1\./);
    const other = await context.newPage();
    await other.goto(href!);
    await expect(other.getByRole('region', { name: 'My first lesson' })).toBeVisible({
      timeout: HANG_MS,
    });
    await other.close();

    // Preview in the lab: the lesson starts as a learner finds it, and its goals are checked.
    await builder.getByRole('button', { name: 'Preview in the lab' }).click();
    const pane = page.getByRole('region', { name: 'My first lesson' });
    await expect(pane).toBeVisible({ timeout: HANG_MS });
    await expect(page.getByText('Setting up the lab for this lesson…')).toBeHidden({
      timeout: HANG_MS,
    });
    await expect(lab.course.goal('Build the image app:latest')).toContainText('Not yet');
    await lab.buildBar.build();
    await lab.course.expectAllGoalsMet();
    await page.screenshot({ path: info.outputPath('builder-preview-1366.png') });
    // Closing the preview brings the builder back with the draft as it was.
    await pane.getByRole('button', { name: 'Close lesson' }).click();
    await expect(builder.getByLabel('Title')).toHaveValue('My first lesson');
    expect(pageErrors).toEqual([]);
  });

  test('a damaged share link says what is wrong where lesson files are previewed', async ({
    lab,
    page,
  }) => {
    await lab.open('/#lessonfile=v1.not*base64');
    await expect(page.getByRole('dialog', { name: 'Course' }).getByRole('alert')).toContainText(
      'This lesson link is damaged',
    );
  });
});

test.describe('lesson builder at 1280x720, 150 %', () => {
  test.use({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1.5 });

  test('the builder reads at a projector zoom', async ({ lab, page, pageErrors }, info) => {
    await lab.open();
    const { builder, goals } = await captureStartAndGoal(lab, page);
    await expect(builder.getByRole('checkbox', { name: /experimental mode/ })).not.toBeChecked();
    await builder.getByTestId('builder.start').scrollIntoViewIfNeeded();
    await page.screenshot({ path: info.outputPath('builder-1280-150-start.png') });
    await goals.getByRole('checkbox').first().check();
    await builder.getByLabel(/^Lesson text/).fill(TEXT);
    await expect(builder.getByTestId('builder.preview')).toContainText('Build it');
    await page.screenshot({ path: info.outputPath('builder-1280-150.png') });
    await builder.getByLabel(/^Lesson text/).scrollIntoViewIfNeeded();
    await page.screenshot({ path: info.outputPath('builder-1280-150-text.png') });
    expect(pageErrors).toEqual([]);
  });
});
