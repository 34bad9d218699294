import type { Locator } from '@playwright/test';
import { expect, HANG_MS, test, type LabPage } from './fixtures.ts';

// The student types docker commands: the tables must fit, without a wrapped line.
const size = async (dock: Locator) => ({
  cols: Number(await dock.getAttribute('data-cols')),
  rows: Number(await dock.getAttribute('data-rows')),
});

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
]) {
  test.describe(`at ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test('in use, the terminal has at least 100 columns and 20 rows', async ({ lab, page }) => {
      await lab.open();
      const dock = page.getByTestId('terminal.dock');
      await expect(dock).toHaveAttribute('data-rows', /\d+/);
      await lab.terminal.focus();
      await expect.poll(async () => (await size(dock)).rows).toBeGreaterThanOrEqual(20);
      expect((await size(dock)).cols).toBeGreaterThanOrEqual(100);
      // docker history's rows are one line each: no table line wraps.
      await page.keyboard.type('docker pull debian:bookworm-slim\n');
      await page.keyboard.type('docker history debian:bookworm-slim\n');
      await expect(lab.screen).toContainText('CREATED BY');
      // Focus elsewhere: the terminal gives the room back to the panels.
      await page.getByRole('tab', { name: 'Build cache' }).click();
      await expect.poll(async () => (await size(dock)).rows).toBeLessThan(20);
    });

    test('the handle resizes the terminal from the keyboard, and Maximise gives it the lab', async ({
      lab,
      page,
    }) => {
      await lab.open();
      const dock = page.getByTestId('terminal.dock');
      await expect(dock).toHaveAttribute('data-rows', /\d+/);
      const before = (await size(dock)).rows;
      const handle = page.getByRole('separator', { name: 'Resize the terminal' });
      await handle.focus();
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      await expect.poll(async () => (await size(dock)).rows).toBeGreaterThan(before);
      // Maximise: the panels give way; Restore (or Ctrl+`) gives them back.
      const maximise = page.getByRole('button', { name: 'Maximise' });
      await maximise.click();
      await expect(page.getByRole('region', { name: 'Image layers' })).toBeHidden();
      await expect.poll(async () => (await size(dock)).rows).toBeGreaterThanOrEqual(25);
      await page.getByRole('button', { name: 'Restore' }).click();
      await expect(page.getByRole('region', { name: 'Image layers' })).toBeVisible();
      await page.keyboard.press('Control+Backquote');
      await expect(page.getByRole('region', { name: 'Image layers' })).toBeHidden();
      await expect(lab.terminal).toBeFocused();
      await page.keyboard.press('Control+Backquote');
      await expect(page.getByRole('region', { name: 'Image layers' })).toBeVisible();
    });
  });
}

test.describe('a build log in the terminal', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  /**
   * The colour the terminal draws a line's text in. xterm redraws its rows (the cursor blinks,
   * the dock resizes), so a row found may be replaced before it is read: read again until one
   * on the page answers.
   */
  const colour = async (lab: LabPage, text: string) => {
    let seen = '';
    await expect
      .poll(async () => {
        seen = await lab.screen
          .getByText(text, { exact: false })
          .last()
          .evaluate((el) => (el.isConnected ? getComputedStyle(el).color : ''));
        return seen;
      })
      .not.toBe('');
    return seen;
  };

  test('the Build button writes its build into the terminal, as docker build prints it', async ({
    lab,
    page,
  }) => {
    await lab.open();
    await lab.replaceText('FROM debian:bookworm-slim\nRUN echo hi > /hi\n');
    await page.getByTestId('build.run').click();
    // BuildKit's log, in the normal colours, under the command line the button stands for.
    await expect(lab.screen).toContainText('naming to docker.io/library/app:latest', {
      timeout: HANG_MS,
    });
    await lab.terminal.focus();
    const normal = await colour(lab, 'naming to docker.io/library/app:latest');
    expect(await colour(lab, 'RUN echo hi')).toBe(normal);
    await page.keyboard.press('Shift+PageUp');
    await expect(lab.screen).toContainText('lab:~/app$ docker build -t app:latest .');
    // A failed build: only its error lines are red, as when it is typed.
    await lab.replaceText('FROM debian:bookworm-slim\nRUN apt-get install -y curl\n');
    await page.getByTestId('build.run').click();
    await expect(lab.screen).toContainText('ERROR: failed to', { timeout: HANG_MS });
    await lab.terminal.focus();
    expect(await colour(lab, 'Unable to locate package curl')).toBe(normal);
    expect(await colour(lab, 'ERROR: failed to')).not.toBe(normal);
  });

  test('a build clicked before the terminal has loaded still shows in it', async ({
    lab,
    page,
  }) => {
    // xterm.js loads after the editor: hold its chunk until the build is done, as on a slow
    // network when the learner clicks Build at once.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/XtermView[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await lab.open();
    await lab.replaceText('FROM debian:bookworm-slim\nRUN echo early > /early\n');
    await lab.buildToEnd();
    release();
    await expect(lab.screen).toContainText('naming to docker.io/library/app:latest', {
      timeout: HANG_MS,
    });
    await lab.terminal.focus();
    await page.keyboard.press('Shift+PageUp');
    await expect(lab.screen).toContainText('lab:~/app$ docker build -t app:latest .');
  });

  test('is printed in the normal colours; of a failed build, only the error lines are red', async ({
    lab,
    page,
  }) => {
    await lab.open();
    await lab.replaceText('FROM debian:bookworm-slim\nRUN apt-get install -y curl\n');
    await lab.terminal.focus();
    await page.keyboard.type('docker build -t broken .\n');
    await expect(lab.screen).toContainText('ERROR: failed to', { timeout: HANG_MS });
    const normal = await colour(lab, 'Reading state information');
    expect(await colour(lab, 'Unable to locate package curl')).toBe(normal);
    expect(await colour(lab, 'ERROR: failed to')).not.toBe(normal);
    expect(await colour(lab, 'ERROR: failed to')).toBe(
      await colour(lab, 'did not complete successfully'),
    );
  });
});
