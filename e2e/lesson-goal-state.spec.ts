import { expect, HANG_MS, test } from './fixtures.ts';

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
]) {
  test.describe(`at ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test('a lesson shows its goal state beside the learner image, and the par', async ({
      lab,
      page,
      pageErrors,
    }, info) => {
      await lab.open();
      await lab.course.openLesson('The build cache');
      const state = page.getByTestId('lesson.goalState');
      await expect(state).toBeVisible({ timeout: HANG_MS });
      const par = state.getByRole('table', { name: 'Par' });
      const rebuilt = par.getByRole('row', { name: /Steps rebuilt/ });
      // The start built app:1 before the lesson: no steps of the learner's yet.
      await expect(rebuilt.getByLabel('not built since the lesson started')).toBeVisible();
      // The message differs from the goal's: its COPY row is marked.
      await expect(state.getByText('differs from the goal').first()).toBeAttached();
      await state.scrollIntoViewIfNeeded();
      await page.screenshot({ path: info.outputPath('goal-state-before.png') });

      await page.getByRole('tab', { name: 'message.txt' }).click();
      await page
        .getByRole('textbox', { name: 'Contents of message.txt' })
        .fill('Goodbye, cache!\n');
      await page.getByRole('button', { name: 'Build', exact: true }).click();
      // Yours now matches the goal: the same two steps rebuilt, nothing marked.
      await expect(rebuilt).toHaveText(/Steps rebuilt\s*2\s*2/, { timeout: HANG_MS });
      await expect(state.getByText('differs from the goal')).toHaveCount(0);
      await state.scrollIntoViewIfNeeded();
      await page.screenshot({ path: info.outputPath('goal-state-after.png') });
      expect(pageErrors).toEqual([]);
    });

    test('a lesson about containers shows their writable layers as its goal state', async ({
      lab,
      page,
      pageErrors,
    }, info) => {
      await lab.open();
      await lab.course.openLesson("The container's writable layer");
      const state = page.getByTestId('lesson.goalState');
      const web = state.getByRole('table', { name: 'Container web, from app:1' });
      await expect(web).toBeVisible({ timeout: HANG_MS });
      await expect(web.getByText('/srv/draft.txt')).toBeVisible();
      await expect(web.getByText('Not run yet.')).toBeVisible();
      await web.scrollIntoViewIfNeeded();
      await page.screenshot({ path: info.outputPath('containers-goal-before.png') });

      await lab.dock.run("docker run --name web app:1 sh -c 'echo hi > /tmp/x'");
      // Yours has /tmp/x only: the goal's C and D rows are missing from it.
      await expect(web.getByText('Not run yet.')).toHaveCount(0, { timeout: HANG_MS });
      await expect(web.getByRole('cell').nth(1).getByText('/tmp/x')).toBeVisible();
      await web.scrollIntoViewIfNeeded();
      await page.screenshot({ path: info.outputPath('containers-goal-after.png') });
      expect(pageErrors).toEqual([]);
    });
  });
}
