import { expect, test } from './fixtures.ts';

const PAYLOADS = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 1">',
  '"><svg onload="window.__pwned=1">',
  'javascript:window.__pwned=1',
];

test('the built page carries a Content-Security-Policy without inline script', async ({
  page,
  lab,
}) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await lab.open();
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain("'unsafe-inline' 'unsafe-eval'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe/);
  expect(violations).toEqual([]);
});

test('script-injection payloads in the Dockerfile stay text', async ({ page, lab, pageErrors }) => {
  await lab.open();
  let dialogs = 0;
  page.on('dialog', async (d) => {
    dialogs++;
    await d.dismiss();
  });
  const text = [
    `FROM debian:bookworm-slim AS x`,
    ...PAYLOADS.map((p, i) => `LABEL l${i}="${p.replace(/"/g, '\\"')}"`),
    `RUN echo '${PAYLOADS[0]}' > /x`,
    `${PAYLOADS[1]}`,
  ].join('\n');
  await lab.replaceText(text);
  await expect(lab.instructions).toContainText('<script>window.__pwned = 1</script>');
  await expect(page.getByText(/is not a Dockerfile instruction/).first()).toBeAttached();
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('#root script, #root img[src="x"], #root svg[onload]').count()).toBe(0);
  expect(dialogs).toBe(0);
  expect(pageErrors).toEqual([]);
});
