/**
 * Build checks as Docker 28.5 prints them: the Dockerfile excerpt with `>>>` (BuildKit's
 * solver/errdefs Source.Print), `docker build --check`'s report (frontend/subrequests/lint
 * PrintTo, buildx printResult), and the warnings at the end of a build (buildx printWarnings),
 * plain and with `docker --debug`.
 */
import type { CheckRun } from '../../daemon/build-checks.ts';
import type { BuildCheck, LineSpan } from '../../dockerfile/rules/types.ts';
import { RULES } from '../../dockerfile/rules/ruleset.ts';
import { fullName, parseImageRef } from '../../images/reference.ts';

const YELLOW = '\x1b[33m';
const RESET = '\x1b[0m';

/**
 * The lines around a location, those inside it marked `>>>`: one line gets four lines of
 * context, a longer span two, as BuildKit pads them.
 * @example sourceExcerpt('Dockerfile', text, [{ start: 4, end: 4 }])
 */
export function sourceExcerpt(filename: string, text: string, spans: readonly LineSpan[]): string {
  if (spans.length === 0) return '';
  const lines = text.split('\n');
  let start = Math.min(...spans.map((s) => s.start));
  let end = Math.max(...spans.map((s) => Math.max(s.start, s.end)));
  if (start > lines.length || start < 1) return '';
  end = Math.min(end, lines.length);
  const pad = end === start ? 4 : 2;
  const first = start;
  for (let p = 0; p < pad; p++) {
    if (start > 1) {
      start--;
      p++;
    }
    if (end !== lines.length) {
      end++;
      p++;
    }
  }
  const inside = (l: number) => spans.some((s) => s.start <= l && Math.max(s.start, s.end) >= l);
  const out = [`${filename}:${first}`, '--------------------'];
  for (let i = start; i <= end; i++) {
    out.push(` ${String(i).padStart(3)} | ${inside(i) ? '>>>' : '   '} ${lines[i - 1]}`);
  }
  out.push('--------------------');
  return `${out.join('\n')}\n`;
}

/** `Rule: message (line N)`: the short form in build output. */
export function shortWarning(check: BuildCheck): string {
  const line = check.lines[0]?.start ?? 0;
  return `${check.rule}: ${check.message}${line > 0 ? ` (line ${line})` : ''}`;
}

/** The `#1 WARN: ...` lines BuildKit's plain progress prints under "load build definition". */
export function progressWarnings(checks: readonly BuildCheck[], vertex = 1): string[] {
  return checks.map((c) => `#${vertex} WARN: ${shortWarning(c)}`);
}

export interface WarningsOptions {
  /** `docker --debug build`: each warning with its description, link and excerpt. */
  debug?: boolean;
  filename: string;
  text: string;
}

/**
 * What `docker build` prints after the build's progress when checks fired (stderr), or ''.
 * @example buildWarnings(result.checks, { filename: 'Dockerfile', text })
 */
export function buildWarnings(checks: readonly BuildCheck[], opts: WarningsOptions): string {
  if (checks.length === 0) return '';
  const count = checks.length === 1 ? '1 warning found' : `${checks.length} warnings found`;
  let out = `\n ${YELLOW}${count}${opts.debug ? '' : ' (use docker --debug to expand)'}:\n${RESET}`;
  for (const c of checks) {
    out += ` - ${shortWarning(c)}\n`;
    if (!opts.debug) continue;
    const rule = RULES[c.rule];
    out += `${rule.description}\n`;
    if (rule.url) out += `More info: ${rule.url}\n`;
    out += sourceExcerpt(opts.filename, opts.text, c.lines);
    out += '\n';
  }
  return out;
}

/** Lint output sorts by line (stable, as Go's sort is for the handful a Dockerfile has). */
export function sortChecks(checks: readonly BuildCheck[]): BuildCheck[] {
  return [...checks].sort((a, b) => (a.lines[0]?.start ?? 0) - (b.lines[0]?.start ?? 0));
}

/**
 * `docker build --check`'s report on stdout (the exit code is 1 when anything was found).
 * @example checkReport(result.checks, { filename: 'Dockerfile', text })
 */
export function checkReport(
  checks: readonly BuildCheck[],
  opts: { filename: string; text: string },
): string {
  if (checks.length === 0) return 'Check complete, no warnings found.\n';
  const n = checks.length === 1 ? '1 warning has' : `${checks.length} warnings have`;
  let out = `Check complete, ${n} been found!\n`;
  for (const c of sortChecks(checks)) {
    const rule = RULES[c.rule];
    out += `\nWARNING: ${c.rule}${rule.url ? ` - ${rule.url}` : ''}\n${c.message}\n`;
    out += sourceExcerpt(opts.filename, opts.text, c.lines);
  }
  return out;
}

const BRIGHT_RED = '\x1b[91m';

/**
 * The classic builder's only check (parser.PrintWarnings, in red on stdout): an instruction
 * with an empty continuation line, then one line saying what will happen.
 */
export function classicWarnings(instructions: readonly string[]): string {
  if (instructions.length === 0) return '';
  const line = (s: string) => `${BRIGHT_RED}[WARNING]: ${s}\n${RESET}`;
  return (
    instructions.map((t) => line(`Empty continuation line found in: ${t}`)).join('') +
    line('Empty continuation lines will become errors in a future release.')
  );
}

/**
 * All `docker build --check` prints: the report on stdout, BuildKit's progress and any error
 * on stderr, exit code 1 when anything was found.
 */
export function checkOutput(
  run: CheckRun,
  text: string,
  filename: string,
): { exitCode: number; stdout: string; stderr: string } {
  const progress = [
    `#1 [internal] load build definition from ${filename}`,
    `#1 transferring dockerfile: ${new TextEncoder().encode(text).length}B done`,
    '#1 DONE 0.0s',
    '',
    ...run.baseImages.flatMap((ref, i) => [
      `#${i + 2} [internal] load metadata for ${fullImageName(ref)}`,
      `#${i + 2} DONE 0.0s`,
      '',
    ]),
  ];
  const error = run.error;
  if (error && run.checks.length === 0 && !error.range) {
    return { exitCode: 1, stdout: '', stderr: `${progress.join('\n')}ERROR: ${error.message}\n\n` };
  }
  let stdout = checkReport(run.checks, { filename, text });
  let stderr = progress.join('\n');
  if (error) {
    if (run.checks.length > 0) stdout += '\n';
    stderr += `ERROR: ${error.message}\n`;
    if (error.range)
      stderr += sourceExcerpt(filename, text, [
        { start: error.range.start.line, end: error.range.end.line },
      ]);
    stderr += '\n';
  }
  return { exitCode: run.checks.length > 0 || error ? 1 : 0, stdout, stderr };
}

function fullImageName(ref: string): string {
  try {
    return fullName(parseImageRef(ref));
  } catch {
    return ref;
  }
}
