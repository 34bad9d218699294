import { useDeferredValue } from 'react';
import { parseDockerfile, type ParseResult } from '../engine/dockerfile/parse.ts';
import { useLabStore } from './context.tsx';
import { selectDockerfile } from './selectors.ts';

/** Remembers the last text and its parse: the editor's linter and the panels share one parse. */
export function lastValueMemo<A, R>(fn: (arg: A) => R): (arg: A) => R {
  let hasLast = false;
  let lastArg: A;
  let lastResult: R;
  return (arg) => {
    if (!hasLast || arg !== lastArg) {
      lastResult = fn(arg);
      lastArg = arg;
      hasLast = true;
    }
    return lastResult;
  };
}

/**
 * The parse of a Dockerfile text. The same text parses once however many callers ask
 * (strings compare by value, so the editor's and the store's copies hit the same entry).
 */
export const parseDockerfileCached: (text: string) => ParseResult = lastValueMemo(parseDockerfile);

/**
 * The parse of the lab's Dockerfile, for panels. Deferred: a keystroke first updates the
 * editor; panels follow when the main thread is free, so typing never waits on them.
 */
export function useDockerfileParse(): ParseResult {
  const text = useDeferredValue(useLabStore(selectDockerfile));
  return parseDockerfileCached(text);
}

export type { ParseResult };
