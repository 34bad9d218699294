// ANSI colour and cursor sequences (ESC [ ... letter), which a card shows as plain text.
const ESCAPES = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, 'g');

/**
 * The last lines a failed program printed: what a learner needs to read on the step's card
 * (apt's "E: Unable to locate package curl", not only "exit code: 100"). Pure.
 *
 * @example
 * failureLines('Reading package lists...\nE: Unable to locate package curl\n', 4);
 * // ['Reading package lists...', 'E: Unable to locate package curl']
 */
export function failureLines(output: string, max = 4): string[] {
  const lines = output
    // Progress redraws (\r) keep only what was left on the line.
    .split('\n')
    .map((l) => (l.split('\r').pop() ?? '').replace(ESCAPES, '').trimEnd())
    .filter((l) => l !== '');
  return lines.slice(-max);
}
