/** `docker ps` and `docker port`: what containers there are, how they run, their ports. */
import { portLines, portsColumn } from '../../containers/ports.ts';
import { writableSize, type Container } from '../../containers/container.ts';
import type { Engine } from '../../daemon/engine.ts';
import { parseArgs } from '../argv.ts';
import { formatRows } from '../format/table-format.ts';
import { humanDuration, humanSize } from '../../common/units.ts';
import { fail, ok, usageError, type Command } from '../types.ts';
import { listContainers } from './ps-filter.ts';
import { imageSize } from './images.ts';
import { shortId } from '../../common/ids.ts';

function status(engine: Engine, c: Container): string {
  const ago = (t: number) => humanDuration((engine.now() - t) * 1000);
  if (c.state === 'created') return 'Created';
  if (c.state === 'running') return `Up ${ago(c.startedAt)}`;
  return `Exited (${c.exitCode}) ${ago(c.finishedAt)} ago`;
}

/** Go's strconv.Quote of the command, cut to 20 runes as docker ps does. */
function quotedCommand(argv: string[], trunc: boolean): string {
  const text = argv.join(' ');
  const cut = trunc && [...text].length > 20 ? `${[...text].slice(0, 19).join('')}…` : text;
  return JSON.stringify(cut);
}

export const ps: Command = ({ engine, argv }) => {
  const args = parseArgs(
    argv,
    [
      { name: 'all', short: 'a', type: 'bool' },
      { name: 'quiet', short: 'q', type: 'bool' },
      { name: 'size', short: 's', type: 'bool' },
      { name: 'no-trunc', type: 'bool' },
      { name: 'format', type: 'string' },
      { name: 'latest', short: 'l', type: 'bool' },
      { name: 'last', short: 'n', type: 'string' },
      { name: 'filter', short: 'f', type: 'list' },
    ],
    { command: 'ps' },
  );
  // docker/cli: -l is a limit of 1 unless -n gives one (-n -1, the default, is none).
  const last = args.string('last') ?? '-1';
  if (!/^[+-]?\d+$/.test(last))
    return fail(
      `invalid argument "${last}" for "-n, --last" flag: strconv.ParseInt: parsing "${last}": invalid syntax\nSee 'docker ps --help'.`,
    );
  const limit = args.bool('latest') && Number(last) === -1 ? 1 : Number(last);
  const list = listContainers(engine, {
    all: args.bool('all'),
    limit,
    filters: args.list('filter'),
  });
  const rows = list.map((c) => ({
    ID: args.bool('no-trunc') ? c.id : shortId(c.id),
    Image: shownImage(engine, c, args.bool('no-trunc')),
    Command: quotedCommand(c.argv, !args.bool('no-trunc')),
    RunningFor: `${humanDuration((engine.now() - c.created) * 1000)} ago`,
    Status: status(engine, c),
    Ports: c.state === 'running' ? portsColumn(c.ports) : '',
    Names: c.name,
    Size: `${humanSize(writableSize(c))} (virtual ${humanSize(writableSize(c) + imageSize(engine, c.image))})`,
    State: c.state,
  }));
  if (args.bool('quiet')) return ok(rows.map((r) => `${r.ID}\n`).join(''));
  const format =
    args.string('format') ??
    `table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}${args.bool('size') ? '\t{{.Size}}' : ''}`;
  return ok(
    formatRows(rows, format, {
      ID: 'CONTAINER ID',
      Image: 'IMAGE',
      Command: 'COMMAND',
      RunningFor: 'CREATED',
      Status: 'STATUS',
      Ports: 'PORTS',
      Names: 'NAMES',
      Size: 'SIZE',
      State: 'STATE',
    }),
  );
};

/** `docker port CONTAINER`: where its published ports are on the host. */
export const port: Command = ({ engine, argv }) => {
  const args = parseArgs(argv, [], { command: 'port' });
  const [ref] = args.positional;
  if (!ref)
    return usageError(
      'port',
      'at least 1 argument',
      'port CONTAINER [PRIVATE_PORT[/PROTO]]',
      'List port mappings or a specific mapping for the container',
    );
  const c = engine.containers.resolve(ref);
  if (c.state !== 'running') return ok('');
  return ok(
    portLines(c.ports)
      .map((l) => `${l}\n`)
      .join(''),
  );
};

/**
 * The IMAGE column: the name the container was made from while that name still means its image;
 * once the name moved (a rebuild under the same tag) or is gone, the image's ID, short unless
 * --no-trunc (moby daemon/list.go refreshImage "ref changed, we need to use original ID";
 * recorded on Docker 28.5, both stores: conformance/lessons/<store>/rebuild-tag.txt).
 */
function shownImage(engine: Engine, c: Container, noTrunc: boolean): string {
  if (c.imageName === c.image || engine.images.find(c.imageName)?.id === c.image)
    return c.imageName;
  return noTrunc ? c.image : shortId(c.image);
}
