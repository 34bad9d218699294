/**
 * The prune commands: `docker container prune`, `docker builder prune` and `docker system
 * prune`, with Docker's output (what was deleted, then the space reclaimed). This terminal
 * cannot ask "Are you sure?", so each wants -f and says so.
 */
import { pruneCache, pruneContainers, pruneImages } from '../../daemon/prune.ts';
import { parseArgs } from '../argv.ts';
import { humanSize } from '../../common/units.ts';
import { fail, ok, type Command } from '../types.ts';

const FLAGS = [
  { name: 'force', short: 'f', type: 'bool' },
  { name: 'all', short: 'a', type: 'bool' },
] as const;

function confirm(command: string, what: string[]): string {
  return `WARNING! This will remove:\n${what.map((w) => `  - ${w}`).join('\n')}\n\nThis terminal cannot ask for confirmation: run it again with -f (docker ${command} -f).`;
}

export const containerPrune: Command = ({ engine, argv }) => {
  const args = parseArgs(argv, [...FLAGS], { command: 'container prune' });
  if (!args.bool('force'))
    return fail(
      'WARNING! This will remove all stopped containers.\nThis terminal cannot ask for confirmation: run it again with -f (docker container prune -f).',
    );
  const { lines, reclaimed } = pruneContainers(engine);
  const body = lines.length ? `Deleted Containers:\n${lines.join('\n')}\n\n` : '';
  return ok(`${body}Total reclaimed space: ${humanSize(reclaimed)}\n`);
};

export const builderPrune: Command = ({ engine, argv }) => {
  const args = parseArgs(argv, [...FLAGS], { command: 'builder prune' });
  if (!args.bool('force'))
    return fail(
      confirm('builder prune', [args.bool('all') ? 'all build cache' : 'all dangling build cache']),
    );
  const { lines, reclaimed } = pruneCache(engine, args.bool('all'));
  const body = lines.length ? `Deleted build cache objects:\n${lines.join('\n')}\n` : '';
  return ok(`${body}Total:\t${humanSize(reclaimed)}\n`);
};

export const systemPrune: Command = ({ engine, argv }) => {
  const args = parseArgs(argv, [...FLAGS], { command: 'system prune' });
  const all = args.bool('all');
  if (!args.bool('force'))
    return fail(
      confirm(`system prune${all ? ' -a' : ''}`, [
        'all stopped containers',
        'all networks not used by at least one container',
        all
          ? 'all images without at least one container associated to them'
          : 'all dangling images',
        all ? 'all build cache' : 'all dangling build cache',
      ]),
    );
  const containers = pruneContainers(engine);
  const images = pruneImages(engine, all);
  const cache = pruneCache(engine, all, images.freed);
  const parts: string[] = [];
  if (containers.lines.length) parts.push(`Deleted Containers:\n${containers.lines.join('\n')}\n`);
  if (images.lines.length) parts.push(`Deleted Images:\n${images.lines.join('\n')}\n`);
  if (cache.lines.length) parts.push(`Deleted build cache objects:\n${cache.lines.join('\n')}\n`);
  const total = containers.reclaimed + images.reclaimed + cache.reclaimed;
  return ok(`${parts.map((p) => `${p}\n`).join('')}Total reclaimed space: ${humanSize(total)}\n`);
};
