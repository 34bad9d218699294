/**
 * The terminal's line editing, apart from xterm.js so it can be tested: typed keys (as xterm's
 * `onData` gives them) in, text to write to the screen and submitted lines out. History with
 * the arrow keys, Tab completion, Ctrl+C, Ctrl+L, Ctrl+U, Home/End.
 */

export interface Completer {
  (words: string[], partial: string): string[];
}

export interface LineEditorOutput {
  /** Text (with ANSI escapes) to write to the terminal. */
  write: string;
  /** A line the user submitted with Enter. */
  submit?: string;
  /** Ctrl+L: clear the screen. */
  clear?: boolean;
}

const ESC = '\x1b';

export class LineEditor {
  line = '';
  cursor = 0;
  private history: string[] = [];
  private at = 0;
  private draft = '';

  constructor(
    private readonly prompt: string,
    private readonly complete: Completer,
  ) {}

  /** The prompt and the current line, drawn from the start of the row. */
  redraw(): string {
    const back = this.line.length - this.cursor;
    return `\r${ESC}[K${this.prompt}${this.line}${back > 0 ? `${ESC}[${back}D` : ''}`;
  }

  setHistory(lines: string[]): void {
    this.history = lines.slice(-200);
    this.at = this.history.length;
  }

  /** Handles one chunk of input; pasted text may hold several lines. */
  input(data: string): LineEditorOutput[] {
    const out: LineEditorOutput[] = [];
    let i = 0;
    while (i < data.length) {
      const rest = data.slice(i);
      // eslint-disable-next-line no-control-regex -- terminal escape sequences start with ESC
      const seq = /^\x1b(\[[0-9;]*[A-Za-z~]|O[A-Z])/.exec(rest);
      if (seq) {
        out.push({ write: this.escape(seq[0]) });
        i += seq[0].length;
        continue;
      }
      const ch = data[i]!;
      i++;
      if (ch === '\r' || ch === '\n') {
        if (ch === '\n' && data[i - 2] === '\r') continue;
        const line = this.line;
        if (line.trim() !== '' && this.history[this.history.length - 1] !== line)
          this.history.push(line);
        this.at = this.history.length;
        this.line = '';
        this.cursor = 0;
        out.push({ write: '\r\n', submit: line });
      } else if (ch === '\x7f' || ch === '\b') {
        if (this.cursor > 0) {
          this.line = this.line.slice(0, this.cursor - 1) + this.line.slice(this.cursor);
          this.cursor--;
          out.push({ write: this.redraw() });
        }
      } else if (ch === '\x03') {
        this.line = '';
        this.cursor = 0;
        out.push({ write: `^C\r\n${this.prompt}` });
      } else if (ch === '\x0c') {
        out.push({ write: '', clear: true });
      } else if (ch === '\x15') {
        this.line = this.line.slice(this.cursor);
        this.cursor = 0;
        out.push({ write: this.redraw() });
      } else if (ch === '\x01') {
        this.cursor = 0;
        out.push({ write: this.redraw() });
      } else if (ch === '\x05') {
        this.cursor = this.line.length;
        out.push({ write: this.redraw() });
      } else if (ch === '\t') {
        out.push({ write: this.tab() });
      } else if (ch >= ' ') {
        this.line = this.line.slice(0, this.cursor) + ch + this.line.slice(this.cursor);
        this.cursor++;
        out.push({ write: this.cursor === this.line.length ? ch : this.redraw() });
      }
    }
    return out;
  }

  private escape(seq: string): string {
    const key = seq.slice(-1);
    if (key === 'A' || key === 'B') {
      if (this.at === this.history.length) this.draft = this.line;
      this.at = Math.max(0, Math.min(this.history.length, this.at + (key === 'A' ? -1 : 1)));
      this.line = this.at === this.history.length ? this.draft : (this.history[this.at] ?? '');
      this.cursor = this.line.length;
      return this.redraw();
    }
    if (key === 'C' && this.cursor < this.line.length) {
      this.cursor++;
      return seq;
    }
    if (key === 'D' && this.cursor > 0) {
      this.cursor--;
      return seq;
    }
    if (key === 'H' || seq === `${ESC}[1~`) {
      this.cursor = 0;
      return this.redraw();
    }
    if (key === 'F' || seq === `${ESC}[4~`) {
      this.cursor = this.line.length;
      return this.redraw();
    }
    if (seq === `${ESC}[3~` && this.cursor < this.line.length) {
      this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1);
      return this.redraw();
    }
    return '';
  }

  /** Completes the word before the cursor; several candidates are listed under the line. */
  private tab(): string {
    const before = this.line.slice(0, this.cursor);
    const words = before.split(/\s+/);
    const partial = words.pop() ?? '';
    const options = this.complete(words.filter(Boolean), partial);
    if (options.length === 0) return '\x07';
    const common = options.reduce((a, b) => {
      let n = 0;
      while (n < a.length && n < b.length && a[n] === b[n]) n++;
      return a.slice(0, n);
    });
    const add = (options.length === 1 ? options[0]! + ' ' : common).slice(partial.length);
    if (add) {
      this.line = before + add + this.line.slice(this.cursor);
      this.cursor += add.length;
      return this.redraw();
    }
    return `\r\n${options.join('  ')}\r\n${this.redraw()}`;
  }
}

export const DOCKER_COMMANDS = [
  'build',
  'commit',
  'cp',
  'create',
  'diff',
  'exec',
  'history',
  'image',
  'images',
  'inspect',
  'load',
  'logs',
  'port',
  'ps',
  'pull',
  'push',
  'restart',
  'rm',
  'rmi',
  'run',
  'save',
  'start',
  'stop',
  'system',
  'tag',
];

/**
 * Completion for the docker CLI: subcommands, then image names or container names by position.
 *
 * @example
 * dockerCompleter(() => ({ images: ['app:1'], containers: [] }))(['docker', 'run'], 'a'); // ['app:1']
 */
export function dockerCompleter(
  names: () => { images: string[]; containers: string[] },
): Completer {
  return (words, partial) => {
    const pick = (list: string[]) => list.filter((w) => w.startsWith(partial)).sort();
    if (words.length === 0) return pick(['docker', 'clear', 'help']);
    if (words[0] !== 'docker') return [];
    if (words.length === 1) return pick(DOCKER_COMMANDS);
    const sub = words[1];
    if (words.length === 2) {
      if (sub === 'system') return pick(['df', 'prune']);
      if (sub === 'builder') return pick(['prune']);
      if (sub === 'image')
        return pick([
          'build',
          'history',
          'inspect',
          'ls',
          'prune',
          'pull',
          'push',
          'rm',
          'save',
          'tag',
        ]);
      if (sub === 'container')
        return pick([
          'commit',
          'cp',
          'create',
          'diff',
          'exec',
          'inspect',
          'logs',
          'ls',
          'prune',
          'restart',
          'rm',
          'run',
          'start',
          'stop',
        ]);
    }
    if (partial.startsWith('-')) return [];
    const { images, containers } = names();
    if (
      ['run', 'create', 'history', 'rmi', 'tag', 'push', 'save', 'inspect', 'pull'].includes(sub!)
    )
      return pick(images);
    if (
      ['exec', 'diff', 'commit', 'logs', 'start', 'stop', 'restart', 'rm', 'cp', 'port'].includes(
        sub!,
      )
    )
      return pick(containers);
    return [];
  };
}
