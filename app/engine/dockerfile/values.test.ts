import { describe, expect, it } from 'vitest';
import { parseDockerfile } from './parse.ts';
import { parseExposedPort, signalProblem } from './values.ts';

// Docker 28.5's words for these values (BuildKit / legacy builder), as it printed them for
// `EXPOSE <value>` and `STOPSIGNAL <value>` on this machine's reference daemon.
describe('parseExposedPort', () => {
  it.each([
    ['8000', ['8000/tcp']],
    ['53/udp', ['53/udp']],
    ['80/UDP', ['80/udp']],
    ['8000-8002', ['8000/tcp', '8001/tcp', '8002/tcp']],
    [':80', ['80/tcp']],
    ['80/', ['80/tcp']],
    ['1.2.3.4:80:80', ['80/tcp']],
  ])('takes %s as Docker does', (raw, ports) => {
    expect(parseExposedPort(raw)).toEqual({ ok: true, ports });
  });

  it.each([
    ['eighty', 'invalid containerPort: eighty', 'Invalid containerPort: eighty'],
    ['70000', 'invalid containerPort: 70000', 'Invalid containerPort: 70000'],
    ['80-70', 'invalid containerPort: 80-70', 'Invalid containerPort: 80-70'],
    ['80/http', 'invalid port: "80/http": invalid proto: http', 'Invalid proto: http'],
    ['abc:80', 'invalid hostPort: abc', 'Invalid hostPort: abc'],
    ['/tcp', 'invalid port: "/tcp": no port specified', 'No port specified: /tcp<empty>'],
  ])('refuses %s with Docker’s words', (raw, buildkit, classic) => {
    expect(parseExposedPort(raw)).toEqual({ ok: false, buildkit, classic });
  });
});

describe('signalProblem', () => {
  it('takes names with or without SIG, in any case, and non-zero numbers', () => {
    for (const s of ['SIGTERM', 'sigterm', 'TERM', 'SIGRTMIN+3', '9'])
      expect(signalProblem(s)).toBe(undefined);
  });
  it('refuses what Docker refuses', () => {
    expect(signalProblem('SIGFOO')).toBe('invalid signal: SIGFOO');
    expect(signalProblem('0')).toBe('invalid signal: 0');
  });
});

describe('the editor marks values Docker will refuse, on the word', () => {
  it('marks EXPOSE eighty before any build, with Docker’s own words, as a build-time failure', () => {
    const text = 'FROM debian:bookworm-slim\nEXPOSE 8000 eighty\n';
    const d = parseDockerfile(text).diagnostics.find((x) => x.code === 'invalid-value');
    expect(d).toMatchObject({
      severity: 'error',
      when: 'build',
      docker: 'invalid containerPort: eighty',
      range: { start: { line: 2, column: 13 } },
    });
    expect(d!.message).toContain('"eighty" is not a port');
    expect(text.slice(d!.range.start.offset, d!.range.end.offset)).toBe('eighty');
  });

  it('leaves values that read a variable to the build', () => {
    const { diagnostics } = parseDockerfile('FROM debian\nARG P=x\nEXPOSE $P\nSTOPSIGNAL ${S}\n');
    expect(diagnostics.filter((x) => x.code === 'invalid-value')).toEqual([]);
  });

  it('marks a STOPSIGNAL that is not a signal', () => {
    const { diagnostics } = parseDockerfile('FROM debian\nSTOPSIGNAL SIGFOO\n');
    expect(diagnostics.find((x) => x.code === 'invalid-value')?.docker).toBe(
      'invalid signal: SIGFOO',
    );
  });
});
