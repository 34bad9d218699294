/**
 * The options GNU utilities accept and the status they exit with on an unknown one, read from
 * each program's --help on Debian (coreutils 9.1-1) by scripts/shell/gnu-options.mjs into
 * data/gnu-options.json (generated: do not edit it by hand).
 */
export interface GnuOptions {
  /** Short options without a value. */
  short: string;
  /** Short options that take a value. */
  shortArg: string;
  /** Short options whose value is optional, glued (`sed -i.bak`). */
  shortOpt: string;
  long: Record<string, 'none' | 'required' | 'optional'>;
  /** Exit status for a bad option. */
  status: number;
  /** What the program prints after its first error line. */
  after: string;
}

import data from './data/gnu-options.json' with { type: 'json' };

export const GNU_OPTIONS = data as Record<string, GnuOptions>;
