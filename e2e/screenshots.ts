// Screenshots of the built app for review and for the README:
//   npx vite build && npx tsx e2e/screenshots.ts [outDir]
// 1280x720 at 1x and 1920x1080 at 1.5x (a projector at 150% zoom), light and dark.
// The 1280x720 light shot is also written to public/screenshot.png.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { preview } from 'vite';

const outDir = process.argv[2] ?? 'test-results/screenshots';
mkdirSync(outDir, { recursive: true });

const server = await preview({ preview: { port: 4175, strictPort: true, host: '127.0.0.1' } });
const executablePath =
  process.env.LAYERLAB_CHROMIUM ??
  (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: ['--no-sandbox', '--disable-gpu'],
});

const shots = [
  { name: '1280x720', width: 1280, height: 720, deviceScaleFactor: 1 },
  { name: '1920x1080@1.5', width: 1280, height: 720, deviceScaleFactor: 1.5 },
  { name: '1280x720@1.5', width: 853, height: 480, deviceScaleFactor: 1.5 },
] as const;

try {
  for (const scheme of ['light', 'dark'] as const) {
    for (const shot of shots) {
      const context = await browser.newContext({
        viewport: { width: shot.width, height: shot.height },
        deviceScaleFactor: shot.deviceScaleFactor,
        colorScheme: scheme,
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      await page.goto('http://127.0.0.1:4175/');
      const editor = page.getByRole('textbox', { name: 'Dockerfile' });
      await editor.waitFor();
      // A typo on line 3 shows the diagnostics in the picture too.
      if (process.env.SHOT_TYPO) {
        await editor.click();
        await page.keyboard.press('Control+End');
        await page.keyboard.type('RUNN echo hi');
      }
      await page.waitForTimeout(300);
      const file = join(outDir, `${shot.name}-${scheme}.png`);
      await page.screenshot({ path: file });
      console.log(file);
      if (shot.name === '1280x720' && scheme === 'light' && !process.env.SHOT_TYPO) {
        await page.screenshot({ path: 'public/screenshot.png' });
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
