/**
 * The logs an `apt-get install` leaves: /var/log/dpkg.log (dpkg's state changes, one line each),
 * /var/log/apt/history.log (the command and what it installed), /var/log/apt/term.log (dpkg's
 * terminal output) and /var/log/apt/eipp.log.xz (the planner's view of the system, compressed).
 * The text follows apt's and dpkg's formats; eipp.log.xz has no content and an approximate
 * size (one stanza per installed package, compressed about twentyfold by xz).
 */
import type { Shell } from '../state.ts';
import type { CatalogPackage } from './catalog.ts';
import { dpkgName } from './dpkg-info.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/** `2023-11-14 22:13:20` from seconds since the epoch (dpkg.log's timestamp). */
function stamp(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('T', ' ').slice(0, 19);
}

function append(sh: Shell, path: string, text: string, mode = 0o644): void {
  sh.fs.mkdir(path.slice(0, path.lastIndexOf('/')), { recursive: true });
  sh.fs.writeFile(path, enc(text), { append: true, mode });
}

export interface InstallRun {
  /** The command line as typed, e.g. `apt-get install -y python3`. */
  command: string;
  /** Newly installed packages, in dpkg's order. */
  fresh: CatalogPackage[];
  /** Names the user asked for (the others are automatic). */
  requested: Set<string>;
  /** What dpkg printed (Selecting ... Setting up ... Processing triggers ...). */
  dpkgOutput: string;
  /** libc-bin's version when its ldconfig trigger ran. */
  trigger?: string;
}

/** dpkg.log: startup, then install/status lines per unpack and configure/status lines per setup. */
export function dpkgLog(sh: Shell, run: InstallRun): void {
  const t = stamp(sh.now);
  const lines = [`${t} startup archives unpack`];
  for (const p of run.fresh) {
    const n = `${dpkgName(p)} ${p.version}`;
    lines.push(
      `${t} install ${dpkgName(p)} <none> ${p.version}`,
      `${t} status half-installed ${n}`,
      `${t} status unpacked ${n}`,
    );
  }
  lines.push(`${t} startup packages configure`);
  for (const p of run.fresh) {
    const n = `${dpkgName(p)} ${p.version}`;
    lines.push(
      `${t} configure ${n} <none>`,
      `${t} status unpacked ${n}`,
      `${t} status half-configured ${n}`,
      `${t} status installed ${n}`,
    );
  }
  if (run.trigger !== undefined) {
    const n = `libc-bin:amd64 ${run.trigger}`;
    lines.push(
      `${t} trigproc ${n} <none>`,
      `${t} status half-configured ${n}`,
      `${t} status installed ${n}`,
    );
  }
  append(sh, '/var/log/dpkg.log', `${lines.join('\n')}\n`);
}

/** history.log and term.log under /var/log/apt, and eipp.log.xz. */
export function aptLogs(sh: Shell, run: InstallRun, statusBytes: number): void {
  const t = stamp(sh.now).replace(' ', '  ');
  const installs = run.fresh
    .map((p) => `${p.name}:amd64 (${p.version}${run.requested.has(p.name) ? '' : ', automatic'})`)
    .join(', ');
  append(
    sh,
    '/var/log/apt/history.log',
    `\nStart-Date: ${t}\nCommandline: ${run.command}\nInstall: ${installs}\nEnd-Date: ${t}\n`,
  );
  append(
    sh,
    '/var/log/apt/term.log',
    `\nLog started: ${t}\n${run.dpkgOutput}Log ended: ${t}\n\n`,
    0o640,
  );
  sh.fs.writeSizedFile('/var/log/apt/eipp.log.xz', Math.round(statusBytes / 20), { mode: 0o600 });
}
