import { expect, HANG_MS, test, type LabPage } from './fixtures.ts';
import type { Page } from '@playwright/test';

const DOCKERFILE = [
  'FROM debian:bookworm-slim',
  'WORKDIR /app',
  'COPY requirements.txt .',
  'RUN mkdir -p /data && echo one > /data/a && echo two > /data/b',
  'COPY app.py .',
  'RUN rm /data/b',
  'CMD ["cat", "/data/a"]',
].join('\n');

const layers = (page: Page) => page.getByRole('region', { name: 'Image layers' });
const items = (page: Page) => layers(page).getByTestId('layers.item');

/** Builds, waits for build number `n` to be the one shown, and plays it to the end. */
async function buildAndFinish(lab: LabPage, n = 1) {
  const page = lab.page;
  await page.getByTestId('build.run').click();
  await expect(page.getByTestId('timeline.builds')).toHaveValue(String(n - 1), {
    timeout: HANG_MS,
  });
  // Play to the end at once: the scrubber's End key.
  const scrubber = page.getByRole('slider', { name: 'Build progress' });
  await expect(scrubber).toBeVisible({ timeout: HANG_MS });
  await scrubber.focus();
  await page.keyboard.press('End');
  await expect(layers(page).getByTestId('layers.total')).toBeVisible({ timeout: HANG_MS });
}

