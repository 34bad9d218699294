/**
 * The checks on FROM lines and the ARGs before the first FROM (dockerfile2llb/convert.go:
 * validateBaseImagesWithDefaultArgs, reportUnusedFromArgs, reportRedundantTargetPlatform,
 * reportConstPlatformDisallowed), with the global variables BuildKit expands FROM with.
 */
import type { SourceRange } from '../../common/diagnostics.ts';
import type { AstNode } from '../ast.ts';
import { tryExpandWord } from '../expand.ts';
import type { ParseResult } from '../parse.ts';
import { flagValue } from '../stages.ts';
import { nodeLines, type Linter } from './linter.ts';
import { MESSAGES } from './ruleset.ts';
import { suggest } from './suggest.ts';

export type Env = Map<string, string>;

/** The lab builds for linux/amd64 on linux/amd64. */
const PLATFORM = { os: 'linux', arch: 'amd64', variant: '' };

/** BuildKit's automatic platform ARGs (dockerfile2llb/platform.go defaultArgs). */
export function defaultArgs(buildArgs: Readonly<Record<string, string>>, target: string): Env {
  const p = `${PLATFORM.os}/${PLATFORM.arch}`;
  const env: Env = new Map();
  const pairs: [string, string][] = [
    ['BUILDPLATFORM', p],
    ['BUILDOS', PLATFORM.os],
    ['BUILDOSVERSION', ''],
    ['BUILDARCH', PLATFORM.arch],
    ['BUILDVARIANT', PLATFORM.variant],
    ['TARGETPLATFORM', p],
    ['TARGETOS', PLATFORM.os],
    ['TARGETOSVERSION', ''],
    ['TARGETARCH', PLATFORM.arch],
    ['TARGETVARIANT', PLATFORM.variant],
    ['TARGETSTAGE', target || 'default'],
  ];
  for (const [k, v] of pairs) env.set(k, buildArgs[k] ?? v);
  return env;
}

export interface Expansion {
  value: string;
  matched: string[];
  unmatched: string[];
  error: string | undefined;
}

/** shell.Lex.ProcessWordWithMatches: the value, and which names were found or not. */
export function expandWithMatches(word: string, env: Env, escape: string): Expansion {
  const r = tryExpandWord(word, env, { escape });
  return {
    value: r.value,
    matched: r.used.filter((n) => env.has(n)),
    unmatched: r.used.filter((n) => !env.has(n)),
    error: r.error,
  };
}

/** The ARGs before the first FROM as key and default (undefined: declared without one). */
export function metaArgs(parsed: ParseResult): { key: string; value: string | undefined }[] {
  return parsed.globals
    .filter((n) => n.keyword === 'ARG')
    .flatMap((n) =>
      n.args.map((a) => {
        const eq = a.value.indexOf('=');
        return eq === -1
          ? { key: a.value, value: undefined }
          : { key: a.value.slice(0, eq), value: a.value.slice(eq + 1) };
      }),
    );
}

/** buildMetaArgs: the global variables after the ARGs before FROM (undefined on an error). */
export function buildMetaArgs(
  parsed: ParseResult,
  base: Env,
  buildArgs: Readonly<Record<string, string>>,
): Env | undefined {
  const env: Env = new Map(base);
  for (const { key, value } of metaArgs(parsed)) {
    let v: string | undefined = buildArgs[key];
    if (v === undefined && value !== undefined) {
      const r = tryExpandWord(value, env, { escape: parsed.escape });
      if (r.error) return undefined;
      v = r.value;
    }
    if (v !== undefined) env.set(key, v);
  }
  return env;
}

/** Where `$NAME` / `${NAME` first appears in an instruction, for the editor's underline. */
export function varRange(parsed: ParseResult, node: AstNode, name: string): SourceRange {
  const start = node.range.start.offset;
  const text = parsed.source.text.slice(start, node.range.end.offset);
  const m = new RegExp(`\\$\\{?${name.replace(/[^\w]/g, '\\$&')}(?![\\w])`).exec(text);
  if (!m) return node.range;
  return parsed.source.range(start + m.index, start + m.index + m[0].length);
}

