/**
 * What dockerd holds for one learner: the local images and their tags, the build cache, and
 * the registry of images one can pull (seeded from the catalog). The docker CLI layer and the
 * UI both talk to this; it never prints anything itself.
 */
import {
  build as runBuild,
  type BaseImage,
  type BuildResult,
  type Expander,
} from '../build/builder.ts';
import { BuildCache } from '../build/cache.ts';
import { makeContext, type ContextFile } from '../build/context.ts';
import type { BuilderKind } from '../build/events.ts';
import type { BuildPlan } from '../build/steps.ts';
import { EngineError, type Diagnostic } from '../common/diagnostics.ts';
import type { ParseResult } from '../dockerfile/parse.ts';
import type { BuildCheck } from '../dockerfile/rules/index.ts';
import type { Layer, RunConfig } from '../fs/index.ts';
import { ContainerStore } from '../containers/store.ts';
import { checkOnly, checksForBuild, type CheckRun } from './build-checks.ts';
import { PageRegistry } from './registry.ts';
import { chainIds, diffId } from '../fs/index.ts';
import { familiarName, fullName, parseImageRef } from '../images/reference.ts';
import { squashImage } from '../images/squash.ts';
import { ImageStore, type ImageRecord } from '../images/store.ts';
import type { PackageCatalog } from '../shell/index.ts';
import { shortId } from '../common/ids.ts';

/** Turns Dockerfile text into a build plan (the parser's job), or diagnostics. */
export type Planner = (text: string) => {
  plan: BuildPlan | undefined;
  diagnostics: Diagnostic[];
  /** The parse, for BuildKit's build checks (none are run without it). */
  parsed?: ParseResult;
};

export interface EngineOptions {
  planner: Planner;
  expand: Expander;
  catalog: PackageCatalog;
  /** Images a `docker pull` or a FROM can fetch, by reference (`debian:bookworm-slim`). */
  registry: (ref: string) => BaseImage | undefined;
  /** Wall clock in seconds, for CREATED columns (IDs never depend on it). */
  clock: () => number;
}

export interface BuildOptions {
  dockerfile: string;
  dockerfileName?: string;
  files: readonly ContextFile[];
  tags?: string[];
  buildArgs?: Record<string, string>;
  noCache?: boolean;
  target?: string;
  builder?: BuilderKind;
  /** Classic builder only: squash the build's layers into one (`docker build --squash`). */
  squash?: boolean;
}

export interface EngineBuildResult extends BuildResult {
  diagnostics: Diagnostic[];
  /** BuildKit's build checks that fired, as `docker build` reports them (BuildKit builds only). */
  checks: BuildCheck[];
  /** Instructions with an empty continuation line, as the classic builder prints them. */
  emptyContinuations: string[];
  /** Images that lost their tag to this build and are now dangling. */
  dangling: string[];
}

export class Engine {
  readonly images = new ImageStore<Layer, RunConfig>();
  readonly cache = new BuildCache();
  readonly containers = new ContainerStore();
  /** What `docker push` uploaded; `docker pull` looks here before the catalog. */
  readonly pushed = new PageRegistry();
  readonly opts: EngineOptions;
  /** Registry references this engine has fetched (FROM or pull), so a saved state can find them again. */
  readonly pulled = new Set<string>();

  constructor(opts: EngineOptions) {
    this.opts = opts;
  }

  now(): number {
    return this.opts.clock();
  }

  /**
   * Put an image into the local store (pull, build, commit, load). `created` is when it
   * appeared in this engine (seconds), which `docker images` shows; IDs never depend on it.
   */
  addImage(
    record: Omit<ImageRecord<Layer, RunConfig>, 'created'>,
    created = this.now(),
  ): ImageRecord<Layer, RunConfig> {
    return this.images.add({ ...record, created });
  }

  /** A local image by name, else one from the registry (what FROM and COPY --from see). */
  /**
   * `docker build --check`: BuildKit's checks for every stage (or those --target needs); base
   * images are looked up, nothing is built.
   * @example engine.check({ dockerfile: 'FROM debian\nCMD echo hi', files: [] }).checks[0]?.rule
   */
  check(opts: BuildOptions): CheckRun {
    const { diagnostics, parsed } = this.opts.planner(opts.dockerfile);
    if (!parsed) return { checks: [], error: undefined, baseImages: [] };
    return checkOnly({
      parsed,
      diagnostics,
      context: makeContext(opts.files),
      buildArgs: opts.buildArgs ?? {},
      target: opts.target,
      baseConfig: (ref) => this.baseConfig(ref),
    });
  }

