/** `docker images`, `docker tag`, `docker rmi`, `docker image prune`. */
import { EngineError } from '../../common/diagnostics.ts';
import type { Engine } from '../../daemon/engine.ts';
import { diskSize } from '../../daemon/disk-usage.ts';
import { repoDigestsOf } from '../../daemon/distribution.ts';
import { removeImage } from '../../daemon/image-delete.ts';
import { pruneImages } from '../../daemon/prune.ts';
import { treeView } from './images-tree.ts';
import { familiarName, parseImageRef } from '../../images/reference.ts';
import { parseArgs } from '../argv.ts';
import { formatRows } from '../format/table-format.ts';
import { humanDuration, humanSize } from '../../common/units.ts';
import { fail, ok, usageError, type Command } from '../types.ts';
import { shortId } from '../../common/ids.ts';

/** SIZE of an image as `docker images` counts it in the engine's store (disk-usage.ts). */
export function imageSize(engine: Engine, id: string): number {
  const image = engine.images.get(id);
  return image ? diskSize(engine, image) : 0;
}

const HEADERS = {
  Repository: 'REPOSITORY',
  Tag: 'TAG',
  ID: 'IMAGE ID',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  Size: 'SIZE',
  Digest: 'DIGEST',
  Containers: 'CONTAINERS',
};

export const images: Command = ({ engine, host, argv }) => {
  const args = parseArgs(
    argv,
    [
      { name: 'all', short: 'a', type: 'bool' },
      { name: 'quiet', short: 'q', type: 'bool' },
      { name: 'digests', type: 'bool' },
      { name: 'no-trunc', type: 'bool' },
      { name: 'format', type: 'string' },
      { name: 'filter', type: 'list' },
    ],
    { command: 'images' },
  );
  const filter = args.positional[0];
  const rows: Record<string, string>[] = [];
  const listed = new Set<string>();
  const sorted = engine.images.all().sort((a, b) => b.created - a.created);
  const danglingOnly = args.list('filter').includes('dangling=true');
  // `--filter reference=PATTERN`: the repository (or repository:tag) matches, `*` as a glob.
  const references = args
    .list('filter')
    .filter((f) => f.startsWith('reference='))
    .map((f) => {
      const pattern = f.slice('reference='.length);
      const re = new RegExp(
        `^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/:]*')}$`,
      );
      return (name: string) =>
        re.test(pattern.includes(':') ? name : name.slice(0, name.lastIndexOf(':')));
    });
  for (const image of sorted) {
    const tags = engine.images.tagsOf(image.id).sort();
    if (tags.length === 0 && image.intermediate && !args.bool('all')) continue;
    if (danglingOnly && tags.length) continue;
    // An image without a tag but with a registry digest is listed under that repository, tag
    // `<none>` (recorded on 28.5: conformance/lessons/*/digests.txt, an image pulled by digest
    // and one whose tag was pushed again).
    const names = tags.length ? tags : untaggedNames(engine, image.id);
    for (const name of names) {
      const i = name.lastIndexOf(':');
      const repo = name.slice(0, i);
      if (filter && repo !== filter && name !== familiarName(safeRef(filter))) continue;
      if (references.length && !references.some((matches) => matches(name))) continue;
      listed.add(image.id);
      rows.push({
        Repository: repo,
        Tag: name.slice(i + 1),
        ID: args.bool('no-trunc') ? image.id : shortId(image.id),
        CreatedSince: `${humanDuration((engine.now() - image.created) * 1000)} ago`,
        CreatedAt: new Date(image.created * 1000)
          .toISOString()
          .replace('T', ' ')
          .replace(/\.\d+Z$/, ' +0000 UTC'),
        Size: humanSize(imageSize(engine, image.id)),
        Digest: repoDigest(engine, repo, image.id),
        Containers: 'N/A',
      });
    }
  }
  if (args.bool('quiet'))
    return ok([...new Set(rows.map((r) => r.ID))].map((id) => `${id}\n`).join(''));
  const table =
    args.bool('no-trunc') || args.bool('digests') || args.string('format') !== undefined;
  if (engine.store === 'containerd' && !table) {
    // Docker 29 lists images as a tree with the containerd store; dangling ones only with -a
    // or a dangling filter (docker/cli v29.7.2 cli/command/image/list.go runImages).
    const shown = sorted.filter(
      (i) =>
        listed.has(i.id) &&
        (args.bool('all') || danglingOnly || engine.images.tagsOf(i.id).length > 0),
    );
    const width = Number(host.env.COLUMNS) || 0;
    return ok(treeView(engine, shown, { all: args.bool('all') || danglingOnly, width }));
  }
  const format =
    args.string('format') ??
    (args.bool('digests')
      ? 'table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}'
      : 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}');
  return ok(formatRows(rows, format, HEADERS));
};

