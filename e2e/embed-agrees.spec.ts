import type { Page } from '@playwright/test';
import { expect, HANG_MS, test } from './fixtures.ts';

// An embed agrees with itself: its filesystem shows what its timeline says, and it offers
// "line N" links only when it shows the Dockerfile.
const LAB = {
  dockerfile:
    'FROM debian:bookworm-slim\nWORKDIR /app\nCOPY app.py .\nRUN echo ready > /app/ready\nCMD ["cat", "/app/ready"]\n',
  files: [{ path: 'app.py', content: 'print("hello")\n' }],
  builder: 'buildkit',
  noCache: false,
  buildArgs: [],
  tag: 'steps:latest',
};

const open = async (page: Page, panels: string, more = '') => {
  await page.goto(
    `/embed.html?panels=${panels}${more}&lab=${encodeURIComponent(JSON.stringify(LAB))}`,
  );
  await expect(page.getByTestId('timeline.where')).toHaveText('Not started · 5 steps', {
    timeout: HANG_MS,
  });
};

test.use({ viewport: { width: 1000, height: 640 } });

test('the filesystem follows the timeline: nothing before the build plays, then layer by layer', async ({
  page,
}) => {
  await open(page, 'layers,fs');
  const fs = page.getByTestId('panel.fs');
  await expect(fs.getByTestId('fs.not-played')).toBeVisible();
  await expect(fs.getByRole('tree')).toBeHidden();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('timeline.where')).toHaveText('Step 1 of 5');
  await expect(fs.getByRole('combobox', { name: 'Layer' })).toContainText('Base 1 of 1');
  await expect(fs.getByRole('tree')).toBeVisible();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  // COPY app.py is step 3: the file it added says so, the same number as the timeline's.
  await expect(page.getByTestId('timeline.where')).toHaveText('Step 3 of 5');
  await expect(fs.getByRole('treeitem', { name: /app\.py/ })).toContainText('step 3');
  await page.getByRole('button', { name: 'Rewind' }).click();
  await expect(page.getByTestId('timeline.where')).toHaveText('Not started · 5 steps');
  await expect(fs.getByTestId('fs.not-played')).toBeVisible();
});

test('no "line N" links without a Dockerfile on screen; with one, they show the line', async ({
  page,
}) => {
  await open(page, 'layers');
  const layers = page.getByTestId('panel.layers');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(layers.getByTestId('layers.item').first()).toBeVisible();
  await expect(layers.getByRole('button', { name: /^line \d+$/ })).toHaveCount(0);

  await open(page, 'layers,editor', '&readonly=1');
  const marked = page.getByTestId('panel.editor').getByTestId('editor.step-line');
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
  // The read-only Dockerfile marks the step the timeline is on, as the editor does.
  await expect(page.getByTestId('timeline.where')).toHaveText('Step 3 of 5');
  await expect(marked).toHaveText('COPY app.py .');
  await page.getByTestId('panel.layers').getByRole('button', { name: 'line 2' }).click();
  await expect(marked).toHaveText('COPY app.py .');
  await page.getByRole('button', { name: 'Rewind' }).click();
  await page.getByTestId('panel.layers').getByRole('button', { name: 'line 2' }).click();
  await expect(marked).toHaveText('WORKDIR /app');
});
