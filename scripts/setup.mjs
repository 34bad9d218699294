// Shared set-up steps for `npm start` and `npm test`: install what is missing, find a browser.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

/** npm ci when node_modules is missing or older than the lock file. */
export function ensureDependencies() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('Installing dependencies (npm ci)...');
  const status = run('npm', ['ci', '--no-audit', '--no-fund']);
  if (status !== 0) {
    console.error('npm ci failed: the dependencies could not be installed.');
    process.exit(status);
  }
}

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Playwright's own downloaded Chromium, if one is present on this machine. */
function playwrightChromium() {
  try {
    const out = execSync(
      'node -e "console.log(require(\'playwright-core\').chromium.executablePath())"',
      { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] },
    )
      .toString()
      .trim();
    return out && existsSync(out) ? out : null;
  } catch {
    return null;
  }
}

/**
 * A Chromium for the e2e tests: Debian's package (installed with apt-get when we are root on
 * Debian), else Playwright's own browser, else a clear message.
 */
export function ensureChromium() {
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  const debian = existsSync('/etc/debian_version');
  if (debian && isRoot()) {
    console.log("Installing Debian's chromium for the browser tests (apt-get)...");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], { env });
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { env });
    if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  }
  const own = playwrightChromium();
  if (own) return own;
  console.error(
    [
      'No Chromium found for the browser tests.',
      debian
        ? 'Run as root so that `apt-get install chromium` can run, or install it yourself: sudo apt-get install chromium'
        : "Install Playwright's browser with: npx playwright install chromium",
    ].join('\n'),
  );
  return null;
}

export function readPackageJson() {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
}
