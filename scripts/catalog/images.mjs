// Writes public/catalog/v1/images/*.json: debian:bookworm(-slim) walked from the debootstrapped
// rootfs, and images layered on the slim one by running their Dockerfile steps in a chroot and
// diffing the tree before and after each step.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diff, makeLayer, walk } from './tree.mjs';
import { IMAGE_SPECS, BASE_ENV, createdAt } from './specs.mjs';

const W = process.env.W ?? '/var/tmp/layerlab-catalog';
const OUT = process.env.OUT ?? 'public/catalog/v1';
const HERE = new URL('.', import.meta.url).pathname;
const log = (s) => process.stderr.write(`[catalog] ${s}\n`);
const slugOf = (ref) => ref.replace(/[:/]/g, '-');
mkdirSync(join(OUT, 'images'), { recursive: true });
mkdirSync(join(W, 'out'), { recursive: true });

const created = createdAt();
const sh = (args, opts = {}) =>
  execFileSync(args[0], args.slice(1), {
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 28,
    ...opts,
  });

/** Base images: one layer, the whole rootfs. */
function baseImage(ref, rootDir) {
  log(`${ref}: walking ${rootDir}`);
  const tree = walk(rootDir);
  const layer = makeLayer(rootDir, tree, [...tree.keys()]);
  const epoch = Math.floor(Date.parse(created) / 1000);
  return {
    ref,
    layers: [layer],
    config: { Env: BASE_ENV, Cmd: ['bash'] },
    history: [{ created, created_by: `# debian.sh --arch 'amd64' out/ 'bookworm' '@${epoch}'` }],
  };
}

/** Applies ENV/CMD/... to a RunConfig the way the Dockerfile instruction does. */
function applyMeta(config, step) {
  const c = { ...config };
  switch (step.kind) {
    case 'ENV': {
      const env = [...(c.Env ?? [])];
      for (const [k, v] of Object.entries(step.env)) {
        const i = env.findIndex((e) => e.startsWith(`${k}=`));
        if (i >= 0) env[i] = `${k}=${v}`;
        else env.push(`${k}=${v}`);
      }
      c.Env = env;
      return [
        c,
        `ENV ${Object.entries(step.env)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')}`,
      ];
    }
    case 'CMD':
      c.Cmd = step.value;
      return [c, `CMD [${step.value.map((s) => JSON.stringify(s)).join(' ')}]`];
    case 'ENTRYPOINT':
      c.Entrypoint = step.value;
      return [c, `ENTRYPOINT [${step.value.map((s) => JSON.stringify(s)).join(' ')}]`];
    case 'EXPOSE':
      c.ExposedPorts = [...(c.ExposedPorts ?? []), step.value];
      return [c, `EXPOSE map[${step.value}:{}]`];
    case 'STOPSIGNAL':
      c.StopSignal = step.value;
      return [c, `STOPSIGNAL ${step.value}`];
    case 'LABEL':
      c.Labels = { ...(c.Labels ?? {}), ...step.labels };
      return [
        c,
        `LABEL ${Object.entries(step.labels)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')}`,
      ];
    default:
      throw new Error(`unknown metadata step ${step.kind}`);
  }
}

