/**
 * An instruction's arguments as one line of text: the keyword dropped, line continuations
 * joined, runs of blanks folded.
 * @example argumentsOf('RUN apt-get update \\\n && apt-get install -y curl')
 * // 'apt-get update && apt-get install -y curl'
 */
export function argumentsOf(source: string): string {
  return source
    .replace(/^\s*\S+/, '')
    .replace(/[\\`][ \t]*\r?\n/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
