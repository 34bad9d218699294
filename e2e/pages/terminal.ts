import { expect, type Locator, type Page } from '@playwright/test';
import { HANG_MS } from '../timeouts.ts';

/** The terminal dock: the xterm input, what it shows, its size and its handle. */
export class TerminalDock {
  readonly dock: Locator;
  /** xterm's input (a textarea named for screen readers). */
  readonly input: Locator;
  readonly screen: Locator;
  readonly handle: Locator;
  readonly maximise: Locator;
  readonly restore: Locator;

  constructor(readonly page: Page) {
    this.dock = page.getByTestId('terminal.dock');
    this.input = page.getByRole('textbox', { name: 'Terminal: type docker commands' });
    this.screen = page.getByTestId('terminal.screen');
    this.handle = page.getByRole('separator', { name: 'Resize the terminal' });
    this.maximise = page.getByRole('button', { name: 'Maximise' });
    this.restore = page.getByRole('button', { name: 'Restore' });
  }

  /**
   * Types one line as a learner would and presses Enter; with `output`, waits (as long as a
   * hang allows) until the screen shows it.
   */
  async run(line: string, output?: string | RegExp) {
    await this.input.focus();
    await this.page.keyboard.type(line);
    // Checked before Enter: a long output may scroll the typed line out of view.
    await expect(this.screen).toContainText(line);
    await this.page.keyboard.press('Enter');
    if (output !== undefined) await expect(this.screen).toContainText(output, { timeout: HANG_MS });
  }

  /**
   * Leaves the terminal as a keyboard user does (Escape, then Tab), so the dock shrinks back
   * to its resting height and gives the editor its room again.
   */
  async leave() {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Tab');
    await expect(this.input).not.toBeFocused();
  }

  /** The dock's size in character cells. */
  async size(): Promise<{ cols: number; rows: number }> {
    return {
      cols: Number(await this.dock.getAttribute('data-cols')),
      rows: Number(await this.dock.getAttribute('data-rows')),
    };
  }
}
