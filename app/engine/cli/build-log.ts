/**
 * What `docker build` prints for a build the engine ran, made in one place so that a typed
 * `docker build` and the lab's Build button show the same log: BuildKit's progress (with the
 * containerd image store's exporter lines: manifest, config, attestation, index, unpacking) or
 * the legacy builder's steps after its deprecation notice.
 */
import type { BuildEvent, BuilderKind } from '../build/events.ts';
import { registryBlobs, registryDigest } from '../daemon/blobs.ts';
import type { Engine, EngineBuildResult } from '../daemon/engine.ts';
import {
  LEGACY_BUILDER_NOTICE,
  renderBuildkit,
  renderClassic,
  type OutputOptions,
} from './format/build-output.ts';

/** containerd store: the digest each base image of the build resolved to (`FROM ref@sha256:…`). */
function baseDigests(engine: Engine, events: readonly BuildEvent[]): Record<string, string> {
  const start = events.find((e) => e.type === 'build-start');
  const out: Record<string, string> = {};
  if (start?.type !== 'build-start') return out;
  for (const ref of start.baseImages) {
    const local = engine.images.find(ref);
    const remote = local ? undefined : (engine.pushed.get(ref) ?? engine.opts.registry(ref));
    const digest = local
      ? local.id
      : remote
        ? (engine.pushed.digestOf(ref) ?? registryDigest(registryBlobs(remote)))
        : undefined;
    if (digest) out[ref] = digest;
  }
  return out;
}

/**
 * The printers' options for a build: its source, the tags as given, its warnings, and with the
 * containerd store the digests the exporter names.
 * @example buildLogOptions(engine, result, { source: 'FROM debian\n', tags: ['app'] })
 */
export function buildLogOptions(
  engine: Engine,
  result: EngineBuildResult,
  o: { source: string; tags: readonly string[]; debug?: boolean },
): OutputOptions {
  const opts: OutputOptions = {
    source: o.source,
    tags: [...o.tags],
    checks: result.checks,
    debug: o.debug ?? false,
    emptyContinuations: result.emptyContinuations,
  };
  if (engine.store === 'containerd') {
    const content = result.image ? engine.contents.get(result.image.id) : undefined;
    opts.containerd = {
      manifest: content?.manifest.descriptor.digest ?? '',
      config: content?.config.descriptor.digest ?? '',
      attestation: content?.attestation?.manifest.descriptor.digest,
      index: content?.index?.descriptor.digest,
      bases: baseDigests(engine, result.events),
    };
  }
  return opts;
}

/**
 * The whole log of a build as a terminal shows `docker build` printing it (both streams).
 * @example buildLog(engine, result, { builder: 'buildkit', source, tags: ['app'] })
 */
export function buildLog(
  engine: Engine,
  result: EngineBuildResult,
  o: { builder: BuilderKind; source: string; tags: readonly string[] },
): string {
  const opts = buildLogOptions(engine, result, o);
  return o.builder === 'classic'
    ? LEGACY_BUILDER_NOTICE + renderClassic(result.events, opts)
    : renderBuildkit(result.events, opts);
}
