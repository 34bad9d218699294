/**
 * Build events printed as `docker build` prints them: BuildKit's `--progress=plain` and the
 * classic builder's `Step n/N`. Durations are simulated and deterministic.
 */
import type { BuildEvent, StepInfo } from '../../build/events.ts';
import type { BuildCheck } from '../../dockerfile/rules/index.ts';
import { fullName, parseImageRef } from '../../images/reference.ts';
import { humanSize } from '../../common/units.ts';
import { shortId } from '../../common/ids.ts';
import { buildWarnings, classicWarnings, progressWarnings } from './checks.ts';

export interface OutputOptions {
  /** The Dockerfile text, for the excerpt BuildKit prints around a failing line. */
  source: string;
  tags: string[];
  /** BuildKit's build checks that fired: `#1 WARN` lines and the summary at the end. */
  checks?: readonly BuildCheck[];
  /** `docker --debug build`: the summary expands each warning. */
  debug?: boolean;
  /** Classic builder: instructions with empty continuation lines (its only warning). */
  emptyContinuations?: readonly string[];
  /**
   * With the containerd image store: the digests BuildKit's exporter prints (manifest, config,
   * attestation manifest, manifest list) and each base image's digest (`FROM ref@sha256:…`).
   */
  containerd?: {
    manifest: string;
    config: string;
    attestation: string | undefined;
    index: string | undefined;
    bases: Readonly<Record<string, string>>;
  };
}

/** Docker 28.5 prints this on stderr before anything else with DOCKER_BUILDKIT=0. */
export const LEGACY_BUILDER_NOTICE = `DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
            environment-variable.

`;

/**
 * `naming to`: the full name; the overlay2 exporter keeps the tag only if one was given
 * (`-t t` names docker.io/library/t), the containerd one always names it (`t:latest`).
 */
function namingRef(tag: string, containerd: boolean): string {
  try {
    const ref = parseImageRef(tag);
    const full = fullName(ref);
    return ref.tag === undefined && !containerd ? full.replace(/:latest$/, '') : full;
  } catch {
    return tag;
  }
}

/** BuildKit names images in full: `docker.io/library/debian:bookworm-slim`. */
function fullRef(ref: string): string {
  try {
    return fullName(parseImageRef(ref));
  } catch {
    return ref;
  }
}

/** The image a FROM step names (after its flags). */
const fromRef = (step: StepInfo) =>
  step.text
    .split(/\s+/)
    .slice(1)
    .find((w) => !w.startsWith('--')) ?? '';

/**
 * What BuildKit prints for a step: FROM with the full image name and without `AS name`; with
 * the containerd store, pinned to the digest it resolved.
 */
function vertexText(step: StepInfo, bases: readonly string[], opts: OutputOptions): string {
  if (step.keyword !== 'FROM') return step.text;
  const ref = fromRef(step);
  if (!bases.includes(ref)) return `FROM ${ref}`;
  const digest = opts.containerd?.bases[ref];
  return `FROM ${fullRef(ref)}${digest ? `@${digest}` : ''}`;
}

/** Whether a step reads the build context, and whether it writes an inline document (heredoc). */
function copyReads(step: StepInfo): { context: boolean; inline: boolean } {
  if ((step.keyword !== 'COPY' && step.keyword !== 'ADD') || /--from[= ]/.test(step.text))
    return { context: false, inline: false };
  const words = step.text
    .split(/\s+/)
    .slice(1)
    .filter((w) => !w.startsWith('--'));
  const sources = words.slice(0, -1);
  const heredoc = (w: string) => /^\d*<<-?/.test(w);
  return { context: !sources.every(heredoc), inline: sources.some(heredoc) };
}

