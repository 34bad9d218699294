import { describe, expect, it } from 'vitest';
import { dumpAst } from './dump.ts';
import { parseDockerfile } from './parse.ts';

const errors = (text: string) =>
  parseDockerfile(text).diagnostics.filter((d) => d.severity === 'error');
const dump = (text: string) => dumpAst(parseDockerfile(text).instructions.map((i) => i.node));

describe('parseDockerfile', () => {
  it('gives each instruction its keyword, stage and exact source range', () => {
    const text =
      'FROM debian AS base\nRUN apt-get update && \\\n    apt-get install -y curl\nCOPY . /app\n';
    const r = parseDockerfile(text);
    expect(r.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN', 'COPY']);
    const run = r.instructions[1]!;
    expect(run.range.start).toEqual({ line: 2, column: 1, offset: 20 });
    expect(run.range.end.line).toBe(3);
    expect(run.source).toBe('RUN apt-get update && \\\n    apt-get install -y curl');
    expect(run.node.original).toBe('RUN apt-get update &&     apt-get install -y curl');
    expect(r.stages[0]!.name).toBe('base');
    expect(r.diagnostics).toEqual([]);
  });

  it('keeps the ranges of flags and arguments', () => {
    const text = 'FROM scratch\nCOPY --from=build --chmod=755 a.sh /bin/\n';
    const node = parseDockerfile(text).instructions[1]!.node;
    const flag = node.flags[0]!;
    expect(flag.value).toBe('--from=build');
    expect(text.slice(flag.range.start.offset, flag.range.end.offset)).toBe('--from=build');
    const dest = node.args[1]!;
    expect(text.slice(dest.range.start.offset, dest.range.end.offset)).toBe('/bin/');
    expect(dest.range.start).toMatchObject({ line: 2, column: 36 });
  });

  it('maps arguments on continuation lines back to their own line', () => {
    const text = 'FROM scratch\nENV A=1 \\\n  B=2\n';
    const node = parseDockerfile(text).instructions[1]!.node;
    const b = node.args[3]!;
    expect(b.value).toBe('B');
    expect(b.range.start).toMatchObject({ line: 3, column: 3 });
  });

  it('reports an unknown instruction on its line with a suggestion', () => {
    const d = errors('FROM debian\nRUN echo hi\nCOPPY . /app\n');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({
      code: 'unknown-instruction',
      hint: 'Did you mean COPY?',
      docker: 'unknown instruction: COPPY (did you mean copy?)',
    });
    expect(d[0]!.range.start).toMatchObject({ line: 3, column: 1 });
    expect(d[0]!.range.end).toMatchObject({ line: 3, column: 6 });
  });

  it('suggests FROM for FORM', () => {
    expect(errors('FORM debian\n')[0]!.hint).toBe('Did you mean FROM?');
  });

  it('reports a missing FROM and instructions before it', () => {
    expect(errors('RUN echo hi\n').map((d) => d.code)).toEqual(['missing-from', 'missing-from']);
    expect(errors('ARG V=1\nFROM debian:$V\n')).toEqual([]);
  });

  it('reports empty input and input with only comments', () => {
    expect(errors('')[0]!.code).toBe('empty-dockerfile');
    expect(errors('# just a note\n\n')[0]!.code).toBe('empty-dockerfile');
  });

  it('reports an empty ENV name and ENV without a value', () => {
    expect(errors('FROM a\nENV =x\n')[0]!.code).toBe('empty-name');
    expect(errors('FROM a\nENV PATH\n')[0]).toMatchObject({
      code: 'missing-value',
      docker: 'ENV must have two arguments',
    });
  });

  it('warns when bad JSON falls back to the shell form, as Docker does', () => {
    const r = parseDockerfile("FROM a\nCMD ['echo', 'hi']\n");
    const w = r.diagnostics.find((d) => d.code === 'json-fallback');
    expect(w?.severity).toBe('warning');
    expect(r.instructions[1]!.node.json).toBe(false);
    expect(r.instructions[1]!.node.args.map((a) => a.value)).toEqual(["['echo', 'hi']"]);
  });

  it('rejects flags an instruction does not take', () => {
    const d = errors('FROM a\nCOPY --form=b x /\nRUN --link echo\n');
    expect(d.map((x) => [x.code, x.range.start.line])).toEqual([
      ['unknown-flag', 2],
      ['unknown-flag', 3],
    ]);
    expect(d[0]!.hint).toContain('--from');
  });

  it('reads heredocs: several per line, <<- and quoted delimiters', () => {
    const text = [
      'FROM debian',
      'RUN <<EOF',
      'echo $HOME',
      'EOF',
      'COPY <<-"A" <<B /dst/',
      '\tone',
      '\tA',
      'two',
      'B',
      'RUN echo done',
    ].join('\n');
    const r = parseDockerfile(text);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN', 'COPY', 'RUN']);
    const run = r.instructions[1]!.node;
    expect(run.heredocs).toEqual([
      expect.objectContaining({ name: 'EOF', content: 'echo $HOME\n', expand: true, chomp: false }),
    ]);
    const copy = r.instructions[2]!.node;
    expect(copy.heredocs.map((h) => [h.name, h.content, h.chomp, h.expand])).toEqual([
      ['A', '\tone\n', true, false],
      ['B', 'two\n', false, true],
    ]);
    expect(r.instructions[3]!.range.start.line).toBe(10);
  });

  it('reports an unterminated heredoc', () => {
    const d = errors('FROM a\nRUN <<EOF\necho hi\n');
    expect(d[0]).toMatchObject({ code: 'unterminated-heredoc', docker: 'unterminated heredoc' });
    expect(d[0]!.range.start.line).toBe(2);
  });

  it('honours the escape directive, and only at the top', () => {
    const text = '# escape=`\nFROM windows\nRUN dir `\n  c:\\\n';
    const r = parseDockerfile(text);
    expect(r.escape).toBe('`');
    expect(dump(text)).toBe('(from "windows")\n(run "dir   c:\\\\")\n');
    expect(parseDockerfile('FROM a\n# escape=`\n').escape).toBe('\\');
    expect(errors('# escape=x\nFROM a\n')[0]!.code).toBe('invalid-escape');
  });

  it('reads a continuation at the end of the file and comments inside continuations', () => {
    expect(dump('FROM a\nRUN echo \\\n# note\n  hi \\')).toBe('(from "a")\n(run "echo   hi")\n');
  });

  it('parses every instruction of the reference', () => {
    const text = [
      'ARG BASE=debian',
      'FROM --platform=linux/amd64 $BASE AS build',
      'RUN --mount=type=cache,target=/root/.cache --network=none make',
      'CMD ["app"]',
      'ENTRYPOINT exec app',
      'SHELL ["/bin/bash", "-c"]',
      'COPY --chown=1:1 --chmod=644 --link --exclude=*.md a b /c/',
      'ADD https://example.com/x.tgz /x/',
      'ENV A="1 2" B=3',
      'LABEL org.opencontainers.image.title="x"',
      'WORKDIR /app',
      'USER app:app',
      'EXPOSE 80/tcp 443',
      'VOLUME /data /logs',
      'HEALTHCHECK --interval=30s --retries=3 CMD curl -f http://localhost/',
      'HEALTHCHECK NONE',
      'STOPSIGNAL SIGTERM',
      'ONBUILD RUN echo child',
      'MAINTAINER someone',
    ].join('\n');
    const r = parseDockerfile(text);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.instructions).toHaveLength(19);
    expect(r.globals.map((g) => g.keyword)).toEqual(['ARG']);
    expect(r.instructions[17]!.node.sub?.keyword).toBe('RUN');
  });

  it('builds the stage graph', () => {
    const r = parseDockerfile(
      'FROM golang AS build\nRUN make\nFROM build AS test\nFROM scratch\nCOPY --from=build /app /app\nCOPY --from=1 /t /t\n',
    );
    expect(r.stages.map((s) => s.dependsOn.map((d) => [d.stage, d.via]))).toEqual([
      [],
      [[0, 'FROM']],
      [
        [0, 'COPY --from'],
        [1, 'COPY --from'],
      ],
    ]);
  });

  it('checks FROM, stage names and ONBUILD triggers', () => {
    expect(errors('FROM a b\n')[0]!.code).toBe('from-arguments');
    expect(errors('FROM a AS 1x\n')[0]!.code).toBe('stage-name');
    // BuildKit builds with two stages of one name (DuplicateStageName is a warning).
    expect(errors('FROM a AS x\nFROM b AS x\n')).toEqual([]);
    expect(errors('FROM a\nONBUILD ONBUILD RUN x\n')[0]!.code).toBe('onbuild-chain');
    expect(errors('FROM a\nONBUILD FROM b\n')[0]!.code).toBe('onbuild-trigger');
    expect(errors('FROM a\nHEALTHCHECK --interval=5 CMD x\n')[0]!.code).toBe('duration');
    expect(errors('FROM a\nHEALTHCHECK PING x\n')[0]!.code).toBe('healthcheck-type');
    expect(errors('FROM a\nSHELL /bin/bash\n')[0]!.code).toBe('shell-json');
    expect(errors('FROM a\nCOPY onlyone\n')[0]!.code).toBe('copy-arguments');
    expect(errors('FROM a\nWORKDIR ${X\n')[0]!.code).toBe('expansion');
  });

  it('orders diagnostics: errors first, then by position', () => {
    const r = parseDockerfile('FROM a\nCMD [echo]\nFORM x\n');
    expect(r.diagnostics[0]!.severity).toBe('error');
    const sev = r.diagnostics.map((d) => d.severity);
    expect(sev.indexOf('warning')).toBeGreaterThan(sev.lastIndexOf('error'));
  });
});
