/** `docker build`: BuildKit's plain progress on stderr, or the classic builder's steps on stdout. */
import { checkOutput } from '../format/checks.ts';
import { LEGACY_BUILDER_NOTICE, renderBuildkit, renderClassic } from '../format/build-output.ts';
import { buildLogOptions } from '../build-log.ts';
import type { EngineError } from '../../common/diagnostics.ts';
import { parseImageRef } from '../../images/reference.ts';
import { parseArgs } from '../argv.ts';
import { fail, ok, usageError, type Command } from '../types.ts';

const FLAGS = [
  { name: 'tag', short: 't', type: 'list' },
  { name: 'file', short: 'f', type: 'string' },
  { name: 'build-arg', type: 'list' },
  { name: 'no-cache', type: 'bool' },
  { name: 'target', type: 'string' },
  { name: 'progress', type: 'string' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'network', type: 'string' },
  { name: 'pull', type: 'bool' },
  { name: 'squash', type: 'bool' },
  { name: 'check', type: 'bool' },
  { name: 'call', type: 'string' },
  { name: 'provenance', type: 'string' },
] as const;

export const SQUASH_WARNING =
  'WARNING: experimental flag squash is removed with BuildKit. You should squash inside build using a multi-stage Dockerfile for efficiency.\n';

export const SQUASH_EXPERIMENTAL =
  '"--squash" is only supported on a Docker daemon with experimental features enabled';

export const build: Command = ({ engine, host, argv, debug }) => {
  const classicBuilder = host.env.DOCKER_BUILDKIT === '0';
  // The legacy builder's command has no --check or --call (buildx adds them).
  const args = parseArgs(
    argv,
    classicBuilder ? FLAGS.filter((f) => f.name !== 'check' && f.name !== 'call') : FLAGS,
    { command: 'build' },
  );
  if (args.positional.length !== 1) {
    return usageError(
      'build',
      'exactly 1 argument',
      'build [OPTIONS] PATH | URL | -',
      'Build an image from a Dockerfile',
    );
  }
  for (const tag of args.list('tag')) {
    try {
      parseImageRef(tag);
    } catch (e) {
      return fail(
        `invalid argument "${tag}" for "-t, --tag" flag: ${(e as EngineError).message}\nSee 'docker build --help'.`,
      );
    }
  }
  const buildArgs: Record<string, string> = {};
  for (const pair of args.list('build-arg')) {
    const i = pair.indexOf('=');
    if (i < 0) {
      const fromEnv = host.env[pair];
      if (fromEnv !== undefined) buildArgs[pair] = fromEnv;
    } else buildArgs[pair.slice(0, i)] = pair.slice(i + 1);
  }
  const ctx = host.readContext(args.positional[0]!, args.string('file'));
  if ('error' in ctx) return fail(ctx.error);
  const builder = classicBuilder ? 'classic' : 'buildkit';
  const call = args.bool('check') ? 'check' : (args.string('call') ?? 'build');
  if (call !== 'build' && call !== 'check')
    return fail(`ERROR: unsupported call: ${call} (the lab knows build and check)`);
  if (call === 'check') {
    const run = engine.check({
      dockerfile: ctx.dockerfile,
      files: ctx.files,
      buildArgs,
      ...(args.string('target') !== undefined ? { target: args.string('target')! } : {}),
    });
    return checkOutput(run, ctx.dockerfile, ctx.dockerfileName);
  }
  // dockerd refuses the legacy builder's --squash unless experimental mode is on (recorded on
  // Docker 28.5: conformance/lessons/overlay2/squash.txt); BuildKit ignores the flag instead.
  if (builder === 'classic' && args.bool('squash') && !engine.experimental) {
    return fail(SQUASH_EXPERIMENTAL);
  }
  const buildOpts = {
    dockerfile: ctx.dockerfile,
    dockerfileName: ctx.dockerfileName,
    files: ctx.files,
    tags: args.list('tag'),
    buildArgs,
    noCache: args.bool('no-cache'),
    builder,
    squash: args.bool('squash') && builder === 'classic',
    // --provenance=false (or 0): no attestation, so the containerd store names the image by
    // its manifest, as recorded on Docker 28.5.
    provenance: !/^(false|0)$/i.test(args.string('provenance') ?? 'true'),
    ...(args.string('target') !== undefined ? { target: args.string('target')! } : {}),
  } as const;
  const t0 = performance.now();
  const result = engine.build(buildOpts);
  host.onBuild?.({ opts: buildOpts, result, ms: performance.now() - t0 });
  const opts = buildLogOptions(engine, result, {
    source: ctx.dockerfile,
    tags: args.list('tag'),
    debug: debug ?? false,
  });
  const quiet = args.bool('quiet');
  if (builder === 'classic') {
    const text = renderClassic(result.events, opts);
    if (!result.ok) {
      // Docker prints the steps on stdout and the error on stderr, and exits with a failed
      // RUN's own exit code.
      const lines = text.trimEnd().split('\n');
      const error = lines.pop() ?? '';
      const code = /returned a non-zero code: (\d+)$/.exec(error);
      return fail(
        LEGACY_BUILDER_NOTICE + error,
        code ? Number(code[1]) : 1,
        quiet ? '' : `${lines.join('\n')}\n`,
      );
    }
    return ok(quiet ? `${result.image!.id}\n` : text, LEGACY_BUILDER_NOTICE);
  }
  // The docker CLI accepts --squash with BuildKit but ignores it, with this warning.
  const warning = args.bool('squash') ? SQUASH_WARNING : '';
  const progress = renderBuildkit(result.events, opts);
  if (!result.ok)
    return fail(warning + (quiet ? (progress.trimEnd().split('\n').pop() ?? '') : progress));
  // -q prints the ID; with the containerd store and no attestation, the config's digest
  // (recorded on Docker 28.5: `build -q --provenance=false` printed the config digest).
  const printed =
    opts.containerd && !opts.containerd.index ? opts.containerd.config : result.image!.id;
  return ok(quiet ? `${printed}\n` : '', warning + (quiet ? '' : progress));
};
