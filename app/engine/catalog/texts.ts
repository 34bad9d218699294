/**
 * What a text (a Dockerfile, the scripts of its context, a command line) needs of the catalog's
 * package lists: which lists its words call for, which words may name packages, and whether
 * apt's recommends matter to it.
 */

/** The words that make a text need each package list (a RUN line, a command, a script). */
export const PACKAGE_WORDS = {
  apt: /\b(apt-get|apt|aptitude)\b/,
  pip: /\bpip3?\b|requirements[\w.-]*\.txt/,
  npm: /\b(npm|npx)\b|"dependencies"/,
} as const;
export type PackageKind = keyof typeof PACKAGE_WORDS;

/** Words of a text that may name packages (`python3-pip`, `libstdc++6`, `flask==3.0`, `@types/node`). */
export function wordsOf(text: string): Set<string> {
  return new Set(text.match(/@?[A-Za-z0-9][A-Za-z0-9+._/-]*/g) ?? []);
}

/**
 * Whether apt's recommends matter to what `text` installs: not when every `apt-get install` in
 * it says --no-install-recommends (a build then never needs their files).
 */
export function aptRecommends(list: string, text: string): boolean {
  if (!list.startsWith('apt/')) return true;
  const lines = text.replace(/\\\n/g, ' ').split('\n');
  return lines.some(
    (l) => /\bapt(-get)?\s+(\S+\s+)*install\b/.test(l) && !l.includes('--no-install-recommends'),
  );
}
