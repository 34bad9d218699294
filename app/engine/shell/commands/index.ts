import type { CommandFn } from '../types.ts';
import { PackageFilesNotLoaded } from '../packages/catalog.ts';
import { rejectUnknownOptions } from './common.ts';
import { cat, cp, ln, mkdir, mv, rm, rmdir, touch } from './files.ts';
import { ls } from './ls.ts';
import { basename, df, dirname, du, mktemp, readlink, realpath, stat } from './paths.ts';
import { chgrp, chmod, chown } from './perms.ts';
import { env, shCmd, wrapper, xargs } from './shells.ts';
import { dd, fallocate, truncate } from './sizes.ts';
import {
  date,
  gosu,
  groups,
  hostname,
  id,
  nproc,
  printenv,
  sleep,
  uname,
  whoami,
  which,
} from './sys.ts';
import { cut, head, seq, sort, tail, tee, tr, uniq, wc, yes } from './text.ts';
import { find } from './find.ts';
import { grep } from './grep.ts';
import { curl, git, nginx, node, python, server, wget } from './programs.ts';
import { dockerEntrypoint, hello, recordedServer, recordedTool } from './recorded.ts';
import { sed } from './sed.ts';
import { checksum } from './sums.ts';
import { tar } from './tar.ts';
import { adduser, groupadd, useradd, usermod } from './users.ts';
import { apk } from '../packages/apk.ts';
import { aptGet } from '../packages/apt.ts';
import { npm } from '../packages/npm.ts';
import { pip } from '../packages/pip.ts';

/** Programs that come with packages (see NEEDS_BINARY). */
const programs = (): [string, CommandFn][] => [
  ['bash', shCmd],
  ['apt-get', aptGet],
  ['apt', aptGet],
  ['apk', apk],
  ['pip', pip],
  ['pip3', pip],
  ['npm', npm],
  ['curl', curl],
  ['wget', wget],
  ['git', git],
  ['python3', python],
  ['python', python],
  ['python3.11', python],
  ['node', node],
  ['nodejs', node],
  ['nginx', nginx],
  ['gunicorn', server],
  ['uvicorn', server],
  ['flask', server],
  ['python3.13', python],
  ['python3.14', python],
  ['redis-server', recordedServer],
  ['redis-cli', recordedTool],
  ['httpd', recordedServer],
  ['apache2', recordedServer],
  ['httpd-foreground', server],
  ['apache2-foreground', server],
  ['nodemon', server],
  ['http-server', server],
  ['postgres', recordedServer],
  ['psql', recordedTool],
  ['mongod', server],
  ['go', recordedTool],
  ['java', recordedTool],
  ['javac', recordedTool],
  ['jshell', server],
  ['ruby', recordedTool],
  ['gem', recordedTool],
  ['bundle', recordedTool],
  ['irb', server],
  ['php', recordedTool],
  ['busybox', recordedTool],
  ['hello', hello],
  ['gosu', gosu],
  ['docker-entrypoint.sh', dockerEntrypoint],
];

let table: Map<string, CommandFn> | null = null;
let packaged: Set<string> | null = null;

/**
 * Utilities the simulator implements, by the name they are called. Built on first use: the
 * command modules import the interpreter, which imports this table.
 *
 * @example
 * commands().get('ls'); // the ls implementation
 */
export function commands(): Map<string, CommandFn> {
  table ??= new Map<string, CommandFn>(
    (
      [
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
        ['dash', shCmd],
        ['env', env],
        ['timeout', wrapper],
        ['nohup', wrapper],
        ['xargs', xargs],
        ['dd', dd],
        ['truncate', truncate],
        ['fallocate', fallocate],
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
        ['find', find],
        ['grep', grep],
        ['egrep', grep],
        ['fgrep', grep],
        ['sed', sed],
        ['tar', tar],
        ['useradd', useradd],
        ['adduser', adduser],
        ['groupadd', groupadd],
        ['addgroup', groupadd],
        ['usermod', usermod],
        ['sha256sum', checksum],
        ['sha512sum', checksum],
        ['sha1sum', checksum],
        ['md5sum', checksum],
        ...programs(),
      ] as [string, CommandFn][]
    ).map(([name, fn]) => [name, checked(fn)]),
  );
  return table;
}

/**
 * A utility as the shell calls it: an option the real program lacks is refused first, in its
 * words (GNU_OPTIONS); a package whose files the lab had not loaded fails the command with the
 * lab's sentence instead of taking the step down.
 */
function checked(fn: CommandFn): CommandFn {
  return (argv, io, sh) => {
    try {
      return rejectUnknownOptions(argv, io) ?? fn(argv, io, sh);
    } catch (e) {
      if (!(e instanceof PackageFilesNotLoaded)) throw e;
      io.stderr.write(`${argv[0]}: ${e.message}\n`);
      return 100;
    }
  };
}

/**
 * Commands that come from packages: they run only when their executable exists on PATH in the
 * image (`curl` fails with "not found" until `apt-get install curl`).
 */
export function needsBinary(): Set<string> {
  packaged ??= new Set(programs().map(([name]) => name));
  return packaged;
}
