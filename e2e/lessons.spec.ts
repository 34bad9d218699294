import { expect, HANG_MS, test, type LabPage } from './fixtures.ts';
import type { Page } from '@playwright/test';

/** Types one line in the terminal, as a learner would, and waits for its output when given. */
async function typeCommand(page: Page, line: string, expectOutput?: string | RegExp) {
  const terminal = page.getByRole('textbox', { name: 'Terminal: type docker commands' });
  await terminal.focus();
  await page.keyboard.type(line);
  // Checked before Enter: a long output may scroll the typed line out of view.
  const screen = page.getByTestId('terminal.screen');
  await expect(screen).toContainText(line);
  await page.keyboard.press('Enter');
  if (expectOutput) await expect(screen).toContainText(expectOutput, { timeout: HANG_MS });
}

const goal = (page: Page, text: RegExp) =>
  page.getByRole('list', { name: 'Goals' }).getByRole('listitem').filter({ hasText: text });

async function expectAllGoalsMet(page: Page) {
  const goals = page.getByRole('list', { name: 'Goals' }).getByRole('listitem');
  await expect(goals.first()).toBeVisible();
  for (const item of await goals.all())
    await expect(item).toContainText('Met', { timeout: HANG_MS });
  await expect(page.getByText('Every goal is met: lesson done.')).toBeVisible();
}

