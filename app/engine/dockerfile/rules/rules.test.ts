import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../parse.ts';
import { adviseDockerfile, editorDiagnostics, lintDockerfile } from './index.ts';
import { checkDirective, parseCheckOptions } from './options.ts';
import type { BuildCheck } from './types.ts';

const check = (text: string, extra = {}) =>
  lintDockerfile(parseDockerfile(text), { mode: 'check', ...extra });
const rules = (text: string, extra = {}) => check(text, extra).checks.map((c) => c.rule);

/** Applies a check's fix to the text. */
function fixed(text: string, c: BuildCheck | { fix?: BuildCheck['fix'] }): string {
  let out = text;
  for (const ch of [...(c.fix?.changes ?? [])].sort((a, b) => b.from - a.from))
    out = out.slice(0, ch.from) + ch.insert + out.slice(ch.to);
  return out;
}

describe('check options', () => {
  it('reads skip, experimental and error as BuildKit does', () => {
    expect(parseCheckOptions('skip=A, B;error=true')).toMatchObject({
      skip: new Set(['A', 'B']),
      error: true,
    });
    expect(parseCheckOptions('experimental=all')).toMatchObject({ experimentalAll: true });
    expect(parseCheckOptions('error=maybe')).toEqual({
      failure:
        'failed to parse check option "error=maybe": strconv.ParseBool: parsing "maybe": invalid syntax',
    });
    expect(parseCheckOptions('colour=red')).toEqual({ failure: 'invalid check option "colour"' });
  });

  it('keeps only the directive text before its first space', () => {
    expect(checkDirective('# check=skip=A; error=true\nFROM a\n')).toBe('skip=A;');
    expect(checkDirective('#!/usr/bin/env docker\n# check=error=true\nFROM a\n')).toBe(
      'error=true',
    );
    expect(checkDirective('FROM a\n# check=error=true\n')).toBe('');
  });

  it('lets BUILDKIT_DOCKERFILE_CHECK win over the directive', () => {
    const text = '# check=skip=all\nFROM a\nCMD x\n';
    expect(rules(text)).toEqual([]);
    expect(rules(text, { buildArgs: { BUILDKIT_DOCKERFILE_CHECK: 'error=false' } })).toEqual([
      'JSONArgsRecommended',
    ]);
  });
});

describe('build checks', () => {
  it('stops where BuildKit stops: nothing after a syntax error, parse-time checks before an instruction error', () => {
    expect(rules('FROM a\nMAINTAINER me\nENV A 1\nRUN <<EOF\necho\n')).toEqual([]);
    expect(rules('FROM a\nMAINTAINER me\nFORM b\nENV A 1\n')).toEqual(['MaintainerDeprecated']);
    expect(rules('FROM a\nENV X=${Y\nENV A 1\n')).toEqual([]);
  });

  it('goes on past errors in the editor, so checks do not flicker while typing', () => {
    const ds = editorDiagnostics(parseDockerfile('FROM a\nMAINTAINER me\nFORM b\nENV A 1\n'));
    expect(ds.map((d) => d.rule?.name ?? d.code)).toEqual([
      'unknown-instruction',
      'MaintainerDeprecated',
      'LegacyKeyValueFormat',
    ]);
  });

  it('knows a base image’s variables and SHELL when told', () => {
    const text = 'FROM python:3.11-slim\nENV V=$PYTHON_VERSION\nCMD python3 app.py\n';
    expect(rules(text)).toEqual(['UndefinedVar', 'JSONArgsRecommended']);
    const baseImage = () => ({ env: ['PYTHON_VERSION=3.11.2'], shell: true });
    expect(rules(text, { baseImage })).toEqual([]);
  });

  it('sees ENV pairs of one instruction only after it, as BuildKit does', () => {
    expect(check('FROM a\nENV A=1 B=$A\n').checks[0]?.message).toBe(
      "Usage of undefined variable '$A'",
    );
  });

  it('offers mechanical fixes', () => {
    const text =
      'from a AS Build\nCOPY --from=Build /x /x\nENV APP_HOME /srv/my app\nCMD sleep infinity\nMAINTAINER Jo "J"\nEXPOSE 80/TCP\n';
    const found = check(text).checks;
    const fix = (rule: string) =>
      fixed(
        text,
        found.find((c) => c.rule === rule)!,
      );
    expect(fix('StageNameCasing')).toContain('from a AS build\nCOPY --from=build /x /x');
    expect(fix('FromAsCasing')).toContain('from a as Build');
    expect(fix('ConsistentInstructionCasing')).toMatch(/^FROM a AS Build/);
    expect(fix('LegacyKeyValueFormat')).toContain('ENV APP_HOME="/srv/my app"');
    expect(fix('JSONArgsRecommended')).toContain('CMD ["sleep", "infinity"]');
    expect(fix('MaintainerDeprecated')).toContain(
      'LABEL org.opencontainers.image.authors="Jo \\"J\\""',
    );
    expect(fix('ExposeProtoCasing')).toContain('EXPOSE 80/tcp');
    // A fixed file has none of those left.
    const all = ['StageNameCasing', 'LegacyKeyValueFormat', 'JSONArgsRecommended'];
    let t = text;
    for (const rule of all)
      t = fixed(
        t,
        check(t).checks.find((c) => c.rule === rule)!,
      );
    expect(rules(t).filter((r) => all.includes(r))).toEqual([]);
  });

  it('offers no fix where one would change what the instruction does', () => {
    const found = check('FROM a\nCMD echo $HOME && sleep 1\nENV A "quoted value"\n').checks;
    expect(found.map((c) => [c.rule, c.fix])).toEqual([
      ['JSONArgsRecommended', undefined],
      ['LegacyKeyValueFormat', undefined],
    ]);
  });
});

describe("Layerlab's advice", () => {
  const advice = (text: string) => adviseDockerfile(parseDockerfile(text));

  it('notes apt habits, with a fix for --no-install-recommends', () => {
    const text = 'FROM debian\nRUN apt-get update\nRUN apt-get install -y curl\n';
    const found = advice(text);
    expect(found.map((d) => d.code)).toEqual(['apt-update-alone', 'apt-recommends']);
    expect(found.every((d) => d.advice && d.severity === 'info')).toBe(true);
    expect(fixed(text, found[1]!)).toContain('apt-get install --no-install-recommends -y curl');
    expect(
      advice(
        'FROM debian\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
      ),
    ).toEqual([]);
  });

  it('notes a COPY of the whole context before dependencies are installed', () => {
    const found = advice('FROM python\nCOPY . /app\nRUN pip install -r /app/requirements.txt\n');
    expect(found.map((d) => [d.code, d.range.start.line])).toEqual([['copy-before-install', 2]]);
    expect(
      advice(
        'FROM python\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n',
      ),
    ).toEqual([]);
  });

  it('notes a global ARG that RUN reads without declaring it again', () => {
    const found = advice('ARG VERSION=1\nFROM debian:$VERSION\nRUN echo $VERSION\n');
    expect(found.map((d) => [d.code, d.range.start.line, d.range.start.column])).toEqual([
      ['global-arg-in-run', 3, 10],
    ]);
    expect(advice('ARG VERSION=1\nFROM debian:$VERSION\nARG VERSION\nRUN echo $VERSION\n')).toEqual(
      [],
    );
  });
});
