/**
 * Docker 29's default `docker images` view with the containerd image store: IMAGE, ID, DISK
 * USAGE, CONTENT SIZE and EXTRA (the `U` in-use mark), one row per tag sorted by name,
 * untagged images as `<untagged>`, dangling ones hidden unless `-a`. Ported from docker/cli
 * v29.7.2 cli/command/image/tree.go (printImageTree, adjustColumns, generateLegend) and
 * list.go (shouldUseTree: `-q`, `--no-trunc`, `--digests` and `--format` keep the old table).
 * Printed as on a terminal without colours; the legend needs the terminal's width
 * (`$COLUMNS`) and is left out when it is not known, as the CLI does.
 */
import type { Engine } from '../../daemon/engine.ts';
import { contentSize, diskSize } from '../../daemon/disk-usage.ts';
import { humanSize } from '../../common/units.ts';
import { shortId } from '../../common/ids.ts';

const SPACING = 3;
const UNTAGGED = '<untagged>';
const LEGEND = ' Info ->  U In Use';

interface Row {
  name: string | undefined;
  id: string;
  disk: string;
  content: string;
  inUse: boolean;
}

interface Column {
  title: string;
  width: number;
  align: 'left' | 'right';
  value?: (r: Row) => string;
}

const pad = (s: string, width: number, align: 'left' | 'right') => {
  const fill = Math.max(width - [...s].length, 0);
  return align === 'right' ? ' '.repeat(fill) + s : s + ' '.repeat(fill);
};

/**
 * The rows of the view: every image that is tagged (or, with `-a`, untagged too).
 * @example treeView(engine, engine.images.all(), { all: false, width: 0 })
 */
export function treeView(
  engine: Engine,
  images: ReturnType<Engine['images']['all']>,
  opts: { all: boolean; width: number },
): string {
  const used = new Set(engine.containers.all().map((c) => c.image));
  const rows: Row[] = [];
  for (const image of images) {
    const tags = engine.images.tagsOf(image.id).sort();
    if (tags.length === 0 && !opts.all) continue;
    const details = {
      id: shortId(image.id),
      disk: humanSize(diskSize(engine, image)),
      content: humanSize(contentSize(engine, image)),
      inUse: used.has(image.id),
    };
    if (tags.length === 0) rows.push({ name: undefined, ...details });
    for (const tag of tags) rows.push({ name: tag, ...details });
  }
  rows.sort((a, b) => {
    if ((a.name === undefined) !== (b.name === undefined)) return a.name === undefined ? 1 : -1;
    return (a.name ?? '') < (b.name ?? '') ? -1 : (a.name ?? '') > (b.name ?? '') ? 1 : 0;
  });
  const chips = rows.some((r) => r.inUse);
  let columns: Column[] = [
    { title: 'Image', width: 0, align: 'left' },
    { title: 'ID', width: 12, align: 'left', value: (r) => r.id },
    { title: 'Disk usage', width: 10, align: 'right', value: (r) => r.disk },
    { title: 'Content size', width: 12, align: 'right', value: (r) => r.content },
    // EXTRA is as wide as its title or the chips that occur, whichever is wider.
    {
      title: 'Extra',
      width: Math.max('Extra'.length, chips ? 1 : 0),
      align: 'left',
      value: (r) => (chips ? (r.inUse ? 'U' : ' ') : ''),
    },
  ];
  let nameWidth = opts.width;
  if (nameWidth > 0) {
    for (let i = 1; i < columns.length; i++) {
      const d = columns[i]!.width + SPACING;
      // If the first column gets too short, the remaining columns are left out.
      if (nameWidth - d < 12) {
        columns = columns.slice(0, i);
        break;
      }
      nameWidth -= d;
    }
  }
  const widest = Math.max('Image'.length, ...rows.map((r) => (r.name ?? UNTAGGED).length));
  columns[0]!.width = opts.width === 0 || nameWidth > widest ? widest : nameWidth;
  const out: string[] = [];
  if (opts.width > 0) out.push(' '.repeat(Math.max(opts.width - LEGEND.length, 0)) + LEGEND);
  out.push(
    columns.map((c) => pad(c.title.toUpperCase(), c.width, c.align)).join(' '.repeat(SPACING)),
  );
  for (const r of rows) {
    const name = r.name ?? UNTAGGED;
    const multiLine = name.length > columns[0]!.width;
    const head = multiLine
      ? `${name}\n${' '.repeat(columns[0]!.width)}`
      : pad(name, columns[0]!.width, 'left');
    const cells = columns
      .slice(1)
      .map((c) => ' '.repeat(SPACING) + pad(c.value!(r), c.width, c.align));
    out.push(head + cells.join(''));
  }
  return `${out.join('\n')}\n`;
}
