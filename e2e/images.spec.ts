import type { Page } from '@playwright/test';
import { HANG_MS, expect, test } from './fixtures.ts';

// The first lines of most tutorials: FROM ubuntu, FROM python. The lab has python (with the
// version it used, said in the build); ubuntu is real but not in this offline lab, and the
// editor, the FROM card and the terminal all say so and offer the closest image it has.
const layers = (page: Page) => page.getByRole('region', { name: 'Image layers' });

test('FROM ubuntu: the editor marks it and offers the closest image the lab has', async ({
  lab,
}) => {
  await lab.open();
  await lab.replaceText('FROM ubuntu:latest\nRUN echo hi\n');
  await expect(lab.diagnosticOnLine(1)).toBeVisible({ timeout: HANG_MS });
  await expect(lab.problems).toContainText('Docker Hub has ubuntu, but this lab works offline');
  const fix = lab.problems.getByRole('button', { name: 'Fix: Use debian:trixie-slim' });
  await fix.click();
  await expect(lab.editor).toContainText('FROM debian:trixie-slim');
  await expect(lab.diagnosticOnLine(1)).toHaveCount(0);
});

test('a failed FROM says the image is real but not here, and switches in one click', async ({
  lab,
  page,
}) => {
  await lab.open();
  await lab.replaceText('FROM python:3.12-alpine\nRUN echo hi\nCMD ["python3"]\n');
  await page.getByTestId('build.run').click();
  const base = layers(page).getByTestId('layers.base');
  await expect(base).toHaveClass(/phase-failed/, { timeout: HANG_MS });
  const failure = base.getByTestId('layers.failure');
  await expect(failure).toContainText('Docker Hub has python:3.12-alpine');
  await expect(failure).toContainText('The closest one it has is python:3.13-slim');
  await expect(failure).toContainText(
    'is a real image on Docker Hub, but it is not in this offline lab',
  );
  await base.getByTestId('layers.switch-image').click();
  await expect(lab.editor).toContainText('FROM python:3.13-slim');
  await expect(layers(page).getByTestId('layers.base')).not.toHaveClass(/phase-failed/, {
    timeout: HANG_MS,
  });
  await expect(
    layers(page).getByTestId('layers.item').filter({ hasText: 'echo hi' }),
  ).toHaveAttribute('data-phase', /built|cached|done/, { timeout: HANG_MS });
});

test('the terminal says the same, and runs the images the lab has with their real versions', async ({
  lab,
}) => {
  await lab.open();
  await lab.terminal.focus();
  await lab.page.keyboard.type('docker run ubuntu\n');
  await expect(lab.screen).toContainText('is a real image on Docker Hub, but it is not in this', {
    timeout: HANG_MS,
  });
  await expect(lab.screen).toContainText('closest: debian:trixie-slim');
  await lab.page.keyboard.type('docker run --rm python:3.13-slim python3 --version\n');
  await expect(lab.screen).toContainText(/Python 3\.13\.\d+/, { timeout: HANG_MS });
  await lab.page.keyboard.type('docker run pyhton\n');
  await expect(lab.screen).toContainText(
    'pull access denied for pyhton, repository does not exist',
  );
});
