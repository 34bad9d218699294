import { expect, test } from './fixtures.ts';

test.describe('Dockerfile editor', () => {
  test.beforeEach(async ({ lab }) => {
    await lab.open();
  });

  test('starts with the starter Dockerfile and lists its instructions', async ({ lab }) => {
    await expect(lab.editor).toContainText('FROM debian:bookworm-slim');
    const items = lab.instructions.getByRole('listitem');
    await expect(items.first()).toContainText('FROM');
    await expect(items.first()).toContainText('debian:bookworm-slim');
    await expect(
      lab.instructions.getByRole('button', { name: /RUN apt-get update/ }),
    ).toContainText('layer');
    await expect(lab.instructions.getByRole('button', { name: /CMD/ })).toContainText('metadata');
  });

  test('shows a typo on its line as you type, and clears it once fixed', async ({ lab, page }) => {
    await lab.typeFresh('FROM debian:bookworm-slim\nWORKDIR /app\nRUNN echo hi');

    await expect(lab.diagnosticOnLine(3)).toBeVisible();
    await expect(lab.allDiagnostics()).toHaveCount(1);
    const problem = lab.problems.getByRole('button', { name: /Line 3/ });
    await expect(problem).toContainText('RUNN');
    await expect(lab.diagnosticOnLine(3)).toHaveAttribute('data-severity', 'error');

    // The problem leads to its line; fix the typo there.
    await problem.click();
    await expect(lab.cursor).toHaveText('Line 3, column 1');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Delete');

    await expect(lab.allDiagnostics()).toHaveCount(0);
    await expect(lab.problems).toHaveCount(0);
    await expect(page.getByText('No problems', { exact: true })).toBeVisible();
    await expect(lab.instructions.getByRole('listitem')).toHaveCount(3);
  });

  test("names BuildKit's build check, explains it, and applies its quick fix", async ({
    lab,
    page,
  }) => {
    await lab.replaceText('FROM debian:bookworm-slim\nCMD sleep infinity\n');

    const problem = lab.problems.getByRole('button', { name: /Line 2/ });
    await expect(problem).toContainText('JSONArgsRecommended');
    await expect(problem).toContainText(
      'JSON arguments recommended for CMD to prevent unintended behavior related to OS signals',
    );
    await expect(problem).toContainText('docker stop');
    await expect(lab.diagnosticOnLine(2)).toHaveAttribute('data-severity', 'warning');

    await lab.problems
      .getByRole('button', { name: 'Fix: Write CMD ["sleep", "infinity"]' })
      .click();
    await expect(lab.editor).toContainText('CMD ["sleep", "infinity"]');
    await expect(lab.problems).toHaveCount(0);
    await expect(page.getByText('No problems', { exact: true })).toBeVisible();

    // The fix is one edit: undo brings the shell form back.
    await page.keyboard.press('ControlOrMeta+z');
    await expect(lab.editor).toContainText('CMD sleep infinity');
  });

  test("marks Layerlab's own advice as such, apart from Docker's checks", async ({ lab, page }) => {
    await lab.replaceText('FROM debian:bookworm-slim\nRUN apt-get install -y curl\n');
    const note = lab.problems.getByRole('button', { name: /Line 2/ });
    await expect(note).toContainText('Layerlab advice');
    await expect(page.getByText('No problems · 1 note', { exact: true })).toBeVisible();
  });

  test('offers instructions to complete, with what they do', async ({ lab, page }) => {
    await lab.editor.click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('\nwor');
    const options = page.getByRole('listbox');
    await expect(options.getByRole('option', { name: /WORKDIR/ })).toBeVisible();
    await expect(page.getByText('Sets the working directory for later steps')).toBeVisible();
    // The editor ignores Enter just after the list opens, so fast typing is never hijacked.
    await page.waitForTimeout(150);
    await page.keyboard.press('Enter');
    await page.keyboard.type('/srv');
    await expect(lab.editor).toContainText('WORKDIR /srv');
    await expect(lab.instructions.getByRole('button', { name: /WORKDIR \/srv/ })).toBeVisible();
  });

  test('explains an instruction keyword on hover', async ({ lab, page }) => {
    await lab.editor.getByText('EXPOSE', { exact: true }).hover();
    await expect(page.getByText('Documents the ports the container listens on')).toBeVisible();
    await expect(page.getByText('EXPOSE <port>[/<protocol>] ...')).toBeVisible();
  });

  test('choosing an instruction puts the cursor on its line', async ({ lab }) => {
    await lab.instructions.getByRole('button', { name: /EXPOSE 8000/ }).click();
    await expect(lab.cursor).toHaveText('Line 9, column 1');
    await expect(lab.editor).toBeFocused();
  });

  test('a Dockerfile that does not parse never blanks the page', async ({
    lab,
    page,
    pageErrors,
  }) => {
    const nasty = [
      'FROM',
      '\\',
      'RUN ["unterminated',
      'ARG ${',
      'ONBUILD ONBUILD RUN x',
      'COPY --from= \\',
      '',
      '\u0000\u202e#',
      'HEALTHCHECK --interval=',
      `RUN ${'a'.repeat(5000)}`,
      'ENV =',
      'LABEL "a',
      '# escape=`',
    ].join('\n');
    await lab.replaceText(nasty);
    await page.keyboard.type('\nRUNN');
    await expect(page.getByRole('heading', { name: 'Layerlab', level: 1 })).toBeVisible();
    await expect(lab.editor).toBeVisible();
    await expect(lab.instructions).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await lab.replaceText('');
    await expect(lab.instructions).toContainText('No instructions yet');
    expect(pageErrors).toEqual([]);
  });
});
