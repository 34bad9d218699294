/**
 * Metadata instructions: how each changes the image config, and the body of its history line.
 * No filesystem work happens here.
 */
import { EngineError } from '../common/diagnostics.ts';
import { parseExposedPort, signalProblem, valueWords } from '../dockerfile/values.ts';
import type { RunConfig } from '../fs/index.ts';
import type { BuilderKind } from './events.ts';
import { exposeBody, goQuotedList } from './history.ts';
import type { StepSpec } from './steps.ts';

export type Expand = (text: string) => string;

const NANOS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** Go duration strings (`30s`, `1m30s`) to nanoseconds. */
/**
 * Go's time.Duration.String for whole units: `0s`, `30s`, `1m30s`, `1h0m0s`, `500ms`.
 * @example goDuration(90e9) // '1m30s'
 */
export function goDuration(ns: number): string {
  if (ns === 0) return '0s';
  if (ns < 1e9)
    return ns % 1e6 === 0 ? `${ns / 1e6}ms` : ns % 1e3 === 0 ? `${ns / 1e3}µs` : `${ns}ns`;
  const total = ns / 1e9;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = Number((total % 60).toFixed(9));
  if (h) return `${h}h${m}m${s}s`;
  if (m) return `${m}m${s}s`;
  return `${s}s`;
}

