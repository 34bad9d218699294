import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, HANG_MS, LabPage, test } from './fixtures.ts';

const WHITEOUT = [
  'FROM debian:bookworm-slim',
  'RUN dd if=/dev/zero of=/tmp/sdk.tar bs=1M count=3 && mkdir -p /opt/tool && echo tool > /opt/tool/tool.bin',
  'ENV MODE=small',
  'RUN rm /tmp/sdk.tar',
  'CMD ["ls", "/opt/tool"]',
].join('\n');

const picture = (page: Page) => page.getByTestId('union.picture');
const slabs = (page: Page) => picture(page).getByTestId('union.slab');
/** A slab or tile of the picture by what a screen reader hears. */
const part = (page: Page, name: RegExp) => picture(page).getByRole('button', { name });

async function build(lab: LabPage, dockerfile: string) {
  await lab.replaceText(dockerfile);
  await lab.page.getByTestId('build.run').click();
  await expect(lab.page.getByRole('button', { name: 'Replay' })).toBeVisible({ timeout: HANG_MS });
}

async function openUnion(page: Page) {
  await page.getByRole('tab', { name: 'Union filesystem' }).click();
  await expect(page.getByRole('region', { name: 'Union filesystem' })).toBeVisible();
  await expect(picture(page)).toBeVisible({ timeout: HANG_MS });
}

/** Runs a `docker run --name web ...` line in the terminal and waits for the container. */
async function runContainer(lab: LabPage, line: string) {
  await lab.terminal.focus();
  await lab.page.keyboard.type(line);
  await lab.page.keyboard.press('Enter');
  await lab.page.keyboard.type("docker ps -a --format 'made:{{.Names}}'");
  await lab.page.keyboard.press('Enter');
  await expect(lab.screen).toContainText('made:web', { timeout: HANG_MS });
}

async function serious(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${where}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
}

