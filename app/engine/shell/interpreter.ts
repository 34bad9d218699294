/**
 * The interpreter assembled: the command tables and the functions that run shell code. A
 * `Shell` carries it (`sh.interp`), and commands that run code (`eval`, `sh -c`, `.`,
 * `find -exec`, `xargs`, `npm run`) call back through it: nothing under builtins/ or commands/
 * imports the interpreter, and the interpreter imports the tables only here.
 */
import { builtins, SPECIAL_BUILTINS } from './builtins/index.ts';
import { commands, needsBinary } from './commands/index.ts';
import { commandSubstitution, runCommand, runExitTrap, runScript } from './exec.ts';
import { invoke, resolveCommand, runScriptFile } from './invoke.ts';
import type { Interpreter } from './types.ts';

export const interpreter: Interpreter = {
  registry: {
    builtins: builtins(),
    special: SPECIAL_BUILTINS,
    utilities: commands(),
    needsBinary: needsBinary(),
  },
  runScript,
  runCommand,
  runScriptFile,
  invoke,
  resolveCommand,
  substitute: commandSubstitution,
  runExitTrap,
};
