/**
 * What pip (23.2.1), npm (11.19.1), Python 3.11.7 and node (v20.20.2) accept, read from the
 * programs by scripts/shell/program-options.mjs into data/program-options.json (generated: do not
 * edit it by hand).
 */
export interface OptparseOptions {
  short: string;
  shortArg: string;
  long: Record<string, 'none' | 'required'>;
}

import data from './data/program-options.json' with { type: 'json' };

export const PIP = data.PIP as {
  commands: string[];
  general: OptparseOptions;
  /** Each command's usage lines, `PIP ` standing for the name pip was called by. */
  usage: Record<string, string>;
  options: Record<string, OptparseOptions>;
};

export const NPM = data.NPM as {
  version: string;
  commands: string[];
  descriptions: Record<string, string>;
  aliases: Record<string, string>;
  configs: string[];
  shorthands: string[];
};

export const PYTHON = data.PYTHON;

export const NODE = data.NODE;
