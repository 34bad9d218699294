import type { Locator, Page } from '@playwright/test';

/** Presenter mode: the header's toggle, the spotlight on the current step, the editor button. */
export class Presenter {
  readonly toggle: Locator;
  readonly spotlight: Locator;
  readonly editorToggle: Locator;

  constructor(readonly page: Page) {
    this.toggle = page.getByTestId('present.toggle');
    this.spotlight = page.getByTestId('present.spotlight');
    this.editorToggle = page.getByTestId('present.editor');
  }

  /** `data-present="on"` on <html> while presenting. */
  async isOn(): Promise<boolean> {
    return (await this.page.locator('html').getAttribute('data-present')) === 'on';
  }
}

/** The speaker view (`/?present=speaker`): follows the presenting window and can step it. */
export class SpeakerView {
  readonly where: Locator;
  readonly back: Locator;

  constructor(readonly page: Page) {
    this.where = page.getByTestId('speaker.where');
    this.back = page.getByRole('button', { name: 'Back', exact: true });
  }
}
