import { expect, type Locator, type Page } from '@playwright/test';

/** The Dockerfile editor (CodeMirror): its text, its problems, the line the cursor is on. */
export class DockerfileEditor {
  readonly panel: Locator;
  readonly textbox: Locator;
  readonly problems: Locator;
  readonly cursor: Locator;
  /** The lines of the step the playback shows, marked in the editor. */
  readonly stepLines: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('panel.editor');
    this.textbox = page.getByRole('textbox', { name: 'Dockerfile' });
    this.problems = page.getByRole('list', { name: 'Problems' });
    this.cursor = page.getByTestId('editor.cursor');
    this.stepLines = page.getByTestId('editor.step-line');
  }

  /** Replaces the whole Dockerfile, as a paste would. */
  async replaceText(text: string) {
    // Near the top-left corner: a long document's centre may be scrolled out of view.
    await this.textbox.click({ position: { x: 8, y: 8 } });
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
    return this.allDiagnostics().and(this.page.locator(`[data-line="${line}"]`));
  }

  allDiagnostics(): Locator {
    return this.page.getByTestId('editor.diagnostic');
  }
}

/** The build context's files: one tab each beside the Dockerfile's, and the open file's text. */
export class ContextFiles {
  readonly tabs: Locator;
  /** The open context file's text area. */
  readonly content: Locator;

  constructor(readonly page: Page) {
    this.tabs = page.getByRole('tablist', { name: 'Dockerfile and build-context files' });
    this.content = page.getByTestId('files.editor');
  }

  tab(name: string): Locator {
    return this.tabs.getByRole('tab', { name });
  }

  /** Opens `name`'s tab and waits for its text area. */
  async open(name: string): Promise<Locator> {
    await this.tab(name).click();
    const box = this.page.getByRole('textbox', { name: `Contents of ${name}` });
    await expect(box).toBeVisible();
    return box;
  }

  /** Replaces the text of context file `name`. */
  async write(name: string, text: string) {
    await (await this.open(name)).fill(text);
  }
}
