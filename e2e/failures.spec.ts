import { expect, HANG_MS, test } from './fixtures.ts';

// A student alone: a build fails, and the reason must be on the step's card, where they look.

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
]) {
  test.describe(`at ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test('a failed RUN shows the program’s own last lines on its card', async ({ lab }) => {
      await lab.open();
      await lab.replaceText('FROM debian:bookworm-slim\nRUN apt-get install -y curl\nCMD ["sh"]\n');
      await lab.buildBar.build();
      const failed = lab.layers.item('apt-get install');
      await expect(failed).toHaveAttribute('data-phase', 'failed', { timeout: HANG_MS });
      await expect(failed.getByTestId('layers.failure-output')).toContainText(
        'E: Unable to locate package curl',
      );
      await expect(failed.getByTestId('layers.failure')).toContainText('exit code: 100');
      await expect(failed.getByTestId('layers.failure')).toBeInViewport();
      // The step after it never ran, and says so.
      await expect(lab.layers.item('CMD')).toContainText('not run');
    });

    test('a failed FROM shows its reason on its card', async ({ lab }) => {
      await lab.open();
      await lab.replaceText('FROM nosuchimage:1\nRUN echo hi\n');
      await lab.buildBar.build();
      const base = lab.layers.base;
      await expect(base).toHaveAttribute('data-phase', 'failed', { timeout: HANG_MS });
      await expect(base.getByTestId('layers.failure')).toContainText('nosuchimage:1');
      await expect(base.getByTestId('layers.failure')).toBeInViewport();
    });

    test('EXPOSE eighty is marked in the editor before a build, and the build fails on its card', async ({
      lab,
    }) => {
      await lab.open();
      await lab.replaceText('FROM debian:bookworm-slim\nRUN echo hi\nEXPOSE eighty\nCMD ["sh"]\n');
      // Before any build: a problem on line 3, said plainly, and the word marked in the gutter.
      await expect(lab.diagnosticOnLine(3)).toBeVisible();
      await expect(lab.problems).toContainText('"eighty" is not a port');
      await lab.buildBar.build();
      const expose = lab.layers.item('EXPOSE');
      await expect(expose).toHaveAttribute('data-phase', 'failed', { timeout: HANG_MS });
      await expect(expose.getByTestId('layers.failure')).toContainText(
        'invalid containerPort: eighty',
      );
      // BuildKit refuses the file before running anything: the RUN above never ran.
      await expect(lab.layers.item('echo hi')).toContainText('not run');
    });
  });
}
