import type { Page } from '@playwright/test';
import { expect, HANG_MS, test } from './fixtures.ts';

// A keyboard-only student: nothing traps focus, every panel is on the Tab path, and a build
// leaves focus in the layer list, not on the page.
const where = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    const region = a?.closest('[data-testid="terminal.dock"], section[aria-labelledby]');
    const name = region?.getAttribute('aria-labelledby');
    return (
      (name ? document.getElementById(name)?.textContent : region?.getAttribute('data-testid')) ??
      a?.tagName ??
      ''
    );
  });

test.use({ viewport: { width: 1366, height: 768 } });

const SMALL =
  'FROM debian:bookworm-slim\nWORKDIR /app\nCOPY app.py .\nRUN echo built > /app/out\nCMD ["cat", "/app/out"]\n';

test('Escape then Tab, or Ctrl+M, moves focus out of the terminal; Tab alone completes', async ({
  lab,
  page,
}) => {
  await lab.open();
  await lab.terminal.focus();
  await page.keyboard.type('docker ima');
  await page.keyboard.press('Tab');
  await expect(lab.terminal).toBeFocused();
  await expect(lab.screen).toContainText('docker images');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(lab.terminal).not.toBeFocused();
  // Ctrl+M: Tab moves focus until Ctrl+M is pressed again.
  await lab.terminal.focus();
  await page.keyboard.press('Control+m');
  await page.keyboard.press('Shift+Tab');
  await expect(lab.terminal).not.toBeFocused();
  await lab.terminal.focus();
  await page.keyboard.press('Control+m');
  await page.keyboard.press('Tab');
  await expect(lab.terminal).toBeFocused();
});

test('every panel is reachable with forward Tab from the top of the page', async ({
  lab,
  page,
}) => {
  await lab.open();
  await lab.replaceText(SMALL);
  await lab.buildBar.build();
  await expect(lab.layers.total).toBeVisible({ timeout: HANG_MS });
  await page.getByRole('heading', { name: 'Layerlab' }).click();
  const panels = ['Dockerfile', 'Image layers', 'Filesystem', 'terminal.dock'];
  const seen = new Set<string>();
  // The editor lets Tab go on without any special key; the terminal is the last stop.
  for (let i = 0; i < 150 && !panels.every((p) => seen.has(p)); i++) {
    await page.keyboard.press('Tab');
    seen.add(await where(page));
  }
  for (const panel of panels) expect([...seen]).toContain(panel);
});

test('after a build from the Build button, focus is on the layer list', async ({ lab, page }) => {
  await lab.open();
  await lab.replaceText(SMALL);
  await lab.buildBar.build();
  await expect(lab.layers.total).toBeVisible({ timeout: HANG_MS });
  const focused = lab.layers.region.locator(':focus');
  await expect(focused).toHaveCount(1);
  await expect(page.locator('body')).not.toBeFocused();
  // Ctrl+Enter from the editor builds and leaves the editor where it was.
  await lab.editor.click();
  await page.keyboard.press('Control+Enter');
  await lab.playback.showsBuild(2);
  await expect(lab.editor).toBeFocused();
});
