import { expect, type Locator } from '@playwright/test';
import { HANG_MS } from '../timeouts.ts';
import type { Root } from './root.ts';

/** The header's build controls: the Build button and the options behind 'Build options'. */
export class BuildBar {
  readonly button: Locator;
  readonly options: Locator;
  readonly tag: Locator;
  readonly buildArgs: Locator;
  readonly noCache: Locator;
  readonly builder: Locator;

  constructor(readonly root: Root) {
    const bar = root.getByRole('group', { name: 'Build', exact: true });
    this.button = bar.getByRole('button', { name: 'Build', exact: true });
    this.options = bar.getByRole('button', { name: /^Build options/ });
    const panel = bar.getByRole('group', { name: 'Build options' });
    this.tag = panel.getByRole('textbox', { name: 'Image tag (-t)' });
    this.buildArgs = panel.getByRole('textbox', { name: /^Build arguments/ });
    this.noCache = panel.getByRole('checkbox', { name: '--no-cache' });
    this.builder = panel.getByRole('combobox', { name: 'Builder' });
  }

  /** Opens the options popover (if closed) so its fields can be filled. */
  async openOptions() {
    if ((await this.options.getAttribute('aria-expanded')) !== 'true') await this.options.click();
    await expect(this.tag).toBeVisible();
  }

  /** Presses Build and, given `n`, waits until build number `n` of this lab has finished. */
  async build(n?: number) {
    await this.button.click();
    if (n !== undefined) await this.waitForBuild(n);
  }

  /** Waits (as long as a hang allows) until the button has made build number `n` and is free. */
  async waitForBuild(n: number) {
    await expect(this.button).toHaveAttribute('data-build-number', String(n), { timeout: HANG_MS });
    await expect(this.button).not.toHaveAttribute('aria-busy', 'true', { timeout: HANG_MS });
  }
}

/** The playback of the shown build: which build, where in it, and the buttons that move. */
export class Playback {
  readonly controls: Locator;
  /** 'Not started · 7 steps', 'Step 3 of 7'. */
  readonly where: Locator;
  /** The build shown (a select; its value is the build's index, 0 for the first). */
  readonly builds: Locator;
  readonly scrubber: Locator;
  readonly rewind: Locator;
  readonly back: Locator;
  readonly step: Locator;
  readonly play: Locator;
  readonly replay: Locator;

  constructor(readonly root: Root) {
    this.controls = root.getByRole('group', { name: 'Playback' });
    this.where = root.getByTestId('timeline.where');
    this.builds = root.getByTestId('timeline.builds');
    this.scrubber = root.getByRole('slider', { name: 'Build progress' });
    this.rewind = root.getByRole('button', { name: 'Rewind' });
    this.back = root.getByRole('button', { name: 'Back', exact: true });
    this.step = root.getByRole('button', { name: 'Step', exact: true });
    this.play = root.getByRole('button', { name: 'Play', exact: true });
    this.replay = root.getByRole('button', { name: 'Replay' });
  }

  /** Waits until build number `n` (1 for the first) is the one shown. */
  async showsBuild(n: number) {
    await expect(this.builds).toHaveValue(String(n - 1), { timeout: HANG_MS });
  }

  /** Plays the shown build to its end at once (the scrubber's End key). */
  async toEnd() {
    await expect(this.scrubber).toBeVisible({ timeout: HANG_MS });
    await this.scrubber.press('End');
  }
}
