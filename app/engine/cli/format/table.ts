/**
 * Text columns as Go's text/tabwriter lays them out with the docker CLI's settings
 * (minwidth 10, tabwidth 1, padding 3, padchar ' '): a cell ended by a tab is padded to its
 * column's width; the last cell of a line is not a column and is never padded.
 */
export function tabwrite(text: string, opts: { minWidth?: number; padding?: number } = {}): string {
  const minWidth = opts.minWidth ?? 10;
  const padding = opts.padding ?? 3;
  const lines = text.split('\n');
  const rows = lines.map((line) => line.split('\t'));
  const out: string[] = [];
  // tabwriter aligns a column only across consecutive lines that have that column.
  let start = 0;
  while (start < rows.length) {
    let end = start;
    while (end < rows.length && rows[end]!.length > 1) end++;
    if (end === start) {
      out.push(lines[start]!);
      start++;
      continue;
    }
    out.push(...alignBlock(rows.slice(start, end), minWidth, padding));
    start = end;
  }
  return out.join('\n');
}

function alignBlock(rows: string[][], minWidth: number, padding: number): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    for (let c = 0; c < row.length - 1; c++) {
      const w = Math.max(minWidth, [...row[c]!].length + padding);
      widths[c] = Math.max(widths[c] ?? 0, w);
    }
  }
  return rows.map((row) =>
    row
      .map((cell, c) =>
        c < row.length - 1 ? cell.padEnd(widths[c]! - ([...cell].length - cell.length)) : cell,
      )
      .join(''),
  );
}
