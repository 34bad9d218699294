/**
 * `docker commit` as the daemon does it (moby daemon/commit.go CreateImageFromContainer): the
 * container's writable layer on top of its image's layers, one history entry, the config with
 * the container's command as CMD and the `--change` instructions applied on top
 * (`dockerfile.BuildFromConfig(ctx, c.Config, c.Changes, container.OS)`: dockerd reads them,
 * the CLI only passes the strings), then the new image kept and tagged.
 */
import { applyMetadata, workdirPath } from '../build/metadata.ts';
import { planDockerfile } from '../build/plan.ts';
import { EngineError } from '../common/diagnostics.ts';
import { ownCommand } from '../containers/container.ts';
import { diffId, imageConfigJson, imageId, type RunConfig } from '../fs/index.ts';
import type { Engine } from './engine.ts';

export interface CommitRequest {
  /** The container's name or ID (a prefix will do). */
  container: string;
  /** `REPOSITORY[:TAG]` to tag the new image with. */
  repo?: string;
  /** `-m`: the history entry's comment. */
  comment?: string;
  /** `-c`/`--change`: Dockerfile instructions, as typed. */
  changes?: readonly string[];
}

/**
 * The instructions `--change` may carry, as dockerd refuses the rest (moby
 * builder/dockerfile/builder.go `validCommitCommands`, which also lists HEALTHCHECK and
 * STOPSIGNAL: the lab does not apply those two yet and refuses them).
 */
const ALLOWED = new Set([
  'CMD',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'LABEL',
  'ONBUILD',
  'USER',
  'VOLUME',
  'WORKDIR',
]);

/**
 * The config after each change in turn; throws dockerd's error for a change it refuses
 * (`RUN is not a valid change command`, recorded on Docker 28.5).
 * @example applyChanges(['CMD ["cat", "/etc/motd"]'], config).Cmd // ['cat', '/etc/motd']
 */
export function applyChanges(changes: readonly string[], config: RunConfig): RunConfig {
  let next = config;
  for (const change of changes) {
    const keyword = change.trim().split(/\s+/)[0] ?? '';
    if (!ALLOWED.has(keyword.toUpperCase())) {
      throw new EngineError(
        'bad-change',
        `Error response from daemon: ${keyword} is not a valid change command`,
      );
    }
    const { plan, diagnostics } = planDockerfile(`FROM scratch\n${change}\n`);
    const step = plan?.stages[0]?.steps.find((s) => s.keyword !== 'FROM');
    if (!step) {
      const why = diagnostics[0]?.message ?? 'the change could not be read';
      throw new EngineError('bad-change', `Error response from daemon: ${why}`);
    }
    if (step.keyword === 'WORKDIR') {
      next = { ...next, WorkingDir: workdirPath(next.WorkingDir, step.value) };
    } else {
      next = applyMetadata(step, next, 'classic', (t) => t).config;
    }
  }
  return next;
}

/**
 * Commits a container into a new image and returns its ID (`sha256:…`).
 * @example commitContainer(engine, { container: 'box', repo: 'mine:1', changes: ['USER app'] })
 */
export function commitContainer(engine: Engine, req: CommitRequest): string {
  const c = engine.containers.resolve(req.container);
  const image = engine.images.resolve(c.image);
  const rw = c.rw.commit();
  const layers = rw.stats.entries ? [...image.layers, rw] : [...image.layers];
  const history = [
    ...image.history,
    {
      created: '1970-01-01T00:00:00Z',
      created_by: c.argv.join(' '),
      ...(req.comment ? { comment: req.comment } : {}),
      ...(rw.stats.entries ? {} : { empty_layer: true }),
    },
  ];
  // The new image keeps the container's command as its CMD, as docker commit does.
  const ownCmd = ownCommand(c.argv, image.config.Entrypoint).cmd;
  const config = applyChanges(req.changes ?? [], {
    ...image.config,
    Cmd: ownCmd.length ? ownCmd : (image.config.Cmd ?? []),
  });
  const configJson = imageConfigJson({
    config,
    diffIds: layers.map((l) => diffId(l)),
    history,
    flavor: 'classic',
    extra: { parent: image.id },
  });
  const { id } = engine.addImage({
    id: imageId(configJson),
    layers,
    config,
    history,
    configJson,
    parent: image.id,
    intermediate: false,
  });
  if (req.repo) engine.images.tag(id, req.repo);
  return id;
}
