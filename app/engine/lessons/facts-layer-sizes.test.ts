/**
 * A layer's size on each image store, as the lab's layer cards read it (LayerView and the build's
 * layer events), held to `docker history` on Docker 28.5 (conformance/lessons/<store>/
 * layer-sizes.txt): the files' bytes on overlay2, the snapshot's 4 KiB blocks on containerd.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { humanSize } from '../common/units.ts';
import type { SessionOptions } from '../session/session.ts';
import { recordedCommand } from './recorded.ts';
import { lessonImages, newSession } from './testing/sessions.ts';

const DOCKERFILE = `FROM debian:bookworm-slim
ENV NOTES=/srv/notes
RUN mkdir -p /srv/notes
RUN echo "buy milk" > /srv/notes/todo.txt
RUN echo "call mum" >> /srv/notes/todo.txt
WORKDIR /srv/app
RUN rm /etc/debian_version
LABEL org.opencontainers.image.title=notes
CMD ["cat", "/srv/notes/todo.txt"]
`;

let opts: SessionOptions;
beforeAll(async () => {
  opts = await lessonImages();
});

/** The recorded SIZE column of the steps that made a layer, bottom-up, base left out. */
function recordedSizes(store: 'overlay2' | 'containerd'): string[] {
  const rows = recordedCommand(store, 'layer-sizes', 'docker history').output;
  return rows
    .slice(0, -1)
    .reverse()
    .filter((r) => /^(RUN|WORKDIR|COPY)/.test(r))
    .map((r) => r.split('\t')[1]!);
}

describe('layer sizes per image store', () => {
  for (const store of ['overlay2', 'containerd'] as const) {
    it(`are what docker history printed on ${store}`, () => {
      const session = newSession({ ...opts, store });
      const { build } = session.build({
        dockerfile: DOCKERFILE,
        files: [],
        builder: 'buildkit',
        noCache: false,
        buildArgs: {},
        tags: ['notes:1'],
      });
      const own = build.image!.layers.filter((l) => !l.fromBase);
      const shown = own.map((l) => humanSize(store === 'containerd' ? l.diskUsage : l.size));
      expect(shown).toEqual(recordedSizes(store));
      // The build's layer events carry both counts too (the cards read them while playing).
      const events = build.events.flatMap((e) => (e.type === 'layer' && e.layer ? [e.layer] : []));
      expect(events.map((l) => l.diskUsage)).toEqual(own.map((l) => l.diskUsage));
      expect(events.map((l) => l.size)).toEqual(own.map((l) => l.size));
      // And `docker history` in the lab agrees with the cards.
      const history = session.command(
        `docker history --format '{{.Size}}' notes:1`,
        [],
        DOCKERFILE,
      );
      const sizes = history.stdout.trim().split('\n').reverse().slice(1);
      expect(sizes.filter((s, i) => build.image!.history[i + 1]?.layer !== undefined)).toEqual(
        shown,
      );
    });
  }
});
