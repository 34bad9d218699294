// What a learner waits for in the page (production build, headless Chromium): for every
// starter the app offers and every lesson's start state, from the click on Build to the moment
// the lab knows every step. The headline is the first build after the page loads, clicked as
// soon as the Build button takes clicks (a fresh page and worker each run: the worker's start,
// the images' loading and the warm-up it cuts short are all in it). Extra rows: the same build
// clicked once the page is ready (the Build button says when the engine has got ready for the
// lab: base images loaded, the build rehearsed), as after a learner has read the lab; the
// same build again (cached); for the starters, the time from navigation to ready and long
// tasks while the first build plays. Measured inside the page: the click's own timestamp to
// the render that shows the new build. Data-driven: the starters and lessons are read from the
// app. Part of `npm run bench`; BENCH_RUNS sets the runs per case (default 3), BENCH_ONLY a
// substring of the cases to run.
import type { Browser, Page } from '@playwright/test';
import { loadCourse } from '../../app/engine/lessons/index.ts';
import { lessonSources } from '../../app/engine/lessons/testing/sessions.ts';
import { LAB_STORAGE_KEY } from '../../app/store/store.ts';
import { STARTERS } from '../../app/store/starters.ts';
import { expect, HANG_MS, test } from '../fixtures.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ONLY = process.env.BENCH_ONLY;
const FIRST_MS = 400;
const CACHED_MS = 50;
const LONG_TASK_MS = 50;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function report(name: string, values: number[], target: number, unit = 'ms') {
  const m = median(values);
  const s = [...values].sort((a, b) => a - b);
  console.log(
    `${m < target ? 'PASS' : 'MISS'}  ${name}: ${m.toFixed(0)} ${unit} (target < ${target} ${unit}; min-max ${s[0]!.toFixed(0)}-${s.at(-1)!.toFixed(0)}, ${values.length} runs)`,
  );
}

/** Records, inside the page, each click on Build and each new build number the lab shows. */
async function instrument(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as {
      __clicks: number[];
      __known: Map<number, number>;
      __long: { start: number; duration: number }[];
      __ready?: number;
    };
    w.__clicks = [];
    w.__known = new Map();
    w.__long = [];
    document.addEventListener(
      'click',
      (e) => {
        if ((e.target as Element).closest?.('[data-testid="build.run"]'))
          w.__clicks.push(e.timeStamp);
      },
      true,
    );
    new MutationObserver(() => {
      const n = Number(
        document.querySelector('[data-testid="build.run"]')?.getAttribute('data-build-number'),
      );
      if (n > 0 && !w.__known.has(n)) w.__known.set(n, performance.now());
      const engine = document
        .querySelector('[data-testid="build.run"]')
        ?.getAttribute('data-engine');
      if (engine === 'ready' && w.__ready === undefined) w.__ready = performance.now();
    }).observe(document, {
      subtree: true,
      attributes: true,
      attributeFilter: ['data-build-number', 'data-engine'],
    });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        w.__long.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** Clicks Build and waits (however long it takes) for the next build; returns its times. */
async function clickToKnown(page: Page) {
  const button = page.getByTestId('build.run');
  await expect(button).toBeEnabled({ timeout: HANG_MS });
  const before = Number(await button.getAttribute('data-build-number'));
  await button.click();
  await expect(button).toHaveAttribute('data-build-number', String(before + 1), {
    timeout: HANG_MS,
  });
  return page.evaluate((n) => {
    const w = window as unknown as {
      __clicks: number[];
      __known: Map<number, number>;
      __long: { start: number; duration: number }[];
    };
    const click = w.__clicks.at(-1)!;
    const known = w.__known.get(n)!;
    const long = w.__long.filter((t) => t.start + t.duration > click && t.start < known);
    return { ms: known - click, longest: Math.max(0, ...long.map((t) => t.duration)) };
  }, before + 1);
}

/** Waits (however long it takes) until the engine has got ready for the lab's build. */
async function ready(page: Page): Promise<number> {
  await expect(page.getByTestId('build.run')).toHaveAttribute('data-engine', 'ready', {
    timeout: HANG_MS,
  });
  return page.evaluate(() => (window as unknown as { __ready: number }).__ready);
}

/** Lets the shown build play to its end; returns the longest main-thread task meanwhile. */
async function playToEnd(page: Page): Promise<number> {
  const from = await page.evaluate(() => performance.now());
  const scrubber = page.getByRole('slider', { name: 'Build progress' });
  await expect(scrubber).toBeVisible({ timeout: HANG_MS });
  await expect
    .poll(
      () =>
        scrubber.evaluate((el) => {
          const input = el as HTMLInputElement;
          return input.value === input.max;
        }),
      { timeout: HANG_MS },
    )
    .toBe(true);
  return page.evaluate((t0) => {
    const w = window as unknown as { __long: { start: number; duration: number }[] };
    const long = w.__long.filter((t) => t.start + t.duration > t0);
    return Math.max(0, ...long.map((t) => t.duration));
  }, from);
}

/** A fresh page in the case's start state (a lesson's lab in place), as soon as it shows. */
async function fresh(browser: Browser, c: Case) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await instrument(page);
  await c.open(page);
  return { context, page };
}

