/**
 * Replays what Docker 28.5 printed for every case in conformance/checks (recorded by
 * `npm run checks:record`): `docker build --check` word for word (rules, lines, messages,
 * excerpts, exit code) and the warnings at the end of a plain build.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchesIgnore, parseDockerignore } from '../../build/dockerignore.ts';
import { buildWarnings, checkReport, progressWarnings } from '../../cli/format/checks.ts';
import { isValidImageRef } from '../../images/reference.ts';
import { parseDockerfile } from '../parse.ts';
import { lintDockerfile } from './lint.ts';
import type { LintOptions } from './types.ts';

const root = resolve(import.meta.dirname, '../../../../conformance/checks');

interface Run {
  exitCode: number;
  stdout: string;
  stderr: string;
}
interface Recording {
  case: string;
  buildArgs: Record<string, string>;
  target?: string;
  runs: { build: Run; check: Run; debug?: Run; classic?: Run };
}

const names = readdirSync(join(root, 'recorded'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

function load(name: string) {
  const rec = JSON.parse(readFileSync(join(root, 'recorded', `${name}.json`), 'utf8')) as Recording;
  const dir = join(root, 'cases', name);
  const text = readFileSync(join(dir, 'Dockerfile'), 'utf8');
  const ignore = existsSync(join(dir, '.dockerignore'))
    ? parseDockerignore(readFileSync(join(dir, '.dockerignore'), 'utf8'))
    : undefined;
  const opts = (mode: LintOptions['mode']): LintOptions => ({
    mode,
    target: rec.target,
    buildArgs: rec.buildArgs,
    validReference: isValidImageRef,
    ...(ignore ? { ignored: (p: string) => matchesIgnore(ignore, p) } : {}),
  });
  const parsed = parseDockerfile(text);
  return {
    rec,
    text,
    check: lintDockerfile(parsed, opts('check')),
    build: lintDockerfile(parsed, opts('build')),
  };
}

/** The `- Rule: message (line N)` lines of a build's warning summary. */
function summary(stderr: string): string[] {
  const at = stderr.indexOf('warning');
  if (at === -1) return [];
  return stderr
    .slice(at)
    .replaceAll('\x1b[33m', '')
    .replaceAll('\x1b[0m', '')
    .split('\n')
    .filter((l) => l.startsWith(' - '));
}

describe('build checks replay Docker 28.5 (conformance/checks)', () => {
  it('has recordings', () => {
    expect(names.length).toBeGreaterThanOrEqual(36);
  });

  it.each(names)('%s: docker build --check prints the same report and exit code', (name) => {
    const { rec, text, check } = load(name);
    const real = rec.runs.check;
    if (check.error) {
      expect(real.stderr).toContain(`ERROR: ${check.error}\n`);
    }
    if (real.stdout === '') {
      // The check failed before it had a report (a `# check=` value that does not parse).
      expect(check.checks).toEqual([]);
      expect(check.error).toBeDefined();
      return;
    }
    const report = checkReport(check.checks, { filename: 'Dockerfile', text });
    expect(real.stdout.startsWith(report)).toBe(true);
    expect(real.stdout.slice(report.length)).toMatch(/^\n?$/);
    const failed = check.checks.length > 0 || check.error !== undefined;
    expect(real.exitCode).toBe(failed ? 1 : 0);
  });

  it.each(names)('%s: docker build ends with the same warnings', (name) => {
    const { rec, text, build } = load(name);
    const real = rec.runs.build.stderr;
    const ours = buildWarnings(build.checks, { filename: 'Dockerfile', text });
    const count = /(\d+) warnings? found/.exec(real)?.[1];
    expect(build.checks.length).toBe(count ? Number(count) : 0);
    // Docker collects the warnings from its progress stream, in whatever order they arrive.
    expect(summary(ours).sort()).toEqual(summary(real).sort());
    if (ours)
      expect(real).toContain(
        ours
          .split('\n')
          .slice(0, 2)
          .join('\n')
          .replace(/ - .*$/, ''),
      );
    // The `#1 WARN` lines are printed while the vertex is open: a prefix of ours (a race).
    const warn = real.split('\n').filter((l) => l.startsWith('#1 WARN: '));
    expect(progressWarnings(build.checks).slice(0, warn.length)).toEqual(warn);
    if (build.error)
      expect(real).toContain(`ERROR: failed to build: failed to solve: ${build.error}`);
  });

  const debug = names.filter((n) => load(n).rec.runs.debug);
  it.each(debug)('%s: docker --debug build expands each warning', (name) => {
    const { rec, text, build } = load(name);
    const real = rec.runs.debug!.stderr;
    const ours = buildWarnings(build.checks, { filename: 'Dockerfile', text, debug: true });
    const blocks = (s: string) =>
      s
        .slice(s.indexOf(' - '))
        .split(/\n(?= - )/)
        .map((b) => b.trimEnd())
        .sort();
    expect(blocks(ours)).toEqual(blocks(real));
  });
});
