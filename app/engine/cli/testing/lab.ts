/**
 * Test helper for the docker commands: an engine on the tiny test base, a workspace of files
 * that `docker cp` and `docker build` read and that written files land in.
 */
import type { ContextFile } from '../../build/context.ts';
import { resolveTestImage, simpleExpand } from '../../build/testing/fixtures.ts';
import type { BuildPlan } from '../../build/steps.ts';
import { Engine } from '../../daemon/engine.ts';
import { builtinCatalog } from '../../shell/packages/builtin.ts';
import { runDocker } from '../docker.ts';
import type { CliHost } from '../types.ts';
import type { ImageStoreKind } from '../../images/stores.ts';

export function lab(
  plans: Record<string, BuildPlan>,
  files: ContextFile[] = [],
  opts: { store?: ImageStoreKind } = {},
) {
  let now = 1000;
  let dockerfile = Object.keys(plans)[0] ?? '';
  const workspace = new Map<string, ContextFile>(files.map((f) => [f.path, f]));
  const env: Record<string, string> = {};
  const engine = new Engine({
    planner: (t) => ({ plan: plans[t], diagnostics: [] }),
    expand: simpleExpand,
    catalog: builtinCatalog,
    registry: resolveTestImage,
    clock: () => now,
    ...opts,
  });
  const host: CliHost = {
    readContext: () => ({
      files: [...workspace.values()],
      dockerfile,
      dockerfileName: 'Dockerfile',
    }),
    writeFile: (path, data) => workspace.set(path, { path, content: data }),
    openFile: (path) => {
      const f = workspace.get(path);
      if (!f) return undefined;
      const bytes = typeof f.content === 'string' ? new TextEncoder().encode(f.content) : f.content;
      // In pieces, as a file is read from disk.
      return (function* () {
        for (let at = 0; at < bytes.length; at += 65536) yield bytes.subarray(at, at + 65536);
      })();
    },
    env,
  };
  return {
    engine,
    env,
    workspace,
    /** The text of a workspace file, or undefined. */
    text: (path: string) => {
      const f = workspace.get(path);
      return f === undefined
        ? undefined
        : typeof f.content === 'string'
          ? f.content
          : new TextDecoder().decode(f.content);
    },
    docker: (...argv: string[]) => runDocker(engine, argv, host),
    use: (d: string) => (dockerfile = d),
    tick: (s: number) => (now += s),
  };
}
