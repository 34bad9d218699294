/**
 * Which checks run and whether they fail the build: the `# check=` parser directive or the
 * `BUILDKIT_DOCKERFILE_CHECK` build argument (which wins), as BuildKit reads them
 * (linter.ParseLintOptions, parser.ParseDirective, dockerui's config).
 */

export interface CheckOptions {
  skipAll: boolean;
  skip: ReadonlySet<string>;
  experimentalAll: boolean;
  experimental: ReadonlySet<string>;
  /** `error=true`: a build with warnings fails. */
  error: boolean;
}

export const DEFAULT_CHECK_OPTIONS: CheckOptions = {
  skipAll: false,
  skip: new Set(),
  experimentalAll: false,
  experimental: new Set(),
  error: false,
};

const names = (v: string) => v.split(',').map((s) => s.trim());

/** Go's strconv.ParseBool. */
function parseBool(v: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return undefined;
}

/**
 * `skip=A,B;experimental=all;error=true`, or the error BuildKit gives.
 * @example parseCheckOptions('skip=JSONArgsRecommended;error=true').error // true
 */
export function parseCheckOptions(text: string): CheckOptions | { failure: string } {
  const s = text.trim();
  if (s === '') return DEFAULT_CHECK_OPTIONS;
  const opts = { ...DEFAULT_CHECK_OPTIONS };
  // strings.SplitN(s, ";", 3): a third part keeps any further semicolons.
  const parts = s.split(';');
  const limited = parts.length > 3 ? [...parts.slice(0, 2), parts.slice(2).join(';')] : parts;
  for (const p of limited) {
    const eq = p.indexOf('=');
    if (eq === -1) return { failure: `invalid check option ${JSON.stringify(p)}` };
    const key = p.slice(0, eq).trim();
    const value = p.slice(eq + 1).trim();
    if (key === 'skip') {
      if (value === 'all') opts.skipAll = true;
      else opts.skip = new Set(names(value));
    } else if (key === 'experimental') {
      if (value === 'all') opts.experimentalAll = true;
      else opts.experimental = new Set(names(value));
    } else if (key === 'error') {
      const b = parseBool(value);
      if (b === undefined)
        return {
          failure: `failed to parse check option ${JSON.stringify(p)}: strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`,
        };
      opts.error = b;
    } else return { failure: `invalid check option ${JSON.stringify(key)}` };
  }
  return opts;
}

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const KNOWN = new Set(['syntax', 'escape', 'check']);

/**
 * The value BuildKit takes from `# check=...`: parser.ParseDirective keeps only the text before
 * the first space, so `# check=skip=A; error=true` gives `skip=A;` (and then fails to parse).
 */
export function checkDirective(text: string): string {
  let lines = text.replace(/^\uFEFF/, '').split('\n');
  if (lines[0]?.startsWith('#!')) lines = lines.slice(1);
  for (const raw of lines) {
    const m = DIRECTIVE.exec(raw.replace(/\r$/, ''));
    if (!m || !KNOWN.has(m[1]!.toLowerCase())) break;
    if (m[1]!.toLowerCase() === 'check') return m[2]!.split(' ')[0]!;
  }
  return '';
}

/** The options in force for a build, from the build argument or else the directive. */
export function checkOptionsFor(
  text: string,
  buildArgs: Readonly<Record<string, string>> | undefined,
): CheckOptions | { failure: string } {
  const arg = buildArgs?.BUILDKIT_DOCKERFILE_CHECK;
  if (arg !== undefined) {
    const r = parseCheckOptions(arg);
    return 'failure' in r
      ? { failure: `failed to parse build-arg:BUILDKIT_DOCKERFILE_CHECK: ${r.failure}` }
      : r;
  }
  const r = parseCheckOptions(checkDirective(text));
  return 'failure' in r ? { failure: `failed to parse check options: ${r.failure}` } : r;
}
