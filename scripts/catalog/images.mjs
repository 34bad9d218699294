// Writes OUT/images/*.json: the Debian bases walked from their debootstrapped root filesystems,
// and every other image built on its base by running its Dockerfile's steps in a chroot of a copy
// of the base's tree and diffing the tree before and after each step (tree.mjs).
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { diff, makeLayer, walk } from './tree.mjs';
import { BASE_ENV, FILES, createdAt } from './specs/common.mjs';
import { IMAGE_SPECS } from './specs/index.mjs';
import { applyMeta, expandIn, historyOf } from './meta.mjs';
import { tagsFor } from './hub.mjs';

const W = process.env.W ?? '/var/tmp/layerlab-catalog';
const OUT = process.env.OUT ?? 'public/catalog/v2';
const HERE = new URL('.', import.meta.url).pathname;
const log = (s) => process.stderr.write(`[catalog] ${s}\n`);
export const slugOf = (ref) => ref.replace(/[:/]/g, '-');
mkdirSync(join(OUT, 'images'), { recursive: true });
mkdirSync(join(W, 'out'), { recursive: true });

const created = createdAt();
const sh = (args, opts = {}) =>
  execFileSync(args[0], args.slice(1), {
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 28,
    ...opts,
  });
const sizeOf = (img) => img.layers.reduce((n, l) => n + l.size, 0);

/**
 * What a spec's result depends on: its steps and its base's layers. A function in a step (a
 * version read from the finished tree) counts by its place, not its source text, so reformatting
 * a spec file does not rebuild every image.
 */
function keyOf(spec, base) {
  const steps = JSON.stringify(spec.steps ?? [], (_, v) => (typeof v === 'function' ? 'fn' : v));
  const baseIds = base ? base.file.layers.map((l) => l.diffId).join() + base.key : '';
  return createHash('sha256')
    .update(`${spec.rootfs ?? ''}\n${steps}\n${baseIds}\n${created}`)
    .digest('hex');
}

/** A base image: one layer, the whole debootstrapped tree. */
function rootfsImage(spec) {
  const dir = join(W, spec.rootfs);
  log(`${spec.ref}: walking ${dir}`);
  const tree = walk(dir);
  const epoch = Math.floor(Date.parse(created) / 1000);
  return {
    file: {
      ref: spec.ref,
      layers: [makeLayer(dir, tree, [...tree.keys()])],
      config: { Env: BASE_ENV, Cmd: ['bash'] },
      history: [
        { created, created_by: `# debian.sh --arch 'amd64' out/ '${spec.suite}' '@${epoch}'` },
      ],
    },
    dir,
  };
}

