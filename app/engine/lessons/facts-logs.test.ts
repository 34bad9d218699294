/**
 * `docker run` and `docker logs` keep a container's stdout and stderr in the order it wrote them,
 * each on its own stream, held to Docker 28.5's transcript on both image stores
 * (conformance/lessons/<store>/logs-order.txt).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImageStoreKind } from '../images/stores.ts';
import type { SessionOptions } from '../session/session.ts';
import { recordedCommand } from './recorded.ts';
import { lessonImages, newSession } from './testing/sessions.ts';

let opts: SessionOptions;
beforeAll(async () => {
  opts = await lessonImages();
});

const RUN = `docker run --name talk debian:bookworm-slim sh -c 'echo out1; sleep 0.2; echo err1 >&2; sleep 0.2; echo out2; sleep 0.2; echo err2 >&2'`;
const lines = (text: string) => text.split('\n').filter(Boolean);
/** What the terminal shows: the pieces in the order written. */
const shown = (r: { chunks?: { text: string }[] | undefined }) =>
  lines((r.chunks ?? []).map((c) => c.text).join(''));

describe('docker logs keeps stdout and stderr in the order written', () => {
  for (const store of ['overlay2', 'containerd'] as const satisfies ImageStoreKind[]) {
    it(`as Docker 28.5 printed them (${store})`, () => {
      const real = (line: string) => recordedCommand(store, 'logs-order', line).output;
      const session = newSession({ ...opts, store });
      const run = (line: string) => session.command(line, [], 'FROM debian:bookworm-slim\n');
      session.command('docker pull debian:bookworm-slim', [], '');
      const started = run(RUN);
      expect(shown(started)).toEqual(real(RUN));
      const all = run('docker logs talk');
      expect(shown(all)).toEqual(real('docker logs talk'));
      // Each line on its own stream: `2>/dev/null` keeps stdout, `>/dev/null` stderr.
      expect(lines(all.stdout)).toEqual(real('docker logs talk 2>/dev/null'));
      expect(lines(all.stderr)).toEqual(real('docker logs talk >/dev/null'));
      expect(shown(run('docker logs --tail 2 talk'))).toEqual(real('docker logs --tail 2 talk'));
      // A line that runs several commands shows them in the same order.
      expect(shown(run('docker logs talk && docker logs -n 1 talk'))).toEqual([
        ...real('docker logs talk'),
        'err2',
      ]);
    });
  }
});