  /** A base image's config for the build checks: looked up, never pulled or stored. */
  private baseConfig(ref: string): RunConfig | undefined {
    return (
      this.images.find(ref)?.config ??
      (this.pushed.get(safeFamiliar(ref)) ?? this.opts.registry(ref))?.config
    );
  }

  resolveForBuild(ref: string, builder: BuilderKind): BaseImage | undefined {
    // BuildKit parses the name first: `FROM Builder` (no stage by that exact name) fails here.
    try {
      parseImageRef(ref);
    } catch (e) {
      throw new EngineError(
        'invalid-reference',
        `failed to parse stage name "${ref}": ${(e as Error).message}`,
      );
    }
    const local = this.images.find(ref);
    if (local)
      return {
        ref,
        id: local.id,
        layers: local.layers,
        config: local.config,
        history: local.history,
      };
    const remote = this.pushed.get(safeFamiliar(ref)) ?? this.opts.registry(ref);
    if (remote) this.pulled.add(ref);
    // The classic builder pulls its base into the image store; BuildKit keeps it in its cache.
    if (remote && builder === 'classic') this.storeBase(remote);
    return remote;
  }

  storeBase(base: BaseImage): void {
    if (!this.images.get(base.id)) {
      // A pulled image was created when its publisher built it (its last history entry), as
      // `docker images` shows: "18 months ago", not the moment of the pull.
      const built = Date.parse(base.history.at(-1)?.created ?? '');
      this.addImage(
        {
          id: base.id,
          layers: base.layers,
          config: base.config,
          history: base.history,
          configJson: undefined,
          parent: undefined,
          intermediate: false,
        },
        Number.isFinite(built) && built > 0 ? Math.floor(built / 1000) : this.now(),
      );
    }
    const name = familiarName(parseImageRef(base.ref));
    if (!this.images.find(name)) this.images.tag(base.id, name);
  }

