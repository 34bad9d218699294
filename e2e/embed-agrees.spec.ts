import { expect, HANG_MS, test, type LabPage } from './fixtures.ts';

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

const open = async (lab: LabPage, panels: string, more = '') => {
  await lab.page.goto(
    `/embed.html?panels=${panels}${more}&lab=${encodeURIComponent(JSON.stringify(LAB))}`,
  );
  await expect(lab.playback.where).toHaveText('Not started · 5 steps', { timeout: HANG_MS });
};

test.use({ viewport: { width: 1000, height: 640 } });

test('the filesystem follows the timeline: nothing before the build plays, then layer by layer', async ({
  lab,
}) => {
  await open(lab, 'layers,fs');
  const { fs, playback } = lab;
  await expect(fs.notPlayed).toBeVisible();
  await expect(fs.tree).toBeHidden();
  await playback.step.click();
  await expect(playback.where).toHaveText('Step 1 of 5');
  await expect(fs.layer).toContainText('Base 1 of 1');
  await expect(fs.tree).toBeVisible();
  await playback.step.click();
  await playback.step.click();
  // COPY app.py is step 3: the file it added says so, the same number as the timeline's.
  await expect(playback.where).toHaveText('Step 3 of 5');
  await expect(fs.entry(/app\.py/)).toContainText('step 3');
  await playback.rewind.click();
  await expect(playback.where).toHaveText('Not started · 5 steps');
  await expect(fs.notPlayed).toBeVisible();
});

test('no "line N" links without a Dockerfile on screen; with one, they show the line', async ({
  lab,
}) => {
  const { layers, playback } = lab;
  await open(lab, 'layers');
  await playback.step.click();
  await expect(layers.items.first()).toBeVisible();
  await expect(layers.lineLinks).toHaveCount(0);

  await open(lab, 'layers,editor', '&readonly=1');
  const marked = lab.dockerfile.stepLines;
  for (let i = 0; i < 3; i++) await playback.step.click();
  // The read-only Dockerfile marks the step the timeline is on, as the editor does.
  await expect(playback.where).toHaveText('Step 3 of 5');
  await expect(marked).toHaveText('COPY app.py .');
  await layers.lineLink(2).click();
  await expect(marked).toHaveText('COPY app.py .');
  await playback.rewind.click();
  await layers.lineLink(2).click();
  await expect(marked).toHaveText('WORKDIR /app');
});