test.describe('the lab', () => {
  test('builds a Dockerfile into one item per instruction, base at the bottom', async ({
    lab,
    page,
  }) => {
    await lab.open();
    await lab.replaceText(DOCKERFILE);
    await buildAndFinish(lab);
    await expect(items(page)).toHaveCount(6);
    // Top of the stack is the last instruction; metadata-only steps say so in words.
    await expect(items(page).first()).toContainText('metadata');
    await expect(items(page).first()).toContainText('CMD');
    await expect(layers(page).getByTestId('layers.base')).toContainText('debian:bookworm-slim');
    await expect(items(page).filter({ hasText: 'built' })).toHaveCount(5);
    await expect(layers(page).getByTestId('layers.total')).toContainText('app:latest');
  });

  test('editing a context file rebuilds exactly the steps from its COPY down', async ({
    lab,
    page,
  }) => {
    await lab.open();
    await lab.replaceText(DOCKERFILE);
    await buildAndFinish(lab);
    await page.getByRole('tab', { name: 'app.py' }).click();
    await page.getByTestId('files.editor').fill('print("two")\n');
    await buildAndFinish(lab, 2);
    const outcome = async (text: string) =>
      (await items(page).filter({ hasText: text }).first().getAttribute('data-phase')) ?? '';
    expect(await outcome('requirements.txt')).toBe('cached');
    expect(await outcome('mkdir -p /data')).toBe('cached');
    expect(await outcome('app.py')).toBe('built');
    expect(await outcome('rm /data/b')).toBe('built');
    await expect(items(page).filter({ hasText: 'rm /data/b' })).toContainText(
      'rebuilt because the step under it was rebuilt',
    );
    await expect(items(page).filter({ hasText: 'app.py' })).toContainText(
      'app.py changed (content)',
    );
    // The cache panel shows what changed, side by side with the last build.
    await items(page).filter({ hasText: 'COPY app.py' }).getByRole('button').first().click();
    await page.getByRole('tab', { name: 'Build cache' }).click();
    const cache = page.getByRole('region', { name: 'Build cache' });
    await expect(cache).toContainText('Cache miss: app.py changed (content)');
    await expect(cache.getByRole('row', { name: /File app\.py/ })).toContainText('≠');
  });

  test('steps back and forth through a build, announcing each step', async ({ lab, page }) => {
    await lab.open();
    await lab.replaceText(DOCKERFILE);
    await page.getByTestId('build.run').click();
    const where = page.getByTestId('timeline.where');
    await expect(where).toBeVisible({ timeout: HANG_MS });
    await page.getByRole('button', { name: 'Rewind' }).click();
    await expect(where).toHaveText('Not started · 7 steps');
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(where).toHaveText('Step 1 of 7');
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(where).toHaveText('Step 3 of 7');
    await expect(
      page.getByRole('status').filter({ hasText: 'Step 3 of 7: COPY requirements.txt .' }),
    ).toBeAttached();
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(where).toHaveText('Step 2 of 7');
    await expect(items(page).filter({ hasText: 'COPY requirements.txt' })).toHaveAttribute(
      'data-phase',
      'pending',
    );
  });

  test('a layer’s changes show the whiteout of a deleted file as its literal tar entry', async ({
    lab,
    page,
  }) => {
    await lab.open();
    await lab.replaceText(DOCKERFILE);
    await buildAndFinish(lab);
    await items(page).filter({ hasText: 'rm /data/b' }).getByRole('button').first().click();
    await page.getByRole('tab', { name: 'Filesystem', exact: true }).click();
    const fs = page.getByRole('region', { name: 'Filesystem', exact: true });
    await fs.getByRole('radio', { name: 'This layer’s changes' }).click();
    await expect(fs.getByTestId('fs.changes')).toContainText('data/.wh.b');
    await expect(fs.getByTestId('fs.changes')).toContainText('whiteout: hides /data/b');
    // The merged view marks the wasted copy and lets the learner read a file.
    await fs.getByRole('radio', { name: /Merged/ }).click();
    await fs.getByRole('combobox', { name: 'Layer' }).selectOption({ index: 5 });
    await fs.getByRole('treeitem', { name: /^a\s/ }).click();
    await expect(fs.getByTestId('fs.viewer')).toContainText('one');
  });

  test('a container writes into its own thin layer; docker diff shows it', async ({
    lab,
    page,
  }) => {
    await lab.open();
    await lab.replaceText(DOCKERFILE);
    await buildAndFinish(lab);
    await lab.terminal.focus();
    for (const line of [
      'docker run -it --name box app sh',
      'echo hello > /data/new',
      'cd /data',
      'rm a',
      'exit',
    ]) {
      await page.keyboard.type(line);
      await page.keyboard.press('Enter');
      await expect(lab.screen).toContainText(line);
    }
    // The shell's prompt followed `cd`; `exit` left it (the lab's prompt is back).
    await expect(lab.screen).toContainText(/root@[0-9a-f]{12}:\/data# rm a/);
    await expect(lab.screen).toContainText(/:\/data# exit\s*lab:~\/app\$/);
    await page.keyboard.type('docker diff box');
    await page.keyboard.press('Enter');
    await expect(lab.screen).toContainText('A /data/new');
    await page.getByRole('tab', { name: 'Container' }).click();
    const diff = page.getByRole('region', { name: 'Container' }).getByTestId('container.diff');
    await expect(diff).toContainText('/data/new');
    await expect(diff).toContainText('deleted: a whiteout hides the image’s copy');
  });

  test('keys typed while a command runs are kept, and a pasted block runs line by line', async ({
    lab,
    page,
  }) => {
    await lab.open();
    await lab.replaceText(DOCKERFILE);
    await lab.terminal.focus();
    // Typed at once, without waiting for the build: nothing may be dropped.
    await page.keyboard.type('docker build -t typed:1 .\rdocker tag typed:1 typed:2\r');
    await page.keyboard.type('docker images typed\r');
    const screen = lab.screen;
    // Docker 29's view of the containerd store: one row per name (IMAGE, ID, DISK USAGE ...).
    await expect(screen).toContainText(/typed:2\s/, { timeout: HANG_MS });
    await expect(screen).toContainText(/typed:1\s/);
    await expect(screen).toContainText('lab:~/app$ docker images typed');
    // Commands chained as in a shell, with a command substitution.
    await page.keyboard.type(
      "docker tag typed:1 chained:1 && docker image inspect -f '{{.RepoTags}}' $(docker images -q chained)\r",
    );
    await expect(screen).toContainText('[chained:1 typed:1 typed:2]');
  });

  test('docker build in the terminal and the Build button make the same layers', async ({
    lab,
    page,
  }) => {
    await lab.open();
    // The starter's Dockerfile installs packages with apt-get: both must use the catalog.
    const runSize = async (image: string) => {
      await lab.terminal.focus();
      await page.keyboard.type(
        `docker history --format 'size={{.Size}}' ${image} | grep MB | head -n 1\r`,
      );
      await expect(lab.screen).toContainText(new RegExp(`${image}.*grep MB.*\\s*size=[\\d.]+MB`));
      const shown = [...((await lab.screen.textContent()) ?? '').matchAll(/size=([\d.]+MB)/g)];
      return shown.at(-1)?.[1];
    };
    await lab.terminal.focus();
    await page.keyboard.type('docker build -t fromterminal .\r');
    await expect(lab.screen).toContainText('naming to docker.io/library/fromterminal', {
      timeout: HANG_MS,
    });
    const fromTerminal = await runSize('fromterminal');
    await buildAndFinish(lab, 2);
    expect(fromTerminal).toBeDefined();
    // The RUN step's size is the same either way.
    expect(await runSize('app:latest')).toBe(fromTerminal);
  });

  test('the work is restored after a reload', async ({ lab, page }) => {
    await lab.open();
    await lab.replaceText(DOCKERFILE);
    await page.getByRole('tab', { name: 'app.py' }).click();
    await page.getByTestId('files.editor').fill('print("kept")\n');
    // Saved after a short pause: wait until it is in storage, however long that takes.
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('layerlab:v1:lab') ?? ''))
      .toContain('print(\\"kept\\")');
    await page.reload();
    await expect(lab.editor).toContainText('RUN rm /data/b');
    await page.getByRole('tab', { name: 'app.py' }).click();
    await expect(page.getByTestId('files.editor')).toHaveValue('print("kept")\n');
  });
});