/** containerd's platforms.Parse, as far as the lab needs it: os and architecture, or nothing. */
function parsePlatform(s: string): { os: string; arch: string } | undefined {
  const parts = s.toLowerCase().split('/');
  if (parts.length > 3 || parts.some((p) => !/^[a-z0-9._-]+$/.test(p))) return undefined;
  const arch = (a: string) =>
    ({ x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64', armhf: 'arm', i386: '386' })[a] ?? a;
  const OSES = ['linux', 'windows', 'darwin', 'freebsd', 'netbsd', 'openbsd', 'solaris'];
  if (parts.length === 1)
    return OSES.includes(parts[0]!)
      ? { os: parts[0]!, arch: PLATFORM.arch }
      : { os: PLATFORM.os, arch: arch(parts[0]!) };
  return { os: parts[0]!, arch: arch(parts[1]!) };
}

/**
 * InvalidDefaultArgInFrom: each FROM with the ARGs' defaults only (no --build-arg) must name a
 * valid image.
 */
export function defaultArgRules(
  parsed: ParseResult,
  platformArgs: Env,
  lint: Linter,
  validReference: (ref: string) => boolean,
): void {
  const env = buildMetaArgs(parsed, platformArgs, {});
  if (!env) return;
  for (const stage of parsed.stages) {
    const base = stage.base?.value ?? '';
    const r = expandWithMatches(base, env, parsed.escape);
    if (r.error) return;
    if (!validReference(r.value)) {
      lint.run(
        'InvalidDefaultArgInFrom',
        MESSAGES.InvalidDefaultArgInFrom(base),
        nodeLines(stage.from),
        stage.base?.range ?? stage.from.range,
      );
    }
  }
}

/**
 * Each FROM's base and --platform, expanded with the global variables: undeclared names, a
 * redundant $TARGETPLATFORM, a constant platform. Returns every stage's base as expanded, or
 * undefined where BuildKit stops with an error.
 */
export function fromRules(parsed: ParseResult, globals: Env, lint: Linter): string[] | undefined {
  const declared = new Set([...metaArgs(parsed).map((a) => a.key), ...globals.keys()]);
  const undeclared = (node: AstNode, names: string[]) => {
    for (const arg of names) {
      if (declared.has(arg)) continue;
      lint.run(
        'UndefinedArgInFrom',
        MESSAGES.UndefinedArgInFrom(arg, suggest(arg, declared, true)),
        nodeLines(node),
        varRange(parsed, node, arg),
      );
    }
  };
  const bases: string[] = [];
  for (const stage of parsed.stages) {
    const node = stage.from;
    const r = expandWithMatches(stage.base?.value ?? '', globals, parsed.escape);
    undeclared(node, r.unmatched);
    if (r.error || r.value === '') return undefined;
    bases.push(r.value);
    const platform = flagValue(node, 'platform');
    if (!platform || platform.value === '') continue;
    const p = expandWithMatches(platform.value, globals, parsed.escape);
    undeclared(node, p.unmatched);
    if (
      p.matched.length === 1 &&
      p.matched[0] === 'TARGETPLATFORM' &&
      p.unmatched.length === 0 &&
      p.value === globals.get('TARGETPLATFORM')
    ) {
      lint.run(
        'RedundantTargetPlatform',
        MESSAGES.RedundantTargetPlatform(platform.value),
        nodeLines(node),
        platform.range,
        {
          label: 'Remove --platform',
          changes: [
            {
              from: platform.range.start.offset,
              to: Math.min(platform.range.end.offset + 1, node.range.end.offset),
              insert: '',
            },
          ],
        },
      );
    }
    if (p.matched.length === 0 && p.unmatched.length === 0) {
      const parsedPlatform = parsePlatform(p.value);
      const name = stage.name ?? '';
      if (
        parsedPlatform &&
        !name.includes(parsedPlatform.os) &&
        !name.includes(parsedPlatform.arch)
      ) {
        lint.run(
          'FromPlatformFlagConstDisallowed',
          MESSAGES.FromPlatformFlagConstDisallowed(p.value),
          nodeLines(node),
          platform.range,
        );
      }
    }
    if (p.error || p.value === '') return undefined;
  }
  return bases;
}
