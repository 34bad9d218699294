/**
 * `docker save -o FILE IMAGE`: a docker-archive tar (manifest.json, the config, one
 * `<id>/layer.tar` per layer) whose layer tars hash to the image's diffIDs.
 */
import { chainIds, diffId, treeFromEntries, writeTar, type EntrySpec } from '../../fs/index.ts';
import { parseArgs } from '../argv.ts';
import { fail, ok, usageError, type Command } from '../types.ts';

export const save: Command = ({ engine, host, argv }) => {
  const args = parseArgs(argv, [{ name: 'output', short: 'o', type: 'string' }], {
    command: 'save',
  });
  if (args.positional.length === 0)
    return usageError(
      'save',
      'at least 1 argument',
      'save [OPTIONS] IMAGE [IMAGE...]',
      'Save one or more images to a tar archive (streamed to STDOUT by default)',
    );
  const output = args.string('output');
  if (!output) return fail('cowardly refusing to save to a terminal. Use the -o flag or redirect');
  const entries: EntrySpec[] = [];
  const manifest: unknown[] = [];
  const seen = new Set<string>();
  for (const name of args.positional) {
    const image = engine.images.resolve(name);
    const diffIds = image.layers.map((l) => diffId(l));
    const chains = chainIds(diffIds);
    const configName = `${image.id.slice(7)}.json`;
    entries.push({ path: `/${configName}`, type: 'file', data: image.configJson ?? '{}' });
    const layerPaths: string[] = [];
    image.layers.forEach((layer, i) => {
      const dir = chains[i]!.slice(7);
      layerPaths.push(`${dir}/layer.tar`);
      if (seen.has(dir)) return;
      seen.add(dir);
      entries.push({ path: `/${dir}`, type: 'dir' });
      entries.push({ path: `/${dir}/VERSION`, type: 'file', data: '1.0' });
      entries.push({ path: `/${dir}/layer.tar`, type: 'file', data: writeTar(layer.root) });
    });
    const tags = engine.images.tagsOf(image.id);
    manifest.push({ Config: configName, RepoTags: tags.length ? tags : null, Layers: layerPaths });
  }
  entries.push({ path: '/manifest.json', type: 'file', data: JSON.stringify(manifest) });
  host.writeFile(output, writeTar(treeFromEntries(entries)));
  return ok();
};
