// Lab figures in Chromium: playing a 20-step build with its animations (longest main-thread
// task), and the filesystem tree of an image with 10,000 more entries (render, then scroll:
// longest frame). Part of `npm run bench`.
import { expect, HANG_MS, test } from '../fixtures.ts';

function report(name: string, value: number, target: number) {
  console.log(
    `${value < target ? 'PASS' : 'MISS'}  ${name}: ${value.toFixed(0)} ms (target < ${target} ms)`,
  );
}

const TWENTY = [
  'FROM debian:bookworm-slim',
  'ARG VERSION=1',
  'ENV APP_HOME=/srv/app LANG=C.UTF-8',
  'WORKDIR /srv/app',
  'RUN mkdir -p data logs && echo ready > data/state',
  'COPY requirements.txt .',
  'RUN echo "deps for $VERSION" > deps.txt',
  'LABEL org.example.version=$VERSION',
  'COPY app.py .',
  'RUN cp app.py app.bak && chmod 600 app.bak',
  'RUN rm app.bak',
  'ENV PORT=8000',
  'RUN useradd -m appuser',
  'RUN chown -R appuser data',
  'USER appuser',
  'RUN echo hello > /tmp/hello',
  'EXPOSE 8000',
  'VOLUME /srv/app/data',
  'HEALTHCHECK CMD cat /tmp/hello',
  'CMD ["python3", "app.py"]',
].join('\n');

const TEN_THOUSAND = [
  'FROM debian:bookworm-slim',
  'RUN mkdir /many && cd /many && for d in $(seq 1 100); do mkdir $d && touch $(printf "$d/f%s " $(seq 1 100)); done',
].join('\n');

test('playing a 20-step build: longest main-thread task', async ({ lab, page }) => {
  await lab.open();
  await lab.replaceText(TWENTY);
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('8');
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  await page.getByTestId('build.run').click();
  await expect(page.getByTestId('timeline.where')).toHaveText('Step 20 of 20', {
    timeout: HANG_MS,
  });
  await expect(page.getByTestId('layers.total')).toBeVisible();
  const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  report('playing a 20-step build, longest main-thread task', Math.max(0, ...long), 50);
});

test('filesystem tree with 10,000 more entries: render and scroll, longest frame', async ({
  lab,
  page,
}) => {
  await lab.open();
  await lab.replaceText(TEN_THOUSAND);
  await page.getByTestId('build.run').click();
  const scrubber = page.getByRole('slider', { name: 'Build progress' });
  await expect(scrubber).toBeVisible({ timeout: HANG_MS });
  await scrubber.focus();
  await page.keyboard.press('End');
  await expect(page.getByTestId('layers.total')).toBeVisible({ timeout: HANG_MS });
  const tree = page.getByTestId('fs.tree');
  await expect(tree).toBeVisible();
  const rows = await tree.getAttribute('aria-label');
  expect(rows).toBeTruthy();
  const setsize = Number(await tree.getByRole('treeitem').first().getAttribute('aria-setsize'));
  const frames = await page.evaluate(async () => {
    const el = document.querySelector('[data-testid="fs.tree"]') as HTMLElement;
    const out: number[] = [];
    let last = performance.now();
    for (let i = 0; i < 120; i++) {
      el.scrollTop += 900;
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      out.push(now - last);
      last = now;
    }
    return out;
  });
  const sorted = [...frames].sort((a, b) => b - a);
  console.log(
    `      tree rows: ${setsize}; ${frames.length} frames; slowest: ${sorted
      .slice(0, 5)
      .map((f) => f.toFixed(0))
      .join(', ')} ms`,
  );
  expect(setsize).toBeGreaterThan(10_000);
  report('filesystem tree of 10,000+ entries, longest scroll frame', Math.max(...frames), 50);
});
