/**
 * apt-get's options, as its CommandLine parser takes them (apt-private/private-cmndline.cc; the
 * list below is the apt-get(8) page's, checked against apt-get 2.6 on Debian): booleans also
 * as `--no-NAME` and `--NAME=yes|no`, values after `-o`, `-c`, `-t`, `-a`, `-P`. An option it
 * does not know is rejected in apt's words, exit 100.
 */
import type { Io } from '../types.ts';

const BOOLEANS = new Set(
  `assume-yes yes assume-no quiet download-only simulate just-print dry-run recon no-act fix-broken
ignore-missing fix-missing no-download show-upgraded verbose-versions compile build install-recommends
install-suggests ignore-hold upgrade only-upgrade allow-downgrades allow-remove-essential
allow-change-held-packages force-yes print-uris purge reinstall list-cleanup trivial-only remove
auto-remove autoremove only-source diff-only dsc-only tar-only arch-only indep-only
allow-unauthenticated allow-insecure-repositories allow-releaseinfo-change show-progress
with-new-pkgs mark-auto help version download`.split(/\s+/),
);
const VALUES = new Set(
  `option config-file target-release default-release host-architecture build-profiles error-on format
solver with-source allow-releaseinfo-change-field`.split(/\s+/),
);
const SHORT = new Set('qydsfmubVhv'.split(''));
const SHORT_VALUE = new Set('octaP'.split(''));

/** apt's error for an option it does not take, or undefined when every option is known. */
export function badAptOption(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const bool = BOOLEANS.has(name) || (name.startsWith('no-') && BOOLEANS.has(name.slice(3)));
      if (VALUES.has(name)) {
        if (eq < 0) i++;
      } else if (!bool)
        return `E: Command line option ${a} is not understood in combination with the other options`;
      continue;
    }
    if (!a.startsWith('-') || a === '-') continue;
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (SHORT_VALUE.has(c)) {
        if (j === a.length - 1) i++;
        break;
      }
      // `-q=2`: a level for -q.
      if (c === '=' && a[j - 1] === 'q') break;
      if (!SHORT.has(c))
        return `E: Command line option '${c}' [from ${a}] is not understood in combination with the other options.`;
    }
  }
  return undefined;
}

/** Prints apt's error and returns its status when an option is unknown. */
export function rejectAptOptions(args: readonly string[], io: Io): number | undefined {
  const bad = badAptOption(args);
  if (bad === undefined) return undefined;
  io.stderr.write(`${bad}\n`);
  return 100;
}

/** The words that are not options or their values: the operation and its packages. */
export function aptOperands(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      out.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      if (VALUES.has(a.slice(2)) && !a.includes('=')) i++;
    } else if (a.startsWith('-') && a.length > 1) {
      if (SHORT_VALUE.has(a[a.length - 1]!) && !a.includes('=')) i++;
    } else out.push(a);
  }
  return out;
}