interface Case {
  name: string;
  starter: boolean;
  /** Opens the page in the case's start state. */
  open: (page: Page) => Promise<void>;
}

const cases: Case[] = [
  ...STARTERS.map((s): Case => ({
    name: `starter ${s.id}`,
    starter: true,
    open: async (page) => {
      // The starter as the learner's saved lab: the page opens with it, as after a reload.
      const saved = JSON.stringify({
        state: { dockerfile: s.dockerfile, files: s.files },
        version: 1,
      });
      await page.addInitScript(
        ([key, value]) => {
          if (!sessionStorage.getItem('bench-seeded')) {
            localStorage.setItem(key!, value!);
            sessionStorage.setItem('bench-seeded', '1');
          }
        },
        [LAB_STORAGE_KEY, saved],
      );
      await page.goto('/');
    },
  })),
  ...loadCourse(lessonSources()).lessons.map((l): Case => ({
    name: `lesson ${l.id}`,
    starter: false,
    open: async (page) => {
      await page.goto(`/?lesson=${l.id}`);
      await expect(page.getByTestId('lesson.pane')).toHaveAttribute('aria-busy', 'false', {
        timeout: HANG_MS,
      });
    },
  })),
].filter((c) => !ONLY || c.name.includes(ONLY));

test('click Build -> every step known, for every starter and lesson start', async ({ browser }) => {
  test.setTimeout(0);
  const buildLong: number[] = [];
  const playLong: number[] = [];
  for (const c of cases) {
    const atOnce: number[] = [];
    const afterReady: number[] = [];
    const cached: number[] = [];
    const readyAt: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // The learner clicks as soon as the button takes clicks, then again (cached).
      const first = await fresh(browser, c);
      const a = await clickToKnown(first.page);
      const b = await clickToKnown(first.page);
      atOnce.push(a.ms);
      cached.push(b.ms);
      buildLong.push(a.longest, b.longest);
      await first.context.close();
      // The learner reads the lab first: the click comes once the engine is ready.
      const later = await fresh(browser, c);
      readyAt.push(await ready(later.page));
      const r = await clickToKnown(later.page);
      afterReady.push(r.ms);
      buildLong.push(r.longest);
      if (c.starter && run === 0) playLong.push(await playToEnd(later.page));
      await later.context.close();
    }
    report(
      `${c.name}: click Build at once after load -> every step known (first build)`,
      atOnce,
      FIRST_MS,
    );
    report(
      `${c.name}: click Build once the page is ready -> every step known (first build)`,
      afterReady,
      FIRST_MS,
    );
    report(`${c.name}: cached rebuild, click -> known`, cached, CACHED_MS);
    console.log(
      `      navigation -> engine ready for the first build: median ${median(readyAt).toFixed(0)} ms`,
    );
  }
  report(
    'longest main-thread task during a build (all cases)',
    [Math.max(0, ...buildLong)],
    LONG_TASK_MS,
  );
  report(
    'longest main-thread task while a build plays (starters)',
    [Math.max(0, ...playLong)],
    LONG_TASK_MS,
  );
});
