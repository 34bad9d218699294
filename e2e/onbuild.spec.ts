import { expect, HANG_MS, test, type LabPage } from './fixtures.ts';

// An image with ONBUILD triggers, and a build FROM it: the triggers run right after FROM, as
// Docker 28.5 runs them (conformance/scenarios/39-onbuild, 46-onbuild-triggers), and the layer
// stack says they came from the base image.

const BASE = [
  'FROM debian:bookworm-slim',
  'ONBUILD RUN echo triggered > /onbuild',
  'RUN echo base > /base',
].join('\n');

/** Builds the editor's Dockerfile with the Build button under `tag`, as build number `n`. */
async function buildTagged(lab: LabPage, tag: string, n: number) {
  await lab.buildBar.openOptions();
  await lab.buildBar.tag.fill(tag);
  await lab.buildBar.options.click();
  await lab.buildToEnd(n);
}

test('a build FROM an image with an ONBUILD trigger runs it right after FROM', async ({ lab }) => {
  await lab.open();
  const CHILD = 'FROM t\nRUN cat /onbuild\n';
  // Before t exists the editor says there is no such image; once the lab built it, it does not.
  await lab.replaceText(CHILD);
  await expect(lab.diagnosticOnLine(1)).toBeVisible({ timeout: HANG_MS });
  await lab.replaceText(BASE);
  await buildTagged(lab, 't', 1);
  await lab.replaceText(CHILD);
  await expect(lab.allDiagnostics()).toHaveCount(0);
  await buildTagged(lab, 'child', 2);

  const trigger = lab.layers.item('echo triggered');
  await expect(trigger).toHaveAttribute('data-phase', 'built');
  await expect(trigger).toContainText('ONBUILD');
  await expect(trigger.getByTestId('layers.onbuild')).toContainText('ONBUILD trigger of t');
  // The step after it reads the file the trigger wrote.
  await expect(lab.layers.item('cat /onbuild')).toHaveAttribute('data-phase', 'built');
  await expect(lab.layers.base.getByTestId('layers.base-triggers')).toContainText(
    't carries 1 ONBUILD trigger',
  );
});

test('a failing ONBUILD trigger fails the child build on its card', async ({ lab }) => {
  await lab.open();
  await lab.replaceText('FROM debian:bookworm-slim\nONBUILD RUN false\n');
  await buildTagged(lab, 'bad', 1);
  await lab.replaceText('FROM bad\nRUN echo never\n');
  await lab.buildBar.build();
  const trigger = lab.layers.item('RUN false');
  await expect(trigger).toHaveAttribute('data-phase', 'failed', { timeout: HANG_MS });
  await expect(trigger.getByTestId('layers.failure')).toContainText('exit code: 1');
  await expect(lab.layers.item('echo never')).toContainText('not run');
});
