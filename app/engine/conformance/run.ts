/**
 * Run one conformance scenario against a docker CLI (real Docker in the recorder, Layerlab's
 * headless CLI in the replay test) and turn what it printed into comparable records.
 * Node only: the scenario's context is a real folder that the edit steps change.
 */
import {
  chmodSync,
  cpSync,
  mkdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { imageRecord, saveRecord } from './archive.ts';
import { buildResult } from './build-log.ts';
import { commandResult, outputLines, type StepResult } from './normalise.ts';
import { parseSteps, type Builder, type Scenario } from './steps.ts';

export interface CliOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** A docker CLI: argv (without `docker`), run in `cwd` with the chosen builder. */
export type DockerCli = (
  argv: string[],
  cwd: string,
  builder: Builder,
) => CliOutput | Promise<CliOutput>;

export const BASE_REF = 'debian:bookworm-slim';

export function loadScenario(dir: string, name: string): Scenario {
  return parseSteps(name, readFileSync(join(dir, name, 'steps'), 'utf8'));
}

/** The first `-t` of a build command line. */
function tagOf(argv: readonly string[]): string | undefined {
  const at = argv.findIndex((a) => a === '-t' || a === '--tag');
  return at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--tag='))?.slice(6);
}

const isBuild = (argv: readonly string[]) =>
  argv[0] === 'build' || ((argv[0] === 'image' || argv[0] === 'builder') && argv[1] === 'build');

/** Insert `--progress=plain` after `build` for BuildKit, so its steps are printed line by line. */
function withProgress(argv: string[], builder: Builder): string[] {
  if (builder !== 'buildkit' || argv.some((a) => a.startsWith('--progress'))) return argv;
  const at = argv.indexOf('build') + 1;
  return [...argv.slice(0, at), '--progress=plain', ...argv.slice(at)];
}

async function saved(docker: DockerCli, ref: string, work: string, builder: Builder) {
  const file = join(work, '..', `save-${process.pid}.tar`);
  const r = await docker(['save', '-o', file, ref], work, builder);
  if (r.exitCode !== 0) throw new Error(`docker save ${ref} failed: ${r.stderr.trim()}`);
  const data = new Uint8Array(readFileSync(file));
  rmSync(file, { force: true });
  return data;
}

/** The base image's shape per docker CLI: it never changes while a recorder runs. */
const shapes = new WeakMap<DockerCli, Promise<{ layers: number; history: number }>>();

/** How many layers and history entries the base image has: they are left out of @image. */
function baseShape(docker: DockerCli, work: string, builder: Builder) {
  let shape = shapes.get(docker);
  if (!shape) {
    shape = readBaseShape(docker, work, builder);
    shapes.set(docker, shape);
  }
  return shape;
}

async function readBaseShape(docker: DockerCli, work: string, builder: Builder) {
  const h = await docker(['history', '-q', BASE_REF], work, builder);
  if (h.exitCode !== 0) throw new Error(`docker history ${BASE_REF} failed: ${h.stderr.trim()}`);
  const tar = await saved(docker, BASE_REF, work, builder);
  const all = imageRecord(tar, { layers: 0, history: 0 }, '');
  return { layers: all.layers.length, history: h.stdout.trim().split('\n').length };
}

/**
 * Copy the scenario's folder (without `steps`) to `work` and run every step there.
 * @example await runScenario('conformance/scenarios', scenario, 'classic', cli, '/tmp/w/ctx')
 */
export async function runScenario(
  scenariosDir: string,
  scenario: Scenario,
  builder: Builder,
  docker: DockerCli,
  work: string,
): Promise<StepResult[]> {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(join(scenariosDir, scenario.name), work, {
    recursive: true,
    filter: (src) => !src.endsWith(`${scenario.name}/steps`),
  });
  let base: { layers: number; history: number } | undefined;
  const results: StepResult[] = [];
  let clock = 1_700_000_000;
  for (const s of scenario.steps) {
    const path = s.kind === 'docker' ? '' : join(work, s.path);
    switch (s.kind) {
      case 'docker': {
        const argv = isBuild(s.argv) ? withProgress(s.argv, builder) : s.argv;
        const r = await docker(argv, work, builder);
        if (!isBuild(s.argv)) {
          results.push(commandResult(s.line, s.argv, r));
          continue;
        }
        const result = buildResult(s.line, builder, r);
        const built = /^Successfully built ([0-9a-f]{12})$/m.exec(r.stdout)?.[1];
        const tag = tagOf(s.argv);
        if (result.kind === 'build' && built && tag) {
          const id = await docker(['image', 'inspect', '--format', '{{.Id}}', tag], work, builder);
          result.builtId = id.stdout
            .trim()
            .replace(/^sha256:/, '')
            .startsWith(built)
            ? 'tagged'
            : 'other';
        }
        results.push(result);
        continue;
      }
      case 'write':
        mkdirSync(join(path, '..'), { recursive: true });
        // Like an editor saving in place: an existing file keeps its mode.
        writeFileSync(path, s.text);
        break;
      case 'touch':
        clock += 60;
        utimesSync(path, clock, clock);
        break;
      case 'chmod':
        chmodSync(path, s.mode);
        break;
      case 'rm':
        rmSync(path, { recursive: true });
        break;
      case 'cp':
        cpSync(path, join(work, s.to));
        break;
      case 'cat':
        results.push({ line: s.line, kind: 'cat', content: outputLines(readText(path)) });
        continue;
      case 'save': {
        try {
          const tar = await saved(docker, s.path, work, builder);
          results.push({ line: s.line, kind: 'save', save: saveRecord(tar) });
        } catch (e) {
          results.push({ line: s.line, kind: 'save', error: scrubError(e) });
        }
        continue;
      }
      case 'image': {
        base ??= await baseShape(docker, work, builder);
        const h = await docker(
          ['history', '--no-trunc', '--human=false', '--format', '{{.Size}}', s.path],
          work,
          builder,
        );
        if (h.exitCode !== 0) {
          results.push({ line: s.line, kind: 'image', error: outputLines(h.stderr).join('\n') });
          continue;
        }
        const tar = await saved(docker, s.path, work, builder);
        results.push({ line: s.line, kind: 'image', image: imageRecord(tar, base, h.stdout) });
        continue;
      }
    }
    results.push({ line: s.line, kind: 'edit' });
  }
  return results;
}

const scrubError = (e: unknown) => outputLines((e as Error).message).join('\n');

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '<missing>';
  }
}
