/**
 * The lab's terminal is the learner's own machine, in the folder with the Dockerfile: besides
 * `docker`, it runs `touch` and `chmod` on the build context's files, so that a lesson can show
 * what COPY's cache looks at (a new modification time: nothing; a new mode: a new key). They
 * answer and fail as coreutils does. The context keeps no modification times, as the cache
 * ignores them: `touch` of an existing file changes nothing the lab can see.
 */
import type { ContextFile } from '../build/context.ts';
import { splitCommandLine } from './argv.ts';
import { applyMode } from '../shell/commands/perms.ts';

export interface HostFileResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The context after the command (the same array when nothing changed). */
  files: ContextFile[];
}

const COMMANDS = new Set(['touch', 'chmod']);

/** Whether a line is one of these commands (the first word, after any assignments). */
export function isHostFileCommand(line: string): boolean {
  const words = splitCommandLine(line);
  return !('error' in words) && COMMANDS.has(words[0] ?? '');
}

const clean = (p: string) => p.replace(/^\.\//, '');

/**
 * Run `touch` or `chmod` over the context files; undefined when the line is neither.
 * @example hostFileCommand('chmod +x run.sh', files)?.files.find((f) => f.path === 'run.sh')?.mode // 0o755
 */
export function hostFileCommand(
  line: string,
  files: readonly ContextFile[],
): HostFileResult | undefined {
  const words = splitCommandLine(line);
  if ('error' in words || !COMMANDS.has(words[0] ?? '')) return undefined;
  const [cmd, ...args] = words as [string, ...string[]];
  const operands = args.filter((a) => !(a.startsWith('-') && a.length > 1 && cmd === 'touch'));
  const fail = (stderr: string): HostFileResult => ({
    exitCode: 1,
    stdout: '',
    stderr,
    files: [...files],
  });
  if (cmd === 'touch') {
    if (operands.length === 0) {
      return fail("touch: missing file operand\nTry 'touch --help' for more information.\n");
    }
    const next = [...files];
    for (const raw of operands) {
      const path = clean(raw);
      if (!next.some((f) => f.path === path)) next.push({ path, content: '' });
    }
    return { exitCode: 0, stdout: '', stderr: '', files: next };
  }
  const [spec, ...paths] = args;
  if (spec === undefined || paths.length === 0) {
    return fail(
      `chmod: missing operand${spec === undefined ? '' : ` after '${spec}'`}\nTry 'chmod --help' for more information.\n`,
    );
  }
  let next = [...files];
  let stderr = '';
  for (const raw of paths) {
    const path = clean(raw);
    const f = next.find((x) => x.path === path);
    if (!f) {
      stderr += `chmod: cannot access '${raw}': No such file or directory\n`;
      continue;
    }
    const mode = applyMode(spec, f.mode ?? 0o644, false);
    if (mode === null)
      return fail(`chmod: invalid mode: '${spec}'\nTry 'chmod --help' for more information.\n`);
    next = next.map((x) => (x === f ? { ...x, mode } : x));
  }
  return { exitCode: stderr ? 1 : 0, stdout: '', stderr, files: next };
}
