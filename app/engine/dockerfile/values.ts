/**
 * Values Docker refuses when it reads an instruction, before anything runs: an EXPOSE port
 * that is not a port (`EXPOSE eighty`), a STOPSIGNAL that is not a signal. The same rules serve
 * the editor (a diagnostic on the word, before any build) and the builder (the build fails with
 * Docker's own words), so the two never disagree.
 *
 * Docker's rules and wording: BuildKit's `frontend/dockerfile/dockerfile2llb/convert_expose.go`
 * (`parsePort`, `parsePortRange`, `splitProtoPort`, `splitParts`) and `dispatchStopSignal` with
 * `moby/sys/signal.ParseSignal`. Observed on Docker 28.5 (BuildKit and the legacy builder):
 * `EXPOSE eighty` fails with "invalid containerPort: eighty" (legacy: "Invalid containerPort:
 * eighty"), `EXPOSE 80/http` with `invalid port: "80/http": invalid proto: http`,
 * `STOPSIGNAL SIGFOO` with "invalid signal: SIGFOO"; `EXPOSE 8000-8002` exposes three ports.
 */
import type { Diagnostic, SourceRange } from '../common/diagnostics.ts';
import type { AstNode } from './ast.ts';
import { tryExpandWord } from './expand.ts';

export type PortResult =
  { ok: true; ports: string[] } | { ok: false; buildkit: string; classic: string };

function fail(buildkit: string, classic = buildkit[0]!.toUpperCase() + buildkit.slice(1)) {
  return { ok: false as const, buildkit, classic };
}

