import { test as base, expect, type Locator, type Page } from '@playwright/test';

/**
 * How long a wait may take before it counts as a hang. Waits for a build, a lesson or the
 * engine use it: a loaded machine makes them slower, never red. It is not a speed target
 * (speed is measured by `npm run bench`).
 */
export const HANG_MS = 120_000;

/** The lab page as the tests use it: locators by role and label, actions in the learner's terms. */
export class LabPage {
  readonly editor: Locator;
  readonly instructions: Locator;
  readonly problems: Locator;
  readonly cursor: Locator;
  /** The terminal's input (xterm's textarea) and what it shows. */
  readonly terminal: Locator;
  readonly screen: Locator;

  constructor(readonly page: Page) {
    this.editor = page.getByRole('textbox', { name: 'Dockerfile' });
    this.instructions = page.getByRole('region', { name: 'Image layers' });
    this.problems = page.getByRole('list', { name: 'Problems' });
    this.cursor = page.getByTestId('editor.cursor');
    this.terminal = page.getByRole('textbox', { name: 'Terminal: type docker commands' });
    this.screen = page.getByTestId('terminal.screen');
  }

  async open(path = '/') {
    await this.page.goto(path);
    await expect(this.editor).toBeVisible();
  }

  /** Replaces the whole Dockerfile, as a paste would. */
  async replaceText(text: string) {
    // Near the top-left corner: a long document's centre may be scrolled out of view.
    await this.editor.click({ position: { x: 8, y: 8 } });
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.insertText(text);
  }

  /** Empties the editor, then types `text` key by key (Enter for each newline). */
  async typeFresh(text: string) {
    await this.replaceText('');
    await this.page.keyboard.type(text);
  }

  /** The gutter marker of the problems on `line`. */
  diagnosticOnLine(line: number): Locator {
    return this.page
      .getByTestId('editor.diagnostic')
      .and(this.page.locator(`[data-line="${line}"]`));
  }

  allDiagnostics(): Locator {
    return this.page.getByTestId('editor.diagnostic');
  }
}

/**
 * A Dockerfile whose steps and lines differ (a comment comes first) and whose `COPY app.py`
 * breaks the cache when app.py changes: step 5, on line 6, of 7 steps.
 */
export const STEPS_DOCKERFILE = [
  '# a comment first, so lines and steps differ',
  'FROM debian:bookworm-slim',
  'WORKDIR /app',
  'COPY requirements.txt .',
  'RUN echo deps > /deps',
  'COPY app.py .',
  'RUN echo ran > /app/ran',
  'CMD ["cat", "/app/ran"]',
].join('\n');

export const test = base.extend<{ lab: LabPage; pageErrors: string[] }>({
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await use(errors);
  },
  lab: async ({ page }, use) => {
    await use(new LabPage(page));
  },
});

export { expect };