  /**
   * `docker pull`: fetch an image from the registry. Layers whose ChainID is already here
   * print `Already exists`; the rest `Pull complete`.
   * @example engine.pull('debian:bookworm-slim').lines
   */
  pull(name: string): { image: ImageRecord<Layer, RunConfig>; lines: string[] } {
    const ref = parseImageRef(name);
    const familiar = familiarName(ref);
    const remote =
      this.pushed.get(familiar) ?? this.opts.registry(familiar) ?? this.opts.registry(name);
    if (!remote) {
      throw new EngineError(
        'pull-denied',
        `Error response from daemon: pull access denied for ${ref.repository}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
      );
    }
    this.pulled.add(familiar);
    const localChains = new Set<string>();
    for (const image of this.images.all())
      for (const c of chainIds(image.layers.map((l) => diffId(l)))) localChains.add(c);
    const chains = chainIds(remote.layers.map((l) => diffId(l)));
    const tag = ref.tag ?? 'latest';
    const path = fullName(ref)
      .replace(/^[^/]+\//, '')
      .replace(/:[^:]*$/, '');
    const existing = this.images.find(familiar);
    if (existing?.id === remote.id) {
      return {
        image: existing,
        lines: [
          `${tag}: Pulling from ${path}`,
          `Digest: ${remote.id}`,
          `Status: Image is up to date for ${familiar}`,
        ],
      };
    }
    const lines = [`${tag}: Pulling from ${path}`];
    remote.layers.forEach((layer, i) => {
      const short = shortId(diffId(layer));
      lines.push(`${short}: ${localChains.has(chains[i]!) ? 'Already exists' : 'Pull complete'}`);
    });
    lines.push(`Digest: ${remote.id}`, `Status: Downloaded newer image for ${familiar}`);
    this.storeBase({ ...remote, ref: familiar });
    return { image: this.images.resolve(familiar), lines };
  }

  /**
   * `docker push`: upload the layers the registry lacks, by diffID.
   * @example engine.push('me/app:1').lines // ['The push refers to repository [docker.io/me/app]', ...]
   */
  push(name: string): { lines: string[] } {
    const ref = parseImageRef(name);
    const familiar = familiarName(ref);
    const image = this.images.find(familiar);
    if (!image)
      throw new EngineError(
        'no-such-image',
        `An image does not exist locally with the tag: ${ref.repository}`,
      );
    const repo = fullName(ref).replace(/:[^:]*$/, '');
    if (ref.domain === 'docker.io' && !ref.repository.includes('/')) {
      throw new EngineError(
        'push-denied',
        `The push refers to repository [${repo}]\ndenied: requested access to the resource is denied`,
        undefined,
        {
          hint: `Official names like "${ref.repository}" belong to Docker. Tag it under your own name first: docker tag ${familiar} me/${familiar}`,
        },
      );
    }
    const uploaded = this.pushed.push(familiar, {
      ref: familiar,
      id: image.id,
      layers: image.layers,
      config: image.config,
      history: image.history,
    });
    const lines = [`The push refers to repository [${repo}]`];
    for (let i = image.layers.length - 1; i >= 0; i--) {
      lines.push(
        `${shortId(diffId(image.layers[i]!))}: ${uploaded[i] ? 'Pushed' : 'Layer already exists'}`,
      );
    }
    const manifestSize = 400 + 180 * image.layers.length;
    lines.push(`${ref.tag ?? 'latest'}: digest: ${image.id} size: ${manifestSize}`);
    return { lines };
  }

  /**
   * `docker build`: parse, build, store the image (and classic intermediates), move the tags.
   * @example engine.build({ dockerfile: 'FROM debian\nRUN echo hi', files: [], tags: ['app'] })
   */
  build(opts: BuildOptions): EngineBuildResult {
    const { plan, diagnostics, parsed } = this.opts.planner(opts.dockerfile);
    const builder = opts.builder ?? 'buildkit';
    const tags = (opts.tags ?? []).map((t) => familiarName(parseImageRef(t)));
    const context = makeContext(opts.files);
    const lint =
      builder === 'buildkit' && parsed
        ? checksForBuild({
            parsed,
            context,
            buildArgs: opts.buildArgs ?? {},
            target: opts.target,
            baseConfig: (ref) => this.baseConfig(ref),
          })
        : { checks: [], error: undefined };
    const reported = {
      diagnostics,
      checks: lint.checks,
      emptyContinuations:
        builder === 'classic' ? (parsed?.emptyContinuations.map((c) => c.text) ?? []) : [],
    };
    // Values Docker refuses only once it reads the instruction (EXPOSE eighty) fail in the
    // builder, as Docker does; they are not parse errors.
    const refuses = (d: Diagnostic) => d.severity === 'error' && d.when !== 'build';
    if (!plan || diagnostics.some(refuses)) {
      const first = diagnostics.find(refuses);
      return {
        ok: false,
        ...reported,
        dangling: [],
        image: undefined,
        intermediates: [],
        events: [
          {
            type: 'error',
            step: undefined,
            code: first?.code ?? 'parse-error',
            message: `dockerfile parse error on line ${first?.range.start.line ?? 1}: ${first?.docker ?? first?.message ?? 'the Dockerfile could not be read'}`,
            classicMessage: undefined,
            hint: first?.hint,
            range: first?.range,
          },
        ],
      };
    }
    const result = runBuild({
      plan,
      source: opts.dockerfile,
      dockerfileName: opts.dockerfileName ?? 'Dockerfile',
      context,
      builder,
      tags,
      buildArgs: opts.buildArgs ?? {},
      noCache: opts.noCache ?? false,
      target: opts.target,
      resolveImage: (ref) => this.resolveForBuild(ref, builder),
      catalog: this.opts.catalog,
      cache: this.cache,
      expand: this.opts.expand,
      checkError: lint.error,
    });
    const dangling: string[] = [];
    if (result.ok && result.image) {
      for (const im of result.intermediates) {
        this.addImage({
          id: im.id,
          layers: im.layers,
          config: im.config,
          history: im.history,
          configJson: im.configJson,
          parent: im.parent,
          intermediate: true,
        });
      }
      const built = result.image;
      this.addImage({
        id: built.id,
        layers: built.layers,
        config: built.config,
        history: built.history,
        configJson: built.configJson,
        parent: built.parent,
        intermediate: false,
      });
      const img = opts.squash && builder === 'classic' ? this.squash(result) : built;
      for (const tag of tags) {
        const before = this.images.tag(img.id, tag);
        if (before && this.images.isDangling(before)) dangling.push(before);
      }
      if (img !== built) {
        // The tags and `Successfully built` go to the squashed image; the other one stays.
        const events = result.events.map((e) =>
          e.type === 'build-done' ? { ...e, imageId: img.id } : e,
        );
        return { ...result, events, image: img, ...reported, dangling };
      }
    }
    return { ...result, ...reported, dangling };
  }

  /** moby's SquashImage: the final stage's own layers as one layer over its FROM image. */
  private squash(result: BuildResult): NonNullable<BuildResult['image']> {
    const built = result.image!;
    const from = result.events.findLast((e) => e.type === 'step-done' && e.outcome === 'base');
    const baseId = from?.type === 'step-done' ? from.imageId : undefined;
    const base = baseId ? this.images.get(baseId) : undefined;
    const squashed = squashImage(built, base);
    this.addImage({ ...squashed, intermediate: false });
    return squashed;
  }
}

function safeFamiliar(ref: string): string {
  try {
    return familiarName(parseImageRef(ref));
  } catch {
    return ref;
  }
}
