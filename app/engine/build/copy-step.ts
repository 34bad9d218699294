/**
 * COPY and ADD: what to copy (the context, another stage, an image, a heredoc, a URL), its cache
 * key (the content's checksum), and on a miss writing it into a new layer.
 */
import { EngineError } from '../common/diagnostics.ts';
import { MergedView as View, openOverlay, type Layer, type MergedView } from '../fs/index.ts';
import { resolveUser } from '../fs/users.ts';
import { makeKey } from './cache.ts';
import type { BuildRequest } from './builder.ts';
import {
  classicSourceName,
  selectFromContext,
  selectFromView,
  selectHeredocs,
  type Selection,
} from './copy.ts';
import { writeSelection } from './copy-write.ts';
import { copyCreatedBy } from './history.ts';
import {
  historyEntry,
  withLayer,
  type StageState,
  type StepHooks,
  type StepResult,
} from './stage.ts';
import type { CopySpec, StepSpec } from './steps.ts';

function copySelection(
  req: BuildRequest,
  step: Extract<StepSpec, { keyword: 'COPY' | 'ADD' }>,
  stages: ReadonlyMap<number, StageState>,
  sources: string[],
  heredocs: CopySpec['heredocs'],
): Selection {
  const c = step.copy;
  if (heredocs.length) return selectHeredocs(heredocs);
  if (c.from === undefined) return selectFromContext(req.context, sources, step.range);
  const byName = req.plan.stages.find(
    (s) =>
      s.name?.toLowerCase() === c.from!.toLowerCase() ||
      (/^\d+$/.test(c.from!) && s.index === Number(c.from)),
  );
  let view: MergedView;
  if (byName) {
    const built = stages.get(byName.index);
    if (!built) {
      throw new EngineError(
        'stage-order',
        `COPY --from=${c.from} refers to a stage that is not built before this one`,
        step.range,
        {
          hint: 'Move that stage above the stage that copies from it.',
        },
      );
    }
    view = built.view;
  } else {
    const image = req.resolveImage(c.from);
    if (!image) {
      throw new EngineError(
        'from-not-found',
        `${c.from}: failed to resolve source metadata for docker.io/library/${c.from}:latest: pull access denied, repository does not exist or may require authorization`,
        step.range,
        {
          classic: `invalid from flag value ${c.from}: pull access denied for ${c.from}, repository does not exist or may require 'docker login'`,
          hint: `No stage is named "${c.from}" and no image has that name. Stage names come from FROM ... AS <name>.`,
        },
      );
    }
    view = View.of(image.layers);
  }
  return selectFromView(view, sources, step.range, c.from);
}

function parseChmod(text: string | undefined, step: StepSpec): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[0-7]{3,4}$/.test(text))
    throw new EngineError(
      'bad-chmod',
      `invalid chmod parameter: "${text}" (use octal digits, e.g. 755)`,
      step.range,
    );
  return parseInt(text, 8);
}

export function copyStep(
  req: BuildRequest,
  step: Extract<StepSpec, { keyword: 'COPY' | 'ADD' }>,
  state: StageState,
  stages: ReadonlyMap<number, StageState>,
  hooks: StepHooks,
  expand: (t: string) => string,
): StepResult {
  const c = step.copy;
  // The legacy builder reads no heredoc: only the other sources are copied, and with none
  // left it fails (moby's getCopyInfosForSourcePaths; recorded on 28.5).
  const heredocs = req.builder === 'classic' ? [] : c.heredocs;
  if (c.heredocs.length && !heredocs.length && !c.sources.length)
    throw new EngineError(
      'copy-no-source',
      `${step.keyword} failed: no source files were specified`,
      step.range,
      {
        hint: `The legacy builder (DOCKER_BUILDKIT=0) does not read heredocs, so ${step.keyword} <<${c.heredocs[0]!.name} has no source. Build with BuildKit, or ${step.keyword} a file from the build context.`,
      },
    );
  const sources = c.sources.map(expand);
  const dest = expand(c.dest);
  const chown = c.chown !== undefined ? expand(c.chown) : undefined;
  const chmod = parseChmod(c.chmod !== undefined ? expand(c.chmod) : undefined, step);
  const urls = step.keyword === 'ADD' ? sources.filter((s) => /^https?:\/\//.test(s)) : [];
  const local = sources.filter((s) => !urls.includes(s));
  const sel =
    local.length || heredocs.length
      ? copySelection(req, step, stages, local, heredocs)
      : { items: [], many: false };
  for (const url of urls) sel.items.push(urlItem(url));
  if (urls.length && sources.length > 1) sel.many = true;
  const workdir = state.config.WorkingDir || '/';
  const shownSources = heredocs.length ? heredocs.map((h) => `<<${h.name}`) : sources;
  const parts = makeKey({
    parent: c.link && req.builder === 'buildkit' ? undefined : state.cacheParent,
    instruction: `${step.keyword}${c.from !== undefined ? ` --from=${c.from}` : ''}${chown ? ` --chown=${chown}` : ''}${c.chmod ? ` --chmod=${c.chmod}` : ''} ${shownSources.join(' ')} ${dest}${dest.startsWith('/') ? '' : ` (in ${workdir})`}`,
    files: sel.items.map((i) => ({ path: i.source, checksum: i.checksum })),
    args: undefined,
    env: undefined,
  });
  const createdBy = copyCreatedBy(req.builder, {
    add: step.keyword === 'ADD',
    sources: shownSources,
    dest,
    chown,
    chmod: c.chmod,
    classicSource: classicSourceName(sel),
  });
  const hit = hooks.lookup(parts, !c.link);
  let layer: Layer | undefined;
  if (hit) layer = hit.layer;
  else {
    const fs = openOverlay(state.view, { owner: { uid: 0, gid: 0 } });
    const owner = chown !== undefined ? resolveUser(chown, state.view, step.range) : undefined;
    writeSelection(fs, sel, {
      dest,
      workdir,
      owner,
      chmod,
      unpack: step.keyword === 'ADD',
      range: step.range,
      keyword: step.keyword,
    });
    const committed = fs.commit();
    layer = committed.stats.entries > 0 ? committed : undefined;
    hooks.store(parts.key, { layer, imageId: undefined, config: undefined, createdBy, output: '' });
  }
  const next = withLayer(state, layer, historyEntry(req, createdBy, !layer));
  return {
    state: { ...next, cacheParent: req.builder === 'buildkit' ? parts.key : state.cacheParent },
    outcome: hit ? 'cached' : 'built',
    layer,
    layerChanged: true,
  };
}

function urlItem(url: string): Selection['items'][number] {
  const data = new TextEncoder().encode(
    `(the simulator has no network: this file stands in for ${url})\n`,
  );
  const name =
    url
      .replace(/[?#].*$/, '')
      .split('/')
      .filter(Boolean)
      .pop() ?? '__unnamed__';
  return {
    source: name,
    rel: '',
    kind: 'file',
    data,
    size: data.length,
    digest: undefined,
    mode: 0o600,
    uid: 0,
    gid: 0,
    target: undefined,
    checksum: `url:${url}|600|0:0|file`,
  };
}
