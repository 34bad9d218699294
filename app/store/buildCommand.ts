/**
 * The `docker build` command line the Build button stands for, from the lab's settings: shown
 * on the options button, and echoed in the terminal above the build's log. Pure.
 */
import type { BuilderKind } from '../engine/build/events.ts';

export interface BuildSettings {
  builder: BuilderKind;
  noCache: boolean;
  tag: string;
  buildArgs: readonly { name: string; value: string }[];
}

/** A word as a POSIX shell needs it quoted (values with spaces, quotes or `$`). */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The options, as typed after `docker build`.
 *
 * @example
 * buildFlags({ builder: 'buildkit', noCache: true, tag: 'app:1', buildArgs: [] }); // '--no-cache -t app:1'
 */
export function buildFlags(s: BuildSettings): string {
  const out: string[] = [];
  if (s.noCache) out.push('--no-cache');
  if (s.tag.trim()) out.push('-t', shellWord(s.tag.trim()));
  for (const a of s.buildArgs)
    if (a.name.trim()) out.push('--build-arg', shellWord(`${a.name.trim()}=${a.value}`));
  return out.join(' ');
}

/**
 * The whole command, with the legacy builder chosen as Docker 28.5 chooses it
 * (`DOCKER_BUILDKIT=0`).
 *
 * @example
 * buildCommand({ builder: 'classic', noCache: false, tag: 'app', buildArgs: [] });
 * // 'DOCKER_BUILDKIT=0 docker build -t app .'
 */
export function buildCommand(s: BuildSettings): string {
  const flags = buildFlags(s);
  return `${s.builder === 'classic' ? 'DOCKER_BUILDKIT=0 ' : ''}docker build ${flags ? `${flags} ` : ''}.`;
}
