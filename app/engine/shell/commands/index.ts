import type { CommandFn } from '../types.ts';
import { cat, cp, ln, mkdir, mv, rm, rmdir, touch } from './files.ts';
import { ls } from './ls.ts';
import { basename, df, dirname, du, mktemp, readlink, realpath, stat } from './paths.ts';
import { chgrp, chmod, chown } from './perms.ts';
import { env, shCmd, wrapper, xargs } from './shells.ts';
import { dd, truncate } from './sizes.ts';
import { date, groups, hostname, id, nproc, printenv, sleep, uname, whoami, which } from './sys.ts';
import { cut, head, seq, sort, tail, tee, tr, uniq, wc, yes } from './text.ts';

/** Utilities the simulator implements, by the name they are called. */
export const COMMANDS = new Map<string, CommandFn>([
  ['cat', cat],
  ['cp', cp],
  ['ln', ln],
  ['mkdir', mkdir],
  ['mv', mv],
  ['rm', rm],
  ['rmdir', rmdir],
  ['touch', touch],
  ['ls', ls],
  ['basename', basename],
  ['dirname', dirname],
  ['readlink', readlink],
  ['realpath', realpath],
  ['mktemp', mktemp],
  ['stat', stat],
  ['du', du],
  ['df', df],
  ['chmod', chmod],
  ['chown', chown],
  ['chgrp', chgrp],
  ['sh', shCmd],
  ['bash', shCmd],
  ['dash', shCmd],
  ['env', env],
  ['timeout', wrapper],
  ['nohup', wrapper],
  ['xargs', xargs],
  ['dd', dd],
  ['truncate', truncate],
  ['date', date],
  ['groups', groups],
  ['hostname', hostname],
  ['id', id],
  ['nproc', nproc],
  ['printenv', printenv],
  ['sleep', sleep],
  ['uname', uname],
  ['whoami', whoami],
  ['which', which],
  ['cut', cut],
  ['head', head],
  ['seq', seq],
  ['sort', sort],
  ['tail', tail],
  ['tee', tee],
  ['tr', tr],
  ['uniq', uniq],
  ['wc', wc],
  ['yes', yes],
]);

/**
 * Commands that come from packages: they run only when their executable exists on PATH in the
 * image (`curl` fails with "not found" until `apt-get install curl`).
 */
export const NEEDS_BINARY = new Set<string>([]);
