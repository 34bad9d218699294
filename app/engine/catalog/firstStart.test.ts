/**
 * postgres's first start, replayed from the catalog's recording of the real entrypoint: the
 * refusal without a password, initdb and "ready to accept connections" with one, the data
 * directory in the container's writable layer, and "Skipping initialization" on a restart.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeImages } from '../../node/images.ts';
import { LabSession } from '../session/session.ts';
import type { CatalogImageFile } from './format.ts';

const images = await nodeImages();
const file = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '../../../public/catalog/v2/images/postgres-17.json'),
    'utf8',
  ),
) as CatalogImageFile;
const recorded = file.firstStart!;
/** What a run printed on a stream before `docker stop` (both streams when none is named). */
const text = (run: typeof recorded.first, stream?: 'stdout' | 'stderr') => {
  const stop = run.chunks.findIndex(([s]) => s === 'stop');
  return run.chunks
    .slice(0, stop < 0 ? undefined : stop)
    .filter(([s]) => stream === undefined || s === stream)
    .map(([, t]) => t)
    .join('');
};
const logsOf = (r: { stdout: string; stderr: string }) => r.stdout + r.stderr;
/** The recorded text with its times and ids as patterns. */
const pattern = (t: string) =>
  new RegExp(
    `${t
      .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
      .replace(/\\\{time\\\}|\{time\}/g, '\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} UTC')
      .replace(/\{date\}/g, '\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC')
      .replace(/\{pid:0\}/g, '1')
      .replace(/\{pid:\d+\}/g, '\\d+')}`,
  );

function lab() {
  const s = new LabSession({
    registry: images.registry,
    explain: images.explain,
    catalog: images.catalog,
    clock: () => 1_700_000_000,
  });
  const run = (line: string) => s.command(line, [], '');
  expect(run('docker pull postgres:17').exitCode).toBe(0);
  return run;
}

describe("postgres's first start, as the real entrypoint does it", () => {
  it('the recording is there, keyed by the image’s postgres package', () => {
    expect(recorded.package).toMatch(/^postgresql-17=17\./);
    expect(text(recorded.first)).toContain('database system is ready to accept connections');
  });

  it('refuses to initialise the database without a password, in its words, exit 1', () => {
    const r = lab()('docker run --name db postgres:17');
    expect(r.stderr).toContain(
      'Error: Database is uninitialized and superuser password is not specified.',
    );
    expect(r.exitCode).toBe(1);
  });

  it('initialises the database, then the server is ready and keeps running', () => {
    const run = lab();
    run('docker run -d --name db -e POSTGRES_PASSWORD=example postgres:17');
    // Each stream as the real one printed it (the lab's docker logs does not interleave them).
    const logs = logsOf(run('docker logs db'));
    expect(logs).toMatch(pattern(text(recorded.first, 'stdout')));
    expect(logs).toMatch(pattern(text(recorded.first, 'stderr')));
    expect(run('docker ps --format {{.Names}}').stdout).toBe('db\n');
    expect(run('docker exec db cat /var/lib/postgresql/data/PG_VERSION').stdout).toBe('17\n');
    expect(run('docker exec db stat -c %U /var/lib/postgresql/data/base').stdout).toBe(
      'postgres\n',
    );
    expect(run('docker exec db tail -n 1 /var/lib/postgresql/data/pg_hba.conf').stdout).toBe(
      'host all all all scram-sha-256\n',
    );
  });

  it('started again, it finds the database and skips initialisation', () => {
    const run = lab();
    run('docker run -d --name db -e POSTGRES_PASSWORD=example postgres:17');
    run('docker stop db');
    run('docker start db');
    const logs = logsOf(run('docker logs db'));
    expect(logs).toContain('PostgreSQL init process complete; ready for start up.');
    expect(logs).toContain(
      'PostgreSQL Database directory appears to contain a database; Skipping initialization',
    );
  });

  it('POSTGRES_HOST_AUTH_METHOD=trust warns, and pg_hba.conf trusts every host', () => {
    const run = lab();
    run('docker run -d --name db -e POSTGRES_HOST_AUTH_METHOD=trust postgres:17');
    expect(logsOf(run('docker logs db'))).toContain(
      'WARNING: POSTGRES_HOST_AUTH_METHOD has been set to "trust".',
    );
    expect(run('docker exec db tail -n 1 /var/lib/postgresql/data/pg_hba.conf').stdout).toBe(
      'host all all all trust\n',
    );
  });
});
