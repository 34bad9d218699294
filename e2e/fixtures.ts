import { test as base, expect, type Locator, type Page } from '@playwright/test';

import { BuildBar, Playback } from './pages/build.ts';
import { ContextFiles, DockerfileEditor } from './pages/editor.ts';
import { CachePanel, ContainerPanel, FilesystemPanel, ImagesPanel } from './pages/inspectors.ts';
import { LayerStack } from './pages/layers.ts';
import { Course } from './pages/lessons.ts';
import { Presenter } from './pages/presenter.ts';
import { TerminalDock } from './pages/terminal.ts';
import { HANG_MS } from './timeouts.ts';

export { HANG_MS };

/**
 * The lab page as the tests use it: one page object per panel (`e2e/pages/`), each finding
 * its parts by role and label (then dotted data-testid, never CSS classes), with actions in
 * the learner's terms. The short members (`editor`, `terminal`, `screen`...) are the ones the
 * specs used before the panels had objects of their own.
 */
export class LabPage {
  readonly dockerfile: DockerfileEditor;
  readonly files: ContextFiles;
  readonly buildBar: BuildBar;
  readonly playback: Playback;
  readonly layers: LayerStack;
  readonly cache: CachePanel;
  readonly fs: FilesystemPanel;
  readonly container: ContainerPanel;
  readonly images: ImagesPanel;
  readonly dock: TerminalDock;
  readonly course: Course;
  readonly presenter: Presenter;

  readonly editor: Locator;
  readonly instructions: Locator;
  readonly problems: Locator;
  readonly cursor: Locator;
  /** The terminal's input (xterm's textarea) and what it shows. */
  readonly terminal: Locator;
  readonly screen: Locator;

  constructor(readonly page: Page) {
    this.dockerfile = new DockerfileEditor(page);
    this.files = new ContextFiles(page);
    this.buildBar = new BuildBar(page);
    this.playback = new Playback(page);
    this.layers = new LayerStack(page);
    this.cache = new CachePanel(page);
    this.fs = new FilesystemPanel(page);
    this.container = new ContainerPanel(page);
    this.images = new ImagesPanel(page);
    this.dock = new TerminalDock(page);
    this.course = new Course(page);
    this.presenter = new Presenter(page);

    this.editor = this.dockerfile.textbox;
    this.instructions = this.layers.region;
    this.problems = this.dockerfile.problems;
    this.cursor = this.dockerfile.cursor;
    this.terminal = this.dock.input;
    this.screen = this.dock.screen;
  }

  async open(path = '/') {
    await this.page.goto(path);
    await expect(this.editor).toBeVisible();
    // The editor takes input as it shows; its keys (select all, undo), diagnostics and
    // completion arrive with the chunk it loads next. Tests press those keys: they wait for it.
    await expect(this.page.getByTestId('editor.host')).toHaveAttribute('data-extras', 'loaded', {
      timeout: HANG_MS,
    });
  }

  /** Replaces the whole Dockerfile, as a paste would. */
  async replaceText(text: string) {
    await this.dockerfile.replaceText(text);
  }

  /** Empties the editor, then types `text` key by key (Enter for each newline). */
  async typeFresh(text: string) {
    await this.dockerfile.typeFresh(text);
  }

  /** The gutter marker of the problems on `line`. */
  diagnosticOnLine(line: number): Locator {
    return this.dockerfile.diagnosticOnLine(line);
  }

  allDiagnostics(): Locator {
    return this.dockerfile.allDiagnostics();
  }

  /**
   * Presses Build, waits until build number `n` (1 for the first) is the one shown, and plays
   * it to the end at once; the layer stack then shows its total.
   */
  async buildToEnd(n = 1) {
    await this.buildBar.build();
    await this.playback.showsBuild(n);
    await this.playback.toEnd();
    await expect(this.layers.total).toBeVisible({ timeout: HANG_MS });
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
