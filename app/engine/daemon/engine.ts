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
import { pullImage, pushImage } from './distribution.ts';
import { configJsonOf, layerBlob, pushedBlobs, registryBlobs, registryDigest } from './blobs.ts';
import { imageBlobs, topDescriptor, type BlobOptions, type ImageBlobs } from '../images/oci.ts';
import { familiarName, parseImageRef } from '../images/reference.ts';
import { keepBuild } from './keep-build.ts';
import { missingImageError, type MissingImage } from '../catalog/answers.ts';
import { ImageStore, type ImageRecord } from '../images/store.ts';
import type { ImageStoreKind } from '../images/stores.ts';
import type { PackageCatalog } from '../shell/index.ts';

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
  /**
   * Why the registry has no image by that name (a real one the offline lab lacks, a tag or a
   * repository Docker Hub does not have), with the closest image it has. Without it, a missing
   * name fails as a repository that does not exist.
   */
  explain?: (ref: string) => MissingImage | undefined;
  /** Wall clock in seconds, for CREATED columns (IDs never depend on it). */
  clock: () => number;
  /** Which image store the daemon runs with (default overlay2, Docker 28.5's). */
  store?: ImageStoreKind;
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
  /** BuildKit: attach a provenance attestation (default true; matters to the containerd store). */
  provenance?: boolean;
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
  /** containerd store: each image's content (config, blobs, manifest, index), by image ID. */
  readonly contents = new Map<string, ImageBlobs>();
  /** How each image's content was made (an index, a provenance attestation), for a saved lab. */
  readonly contentOptions = new Map<string, BlobOptions>();
  /** What `docker push` uploaded; `docker pull` looks here before the catalog. */
  readonly pushed = new PageRegistry();
  readonly opts: EngineOptions;
  /** Registry references this engine has fetched (FROM or pull), so a saved state can find them again. */
  readonly pulled = new Set<string>();
  /**
   * The daemon's experimental mode (`"experimental": true` in daemon.json): off by default, as
   * in Docker; the legacy builder's `--squash` needs it.
   */
  experimental = false;

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
    content: BlobOptions = {},
  ): ImageRecord<Layer, RunConfig> {
    if (this.store !== 'containerd') return this.images.add({ ...record, created });
    // The containerd store keeps the image as content (config, layer blobs, manifest, maybe an
    // index and an attestation) and names it by the digest of the top one.
    const blobs = imageBlobs(configJsonOf(record), record.layers.map(layerBlob), content);
    const id = topDescriptor(blobs).digest;
    if (!this.contents.has(id)) {
      this.contents.set(id, blobs);
      this.contentOptions.set(id, content);
    }
    return this.images.add({ ...record, id, created });
  }

  /**
   * containerd store: an image restored from a saved lab gets its content back as it was made
   * (the same index and attestation, so the same digests and sizes).
   */
  restoreContent(image: ImageRecord<Layer, RunConfig>, content: BlobOptions): void {
    this.contents.set(
      image.id,
      imageBlobs(configJsonOf(image), image.layers.map(layerBlob), content),
    );
    this.contentOptions.set(image.id, content);
  }

  /**
   * containerd store: the content an image is (kept when it was stored; an image restored from
   * a saved lab gets its manifest again).
   */
  contentOf(image: ImageRecord<Layer, RunConfig>): ImageBlobs {
    return (
      this.contents.get(image.id) ??
      imageBlobs(configJsonOf(image), image.layers.map(layerBlob), {})
    );
  }

  /**
   * containerd store: `repo@sha256:…` also names an image tagged in `repo` whose own digest
   * (its ID) that is, as its RepoDigests say.
   */
  findByOwnDigest(name: string): ImageRecord<Layer, RunConfig> | undefined {
    if (this.store !== 'containerd') return undefined;
    let ref;
    try {
      ref = parseImageRef(name);
    } catch {
      return undefined;
    }
    const image = ref.digest ? this.images.get(ref.digest) : undefined;
    return image && this.images.tagsOf(image.id).some((t) => t.startsWith(`${ref.repository}:`))
      ? image
      : undefined;
  }

  /** The ID a registry image gets in this daemon's store (pull, FROM with the classic builder). */
  localIdOf(remote: BaseImage, pushed?: BlobOptions): string {
    if (this.store !== 'containerd') return remote.id;
    return registryDigest(pushed ? pushedBlobs(remote, pushed) : registryBlobs(remote));
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
      missing: (ref) => this.opts.explain?.(ref)?.buildkit,
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
    if (remote && builder === 'classic') return { ...remote, id: this.storeBase(remote) };
    return remote;
  }

  /**
   * Keep a registry image in the local store, tagged with its name unless `tag` is false.
   * Returns its ID there.
   */
  storeBase(base: BaseImage, tag = true, pushed?: BlobOptions): string {
    let id = this.localIdOf(base, pushed);
    if (!this.images.get(id)) {
      // A pulled image was created when its publisher built it (its last history entry), as
      // `docker images` shows: "18 months ago", not the moment of the pull.
      const built = Date.parse(base.history.at(-1)?.created ?? '');
      id = this.addImage(
        {
          id: base.id,
          layers: base.layers,
          config: base.config,
          history: base.history,
          configJson: base.configJson,
          parent: undefined,
          intermediate: false,
        },
        Number.isFinite(built) && built > 0 ? Math.floor(built / 1000) : this.now(),
        pushed ?? { index: true },
      ).id;
    }
    const name = familiarName(parseImageRef(base.ref));
    if (tag && this.images.find(name)?.id !== id) this.images.tag(id, name);
    return id;
  }

  /** `docker pull`; see distribution.ts. */
  pull(name: string): ReturnType<typeof pullImage> {
    return pullImage(this, name);
  }

  /** `docker push`; see distribution.ts. */
  push(name: string): ReturnType<typeof pushImage> {
    return pushImage(this, name);
  }

  /** The daemon's image store: overlay2 unless the engine was made with the containerd store. */
  get store(): ImageStoreKind {
    return this.opts.store ?? 'overlay2';
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
            switchTo: undefined,
            imageRange: undefined,
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
      explainMissing: (ref) => {
        const m = this.opts.explain?.(ref);
        return m ? missingImageError(m) : undefined;
      },
      catalog: this.opts.catalog,
      cache: this.cache,
      expand: this.opts.expand,
      checkError: lint.error,
    });
    const kept = keepBuild(this, result, opts, tags);
    return { ...kept.result, ...reported, dangling: kept.dangling };
  }
}

function safeFamiliar(ref: string): string {
  try {
    return familiarName(parseImageRef(ref));
  } catch {
    return ref;
  }
}