async function openFromCourse(lab: LabPage, title: string) {
  const page = lab.page;
  await page.getByRole('button', { name: 'Course', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Course' });
  await dialog.getByRole('button', { name: title }).click();
  await expect(dialog).toBeHidden();
  const pane = page.getByRole('region', { name: title });
  await expect(pane).toBeVisible();
  await expect(page.getByText('Setting up the lab for this lesson…')).toBeHidden({
    timeout: HANG_MS,
  });
  return pane;
}

test.use({ viewport: { width: 1280, height: 720 } });

test.describe('lessons', () => {
  test('a learner completes lessons 1, 4 and 9 and the course map shows them done', async ({
    lab,
    page,
    pageErrors,
  }) => {
    await lab.open();

    // Lesson 1: build, run, run again.
    await openFromCourse(lab, 'Images and containers');
    await expect(lab.editor).toContainText('COPY hello.txt /hello.txt');
    await expect(goal(page, /hello:1/).first()).toContainText('Not yet');
    await typeCommand(page, 'docker build -t hello:1 .', /naming to .*hello:1/);
    await expect(goal(page, /into an image tagged/)).toContainText('Met');
    await typeCommand(page, 'docker run --name first hello:1', 'Hello from inside a container!');
    await typeCommand(page, 'docker run hello:1');
    await expectAllGoalsMet(page);
    await expect(page).toHaveURL(/lesson=images-and-containers/);

    // Lesson 4: predict, then edit a file and rebuild; the cache cascades below the miss.
    const pane = await openFromCourse(lab, 'The build cache');
    const predict = pane.getByRole('group', { name: /Predict/ });
    const demo = pane.getByRole('button', { name: 'Run these commands' });
    await expect(demo).toBeDisabled();
    await predict.getByRole('radio').first().check();
    await predict.getByRole('button', { name: 'Answer' }).click();
    await expect(predict.getByRole('status')).toContainText(/Right\.|Not quite/);
    await expect(predict.getByRole('radio').first()).toBeDisabled();
    await expect(demo).toBeEnabled();
    await pane.getByRole('button', { name: 'Hint' }).click();
    await expect(pane.getByRole('list', { name: 'Hints' })).toContainText('message.txt');
    await page.getByRole('tab', { name: 'message.txt' }).click();
    await page.getByRole('textbox', { name: 'Contents of message.txt' }).fill('Goodbye, cache!\n');
    await typeCommand(page, 'docker build -t app:1 .', /naming to .*app:1/);
    await expectAllGoalsMet(page);

    // Lesson 9: a container's writes stay in its own layer.
    await openFromCourse(lab, "The container's writable layer");
    await typeCommand(
      page,
      "docker run --name web app:1 sh -c 'echo hi > /tmp/x; echo v2 >> /srv/version; rm /srv/draft.txt'",
    );
    await typeCommand(page, 'docker diff web', 'D /srv/draft.txt');
    await typeCommand(page, 'docker run --name other app:1 ls /tmp');
    await expectAllGoalsMet(page);

    // The course map marks the three lessons done, and the rest not.
    await page.getByRole('button', { name: 'Course', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Course' });
    await expect(dialog.getByText('3 of 21 lessons done')).toBeVisible();
    const item = (title: string) =>
      dialog.getByRole('listitem').filter({ has: page.getByRole('button', { name: title }) });
    await expect(item('1. Images and containers')).toContainText('Done');
    await expect(item('4. The build cache')).toContainText('Done');
    await expect(item('10. The container')).toContainText('Done');
    await expect(item('2. One layer per instruction')).toContainText('Not started');

    // Progress survives a reload.
    await page.reload();
    await page.getByRole('button', { name: 'Course', exact: true }).click();
    await expect(dialog.getByText('3 of 21 lessons done')).toBeVisible();
    expect(pageErrors).toEqual([]);
  });

  test('a deep link opens a lesson at a step; a bad lesson file shows file, field, reason', async ({
    lab,
    page,
  }) => {
    await lab.open('/lessons/build-cache?step=2');
    const pane = page.getByRole('region', { name: 'The build cache' });
    await expect(pane.getByRole('heading', { level: 3 }).first()).toHaveText(
      'What breaks the cache',
    );
    await pane.getByRole('button', { name: 'Next step' }).click();
    await expect(page).toHaveURL(/\/lessons\/build-cache\?step=3$/);

    await page.getByRole('button', { name: 'Course', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Course' });
    await dialog.getByLabel('Open a lesson file').setInputFiles({
      name: 'broken.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('---\n{ "id": "Bad Id" }\n---\nHello\n'),
    });
    await expect(dialog.getByRole('alert')).toContainText('broken.md:2: id:');
    await expect(page.locator('script', { hasText: 'alert' })).toHaveCount(0);
  });

  test('lesson 4 through the Build button: it builds app:1, the goals tick, and an undo is named', async ({
    lab,
    page,
    pageErrors,
  }) => {
    await lab.open();
    const pane = await openFromCourse(lab, 'The build cache');
    // The button builds what the lesson's goals are about.
    await expect(page.getByTestId('build.options')).toContainText('-t app:1');
    await page.getByTestId('build.options').click();
    await expect(page.getByRole('textbox', { name: 'Image tag (-t)' })).toHaveValue('app:1');
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'message.txt' }).click();
    const message = page.getByRole('textbox', { name: 'Contents of message.txt' });
    await message.fill('Goodbye, cache!\n');
    await page.getByRole('button', { name: 'Build', exact: true }).click();
    await expect(goal(page, /says `?Goodbye/)).toContainText('Met', { timeout: HANG_MS });
    await expect(goal(page, /reused at least 3 cached steps/)).toContainText('Met');
    await expect(goal(page, /COPY message.txt/)).toContainText('Met');
    // The last goal would give the predict question away: it shows once answered.
    await expect(goal(page, /step 3's question/)).toBeVisible();
    await pane.getByRole('combobox', { name: 'Steps' }).selectOption({ index: 2 });
    const predict = pane.getByRole('group', { name: /Predict/ });
    await predict.getByRole('radio').nth(1).check();
    await predict.getByRole('button', { name: 'Answer' }).click();
    await expect(goal(page, /RUN wc/)).toContainText('Met');
    await expectAllGoalsMet(page);

    // The same state from the terminal keeps every goal met: one image, made once.
    await typeCommand(page, 'docker build -t app:1 .', /naming to .*app:1/);
    await expectAllGoalsMet(page);

    // Undo the edit: the goal says it was met and what the lab shows now.
    await message.fill('Hello, cache!\n');
    await page.getByRole('button', { name: 'Build', exact: true }).click();
    const first = goal(page, /says `?Goodbye/);
    await expect(first).toContainText('No longer met', { timeout: HANG_MS });
    await expect(first).toContainText('It was met; now:');
    expect(pageErrors).toEqual([]);
  });

  test('a lesson starts with a clean terminal, and "Run these commands" shows each command and its output there', async ({
    lab,
    page,
  }) => {
    // Tall enough for the terminal to keep a command and its output on screen together.
    await page.setViewportSize({ width: 1920, height: 1200 });
    await lab.open();
    // Docker 29's images view (the containerd store, the lab's default) heads its table so.
    await typeCommand(page, 'docker images', 'DISK USAGE');
    const pane = await openFromCourse(lab, 'Images and containers');
    await expect(lab.screen).not.toContainText('DISK USAGE');
    await pane.getByRole('button', { name: 'Run these commands' }).click();
    await expect(lab.screen).toContainText(/naming to .*hello:1/, { timeout: HANG_MS });
    await expect(goal(page, /into an image tagged/)).toContainText('Met');
    // Step 2: answer first, then the commands run; each shows with its prompt and output.
    await pane.getByRole('button', { name: 'Next step' }).click();
    const predict = pane.getByRole('group', { name: /Predict/ });
    await predict.getByRole('radio').first().check();
    await predict.getByRole('button', { name: 'Answer' }).click();
    await pane.getByRole('button', { name: 'Run these commands' }).click();
    await expect(lab.screen).toContainText('$ docker ps -a', { timeout: HANG_MS });
    await expect(lab.screen).toContainText(/Exited \(0\).*first/);
    await expect(goal(page, /named `?first/)).toContainText('Met');
    // A line typed after them comes below them, as in any terminal.
    await typeCommand(page, 'docker ps -aq', /[0-9a-f]{12}/);
  });

  test('predict before you read: the prose after a question shows once it is answered', async ({
    lab,
    page,
  }) => {
    await lab.open('/lessons/layers-and-history?step=2');
    const pane = page.getByRole('region', { name: 'One layer per instruction' });
    await expect(pane.getByRole('heading', { level: 3 }).first()).toHaveText('Read the history');
    await expect(pane.getByText('does not mean "no layer"')).toHaveCount(0);
    await expect(pane.getByText('The rest of this step shows once you answer.')).toBeVisible();
    await expect(pane.getByRole('button', { name: 'Run these commands' })).toBeDisabled();
    const predict = pane.getByRole('group', { name: /Predict/ });
    await predict.getByRole('radio').nth(1).check();
    await predict.getByRole('button', { name: 'Answer' }).click();
    await expect(pane.getByText(/does not mean .no layer./)).toBeVisible();
    await expect(pane.getByText('The rest of this step shows once you answer.')).toHaveCount(0);
  });
});
