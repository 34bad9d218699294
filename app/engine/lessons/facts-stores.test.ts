/**
 * The image stores lesson's claims, each held to what Docker 28.5 did on both stores
 * (conformance/lessons/<store>/stores.txt and store-sizes.txt, recorded by record.sh) and to
 * what the lab does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImageStoreKind } from '../images/stores.ts';
import type { SessionOptions } from '../session/session.ts';
import { loadCourse } from './index.ts';
import { recordedCommand } from './recorded.ts';
import { lessonImages, lessonSources, newSession } from './testing/sessions.ts';

const course = loadCourse(lessonSources()).lessons;
const lesson = course.find((l) => l.id === 'image-stores')!;
const words = [
  lesson.intro,
  ...lesson.steps.flatMap((s) => [s.text, s.reveal ?? '', s.predict?.explain ?? '']),
].join('\n');

let opts: SessionOptions;
beforeAll(async () => {
  opts = await lessonImages();
});

/** The lab on one store with the lesson's Dockerfile; its clock ticks a second per call. */
function lab(store: ImageStoreKind) {
  let now = 1_700_000_000;
  const session = newSession({ ...opts, store, clock: () => (now += 1) });
  return (line: string) => session.command(line, [], lesson.start.dockerfile).stdout;
}
const HISTORY = "docker history --format '{{.CreatedBy}}\t{{.Size}}' sizes:1";
/** History rows of the lesson's own steps (the base's rows left out), as `step<TAB>size`. */
const ownRows = (rows: readonly string[]) =>
  rows.filter((r) => /mkdir|NOTES=|buy milk/.test(r)).map((r) => r.split('\t')[1]);

describe('image stores lesson: docker history sizes a layer by file bytes or by disk blocks', () => {
  it('is what Docker 28.5 recorded', () => {
    expect(ownRows(recordedCommand('containerd', 'store-sizes', 'docker history').output)).toEqual([
      '16.4kB',
      '0B',
      '12.3kB',
    ]);
    expect(ownRows(recordedCommand('overlay2', 'store-sizes', 'docker history').output)).toEqual([
      '9B',
      '0B',
      '0B',
    ]);
  });
  it('holds in the lab, and the lesson says it', () => {
    const containerd = lab('containerd');
    containerd('docker build -t sizes:1 .');
    expect(ownRows(containerd(HISTORY).trimEnd().split('\n'))).toEqual(['16.4kB', '0B', '12.3kB']);
    const overlay2 = lab('overlay2');
    overlay2('docker build -t sizes:1 .');
    expect(ownRows(overlay2(HISTORY).trimEnd().split('\n'))).toEqual(['9B', '0B', '0B']);
    expect(lesson.steps[0]!.predict!.choices[lesson.steps[0]!.predict!.answer]).toBe('12.3kB');
    expect(words).toContain('16.4kB');
  });
});

describe('image stores lesson: a rebuild with no change keeps its ID only on overlay2', () => {
  const ids = (store: 'containerd' | 'overlay2') =>
    [0, 1].map((n) => recordedCommand(store, 'stores', 'docker build -q', n).output[0]);
  it('is what Docker 28.5 recorded', () => {
    const [a, b] = ids('overlay2');
    expect(a).toBe(b);
    const [c, d] = ids('containerd');
    expect(c).not.toBe(d);
  });
  it('holds in the lab', () => {
    for (const store of ['overlay2', 'containerd'] as const) {
      const run = lab(store);
      const first = run('docker build -q -t sizes:1 .');
      const again = run('docker build -q -t sizes:1 .');
      expect(again === first, store).toBe(store === 'overlay2');
    }
    expect(lesson.steps[1]!.predict!.answer).toBe(0);
  });
});

describe('image stores lesson: each store has its own docker images view', () => {
  it('is Docker 29’s tree on containerd and the classic table on overlay2', () => {
    // Docker 29's view is docker/cli v29's (cli/command/image/tree.go); 28.5 printed the table.
    const containerd = lab('containerd');
    containerd('docker build -t sizes:1 .');
    expect(containerd('docker images').split('\n')[0]).toMatch(
      /^IMAGE\s+ID\s+DISK USAGE\s+CONTENT SIZE/,
    );
    const overlay2 = lab('overlay2');
    overlay2('docker build -t sizes:1 .');
    expect(overlay2('docker images').split('\n')[0]).toMatch(
      /^REPOSITORY\s+TAG\s+IMAGE ID\s+CREATED\s+SIZE/,
    );
    expect(words).toContain('DISK USAGE');
    expect(words).toContain('CONTENT SIZE');
  });
});

describe('lesson 11 runs overlay2: only there does a moved tag leave a dangling image', () => {
  /** What `images --filter dangling=true` printed after the rebuild, in scenario 35. */
  const dangling = (store: 'containerd' | 'overlay2') => {
    const file = join(
      import.meta.dirname,
      `../../../conformance/recorded/35-tags-dangling.buildkit.${store}.json`,
    );
    const results = (
      JSON.parse(readFileSync(file, 'utf8')) as { results: { line: string; stdout?: string[] }[] }
    ).results;
    return results.find((r) => r.line.includes('dangling=true'))!.stdout;
  };
  it('is what Docker 28.5 recorded, and the lesson says so', () => {
    expect(dangling('overlay2')).toEqual(['<none>:<none>']);
    expect(dangling('containerd')).toEqual([]);
    const tags = course.find((l) => l.id === 'tags-and-versions')!;
    expect(tags.start.store).toBe('overlay2');
    expect(tags.steps.map((s) => s.text).join('\n')).toContain('lists no dangling image');
  });
});
