/** `docker history`: newest step first, `<missing>` for steps no local image stands for. */
import { layerSize } from '../../daemon/disk-usage.ts';
import { parseArgs } from '../argv.ts';
import { formatRows } from '../format/table-format.ts';
import { humanDuration, humanSize } from '../../common/units.ts';
import { ok, usageError, type Command } from '../types.ts';
import { shortId } from '../../common/ids.ts';
import { historyImageIds } from '../../images/history.ts';

const HEADERS = {
  ID: 'IMAGE',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  CreatedBy: 'CREATED BY',
  Size: 'SIZE',
  Comment: 'COMMENT',
};

/** Go's stringutils.Ellipsis: cut to n runes, the last one an ellipsis. */
function ellipsis(s: string, n: number): string {
  const runes = [...s];
  return runes.length <= n ? s : `${runes.slice(0, n - 1).join('')}…`;
}

export const history: Command = ({ engine, argv }) => {
  const args = parseArgs(
    argv,
    [
      { name: 'no-trunc', type: 'bool' },
      { name: 'quiet', short: 'q', type: 'bool' },
      { name: 'human', short: 'H', type: 'bool' },
      { name: 'format', type: 'string' },
    ],
    { command: 'history' },
  );
  if (args.positional.length !== 1)
    return usageError(
      'history',
      'exactly 1 argument',
      'history [OPTIONS] IMAGE',
      'Show the history of an image',
    );
  const image = engine.images.resolve(args.positional[0]!);
  const noTrunc = args.bool('no-trunc');
  // --human is on unless turned off (`--human=false`): then sizes are plain bytes.
  const human = args.string('human') === undefined || args.bool('human');
  // Which local image each history line ends: the image itself and, with the classic
  // builder, its chain of parents (a pulled base keeps only its own top line).
  const idAt = historyImageIds((id) => engine.images.get(id), image);
  let layer = 0;
  const rows = image.history.map((h, i) => {
    const at = h.empty_layer ? undefined : image.layers[layer++];
    const size = at ? layerSize(engine, at) : 0;
    const id = idAt.get(i);
    // Steps built here carry the fixed reproducible time; their age is the image's age here.
    const fixed = !h.created || h.created.startsWith('1970-01-01T00:00:00');
    const created = fixed ? image.created : Date.parse(h.created!) / 1000;
    const createdBy = (h.created_by ?? '').replace(/\t/g, ' ');
    return {
      ID: id ? (noTrunc ? id : shortId(id)) : '<missing>',
      CreatedSince: `${humanDuration((engine.now() - created) * 1000)} ago`,
      CreatedAt: h.created ?? '',
      CreatedBy: noTrunc ? createdBy : ellipsis(createdBy, 45),
      Size: human ? humanSize(size) : String(size),
      Comment: h.comment ?? '',
    };
  });
  rows.reverse();
  if (args.bool('quiet')) return ok(rows.map((r) => `${r.ID}\n`).join(''));
  const format =
    args.string('format') ??
    'table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';
  return ok(formatRows(rows, format, HEADERS));
};
