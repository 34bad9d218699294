import type { Page } from '@playwright/test';
import { expect, HANG_MS, test } from './fixtures.ts';
import { EmbedLab } from './pages/embed.ts';

/** Embed number `n` of the tutorial page (its iframe `#embed-n`). */
const embed = (page: Page, n: number) => new EmbedLab(page.frameLocator(`#embed-${n}`));

/** The sample tutorial page (public/tutorial.html): three independent embeds, one driven by the page. */
async function openTutorial(page: Page) {
  await page.goto('/tutorial.html');
  for (const n of [1, 2, 3]) {
    await expect(page.getByTestId(`log-${n}`).getByText('ready', { exact: true })).toBeVisible();
  }
  // Three engines build at once on a busy machine: give the builds time.
  for (const n of [1, 2, 3]) {
    await expect(
      page
        .getByTestId(`log-${n}`)
        .getByText(/^build finished/)
        .first(),
    ).toBeVisible({
      timeout: HANG_MS,
    });
  }
  // Embed 2 shows the lab the page sent it (6 instructions), at its start.
  await expect(embed(page, 2).playback.where).toHaveText('Not started · 6 steps', {
    timeout: HANG_MS,
  });
}

test('the tutorial page drives an embed with postMessage and hears its events', async ({
  page,
  pageErrors,
}) => {
  await openTutorial(page);
  const log2 = page.getByTestId('log-2');
  // The page loads its lab once the embed is ready; the build finishes at the start, paused.
  await expect(log2.getByText('build finished: ok, 6 steps')).toBeVisible();
  const two = embed(page, 2);

  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page.getByTestId('where-2')).toHaveText(/^Step 1 of \d+: FROM python:3.11-slim$/);
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page.getByTestId('where-2')).toHaveText(/^Step 2 of \d+: WORKDIR \/app$/);
  await expect(two.playback.where).toHaveText('Step 2 of 6');
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.getByTestId('where-2')).toHaveText(/^Step 1 of /);
  // Layers and filesystem only, as asked for.
  await expect(two.layers.region).toBeVisible();
  await expect(two.fs.region).toBeVisible();
  await expect(two.editorPanel).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('the embeds on one page stay independent', async ({ page }) => {
  await openTutorial(page);
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page.getByTestId('where-2')).toHaveText(/^Step 1 of /);

  // Embed 1 has its own lab (from lab= in its address) and has not moved.
  const one = embed(page, 1);
  await expect(one.playback.where).toHaveText(/Not started · 5 steps/);
  await expect(one.fs.region).toHaveCount(0);
  // Read-only: no Build button.
  await expect(one.build).toHaveCount(0);
  // Its build (made in the background) is there before the learner steps through it.
  await expect(page.getByTestId('log-1').getByText(/^build finished: ok/)).toBeVisible({
    timeout: HANG_MS,
  });
  await one.playback.step.click();
  await expect(one.playback.where).toHaveText('Step 1 of 5');
  await expect(
    page.getByTestId('log-1').getByText('step 1 of 5: FROM debian:bookworm-slim'),
  ).toBeVisible();
  await expect(page.getByTestId('where-2')).toHaveText(/^Step 1 of /);

  // Embed 3 plays by itself to the end of the starter lab, with the cache panel.
  const three = embed(page, 3);
  await expect(three.cache.region).toBeVisible();
  await expect(page.getByTestId('log-3').getByText(/^build finished: ok/)).toBeVisible({
    timeout: HANG_MS,
  });
  // Played to its end (the playback then names the step the view rests on, not the last one).
  await expect(three.playback.replay).toBeVisible({ timeout: HANG_MS });
  await expect(three.playback.step).toBeDisabled();
});

test('an embed playing by itself does not scroll the tutorial page around it', async ({ page }) => {
  await openTutorial(page);
  // The reader is at the top of the page while embed 3, further down, plays its build.
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const three = embed(page, 3);
  await expect(three.playback.replay).toBeVisible({ timeout: HANG_MS });
  // Its layer list followed the steps inside the embed; the page stayed where the reader was.
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test('an embed refuses commands from an origin it does not allow', async ({ page, baseURL }) => {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  // A page of another origin (about:blank) embeds a lab that only talks to https://example.com.
  await page.setContent(
    `<iframe id="e" style="width:900px;height:500px" src="${baseURL}/embed.html?panels=layers&origins=https://example.com"></iframe>`,
  );
  const frame = new EmbedLab(page.frameLocator('#e'));
  await expect(frame.playback.where).toHaveText(/Not started/, { timeout: HANG_MS });
  const heard = await page.evaluate(async () => {
    const got: unknown[] = [];
    window.addEventListener('message', (e) => got.push(e.data));
    const w = (document.getElementById('e') as HTMLIFrameElement).contentWindow!;
    w.postMessage({ type: 'layerlab:step', to: 'next' }, '*');
    await new Promise((r) => setTimeout(r, 300));
    return got;
  });
  await expect.poll(() => warnings.join('\n')).toMatch(/origin null is not allowed/);
  await expect(frame.playback.where).toHaveText(/Not started/);
  // Its events go only to the allowed origin: this page hears nothing.
  expect(heard).toEqual([]);
});

test('an embed with a damaged lab says so and still shows a lab', async ({ page }) => {
  await page.goto('/embed.html?panels=layers,bogus#lab=v1.AAAA');
  const lab = new EmbedLab(page);
  await expect(lab.notices.first()).toContainText('The lab for this embed could not be opened');
  await expect(lab.notices.nth(1)).toContainText('Unknown panel bogus');
  await expect(lab.layers.region).toBeVisible();
  await expect(lab.playback.where).toHaveText(/Not started/, { timeout: HANG_MS });
});

test('an embed does not load the editor or terminal code unless asked', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.js')) scripts.push(new URL(r.url()).pathname);
  });
  await page.goto('/embed.html?panels=layers');
  await expect(new EmbedLab(page).playback.where).toHaveText(/Not started/, { timeout: HANG_MS });
  expect(scripts.filter((s) => /DockerfileEditor|XtermView/.test(s))).toEqual([]);
  await page.goto('/embed.html?panels=layers,editor');
  await expect(page.getByRole('textbox', { name: 'Dockerfile' })).toBeVisible();
});
