/**
 * The terminal inside a container's shell (`docker run -it IMAGE sh`, `docker exec -it
 * CONTAINER sh`). The engine decides when a command attaches the terminal to a shell and runs
 * each typed line in it (`store.runShellLine`); this is only how it looks.
 */
import type { InteractiveShell } from '../../engine/session/interactive.ts';

/** A word quoted for the shell (`'it'\''s'`), for the commands the panels put in the terminal. */
export function quote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * The prompt as Debian's bash in a container shows it (`root@4d3c1e0a9b8f:/etc# `).
 *
 * @example
 * shellPrompt({ user: 'root', hostname: '4d3c1e0a9b8f', cwd: '/' }); // 'root@4d3c1e0a9b8f:/# '
 */
export function shellPrompt(s: Pick<InteractiveShell, 'user' | 'hostname' | 'cwd'>): string {
  return `${s.user}@${s.hostname}:${s.cwd}${s.user === 'root' ? '#' : '$'} `;
}
