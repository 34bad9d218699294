/**
 * `docker commit --change`: Dockerfile instructions applied to the new image's config, as
 * dockerd applies them. Only the instructions that change settings are allowed (Docker's list:
 * CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, USER, VOLUME, WORKDIR); any other is refused
 * with dockerd's own words (`RUN is not a valid change command`, recorded on Docker 28.5).
 */
import { applyMetadata, workdirPath } from '../../build/metadata.ts';
import { planDockerfile } from '../../build/plan.ts';
import { EngineError } from '../../common/diagnostics.ts';
import type { RunConfig } from '../../fs/index.ts';

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
 * The config after each change in turn; throws dockerd's error for a change it refuses.
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