/** A deterministic container ID for classic's `Running in`, derived from the step's image. */
function containerId(seed: string): string {
  let h = 0x811c9dc5;
  let out = '';
  for (let round = 0; out.length < 12; round++) {
    for (const ch of `${seed}:${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 12);
}

function excerpt(source: string, line: number): string[] {
  const lines = source.split('\n');
  const from = Math.max(1, line - 2);
  const to = Math.min(lines.length, line + 2);
  const out = ['--------------------'];
  for (let n = from; n <= to; n++) {
    const num = String(n).padStart(4);
    out.push(`${num} | ${n === line ? '>>>' : '   '} ${lines[n - 1] ?? ''}`.trimEnd());
  }
  out.push('--------------------');
  return out;
}

/**
 * BuildKit's plain progress output, as Docker 28.5 prints it: the builder line, the Dockerfile,
 * the base images' metadata, .dockerignore, then the steps (the build context once the first
 * stage's FROM is there), the exporter, and on failure the step's last lines and the
 * Dockerfile excerpt.
 * @example renderBuildkit(result.events, { source, tags: ['app:latest'] })
 */
export function renderBuildkit(events: readonly BuildEvent[], opts: OutputOptions): string {
  const out: string[] = ['#0 building with "default" instance using docker driver', ''];
  let vertex = 0;
  let steps: StepInfo[] = [];
  let bases: string[] = [];
  let contextBytes = -1;
  let dockerfile = 'Dockerfile';
  const vertexOf = new Map<number, number>();
  /** Each step's vertex as the build named it: `[n/N]` and the instruction, values substituted. */
  const named = new Map<number, { label: string; name: string }>();
  const outputs = new Map<number, string[]>();
  /** Steps the failure canceled while they ran: printed again, CANCELED, after the error. */
  const canceled: string[][] = [];
  const block = (lines: string[]) => out.push(...lines, '');
  const checks = opts.checks ?? [];
  // buildx prints the warnings once the progress is done: after the steps, before the error.
  const warnings = () => {
    const text = buildWarnings(checks, {
      filename: 'Dockerfile',
      text: opts.source,
      debug: opts.debug ?? false,
    });
    if (!text) return;
    if (out.length > 0 && out[out.length - 1] !== '') out.push('');
    out.push(...text.slice(1).replace(/\n$/, '').split('\n'));
  };
  let inline = false;
  const fromImages = new Set<string>();
  const context = () => {
    if (contextBytes >= 0)
      block([
        `#${++vertex} [internal] load build context`,
        `#${vertex} transferring context: ${contextBytes}B done`,
        `#${vertex} DONE 0.0s`,
      ]);
    // COPY <<EOT writes its file in a vertex of its own (dockerfile2llb dispatchCopy).
    if (inline)
      block([`#${++vertex} [internal] preparing inline document`, `#${vertex} DONE 0.0s`]);
    contextBytes = -1;
    inline = false;
  };
  for (const e of events) {
    switch (e.type) {
      case 'build-start': {
        steps = e.steps;
        bases = e.baseImages;
        dockerfile = e.dockerfile;
        block([
          `#${++vertex} [internal] load build definition from ${e.dockerfile}`,
          `#${vertex} transferring dockerfile: ${e.dockerfileBytes}B done`,
          ...progressWarnings(checks, vertex),
          `#${vertex} DONE 0.0s`,
        ]);
        for (const image of e.baseImages)
          block([
            `#${++vertex} [internal] load metadata for ${fullRef(image)}`,
            `#${vertex} DONE 0.0s`,
          ]);
        block([
          `#${++vertex} [internal] load .dockerignore`,
          `#${vertex} transferring context: 2B done`,
          `#${vertex} DONE 0.0s`,
        ]);
        const reads = e.steps.map(copyReads);
        if (reads.some((r) => r.context)) contextBytes = e.contextBytes;
        inline = reads.some((r) => r.inline);
        // FROM scratch is no step: the context comes first.
        if (!e.steps.some((s) => s.keyword === 'FROM' && s.vertexLabel)) context();
        break;
      }
      case 'step-start': {
        const step = steps[e.step];
        if (!step?.vertexLabel || e.noVertex) break;
        if (step.keyword !== 'FROM') context();
        else {
          // Stages FROM the same image share one vertex, printed once under the first stage's
          // name (the same LLB op; recorded in 17-multi-stage).
          const image = vertexText(step, bases, opts);
          if (fromImages.has(image)) break;
          fromImages.add(image);
        }
        vertexOf.set(e.step, ++vertex);
        named.set(e.step, {
          label: e.label ?? step.vertexLabel,
          name: e.name ?? vertexText(step, bases, opts),
        });
        break;
      }
      case 'output': {
        const lines = outputs.get(e.step) ?? [];
        lines.push(...e.text.replace(/\n$/, '').split('\n'));
        outputs.set(e.step, lines);
        break;
      }
      case 'step-done': {
        const v = vertexOf.get(e.step);
        const step = steps[e.step];
        const vx = named.get(e.step);
        // A failed step was shown with its error already.
        if (v === undefined || !step || !vx || e.outcome === 'failed') break;
        const head = `#${v} ${vx.label} ${vx.name}`;
        if (e.outcome === 'canceled') {
          // Still running when another step failed the solve (recorded on 28.5).
          block([head, `#${v} ...`]);
          canceled.push([
            head,
            ...(step.keyword === 'RUN'
              ? [`#${v} 0.100 runc run failed: container process is already dead`]
              : []),
            `#${v} CANCELED`,
          ]);
          break;
        }
        const logs = (outputs.get(e.step) ?? []).map((l) => `#${v} 0.100 ${l}`);
        const resolve =
          step.keyword === 'FROM' && opts.containerd
            ? [`#${v} ${vertexText(step, bases, opts).replace(/^FROM /, 'resolve ')} 0.0s done`]
            : [];
        block([
          head,
          ...resolve,
          ...logs,
          e.outcome === 'cached'
            ? `#${v} CACHED`
            : `#${v} DONE ${step.keyword === 'RUN' ? '0.1' : '0.0'}s`,
        ]);
        break;
      }
      case 'error': {
        const v = e.step !== undefined ? vertexOf.get(e.step) : undefined;
        const vx = e.step !== undefined ? named.get(e.step) : undefined;
        const logs = e.step !== undefined ? (outputs.get(e.step) ?? []) : [];
        if (v !== undefined && vx) {
          block([
            `#${v} ${vx.label} ${vx.name}`,
            ...logs.map((l) => `#${v} 0.100 ${l}`),
            // The step's own error; the solve wraps a checksum failure in `failed to compute cache key`.
            `#${v} ERROR: ${e.message.replace(/^failed to compute cache key: (?=failed to calculate)/, '')}`,
          ]);
          for (const lines of canceled) block(lines);
          out.pop();
          out.push(
            '------',
            ` > ${vx.label} ${vx.name}:`,
            ...logs.slice(-6).map((l) => `0.100 ${l}`),
            '------',
          );
        }
        warnings();
        if (e.range)
          out.push(
            `${dockerfile}:${e.range.start.line}`,
            ...excerpt(opts.source, e.range.start.line),
          );
        out.push(`ERROR: failed to build: failed to solve: ${e.message}`);
        break;
      }
      case 'build-done': {
        const v = ++vertex;
        // The names as the command line gave them (`-t t` is named docker.io/library/t).
        const names = opts.tags.length ? opts.tags : e.tags;
        const c = opts.containerd;
        const naming = names.map((t) => `#${v} naming to ${namingRef(t, !!c)} done`);
        block([
          `#${v} exporting to image`,
          `#${v} exporting layers 0.0s done`,
          ...(c
            ? [
                `#${v} exporting manifest ${c.manifest} 0.0s done`,
                `#${v} exporting config ${c.config} 0.0s done`,
                ...(c.attestation
                  ? [`#${v} exporting attestation manifest ${c.attestation} 0.0s done`]
                  : []),
                ...(c.index ? [`#${v} exporting manifest list ${c.index} 0.0s done`] : []),
                ...naming,
                ...names.map((t) => `#${v} unpacking to ${namingRef(t, !!c)} 0.0s done`),
              ]
            : [`#${v} writing image ${e.imageId} done`, ...naming]),
          `#${v} DONE 0.0s`,
        ]);
        warnings();
        break;
      }
      default:
        break;
    }
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** moby dispatchTriggeredOnBuild: `# Executing 2 build triggers` before the first of them. */
function executingTriggers(steps: readonly StepInfo[], first: number): string {
  let n = 0;
  while (steps[first + n]?.onbuild) n++;
  return `# Executing ${n} build trigger${n > 1 ? 's' : ''}`;
}

/**
 * The classic builder's output (`DOCKER_BUILDKIT=0`).
 * @example renderClassic(result.events, { source, tags: ['app:latest'] })
 */
export function renderClassic(events: readonly BuildEvent[], opts: OutputOptions): string {
  const out: string[] = [];
  let steps: StepInfo[] = [];
  /** `Step n/N`: a base image's ONBUILD triggers run inside the FROM step and take no number. */
  let numbers = new Map<number, number>();
  let last: string | undefined;
  const running = new Map<number, string>();
  const triggerNext = (n: number) => steps[n + 1]?.onbuild === true;
  for (const e of events) {
    switch (e.type) {
      case 'build-start':
        steps = e.steps;
        numbers = new Map(steps.filter((s) => !s.onbuild).map((s, i) => [s.index, i + 1]));
        out.push(`Sending build context to Docker daemon  ${humanSize(e.contextBytes, 4)}`);
        break;
      case 'step-start': {
        const step = steps[e.step];
        if (step?.onbuild) {
          if (!steps[e.step - 1]?.onbuild) out.push(executingTriggers(steps, e.step));
        } else if (step) out.push(`Step ${numbers.get(e.step)}/${numbers.size} : ${step.text}`);
        break;
      }
      case 'cache-hit':
        out.push(' ---> Using cache');
        break;
      case 'cache-miss': {
        const step = steps[e.step];
        if (step && step.keyword !== 'COPY' && step.keyword !== 'ADD') {
          const id = containerId(e.key.key);
          running.set(e.step, id);
          out.push(` ---> Running in ${id}`);
        }
        break;
      }
      case 'output':
        out.push(e.text.replace(/\n$/, ''));
        break;
      case 'step-done': {
        if (e.outcome === 'failed') break;
        const id = running.get(e.step);
        if (id && e.outcome === 'built') out.push(` ---> Removed intermediate container ${id}`);
        last = e.imageId;
        // The FROM step's image is printed once its triggers ran (moby builder.go prints it
        // after initializeStage, which runs them).
        if (!triggerNext(e.step)) out.push(` ---> ${shortId(e.imageId)}`);
        break;
      }
      case 'error':
        out.push(e.classicMessage ?? e.message);
        break;
      case 'build-done':
        out.push(`Successfully built ${shortId(e.imageId ?? last)}`);
        for (const tag of e.tags) out.push(`Successfully tagged ${tag}`);
        break;
      default:
        break;
    }
  }
  const text = `${out.join('\n')}\n`;
  // The parser's warnings come right after the context is sent.
  const warned = classicWarnings(opts.emptyContinuations ?? []);
  return warned && text.startsWith('Sending build context')
    ? text.replace('\n', `\n${warned}`)
    : text;
}