test.describe('the union filesystem picture', () => {
  test('stepping stacks the layers one by one, with the metadata step as a marker', async ({
    lab,
    page,
    pageErrors,
  }) => {
    await lab.open();
    await build(lab, WHITEOUT);
    await openUnion(page);
    await page.getByRole('button', { name: 'Rewind' }).click();
    await expect(slabs(page)).toHaveCount(0);
    const step = page.getByRole('button', { name: 'Step', exact: true });
    await step.click();
    await expect(slabs(page)).toHaveCount(1);
    await expect(part(page, /^Layer 1 of 3: FROM debian:bookworm-slim, .* base\.$/)).toBeVisible();
    await step.click();
    await expect(slabs(page)).toHaveCount(2);
    await expect(part(page, /^Layer 2 of 3: RUN dd .*, 3\.15 MB, built\.$/)).toBeVisible();
    await expect(
      part(page, /^\/opt\/tool\/tool\.bin: 5 B in layer 2 .*the copy the merged view shows/),
    ).toBeVisible();
    await step.click();
    await expect(slabs(page)).toHaveCount(2);
    await expect(
      part(page, /^ENV MODE=small: changes only the image’s configuration, no layer\.$/),
    ).toBeVisible();
    await step.click();
    await expect(slabs(page)).toHaveCount(3);
    // Back takes the last slab off again.
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await expect(slabs(page)).toHaveCount(2);
    expect(pageErrors).toEqual([]);
  });

  test('a whiteout is a hole over the copy below, whose bytes stay in the image', async ({
    lab,
    page,
  }) => {
    await lab.open();
    await build(lab, WHITEOUT);
    await openUnion(page);
    const status = page.getByTestId('union.status');
    // The view rests on the rm (the last step that made a layer); Back goes to the step before
    // it: the file is seen from layer 2, nothing hidden.
    await expect(page.getByTestId('timeline.where')).toHaveText('Step 4 of 5');
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await expect(page.getByTestId('timeline.where')).toHaveText('Step 3 of 5');
    await expect(part(page, /^\/tmp\/sdk\.tar in the merged view: from layer 2\.$/)).toBeVisible();
    await expect(status).not.toContainText('hidden by later layers');
    const before = await status.textContent();

    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(
      part(page, /^Whiteout in layer 3 \(RUN rm \/tmp\/sdk\.tar\): \/tmp\/sdk\.tar is deleted/),
    ).toBeVisible();
    await expect(
      part(
        page,
        /^\/tmp\/sdk\.tar: 3\.15 MB in layer 2 .*hidden by a later layer; its bytes stay in the image\.$/,
      ),
    ).toBeVisible();
    await expect(
      part(page, /^\/tmp\/sdk\.tar is not in the merged view: layer 3 deleted it\.$/),
    ).toBeVisible();
    await expect(picture(page).locator('[data-kind="hole"]')).toHaveCount(1);
    // The image did not shrink: the same size as before the rm, 3.15 MB of it hidden.
    await expect(status).toContainText('3.15 MB of it hidden by later layers');
    const size = (text: string | null) => /Image: ([\d.]+ \w+)/.exec(text ?? '')?.[1];
    expect(size(await status.textContent())).toBe(size(before));
  });

  test('a write in a container copies the file up into its writable layer', async ({
    lab,
    page,
  }) => {
    await lab.open();
    await build(lab, 'FROM debian:bookworm-slim\nRUN mkdir -p /srv && echo v1 > /srv/version\n');
    await runContainer(lab, "docker run --name web app sh -c 'echo v2 > /srv/version'");
    await openUnion(page);
    await expect(part(page, /^Writable layer of container web: 3 B, 2 changes\./)).toBeVisible();
    await expect(
      part(
        page,
        /^\/srv\/version: 3 B, copied up from layer 2 into the writable layer, then changed\.$/,
      ),
    ).toBeVisible();
    await expect(picture(page).locator('[data-state="copyup"]')).toHaveCount(1);
    await expect(
      part(page, /^\/srv\/version in the merged view: from the writable layer of web\.$/),
    ).toBeVisible();
    await expect(
      part(page, /^\/srv\/version: 3 B in layer 2 .*hidden by a later layer/),
    ).toBeVisible();
    // Without the container, the image alone: its file is the one seen again.
    await page.getByRole('combobox', { name: 'Container' }).selectOption('');
    await expect(picture(page).locator('[data-state="copyup"]')).toHaveCount(0);
    await expect(part(page, /^\/srv\/version in the merged view: from layer 2\.$/)).toBeVisible();
  });

  test('every slab and tile is reached by keyboard, and Enter opens a folder', async ({
    lab,
    page,
  }) => {
    await lab.open();
    await build(
      lab,
      'FROM debian:bookworm-slim\nRUN mkdir -p /data && for i in $(seq 1 30); do echo $i > /data/f$i; done && echo x > /top.txt\n',
    );
    await openUnion(page);
    const focused = () => page.locator(':focus');
    await picture(page).locator('[tabindex="0"]').focus();
    await expect(focused()).toHaveAttribute('aria-label', /in the merged view/);
    // Down from the merged view: the top slab's tiles; Home: the slab itself.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    await expect(focused()).toHaveAttribute('aria-label', /^Layer 2 of 2: RUN mkdir/);
    const seen = new Set<string>();
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('ArrowRight');
      seen.add((await focused().getAttribute('aria-label')) ?? '');
    }
    expect(
      [...seen].some((l) => /^Folder \/data\/ in layer 2 .*30 files, .*Enter opens it\.$/.test(l)),
    ).toBe(true);
    // The arrow keys moved in the picture, not the build's playback.
    await expect(page.getByTestId('timeline.where')).toHaveText('Step 2 of 2');
    // Open /data from the keyboard: its files become tiles of their own.
    await part(page, /^Folder \/data\/ in layer 2/).focus();
    await page.keyboard.press('Enter');
    // Its files, in path order: the first ones are in view (the rest a pan away).
    await expect(part(page, /^\/data\/f1: 2 B in layer 2/)).toBeVisible();
    await expect(picture(page).getByTestId('union.band')).toHaveCount(1);
    // The search box finds paths; the band folds the folder again.
    await page.getByTestId('union.search').fill('top.txt');
    await expect(part(page, /^\/top\.txt in the merged view: from layer 2\.$/)).toBeVisible();
    await page.getByTestId('union.search').fill('');
    await part(page, /^Open folder \/data\/\./).focus();
    await page.keyboard.press('Enter');
    await expect(part(page, /^\/data\/f1: /)).toHaveCount(0);
    await expect(part(page, /^Folder \/data\/ in layer 2/)).toBeVisible();
  });

  test('zoom and pan: buttons, and dragging the picture', async ({ lab, page }) => {
    await lab.open();
    await build(lab, WHITEOUT);
    await openUnion(page);
    const zoom = page.getByRole('group', { name: 'Zoom' });
    const level = async () => Number((await zoom.textContent())?.match(/(\d+)%/)?.[1]);
    // The fitted scale, once the picture's box has its size (it follows the box until then).
    await zoom.getByRole('button', { name: 'Fit' }).click();
    const start = await level();
    // Zoomed in until the picture is larger than its box, so it can be dragged.
    for (let i = 0; i < 3; i++) await zoom.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(level).toBeGreaterThan(start * 1.5);
    const tile = part(page, /^\/opt\/tool\/tool\.bin in the merged view/);
    const a = (await tile.boundingBox())!;
    const box = (await page.getByTestId('union.view').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 60, box.y + box.height / 2 - 30, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await tile.boundingBox())!.x).toBeLessThan(a.x);
    await zoom.getByRole('button', { name: 'Fit' }).click();
    await expect.poll(level).toBe(start);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`no serious accessibility violations (${colorScheme})`, async ({ lab, page }) => {
      await page.emulateMedia({ colorScheme });
      await lab.open();
      await build(lab, WHITEOUT);
      await runContainer(lab, "docker run --name web app sh -c 'echo hi > /etc/motd'");
      await openUnion(page);
      await expect(part(page, /^Writable layer of container web/)).toBeVisible();
      expect(await serious(page, 'union tab')).toEqual([]);
    });
  }

  test('the main view while presenting, and an embed panel', async ({ lab, page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('/?present=1');
    await page.getByTestId('present.editor').click();
    await lab.replaceText(WHITEOUT);
    await page.getByTestId('present.editor').click();
    await page.getByRole('button', { name: 'Build', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Replay' })).toBeVisible({ timeout: HANG_MS });
    await expect(page.getByRole('tab', { name: 'Union filesystem' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(slabs(page)).toHaveCount(3);
    const box = (await picture(page).boundingBox())!;
    expect(box.width).toBeGreaterThan(600);
    expect(await serious(page, 'presenter mode')).toEqual([]);

    await page.goto('/embed.html?panels=layers,union');
    await expect(page.getByRole('region', { name: 'Union filesystem' })).toBeVisible();
    await page.getByTestId('embed.build').click();
    await expect(page.getByTestId('timeline.where')).toContainText('Step', { timeout: HANG_MS });
    await page.getByRole('slider', { name: 'Build progress' }).focus();
    await page.keyboard.press('End');
    await expect(slabs(page).first()).toBeVisible({ timeout: HANG_MS });
    expect(await serious(page, 'embed')).toEqual([]);
  });
});

// Screenshots to look at: the starters, the whiteout lesson and the container lesson, at
// 1366x768 and in presenter mode at 1280x720 (one page each: built once, then resized and
// presenting); all of them also at 1920x1080 with 150 % zoom, presenting and not. Each shot
// checks that the whole stack fits the picture's box, base slab included.
async function shoot(page: Page, name: string, path: string) {
  const target = picture(page);
  await expect(slabs(page).first()).toBeVisible({ timeout: HANG_MS });
  try {
    await wholeStackInView(page, name);
  } finally {
    await page.screenshot({ path });
  }
  // The picture is on screen and the page does not scroll sideways.
  const box = (await target.boundingBox())!;
  const vp = page.viewportSize()!;
  expect(box.x + box.width, name).toBeLessThanOrEqual(vp.width + 1);
  expect(box.y, name).toBeLessThan(vp.height);
  expect(
    await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    ),
  ).toBeLessThanOrEqual(0);
}

/**
 * The whole stack fits the picture's box, base slab included, with no zoom or pan; the zoom
 * buttons cover none of it; the inspector's tabs are one row.
 */
async function wholeStackInView(page: Page, name: string) {
  const view = page.getByTestId('union.view');
  // The fit follows the box's size (a resize observer): wait until the base slab is in.
  await expect(async () => {
    const box = (await view.boundingBox())!;
    const bottoms = await slabs(page).evaluateAll((els) =>
      els.map((e) => e.getBoundingClientRect().bottom),
    );
    expect(bottoms.length, name).toBeGreaterThan(0);
    expect(Math.max(...bottoms), `${name}: the base slab is in the picture`).toBeLessThanOrEqual(
      box.y + box.height + 1,
    );
  }).toPass({ timeout: HANG_MS });
  const box = (await view.boundingBox())!;
  const zoom = (await page.getByRole('group', { name: 'Zoom' }).boundingBox())!;
  const overlaps =
    zoom.x < box.x + box.width &&
    zoom.x + zoom.width > box.x &&
    zoom.y < box.y + box.height &&
    zoom.y + zoom.height > box.y;
  expect(overlaps, `${name}: the zoom buttons lie outside the picture`).toBe(false);
  const tabs = page.getByRole('tablist', { name: 'Inspect the image' }).getByRole('tab');
  const tops = await tabs.evaluateAll((els) =>
    els.map((e) => Math.round(e.getBoundingClientRect().top)),
  );
  expect(new Set(tops).size, `${name}: the inspector's tabs are one row`).toBe(1);
}

/** Opens a starter or a lesson and plays its build to the end. */
async function openLab(page: Page, what: { starter: string } | { lesson: string }) {
  if ('starter' in what) {
    await page.goto('/');
    await page
      .getByRole('combobox', { name: 'Starter project' })
      .selectOption({ label: what.starter });
    await page.getByRole('button', { name: 'Build', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Replay' })).toBeVisible({ timeout: HANG_MS });
  } else {
    await page.goto(`/?lesson=${what.lesson}`);
    await expect(page.getByTestId('layers.total')).toBeVisible({ timeout: HANG_MS });
    if (what.lesson === 'container-writable-layer') {
      await runContainer(
        new LabPage(page),
        "docker run --name web app:1 sh -c 'echo hi > /tmp/x && echo v2 > /srv/version'",
      );
    }
  }
}

const slug = (s: string) => s.toLowerCase().replace(/\W+/g, '-');

test.describe('union picture screenshots', () => {
  const labs = [
    ...[
      'Python web app',
      'Node app',
      'Static site with nginx',
      'Multi-stage build',
      'From scratch',
    ].map((starter) => ({ starter })),
    { lesson: 'deleting-does-not-shrink' },
    { lesson: 'container-writable-layer' },
  ];
  for (const what of labs) {
    const name = 'starter' in what ? what.starter : what.lesson;
    test(`${name}: 1366x768, and presenting at 1280x720`, async ({ page }, info) => {
      await page.setViewportSize({ width: 1366, height: 768 });
      await openLab(page, what);
      await openUnion(page);
      if ('lesson' in what) {
        await expect(
          picture(page).locator(
            what.lesson === 'deleting-does-not-shrink'
              ? '[data-kind="hole"]'
              : '[data-state="copyup"]',
          ),
        ).toHaveCount(1);
      }
      await shoot(page, name, info.outputPath(`union-${slug(name)}-1366x768.png`));
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.getByTestId('present.toggle').click();
      await expect(page.getByRole('tab', { name: 'Union filesystem' })).toHaveAttribute(
        'aria-selected',
        'true',
      );
      await shoot(page, name, info.outputPath(`union-${slug(name)}-present-1280x720.png`));
    });
  }

  test('1920x1080 at 150 %: every starter and both lessons, presenting or not', async ({
    browser,
  }, info) => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 720 },
      deviceScaleFactor: 1.5,
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    for (const what of labs) {
      await openLab(page, what);
      await openUnion(page);
      const name = 'starter' in what ? what.starter : what.lesson;
      await shoot(page, name, info.outputPath(`union-${slug(name)}-1920x1080@150.png`));
      await page.getByTestId('present.toggle').click();
      await shoot(page, name, info.outputPath(`union-${slug(name)}-present-1920x1080@150.png`));
      await page.getByTestId('present.toggle').click();
      await expect(page.locator('html')).not.toHaveAttribute('data-present', 'on');
    }
    await context.close();
  });
});