export function parseDuration(text: string, step: StepSpec): number {
  let total = 0;
  let rest = text;
  while (rest) {
    const m = /^(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/.exec(rest);
    if (!m) throw new EngineError('bad-duration', `time: invalid duration "${text}"`, step.range);
    total += Number(m[1]) * NANOS[m[2]!]!;
    rest = rest.slice(m[0].length);
  }
  return Math.round(total);
}

export function setEnv(config: RunConfig, key: string, value: string): RunConfig {
  const env = (config.Env ?? []).filter((e) => e.split('=')[0] !== key);
  return { ...config, Env: [...env, `${key}=${value}`] };
}

/**
 * WORKDIR's path: absolute as written, or relative to the working directory so far, cleaned
 * as moby's system.NormalizeWorkdir does (`..` goes up, `.` and empty parts drop).
 * @example workdirPath('/app', 'src') // '/app/src'
 */
export function workdirPath(current: string | undefined, raw: string): string {
  const parts: string[] = [];
  for (const p of (raw.startsWith('/') ? raw : `${current || '/'}/${raw}`).split('/')) {
    if (p === '..') parts.pop();
    else if (p && p !== '.') parts.push(p);
  }
  return `/${parts.join('/')}`;
}

/** Docker's shell-form wrapping: CMD and ENTRYPOINT run through the SHELL. */
function commandList(
  step: Extract<StepSpec, { keyword: 'CMD' | 'ENTRYPOINT' }>,
  config: RunConfig,
): string[] {
  return step.command.exec ?? [...(config.Shell ?? ['/bin/sh', '-c']), step.command.shell ?? ''];
}

/** The `port/proto` entries a word adds, or the error Docker stops the build with. */
function exposedPorts(word: string, step: StepSpec): string[] {
  const r = parseExposedPort(word);
  if (r.ok) return r.ports;
  throw new EngineError('invalid-value', r.buildkit, step.range, {
    classic: r.classic,
    hint: `${valueWords.port(word)} ${valueWords.portHint}`,
  });
}

/**
 * Apply a metadata step. Returns the new config and the history body (after the keyword).
 * @example applyMetadata(step, config, 'buildkit', (t) => t).body // 'GREETING=hi'
 */
export function applyMetadata(
  step: StepSpec,
  config: RunConfig,
  builder: BuilderKind,
  expand: Expand,
): { config: RunConfig; body: string } {
  switch (step.keyword) {
    case 'ENV': {
      let next = config;
      const shown: string[] = [];
      for (const [k, v] of step.pairs) {
        const key = expand(k);
        if (key === '')
          throw new EngineError('env-blank', 'ENV names can not be blank', step.range);
        const value = expand(v);
        next = setEnv(next, key, value);
        shown.push(`${key}=${value}`);
      }
      return { config: next, body: shown.join(' ') };
    }
    case 'LABEL': {
      const labels = { ...(config.Labels ?? {}) };
      const shown: string[] = [];
      for (const [k, v] of step.pairs) {
        const key = expand(k);
        labels[key] = expand(v);
        shown.push(`${key}=${labels[key]}`);
      }
      return { config: { ...config, Labels: labels }, body: shown.join(' ') };
    }
    case 'MAINTAINER':
      return { config, body: step.value };
    case 'EXPOSE': {
      const written = step.ports.map(expand);
      const ports = written.flatMap((w) => exposedPorts(w, step));
      const all = [...new Set([...(config.ExposedPorts ?? []), ...ports])];
      return {
        config: { ...config, ExposedPorts: all },
        body: exposeBody(builder, ports, written),
      };
    }
    case 'VOLUME': {
      const paths = step.paths.map(expand);
      const all = [...new Set([...(config.Volumes ?? []), ...paths])];
      return { config: { ...config, Volumes: all }, body: `[${paths.join(' ')}]` };
    }
    case 'USER':
      return { config: { ...config, User: expand(step.value) }, body: expand(step.value) };
    case 'STOPSIGNAL': {
      const signal = expand(step.value);
      const bad = signalProblem(signal);
      if (bad)
        throw new EngineError('invalid-value', bad, step.range, {
          hint: `${valueWords.signal(signal)} ${valueWords.signalHint}`,
        });
      return { config: { ...config, StopSignal: signal }, body: signal };
    }
    case 'CMD': {
      const cmd = commandList(step, config);
      const next: RunConfig = { ...config, Cmd: cmd };
      if (!step.command.exec) next.ArgsEscaped = true;
      return { config: next, body: goQuotedList(cmd) };
    }
    case 'ENTRYPOINT': {
      const ep = commandList(step, config);
      // An ENTRYPOINT resets an inherited CMD, as Docker does.
      const { Cmd: _dropped, ...rest } = config;
      return { config: { ...rest, Entrypoint: ep }, body: goQuotedList(ep) };
    }
    case 'SHELL':
      return { config: { ...config, Shell: step.argv }, body: `[${step.argv.join(' ')}]` };
    case 'HEALTHCHECK': {
      if (step.none)
        return {
          config: { ...config, Healthcheck: { Test: ['NONE'] } },
          body: '&{["NONE"] "0s" "0s" "0s" "0s" \'\\x00\'}',
        };
      const cmd = step.command;
      const test = cmd?.exec ? ['CMD', ...cmd.exec] : ['CMD-SHELL', cmd?.shell ?? ''];
      const o = step.options;
      const hc = {
        Test: test,
        ...(o.interval ? { Interval: parseDuration(o.interval, step) } : {}),
        ...(o.timeout ? { Timeout: parseDuration(o.timeout, step) } : {}),
        ...(o['start-period'] ? { StartPeriod: parseDuration(o['start-period'], step) } : {}),
        ...(o['start-interval'] ? { StartInterval: parseDuration(o['start-interval'], step) } : {}),
        ...(o.retries ? { Retries: Number(o.retries) } : {}),
      };
      // BuildKit formats the struct with %q, moby's legacy builder with %v (recorded on 28.5:
      // `HEALTHCHECK &{[CMD-SHELL true] 0s 0s 0s 0s 0}`).
      const durations = [hc.Interval, hc.Timeout, hc.StartPeriod, hc.StartInterval].map((d) =>
        goDuration(d ?? 0),
      );
      return {
        config: { ...config, Healthcheck: hc },
        body:
          builder === 'classic'
            ? `&{[${test.join(' ')}] ${durations.join(' ')} ${hc.Retries ?? 0}}`
            : `&{${goQuotedList(test)} "${o.interval ?? '0s'}" "${o.timeout ?? '0s'}" "${o['start-period'] ?? '0s'}" "${o['start-interval'] ?? '0s'}" '\\x0${o.retries ?? 0}'}`,
      };
    }
    case 'ONBUILD':
      return {
        config: { ...config, OnBuild: [...(config.OnBuild ?? []), step.trigger] },
        body: step.trigger,
      };
    default:
      return { config, body: step.text };
  }
}
