/**
 * postgres's docker-entrypoint.sh when it starts the server (`_main` in docker-library/postgres
 * 17/trixie/docker-entrypoint.sh): the data directory is made and handed to user postgres; an
 * empty one is initialised (initdb, a temporary server, the init scripts) unless no password is
 * given; then the server runs for ever. What it prints is what the real entrypoint printed when
 * the catalog ran it (scripts/catalog/first-start.mjs), with this lab's clock; what initdb
 * writes is the real listing of the data directory it made.
 */
import type { Shell } from '../state.ts';
import type { Io } from '../types.ts';
import { installedDebs } from '../packages/apt.ts';
import type { FirstStart, OwnedFile, RecordedRun } from '../packages/catalog.ts';
import { table } from './common.ts';

const SOCKETS = '/var/run/postgresql';
const INITDB_D = '/docker-entrypoint-initdb.d';

/** The first start recorded for the postgres installed here, if the catalog has one. */
export function firstStartOf(sh: Shell): FirstStart | undefined {
  const starts = sh.catalog.firstStarts;
  if (!starts) return undefined;
  for (const [pkg, version] of installedDebs(sh)) {
    const hit = starts[`${pkg}=${version}`];
    if (hit) return hit;
  }
  return undefined;
}

/** `2026-12-07 04:25:13.123 UTC` at the lab's clock, `ms` milliseconds later. */
function stamp(now: number, ms: number, millis: boolean): string {
  const iso = new Date(now * 1000 + ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, millis ? 23 : 19)} UTC`;
}

/**
 * The run's output up to `docker stop`, with times and process ids filled in: the server that
 * keeps running is PID 1 (the entrypoint execs it); the ids of initdb's and the temporary
 * server's processes depend on what ran before in the real container, so the lab numbers them.
 */
function printRun(run: RecordedRun, io: Io, sh: Shell, edit: (text: string) => string): void {
  let ms = 0;
  for (const [stream, raw] of run.chunks) {
    if (stream === 'stop') break;
    const text = raw
      .replace(/\{time\}/g, () => stamp(sh.now, (ms += 7), true))
      .replace(/\{date\}/g, () => stamp(sh.now, ms, false))
      .replace(/\{pid:(\d+)\}/g, (_, n: string) => (n === '0' ? '1' : String(40 + Number(n))));
    (stream === 'stdout' ? io.stdout : io.stderr).write(edit(text));
  }
}

/** A heredoc of the entrypoint (`cat >&2 <<-'EOWARN'`), as bash prints it: leading tabs removed. */
function heredoc(script: string, word: string): string {
  const m = new RegExp(`<<-'${word}'\\n([\\s\\S]*?)\\n\\t*${word}\\n`).exec(script);
  return m ? `${m[1]!.replace(/^\t+/gm, '')}\n` : '';
}

function isFile(sh: Shell, path: string): boolean {
  try {
    return sh.fs.stat(path).size > 0;
  } catch {
    return false;
  }
}

/** docker_create_db_directories: PGDATA 700 and the socket folder 3775, owned by postgres. */
function makeDirectories(sh: Shell, pgdata: string, owner: { uid: number; gid: number }): void {
  sh.fs.mkdir(pgdata, { recursive: true });
  sh.fs.chmod(pgdata, 0o700);
  sh.fs.mkdir(SOCKETS, { recursive: true });
  sh.fs.chmod(SOCKETS, 0o3775);
  if (sh.user.uid !== 0) return;
  for (const dir of [pgdata, SOCKETS]) sh.fs.chown(dir, owner.uid, owner.gid);
}

/** What initdb and the first server leave behind, under this container's PGDATA. */
function writeData(sh: Shell, files: OwnedFile[], pgdata: string, hba: (t: string) => string) {
  const fs = sh.fs;
  for (const f of files) {
    const path = f.path.replace(/^\/var\/lib\/postgresql\/data(?=\/|$)/, pgdata);
    if (f.type === 'dir') fs.mkdir(path, { recursive: true, mode: f.mode });
    else if (f.type === 'symlink') fs.symlink(f.target ?? '', path);
    else if (f.content !== undefined) {
      const text = path.endsWith('/pg_hba.conf') ? hba(f.content) : f.content;
      fs.writeFile(path, new TextEncoder().encode(text), { mode: f.mode });
    } else fs.writeSizedFile(path, f.size, { mode: f.mode });
    if (f.type !== 'symlink') {
      fs.chmod(path, f.mode);
      fs.chown(path, f.uid, f.gid);
    }
  }
}

/** docker_process_init_files for the scripts in /docker-entrypoint-initdb.d. */
function initFiles(sh: Shell, io: Io, self: string): string {
  let names: string[] = [];
  try {
    names = sh.fs.readdir(INITDB_D);
  } catch {
    /* no such folder: the glob stays as it is */
  }
  if (names.length === 0) return `${self}: ignoring ${INITDB_D}/*\n\n`;
  let out = '';
  for (const name of names) {
    const f = `${INITDB_D}/${name}`;
    if (/\.(sql|sql\.gz|sql\.xz|sql\.zst)$/.test(name)) {
      out += `${self}: running ${f}\n`;
      io.stderr.write(`(the simulator does not run psql: ${f} was not executed)\n`);
      out += '\n\n';
    } else if (name.endsWith('.sh')) {
      out += `${self}: running ${f}\n\n`;
      io.stdout.write(out);
      out = '';
      sh.interp.invoke(['sh', f], io, sh, []);
    } else out += `${self}: ignoring ${f}\n\n`;
  }
  return out;
}

/**
 * The entrypoint's server start. `script` is the entrypoint's text (for its warnings), `args`
 * the server's command line (`postgres ...`).
 */
