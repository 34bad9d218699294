/**
 * Test helpers: read the lesson files from disk and make sessions on debian:bookworm-slim: the
 * node loader's catalog when it has the image, else the catalog's image file read here, else
 * the small test base.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeImages } from '../../../node/images.ts';
import type { BaseImage } from '../../build/builder.ts';
import { resolveTestImage } from '../../build/testing/fixtures.ts';
import { catalogImage } from '../../catalog/images.ts';
import type { CatalogImageFile } from '../../catalog/format.ts';
import { LabSession, type SessionOptions } from '../../session/session.ts';
import { builtinCatalog } from '../../shell/packages/builtin.ts';
import { recordBuild, type Activity } from '../activity.ts';
import { buttonBuildOf } from '../button.ts';
import type { SourceFile } from '../index.ts';
import { editLab, runLine, type Lab } from '../run.ts';
import type { Lesson } from '../types.ts';

const ROOT = join(import.meta.dirname, '../../../..');
const LESSONS_DIR = join(ROOT, 'lessons');
const DEBIAN_FILE = join(ROOT, 'public/catalog/v2/images/debian-bookworm-slim.json');

export function lessonSources(): SourceFile[] {
  return readdirSync(LESSONS_DIR)
    .filter((n) => n.endsWith('.md') || n === 'index.json')
    .map((n) => ({ path: `lessons/${n}`, text: readFileSync(join(LESSONS_DIR, n), 'utf8') }));
}

let debian: BaseImage | undefined;

function catalogDebian(): BaseImage | undefined {
  if (debian || !existsSync(DEBIAN_FILE)) return debian;
  try {
    const file = JSON.parse(readFileSync(DEBIAN_FILE, 'utf8')) as CatalogImageFile;
    debian = catalogImage(file, undefined);
  } catch {
    debian = undefined;
  }
  return debian;
}

const CLOCK = () => 1_700_000_000;

/** Registry and catalog for lesson tests, and which base they use. */
export async function lessonImages(): Promise<SessionOptions & { base: string }> {
  const node = await nodeImages();
  if (node.registry('debian:bookworm-slim')) {
    return {
      registry: node.registry,
      explain: node.explain,
      catalog: node.catalog,
      clock: CLOCK,
      base: 'node catalog',
    };
  }
  const image = catalogDebian();
  if (image) {
    return {
      registry: (ref) =>
        ref === 'debian:bookworm-slim' || ref === 'debian:bookworm' ? image : undefined,
      catalog: builtinCatalog,
      clock: CLOCK,
      base: 'catalog image file',
    };
  }
  return { registry: resolveTestImage, catalog: builtinCatalog, clock: CLOCK, base: 'test base' };
}

export const newSession = (opts: SessionOptions): LabSession =>
  new LabSession({
    registry: opts.registry,
    catalog: opts.catalog,
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.store ? { store: opts.store } : {}),
  });

/**
 * The solution as a learner who presses the Build button would play it: each `docker build` the
 * button can do runs as a button build with those settings; every other line as typed.
 */
export function applySolutionByButton(
  session: LabSession,
  activity: Activity,
  lab: Lab,
  lesson: Lesson,
): { failures: string[]; buttonBuilds: number } {
  let now = editLab(lab, lesson.solution);
  const failures: string[] = [];
  let buttonBuilds = 0;
  for (const line of lesson.solution.commands) {
    const b = buttonBuildOf(line);
    if (!b) {
      const ran = runLine(session, activity, now, line);
      now = ran.lab;
      if (ran.result.exitCode !== 0) failures.push(`${line}: ${ran.result.stderr.trim()}`);
      continue;
    }
    const input = {
      dockerfile: now.dockerfile,
      files: now.files,
      builder: b.builder,
      noCache: b.noCache,
      buildArgs: b.buildArgs,
      tags: b.tag ? [b.tag] : [],
    };
    const view = session.build(input).build;
    if (activity !== session.activity) recordBuild(activity, input, view);
    buttonBuilds++;
    if (!view.ok) failures.push(`${line} (Build button): the build failed`);
  }
  return { failures, buttonBuilds };
}
