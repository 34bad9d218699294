/**
 * Tab completes in the terminal, so it must not trap keyboard users: Escape then Tab moves
 * focus on (once), and Ctrl+M switches Tab to moving focus until pressed again, as CodeMirror
 * does. A key handler for xterm's `attachCustomKeyEventHandler`: false means "not for the
 * terminal", which leaves the key to the browser.
 */
import { strings } from '../strings.ts';

export function tabLeaves(say: (message: string) => void): (e: KeyboardEvent) => boolean {
  let escaped = false;
  let tabMoves = false;
  return (e) => {
    if (e.type !== 'keydown') return !(e.key === 'Tab' && (escaped || tabMoves));
    if (e.key === 'm' && e.ctrlKey && !e.altKey && !e.metaKey && !e.shiftKey) {
      e.preventDefault();
      tabMoves = !tabMoves;
      say(tabMoves ? strings.terminal.tabMoves : strings.terminal.tabCompletes);
      return false;
    }
    if (e.key === 'Escape') {
      escaped = true;
      say(strings.terminal.escaped);
      return false;
    }
    if (e.key === 'Tab' && (escaped || tabMoves)) {
      escaped = false;
      return false;
    }
    if (!['Shift', 'Control', 'Alt', 'Meta'].includes(e.key)) escaped = false;
    return true;
  };
}