/** A port number 0-65535 as Go's strconv.ParseInt reads it (digits, an optional sign). */
function portNumber(raw: string): number | undefined {
  if (!/^[+-]?\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= 0 && n <= 65535 ? n : undefined;
}

function portRange(raw: string): [number, number] | undefined {
  if (raw === '') return undefined;
  const dash = raw.indexOf('-');
  const start = portNumber(dash < 0 ? raw : raw.slice(0, dash));
  if (start === undefined) return undefined;
  if (dash < 0) return [start, start];
  const end = portNumber(raw.slice(dash + 1));
  if (end === undefined || end < start) return undefined;
  return [start, end];
}

/** The last two `:`-separated parts are host port and container port; the rest is an IP. */
export function splitParts(raw: string): { ip: string; host: string; container: string } {
  const parts = raw.split(':');
  const n = parts.length;
  if (n === 1) return { ip: '', host: '', container: parts[0]! };
  if (n === 2) return { ip: '', host: parts[0]!, container: parts[1]! };
  return { ip: parts.slice(0, n - 2).join(':'), host: parts[n - 2]!, container: parts[n - 1]! };
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const looksLikeIp = (ip: string) => IPV4.test(ip) || (ip.includes(':') && /^[\da-f:.]+$/i.test(ip));

/**
 * One EXPOSE word (already expanded) as BuildKit reads it: the `port/proto` entries it adds to
 * the image config, or Docker's error.
 *
 * @example
 * parseExposedPort('8000-8001/udp'); // { ok: true, ports: ['8000/udp', '8001/udp'] }
 * parseExposedPort('eighty'); // { ok: false, buildkit: 'invalid containerPort: eighty', ... }
 */
export function parseExposedPort(raw: string): PortResult {
  const { ip: rawIp, host, container: withProto } = splitParts(raw);
  const slash = withProto.indexOf('/');
  const port = slash < 0 ? withProto : withProto.slice(0, slash);
  const proto = slash < 0 ? '' : withProto.slice(slash + 1);
  if (port === '')
    return fail(`invalid port: "${raw}": no port specified`, `No port specified: ${raw}<empty>`);
  if (!['', 'tcp', 'udp', 'sctp'].includes(proto.toLowerCase()))
    return fail(`invalid port: "${raw}": invalid proto: ${proto}`, `Invalid proto: ${proto}`);
  const ip = rawIp.startsWith('[') ? rawIp.replace(/^\[|\]$/g, '') : rawIp;
  if (ip !== '' && !looksLikeIp(ip)) return fail(`invalid IP address: ${ip}`);
  const range = portRange(port);
  if (!range) return fail(`invalid containerPort: ${port}`);
  if (host !== '') {
    const hostRange = portRange(host);
    if (!hostRange) return fail(`invalid hostPort: ${host}`);
    if (hostRange[1] - hostRange[0] !== range[1] - range[0] && range[0] !== range[1])
      return fail(
        `invalid ranges specified for container and host Ports: ${port} and ${host}`,
        `Invalid ranges specified for container and host Ports: ${port} and ${host}`,
      );
  }
  const p = (proto || 'tcp').toLowerCase();
  const ports: string[] = [];
  for (let n = range[0]; n <= range[1]; n++) ports.push(`${n}/${p}`);
  return { ok: true, ports };
}

/** Signal names `moby/sys/signal` knows on Linux (its SignalMap), without the SIG prefix. */
const SIGNALS = new Set(
  (
    'ABRT ALRM BUS CHLD CLD CONT FPE HUP ILL INT IO IOT KILL PIPE POLL PROF PWR QUIT SEGV ' +
    'STKFLT STOP SYS TERM TRAP TSTP TTIN TTOU URG USR1 USR2 VTALRM WINCH XCPU XFSZ'
  ).split(' '),
);
for (let i = 1; i <= 15; i++) {
  SIGNALS.add(`RTMIN+${i}`);
  SIGNALS.add(`RTMAX-${i}`);
}
SIGNALS.add('RTMIN');
SIGNALS.add('RTMAX');

/**
 * Docker's error for a STOPSIGNAL value, or undefined when Docker takes it.
 *
 * @example
 * signalProblem('SIGTERM'); // undefined
 * signalProblem('SIGFOO'); // 'invalid signal: SIGFOO'
 */
export function signalProblem(raw: string): string | undefined {
  if (/^[+-]?\d+$/.test(raw)) return Number(raw) === 0 ? `invalid signal: ${raw}` : undefined;
  return SIGNALS.has(raw.toUpperCase().replace(/^SIG/, '')) ? undefined : `invalid signal: ${raw}`;
}

/** What a learner reads about a value Docker refuses: the problem, and what to write instead. */
export const valueWords = {
  port: (value: string) =>
    `"${value}" is not a port: EXPOSE takes port numbers from 0 to 65535, optionally with /tcp, /udp or /sctp.`,
  portHint: 'For example: EXPOSE 8000 or EXPOSE 53/udp.',
  signal: (value: string) => `"${value}" is not a signal Docker knows.`,
  signalHint: 'Use a signal name or number, for example STOPSIGNAL SIGTERM or STOPSIGNAL 9.',
};

type Report = (d: Diagnostic) => void;

const expandStatic = (word: string): string | undefined => {
  // A value that reads a variable is known only at build time: the builder checks it then.
  if (word.includes('$')) return undefined;
  const r = tryExpandWord(word, new Map());
  return r.error ? undefined : r.value;
};

function problem(range: SourceRange, message: string, hint: string, docker: string): Diagnostic {
  return { code: 'invalid-value', severity: 'error', message, hint, docker, when: 'build', range };
}

/**
 * Diagnostics for values Docker will refuse in `node` (EXPOSE ports, STOPSIGNAL), on the word
 * itself, so the editor marks what will fail before a build.
 */
export function checkValues(node: AstNode, report: Report): void {
  if (node.keyword === 'EXPOSE') {
    for (const word of node.args) {
      const value = expandStatic(word.value);
      if (value === undefined) continue;
      const r = parseExposedPort(value);
      if (!r.ok)
        report(problem(word.range, valueWords.port(value), valueWords.portHint, r.buildkit));
    }
  } else if (node.keyword === 'STOPSIGNAL' && node.args.length === 1) {
    const word = node.args[0]!;
    const value = expandStatic(word.value);
    const bad = value === undefined ? undefined : signalProblem(value);
    if (bad && value !== undefined)
      report(problem(word.range, valueWords.signal(value), valueWords.signalHint, bad));
  }
}