/** An image built on `base` (or on nothing, for FROM scratch) step by step. */
function builtImage(spec, base) {
  const dir = join(W, `img-${slugOf(spec.ref)}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (base) {
    log(`${spec.ref}: copying ${base.file.ref}`);
    sh(['cp', '-a', `${base.dir}/.`, dir]);
  }
  let tree = walk(dir);
  const layers = [];
  for (const step of spec.steps) {
    if (!['RUN', 'COPY', 'WORKDIR', 'HOST'].includes(step.kind)) continue;
    if (step.kind === 'HOST') {
      log(`${spec.ref}: on the host: ${step.shown}`);
      sh(['sh', '-c', step.cmd], {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: {
          ...process.env,
          ROOT: dir,
          W,
          HERE: HERE.replace(/\/$/, ''),
          FILES: FILES.replace(/\/$/, ''),
        },
      });
    } else if (step.kind === 'RUN') {
      log(`${spec.ref}: RUN ${step.cmd.slice(0, 90)}`);
      for (const [from, to] of step.stage ?? []) sh(['cp', from, join(dir, to)]);
      sh([join(HERE, 'chroot.sh'), 'run', dir, step.cmd], {
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    } else if (step.kind === 'COPY') {
      for (const f of step.files) {
        mkdirSync(dirname(join(dir, f.dest)), { recursive: true });
        writeFileSync(join(dir, f.dest), f.content);
        execFileSync('chmod', [(f.mode ?? 0o644).toString(8), join(dir, f.dest)]);
      }
    } else {
      mkdirSync(join(dir, step.path), { recursive: true });
    }
    const after = walk(dir);
    const { paths, whiteouts } = diff(tree, after);
    // BuildKit records a WORKDIR whose directory exists as an empty layer (no entries).
    if (step.kind !== 'WORKDIR' || paths.length > 0)
      layers.push(makeLayer(dir, after, paths, whiteouts));
    step.layer = step.kind !== 'WORKDIR' || paths.length > 0;
    tree = after;
  }
  // Metadata last: values such as a version may be read from the finished tree.
  let config = base ? { ...base.file.config } : { Env: BASE_ENV };
  const history = base ? [...base.file.history] : [];
  for (const step of spec.steps) {
    const resolved = { ...step };
    for (const k of ['env', 'value', 'path'])
      if (step[k] && typeof step[k] === 'object' && !Array.isArray(step[k]))
        resolved[k] = Object.fromEntries(
          Object.entries(step[k]).map(([n, v]) => [n, typeof v === 'function' ? v(dir) : v]),
        );
    if (step.kind === 'ENV') {
      // BuildKit stores (and history shows) the value with $VARS expanded.
      const env = {};
      for (const [k, v] of Object.entries(resolved.env)) env[k] = expandIn(v, config.Env ?? []);
      resolved.env = env;
    }
    config = applyMeta(config, resolved);
    history.push(historyOf(resolved, created));
  }
  return {
    file: { ref: spec.ref, ...(base ? { base: base.file.ref } : {}), layers, config, history },
    dir,
  };
}

const built = new Map();
function image(spec) {
  const base = spec.base ? built.get(spec.base) : undefined;
  if (spec.base && !base)
    throw new Error(`${spec.ref}: its base ${spec.base} comes later in IMAGE_SPECS`);
  const key = keyOf(spec, base);
  const cache = join(W, 'out', `${slugOf(spec.ref)}.json`);
  const dir = spec.rootfs ? join(W, spec.rootfs) : join(W, `img-${slugOf(spec.ref)}`);
  if (process.env.REBUILD !== '1' && existsSync(cache)) {
    const saved = JSON.parse(readFileSync(cache, 'utf8'));
    if (saved.key === key && existsSync(dir)) {
      log(`${spec.ref}: unchanged, reusing ${cache}`);
      return { file: saved.file, dir, key, version: saved.version };
    }
  }
  const made = spec.rootfs ? rootfsImage(spec) : builtImage(spec, base);
  const version = spec.version ? spec.version(made.dir) : undefined;
  writeFileSync(cache, JSON.stringify({ key, version, file: made.file }));
  return { ...made, key, version };
}

const index = [];
for (const make of IMAGE_SPECS) {
  const spec = typeof make === 'function' ? make() : make;
  const img = image(spec);
  built.set(spec.ref, img);
  writeFileSync(join(OUT, 'images', `${slugOf(spec.ref)}.json`), JSON.stringify(img.file));
  const base = spec.base ? index.find((i) => i.ref === spec.base) : undefined;
  const { aliases, moving } = tagsFor(spec, img.version);
  index.push({
    ref: spec.ref,
    aliases,
    ...(Object.keys(moving).length ? { moving } : {}),
    file: `images/${slugOf(spec.ref)}.json`,
    size: (base?.size ?? 0) + sizeOf(img.file),
    ...(img.version ? { version: img.version } : {}),
    ...(spec.product ? { product: spec.product } : {}),
    ...((spec.suite ?? base?.suite) ? { suite: spec.suite ?? base?.suite } : {}),
    ...(spec.real ? { real: spec.real } : {}),
    origin: typeof spec.origin === 'function' ? spec.origin(img.version) : spec.origin,
    builtFromDebianPackages: spec.official !== true,
  });
}
writeFileSync(join(W, 'out', 'images-index.json'), JSON.stringify(index, null, 2));
for (const i of index)
  log(`${i.ref}: ${(i.size / 1e6).toFixed(1)} MB${i.version ? ` (${i.version})` : ''}`);
