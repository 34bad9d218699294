#!/usr/bin/env node
/**
 * Rewrites a Docker 25+ `docker save` tar (OCI layout + manifest.json, uncompressed layers) in
 * the legacy layout that Docker up to 24 wrote (moby v24 image/tarexport/save.go):
 *
 *   <v1id>/VERSION      "1.0"
 *   <v1id>/json         the layer's v1 JSON (id, parent, created, os; the top one the config's fields)
 *   <v1id>/layer.tar    the uncompressed layer
 *   <config hex>.json   the image config, byte for byte
 *   manifest.json       [{Config, RepoTags, Layers: ["<v1id>/layer.tar", ...]}]
 *   repositories        {"repo": {"tag": "<top v1id>"}}
 *
 * The v1 IDs are computed as moby's v1.CreateID does (sha256 of the v1 JSON without its id,
 * with `layer_id` = the layer's ChainID and `parent` = the previous v1 ID, keys sorted as Go
 * marshals a map); the v1 JSON of lower layers is the minimal one Docker 24 wrote for them.
 * `docker load` reads only manifest.json, the config and the layer tars, so the image ID and
 * diffIDs do not depend on those choices (the recorder checks that 28.5 loads the result to the
 * same image ID as the original save).
 *
 * Usage: node legacy-save.mjs IN.tar OUT.tar   (needs GNU tar on PATH)
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const [input, output] = process.argv.slice(2).map((p) => resolve(p));
if (!input || !output) {
  console.error('usage: legacy-save.mjs IN.tar OUT.tar');
  process.exit(2);
}
const sha = (data) => createHash('sha256').update(data).digest('hex');
const work = mkdtempSync(join(tmpdir(), 'legacy-save-'));
const src = join(work, 'src');
const dst = join(work, 'dst');
mkdirSync(src);
mkdirSync(dst);
execFileSync('tar', ['-xf', input, '-C', src]);
const manifest = JSON.parse(readFileSync(join(src, 'manifest.json'), 'utf8'));
const out = [];
const repositories = {};
for (const item of manifest) {
  const configBytes = readFileSync(join(src, item.Config));
  const config = JSON.parse(configBytes.toString('utf8'));
  const configHex = sha(configBytes);
  writeFileSync(join(dst, `${configHex}.json`), configBytes);
  const diffIds = config.rootfs.diff_ids;
  let chain = '';
  let parent = '';
  const layers = [];
  item.Layers.forEach((layerPath, i) => {
    chain = i === 0 ? diffIds[0] : `sha256:${sha(`${chain} ${diffIds[i]}`)}`;
    const top = i === item.Layers.length - 1;
    const v1 = top
      ? {
          architecture: config.architecture,
          config: config.config,
          created: config.created,
          os: config.os,
        }
      : { created: '1970-01-01T00:00:00Z', os: config.os };
    // moby's v1.CreateID: the JSON without `id`, plus layer_id and parent, keys sorted.
    const forId = { ...v1, layer_id: chain, ...(parent ? { parent } : {}) };
    const sorted = Object.fromEntries(Object.entries(forId).sort(([a], [b]) => (a < b ? -1 : 1)));
    const v1id = sha(JSON.stringify(sorted));
    const dir = join(dst, v1id);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'VERSION'), '1.0');
    const json = { id: v1id, ...(parent ? { parent: parent.slice(7) } : {}), ...v1 };
    writeFileSync(join(dir, 'json'), JSON.stringify(json));
    writeFileSync(join(dir, 'layer.tar'), readFileSync(join(src, layerPath)));
    layers.push(`${v1id}/layer.tar`);
    parent = `sha256:${v1id}`;
  });
  for (const tag of item.RepoTags ?? []) {
    const colon = tag.lastIndexOf(':');
    (repositories[tag.slice(0, colon)] ??= {})[tag.slice(colon + 1)] = parent.slice(7);
  }
  out.push({ Config: `${configHex}.json`, RepoTags: item.RepoTags ?? null, Layers: layers });
}
writeFileSync(join(dst, 'manifest.json'), JSON.stringify(out));
if (Object.keys(repositories).length)
  writeFileSync(join(dst, 'repositories'), JSON.stringify(repositories));
execFileSync('tar', [
  '--format=ustar',
  '--owner=0',
  '--group=0',
  '--numeric-owner',
  '--mtime=@0',
  '--sort=name',
  '-cf',
  output,
  '-C',
  dst,
  ...readdirSync(dst).sort(),
]);
rmSync(work, { recursive: true, force: true });