function derivedImage(spec, base, slimDir) {
  const dir = join(W, `img-${slugOf(spec.ref)}`);
  log(`${spec.ref}: copying the slim rootfs`);
  rmSync(dir, { recursive: true, force: true });
  sh(['cp', '-a', `${slimDir}/.`, dir]);
  let tree = walk(dir);
  const made = [];
  for (const step of spec.steps) {
    if (step.kind !== 'RUN' && step.kind !== 'COPY') continue;
    log(`${spec.ref}: ${step.kind} ${(step.cmd ?? step.dest).slice(0, 70)}`);
    if (step.kind === 'RUN') {
      for (const [from, to] of step.stage ?? []) sh(['cp', from, join(dir, to)]);
      sh([join(HERE, 'chroot.sh'), 'run', dir, step.cmd], {
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    } else {
      writeFileSync(join(dir, step.dest), step.content);
      execFileSync('chmod', [(step.mode ?? 0o644).toString(8), join(dir, step.dest)]);
    }
    const after = walk(dir);
    const { paths, whiteouts } = diff(tree, after);
    made.push(makeLayer(dir, after, paths, whiteouts));
    tree = after;
  }
  // Metadata last: values such as a version may be read from the finished tree.
  let config = { ...base.config };
  const history = [...base.history];
  for (const step of spec.steps) {
    if (step.kind === 'RUN' || step.kind === 'COPY') {
      const by =
        step.kind === 'RUN'
          ? `RUN /bin/sh -c ${step.cmd} # buildkit`
          : `COPY ${step.src} ${step.destShown ?? step.dest} # buildkit`;
      history.push({ created, created_by: by, comment: 'buildkit.dockerfile.v0' });
    } else {
      const resolved = step.env
        ? {
            ...step,
            env: Object.fromEntries(
              Object.entries(step.env).map(([k, v]) => [k, typeof v === 'function' ? v(dir) : v]),
            ),
          }
        : step;
      const [c, by] = applyMeta(config, resolved);
      config = c;
      history.push({
        created,
        created_by: by,
        comment: 'buildkit.dockerfile.v0',
        empty_layer: true,
      });
    }
  }
  const layers = made;
  return { file: { ref: spec.ref, base: base.ref, layers, config, history }, dir };
}

const write = (img) => {
  const path = join(OUT, 'images', `${slugOf(img.ref)}.json`);
  writeFileSync(path, JSON.stringify(img));
  writeFileSync(join(W, 'out', `${slugOf(img.ref)}.json`), JSON.stringify(img));
};
const cached = (ref) => {
  const p = join(W, 'out', `${slugOf(ref)}.json`);
  if (process.env.REBUILD !== '1' && existsSync(p)) {
    log(`${ref}: reusing ${p}`);
    const img = JSON.parse(readFileSync(p, 'utf8'));
    writeFileSync(join(OUT, 'images', `${slugOf(ref)}.json`), JSON.stringify(img));
    return img;
  }
  return undefined;
};

const sizeOf = (img) => img.layers.reduce((n, l) => n + l.size, 0);
const index = [];
const full = cached('debian:bookworm') ?? baseImage('debian:bookworm', join(W, 'rootfs-full'));
write(full);
index.push({
  ref: 'debian:bookworm',
  aliases: ['debian:12', 'debian:latest'],
  file: 'images/debian-bookworm.json',
  size: sizeOf(full),
  origin:
    'debootstrap --variant=minbase bookworm from deb.debian.org, upgraded from bookworm-updates and bookworm-security, as debuerreotype builds the official image',
  builtFromDebianPackages: true,
});
const slim =
  cached('debian:bookworm-slim') ?? baseImage('debian:bookworm-slim', join(W, 'rootfs-slim'));
write(slim);
index.push({
  ref: 'debian:bookworm-slim',
  aliases: ['debian:12-slim'],
  file: 'images/debian-bookworm-slim.json',
  size: sizeOf(slim),
  origin:
    "debootstrap --variant=minbase bookworm from deb.debian.org, upgraded, then slimmed as debuerreotype's slimify does (docs except copyright, man, info, groff, lintian, linda and locales removed; dpkg told to keep them out)",
  builtFromDebianPackages: true,
});
for (const make of IMAGE_SPECS) {
  const spec = make();
  const img = cached(spec.ref) ?? derivedImage(spec, slim, join(W, 'rootfs-slim')).file;
  write(img);
  index.push({
    ref: spec.ref,
    aliases: spec.aliases,
    file: `images/${slugOf(spec.ref)}.json`,
    size: sizeOf(slim) + sizeOf(img),
    origin: spec.origin,
    builtFromDebianPackages: true,
  });
}
writeFileSync(join(W, 'out', 'images-index.json'), JSON.stringify(index, null, 2));
for (const i of index) log(`${i.ref}: ${(i.size / 1e6).toFixed(1)} MB`);
