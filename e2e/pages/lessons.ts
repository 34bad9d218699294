import { expect, type Locator, type Page } from '@playwright/test';
import { HANG_MS } from '../timeouts.ts';

/** The Course: its button, the map of lessons (a dialog), and the open lesson's pane. */
export class Course {
  readonly button: Locator;
  readonly dialog: Locator;
  /** The open lesson's pane (named after the lesson). */
  readonly pane: Locator;
  readonly goals: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByRole('button', { name: 'Course', exact: true });
    this.dialog = page.getByRole('dialog', { name: 'Course' });
    this.pane = page.getByTestId('lesson.pane');
    this.goals = this.pane.getByRole('list', { name: 'Goals' }).getByRole('listitem');
  }

  /** A lesson's entry on the course map (`1. Images and containers`). */
  entry(title: string): Locator {
    return this.dialog
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('button', { name: title }) });
  }

  /** Opens a lesson from the course map and waits until its lab is set up. */
  async openLesson(title: string): Promise<Locator> {
    await this.button.click();
    await this.dialog.getByRole('button', { name: title }).click();
    await expect(this.dialog).toBeHidden();
    const pane = this.page.getByRole('region', { name: title });
    await expect(pane).toBeVisible();
    await expect(this.page.getByText('Setting up the lab for this lesson…')).toBeHidden({
      timeout: HANG_MS,
    });
    return pane;
  }

  goal(text: string | RegExp): Locator {
    return this.goals.filter({ hasText: text });
  }

  /** Waits until every goal of the open lesson says Met, and the lesson says it is done. */
  async expectAllGoalsMet() {
    await expect(this.goals.first()).toBeVisible();
    for (const item of await this.goals.all())
      await expect(item).toContainText('Met', { timeout: HANG_MS });
    await expect(this.page.getByText('Every goal is met: lesson done.')).toBeVisible();
  }
}