export function postgresStart(
  record: FirstStart,
  script: string,
  args: string[],
  io: Io,
  sh: Shell,
): number {
  const pgdata = sh.get('PGDATA') || '/var/lib/postgresql/data';
  const row = table(sh, '/etc/passwd').find((f) => f[0] === 'postgres');
  const owner = { uid: Number(row?.[2] ?? 999), gid: Number(row?.[3] ?? 999) };
  makeDirectories(sh, pgdata, owner);
  const self = '/usr/local/bin/docker-entrypoint.sh';
  if (isFile(sh, `${pgdata}/PG_VERSION`)) {
    printRun(record.again, io, sh, (t) => t);
    return sh.forever(args);
  }
  const password = sh.get('POSTGRES_PASSWORD') ?? '';
  const auth = sh.get('POSTGRES_HOST_AUTH_METHOD') ?? '';
  if (password === '' && auth !== 'trust') {
    printRun(record.noPassword, io, sh, (t) => t);
    return record.noPassword.status;
  }
  if (auth === 'trust') io.stderr.write(heredoc(script, 'EOWARN'));
  const user = sh.get('POSTGRES_USER') || 'postgres';
  const db = sh.get('POSTGRES_DB') || user;
  const hba = (text: string) =>
    text.replace(
      /\nhost all all all scram-sha-256\n$/,
      `\n${auth === 'trust' ? '# warning trust is enabled for all connections\n# see https://www.postgresql.org/docs/17/auth-trust.html\n' : ''}host all all all ${auth || 'scram-sha-256'}\n`,
    );
  printRun(record.first, io, sh, (text) => {
    let t = text.replace(/\/var\/lib\/postgresql\/data(?=[\s/]|$)/g, pgdata);
    // docker_setup_db: psql prints CREATE DATABASE for a database other than "postgres".
    if (db !== 'postgres') t = t.replace('server started\n', 'server started\nCREATE DATABASE\n\n');
    const ignoring = `${self}: ignoring ${INITDB_D}/*\n\n`;
    if (t.includes(ignoring)) {
      const [before, after] = t.split(ignoring) as [string, string];
      io.stdout.write(before);
      const rest = initFiles(sh, io, self);
      return rest + after;
    }
    return t;
  });
  writeData(sh, record.files, pgdata, hba);
  return sh.forever(args);
}
