import { describe, expect, it } from 'vitest';
import { readTar } from '../fs/index.ts';
import { sha256Digest } from '../fs/index.ts';
import { builtinCatalog } from '../shell/packages/builtin.ts';
import { Engine } from '../daemon/engine.ts';
import { resolveTestImage, simpleExpand } from '../build/testing/fixtures.ts';
import { cmd, copy, env, from, plan, run, workdir } from '../build/testing/steps.ts';
import type { ContextFile } from '../build/context.ts';
import { runDocker } from './docker.ts';
import type { CliHost } from './types.ts';

const PLANS = {
  app: plan([
    from('debian:bookworm-slim'),
    workdir('/app'),
    copy(['a.txt'], '.'),
    env('A', '1'),
    run('echo built > /app/out'),
    cmd(['cat', '/app/out']),
  ]),
};

function setup() {
  let now = 1_000_000;
  const engine = new Engine({
    planner: (text) => ({ plan: text === 'app' ? PLANS.app : undefined, diagnostics: [] }),
    expand: simpleExpand,
    catalog: builtinCatalog,
    registry: resolveTestImage,
    clock: () => now,
  });
  const files: ContextFile[] = [{ path: 'a.txt', content: 'hello\n' }];
  const written = new Map<string, Uint8Array>();
  const env: Record<string, string | undefined> = {};
  const host: CliHost = {
    readContext: () => ({ files, dockerfile: 'app', dockerfileName: 'Dockerfile' }),
    writeFile: (p, d) => written.set(p, d),
    env,
  };
  const docker = (line: string) => runDocker(engine, line.split(' '), host);
  return { engine, docker, files, written, env, tick: (s: number) => (now += s) };
}

describe('docker CLI', () => {
  it('builds, lists and shows history in docker formats', () => {
    const { docker, tick } = setup();
    const b = docker('build -t app:1 .');
    expect(b.exitCode).toBe(0);
    expect(b.stderr).toMatch(/#\d+ \[2\/4\] WORKDIR \/app\n#\d+ DONE 0\.0s/);
    expect(b.stderr).toMatch(/naming to docker\.io\/library\/app:1 done/);
    tick(120);
    const list = docker('images');
    expect(list.stdout).toMatch(
      /^REPOSITORY {3}TAG {7}IMAGE ID {7}CREATED {9}SIZE\napp {10}1 {9}[0-9a-f]{12} {3}2 minutes ago {3}\d+\.?\d*kB\n$/,
    );
    const h = docker('history app:1');
    const lines = h.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^IMAGE {10}CREATED {9,}CREATED BY {38}SIZE {6}COMMENT$/);
    expect(lines[1]).toMatch(
      /^[0-9a-f]{12} {3}.* {3}CMD \["cat" "\/app\/out"\] .*0B {8}buildkit\.dockerfile\.v0$/,
    );
    expect(lines[2]).toMatch(
      /^<missing> .*RUN \/bin\/sh -c echo built > \/app\/out # build… {3}6B/,
    );
    expect(docker('history --format {{.CreatedBy}} app:1').stdout.split('\n')[0]).toBe(
      'CMD ["cat" "/app/out"]',
    );
  });

  it('leaves the old image dangling when a tag moves, and rmi/prune clean up', () => {
    const { docker, files } = setup();
    docker('build -t app .');
    files[0] = { path: 'a.txt', content: 'changed\n' };
    docker('build -t app .');
    const list = docker('images').stdout;
    expect(list).toMatch(/\n<none> {7}<none> {4}[0-9a-f]{12}/);
    expect(docker('image prune').exitCode).toBe(1);
    const pruned = docker('image prune -f');
    expect(pruned.stdout).toMatch(
      /^Deleted Images:\ndeleted: sha256:[0-9a-f]{64}\n\nTotal reclaimed space: /,
    );
    expect(docker('images -q').stdout.trim().split('\n')).toHaveLength(1);
    docker('tag app app:v2');
    expect(docker('rmi app:v2').stdout).toBe('Untagged: app:v2\n');
    const gone = docker('rmi app');
    expect(gone.stdout).toMatch(/^Untagged: app:latest\nDeleted: sha256:/);
    expect(docker('rmi app').stderr).toBe('Error: No such image: app\n');
  });

  it('inspects with --format and prints JSON otherwise', () => {
    const { docker } = setup();
    docker('build -t app .');
    expect(docker('inspect --format {{.Config.WorkingDir}} app').stdout).toBe('/app\n');
    const json = JSON.parse(docker('image inspect app').stdout) as {
      RootFS: { Layers: string[] };
      Config: { Env: string[] };
    }[];
    expect(json[0]!.RootFS.Layers).toHaveLength(4);
    expect(json[0]!.Config.Env).toContain('A=1');
    const missing = docker('inspect nope');
    expect(missing).toMatchObject({
      exitCode: 1,
      stdout: '[]\n',
      stderr: 'Error: No such object: nope\n',
    });
  });

  it('saves a docker-archive whose layer tars hash to the diffIDs', () => {
    const { docker, written } = setup();
    docker('build -t app .');
    expect(docker('save -o app.tar app').exitCode).toBe(0);
    const entries = readTar(written.get('app.tar')!);
    const manifest = JSON.parse(
      new TextDecoder().decode(entries.find((e) => e.name === 'manifest.json')!.data),
    ) as { Config: string; Layers: string[]; RepoTags: string[] }[];
    expect(manifest[0]!.RepoTags).toEqual(['app:latest']);
    const config = JSON.parse(
      new TextDecoder().decode(entries.find((e) => e.name === manifest[0]!.Config)!.data),
    ) as { rootfs: { diff_ids: string[] } };
    const layerHashes = manifest[0]!.Layers.map((p) =>
      sha256Digest(entries.find((e) => e.name === p)!.data),
    );
    expect(layerHashes.slice(1)).toEqual(config.rootfs.diff_ids.slice(1));
  });

  it('uses the classic builder with DOCKER_BUILDKIT=0', () => {
    const { docker, env } = setup();
    env.DOCKER_BUILDKIT = '0';
    const b = docker('build -t app .');
    expect(b.stdout).toMatch(/^Sending build context to Docker daemon/);
    expect(b.stdout).toMatch(/Step 2\/6 : WORKDIR \/app\n ---> Running in [0-9a-f]{12}\n/);
    expect(
      docker('images -a')
        .stdout.split('\n')
        .filter((l) => l.startsWith('<none>')).length,
    ).toBeGreaterThan(0);
  });

  it('answers usage mistakes in docker words', () => {
    const { docker } = setup();
    expect(docker('build').stderr).toMatch(
      /^"docker build" requires exactly 1 argument\.\nSee 'docker build --help'\./,
    );
    expect(docker('frobnicate').stderr).toBe(
      "docker: 'frobnicate' is not a docker command.\nSee 'docker --help'\n",
    );
    const bogus = docker('images --bogus');
    expect(bogus.stderr).toBe("unknown flag: --bogus\nSee 'docker images --help'.\n");
    // docker/cli's FlagErrorFunc: a flag error exits 125; a command it does not know exits 1.
    expect(bogus.exitCode).toBe(125);
    expect(docker('frobnicate').exitCode).toBe(1);
    expect(docker('tag nope x').stderr).toBe(
      'Error response from daemon: No such image: nope:latest\n',
    );
  });
});
