import type { CommandFn } from '../types.ts';
import { echo, printf } from './echo.ts';
import * as flow from './flow.ts';
import { test } from './test.ts';
import * as vars from './vars.ts';

let table: Map<string, CommandFn> | null = null;

/**
 * Commands the shell runs itself (they change the shell's own state or are dash builtins).
 * Built on first use.
 *
 * @example
 * builtins().has('cd'); // true
 */
export function builtins(): Map<string, CommandFn> {
  table ??= new Map<string, CommandFn>([
    [':', flow.colon],
    ['true', flow.colon],
    ['false', flow.falseCmd],
    ['cd', flow.cd],
    ['pwd', flow.pwd],
    ['exit', flow.exit],
    ['return', flow.ret],
    ['break', flow.breakCmd],
    ['continue', flow.breakCmd],
    ['eval', flow.evalCmd],
    ['.', flow.dot],
    ['source', flow.dot],
    ['exec', flow.exec],
    ['command', flow.command],
    ['type', flow.type],
    ['umask', flow.umask],
    ['trap', flow.trap],
    ['wait', flow.colon],
    ['ulimit', flow.colon],
    ['hash', flow.colon],
    ['export', vars.exportCmd],
    ['readonly', vars.readonlyCmd],
    ['local', vars.localCmd],
    ['unset', vars.unsetCmd],
    ['set', vars.setCmd],
    ['shift', vars.shiftCmd],
    ['read', vars.readCmd],
    ['echo', echo],
    ['printf', printf],
    ['test', test],
    ['[', test],
    ['[[', test],
  ]);
  return table;
}

/** POSIX special builtins: assignments before them stay in the shell. */
export const SPECIAL_BUILTINS = new Set([
  ':',
  '.',
  'break',
  'continue',
  'eval',
  'exec',
  'exit',
  'export',
  'readonly',
  'return',
  'set',
  'shift',
  'trap',
  'unset',
]);
