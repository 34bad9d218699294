/**
 * The `steps` file of a conformance scenario: one docker command a line (without the leading
 * `docker`), `@` lines that edit the build context or record something, `#` comments.
 *
 *   @builders buildkit          run the builds with this builder only (default: both)
 *   @stores overlay2            record on this image store only (default: overlay2 and containerd)
 *   @write PATH TEXT            write TEXT and a newline (`\n` in TEXT is a newline)
 *   @touch PATH                 change only the modification time
 *   @chmod MODE PATH            set permission bits (octal)
 *   @rm PATH                    delete a context file
 *   @cp FROM TO                 copy a context file (e.g. a second Dockerfile over the first)
 *   @cat PATH                   record a file's content (what `docker cp` wrote)
 *   @image REF                  record REF's history and its own layers (from `docker save`)
 *   @save REF                   record the layout `docker save` writes (files, index, manifests)
 */

import type { ImageStoreKind } from '../images/stores.ts';

export type Builder = 'buildkit' | 'classic';
export const BUILDERS: readonly Builder[] = ['buildkit', 'classic'];

/** The image store a recording was made on: the classic graph driver or containerd's. */
export type Store = ImageStoreKind;
export const STORES: readonly Store[] = ['overlay2', 'containerd'];

export type Step =
  | { kind: 'docker'; line: string; argv: string[] }
  | { kind: 'write'; line: string; path: string; text: string }
  | { kind: 'touch' | 'rm' | 'cat' | 'image' | 'save'; line: string; path: string }
  | { kind: 'chmod'; line: string; path: string; mode: number }
  | { kind: 'cp'; line: string; path: string; to: string };

export interface Scenario {
  name: string;
  builders: Builder[];
  stores: Store[];
  steps: Step[];
}

/**
 * Split a command line the way a POSIX shell would for plain words, '…' and "…" (no
 * expansion). Throws on an unterminated quote.
 * @example splitWords(`run t sh -c 'echo x > /a'`) // ['run', 't', 'sh', '-c', 'echo x > /a']
 */
export function splitWords(line: string): string[] {
  const out: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated ' in: ${line}`);
      word += line.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1]!)) j++;
        word += line[j];
      }
      if (j >= line.length) throw new Error(`unterminated " in: ${line}`);
      inWord = true;
      i = j;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (c === ' ' || c === '\t') {
      if (inWord) out.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) out.push(word);
  return out;
}

/** Parse a scenario's `steps` text. Throws with the line number on a line it cannot read. */
export function parseSteps(name: string, text: string): Scenario {
  let builders: Builder[] = [...BUILDERS];
  let stores: Store[] = [...STORES];
  const steps: Step[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const where = `${name}/steps line ${i + 1}`;
    if (!line.startsWith('@')) {
      steps.push({ kind: 'docker', line, argv: splitWords(line) });
      return;
    }
    const [verb, ...rest] = line.slice(1).split(/\s+/);
    const arg = (n: number) => {
      const v = rest[n];
      if (v === undefined) throw new Error(`${where}: @${verb} needs ${n + 1} argument(s)`);
      return v;
    };
    switch (verb) {
      case 'builders': {
        const list = rest.filter((b): b is Builder => (BUILDERS as string[]).includes(b));
        if (list.length !== rest.length || list.length === 0)
          throw new Error(`${where}: @builders takes buildkit and/or classic`);
        builders = list;
        return;
      }
      case 'stores': {
        const list = rest.filter((b): b is Store => (STORES as string[]).includes(b));
        if (list.length !== rest.length || list.length === 0)
          throw new Error(`${where}: @stores takes overlay2 and/or containerd`);
        stores = list;
        return;
      }
      case 'write': {
        const path = arg(0);
        const body = line
          .slice(line.indexOf(path, '@write'.length) + path.length)
          .replace(/^\s/, '');
        steps.push({ kind: 'write', line, path, text: body.replace(/\\n/g, '\n') + '\n' });
        return;
      }
      case 'touch':
      case 'rm':
      case 'cat':
      case 'image':
      case 'save':
        steps.push({ kind: verb, line, path: arg(0) });
        return;
      case 'chmod': {
        const mode = parseInt(arg(0), 8);
        if (!/^[0-7]{3,4}$/.test(arg(0))) throw new Error(`${where}: @chmod needs an octal mode`);
        steps.push({ kind: 'chmod', line, path: arg(1), mode });
        return;
      }
      case 'cp':
        steps.push({ kind: 'cp', line, path: arg(0), to: arg(1) });
        return;
      default:
        throw new Error(`${where}: unknown @${verb}`);
    }
  });
  return { name, builders, stores, steps };
}
