import type { Locator } from '@playwright/test';
import type { Root } from './root.ts';

/** The layer stack: one card per step (newest on top), the base, the total, the notes. */
export class LayerStack {
  readonly region: Locator;
  /** Every step's card, top of the stack first. */
  readonly items: Locator;
  readonly base: Locator;
  readonly total: Locator;
  /** Under the total where the image store counts layers in disk blocks (containerd). */
  readonly sizeNote: Locator;
  /** 'This is build N' after an edit: the picture is of the last build. */
  readonly stale: Locator;
  readonly failure: Locator;
  readonly welcome: Locator;
  /** The card the playback rests on. */
  readonly current: Locator;
  /** The cards' "line N" links to the Dockerfile (only where the Dockerfile is on screen). */
  readonly lineLinks: Locator;

  constructor(readonly root: Root) {
    this.region = root.getByRole('region', { name: 'Image layers' });
    this.items = this.region.getByTestId('layers.item');
    this.base = this.region.getByTestId('layers.base');
    this.total = this.region.getByTestId('layers.total');
    this.sizeNote = this.region.getByTestId('layers.size-note');
    this.stale = root.getByTestId('layers.stale');
    this.failure = this.region.getByTestId('layers.failure');
    this.welcome = root.getByTestId('layers.welcome');
    this.current = this.region.locator('[aria-current="step"]');
    this.lineLinks = this.region.getByRole('button', { name: /^line \d+$/ });
  }

  /** The "line N" link of the step on Dockerfile line `n`. */
  lineLink(n: number): Locator {
    return this.region.getByRole('button', { name: `line ${n}`, exact: true });
  }

  /** The first card whose text has `text` (its instruction, usually). */
  item(text: string | RegExp): Locator {
    return this.items.filter({ hasText: text }).first();
  }

  /** 'built', 'cached', 'pending', 'running', 'failed': how the step went. */
  async phaseOf(text: string | RegExp): Promise<string> {
    return (await this.item(text).getAttribute('data-phase')) ?? '';
  }

  /** Selects a step's card (the panels then show that layer). */
  async select(text: string | RegExp) {
    await this.item(text).getByRole('button').first().click();
  }
}