/**
 * The repository digest `docker images --digests` shows for one row: the digest a registry
 * gave the image under that repository (pull, push), or in the containerd store the image's
 * own digest.
 */
export function repoDigest(engine: Engine, repo: string, id: string): string {
  const found = repoDigestsOf(engine, id).find((d) => d.startsWith(`${repo}@`));
  return found ? found.slice(repo.length + 1) : '<none>';
}

/** `repo:<none>` for each repository that knows the untagged image by digest, else `<none>:<none>`. */
function untaggedNames(engine: Engine, id: string): string[] {
  const repos = repoDigestsOf(engine, id).map((d) => `${d.slice(0, d.lastIndexOf('@'))}:<none>`);
  return repos.length ? [...new Set(repos)] : ['<none>:<none>'];
}

function safeRef(s: string) {
  try {
    return parseImageRef(s);
  } catch {
    return { domain: '', repository: s, tag: undefined, digest: undefined };
  }
}

export const tag: Command = ({ engine, argv }) => {
  const args = parseArgs(argv, [], { command: 'tag' });
  if (args.positional.length !== 2) {
    return usageError(
      'tag',
      'exactly 2 arguments',
      'tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
      'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
    );
  }
  const [source, target] = args.positional as [string, string];
  try {
    parseImageRef(target);
  } catch (e) {
    return fail(
      `Error parsing reference: "${target}" is not a valid repository/tag: ${(e as EngineError).message}`,
    );
  }
  const image = engine.images.resolve(source);
  engine.images.tag(image.id, target);
  return ok();
};

export const rmi: Command = ({ engine, argv }) => {
  const args = parseArgs(
    argv,
    [
      { name: 'force', short: 'f', type: 'bool' },
      { name: 'no-prune', type: 'bool' },
    ],
    { command: 'rmi' },
  );
  if (args.positional.length === 0)
    return usageError(
      'rmi',
      'at least 1 argument',
      'rmi [OPTIONS] IMAGE [IMAGE...]',
      'Remove one or more images',
    );
  const out: string[] = [];
  const errors: string[] = [];
  for (const name of args.positional) {
    try {
      out.push(...removeImage(engine, name, { force: args.bool('force') }));
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      errors.push(e.message);
    }
  }
  const stdout = out.map((l) => `${l}\n`).join('');
  return errors.length ? fail(errors.join('\n'), 1, stdout) : ok(stdout);
};

export const imagePrune: Command = ({ engine, argv }) => {
  const args = parseArgs(
    argv,
    [
      { name: 'force', short: 'f', type: 'bool' },
      { name: 'all', short: 'a', type: 'bool' },
    ],
    { command: 'image prune' },
  );
  if (!args.bool('force')) {
    return fail(
      'WARNING! This will remove all dangling images.\nThis terminal cannot ask for confirmation: run it again with -f (docker image prune -f).',
    );
  }
  const { lines, reclaimed } = pruneImages(engine, args.bool('all'));
  const body = lines.length ? `Deleted Images:\n${lines.join('\n')}\n\n` : '';
  return ok(`${body}Total reclaimed space: ${humanSize(reclaimed)}\n`);
};
