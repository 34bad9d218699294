/**
 * `--format` handling shared by the listing commands: a Go template, with docker's `table`
 * prefix (a header row from the fields' column names, then aligned columns).
 */
import { parseTemplate, renderTemplate } from './gotemplate.ts';
import { tabwrite } from './table.ts';

/**
 * Render rows with a user's `--format`, or with the command's default table.
 * @example formatRows(rows, 'table {{.Repository}}\t{{.Tag}}', { Repository: 'REPOSITORY', Tag: 'TAG' })
 */
export function formatRows(
  rows: readonly object[],
  format: string,
  headers: Readonly<Record<string, string>>,
): string {
  const table = format.startsWith('table');
  const body = (table ? format.slice(5).replace(/^\s+/, '') : format)
    .replace(/\\t/g, '\t')
    .replace(/\\n/g, '\n');
  const nodes = parseTemplate(body);
  const lines = rows.map((r) => renderTemplate(nodes, r));
  if (!table) return lines.map((l) => `${l}\n`).join('');
  const header = renderTemplate(nodes, headers);
  return `${tabwrite([header, ...lines].join('\n'))}\n`;
}
