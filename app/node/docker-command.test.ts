import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dockerCommand, statePath } from './docker-command.ts';

describe('layerlab docker', () => {
  const saved = { cwd: process.cwd(), state: process.env.LAYERLAB_STATE };
  afterEach(() => {
    process.chdir(saved.cwd);
    if (saved.state === undefined) delete process.env.LAYERLAB_STATE;
    else process.env.LAYERLAB_STATE = saved.state;
  });

  it('keeps images between calls in the state file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-'));
    writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\nCOPY a.txt /\n');
    writeFileSync(join(dir, 'a.txt'), 'hi\n');
    process.env.LAYERLAB_STATE = join(dir, 'state.json');
    process.chdir(dir);
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
    expect(await dockerCommand(['build', '-q', '-t', 'app:1', '.'], io)).toBe(0);
    out.length = 0;
    expect(await dockerCommand(['images', '--format', '{{.Repository}}:{{.Tag}}'], io)).toBe(0);
    expect(out.join('')).toBe('app:1\n');
    expect(JSON.parse(readFileSync(statePath(), 'utf8')).version).toBeGreaterThan(0);
  });

  it('loads a docker save from disk and keeps the image for the next call', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-'));
    process.env.LAYERLAB_STATE = join(dir, 'state.json');
    process.chdir(dir);
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
    // The tar is an overlay2 daemon's save, and bfb12219dcc3 is the ID that daemon gave it.
    const tar = join(saved.cwd, 'conformance/load/tiny.overlay2.tar');
    const overlay2 = { store: 'overlay2' } as const;
    expect(await dockerCommand(['load', '-i', tar], io, overlay2)).toBe(0);
    expect(out.join('')).toBe('Loaded image: layerlab/tiny:1\n');
    out.length = 0;
    expect(
      await dockerCommand(['images', '--format', '{{.Repository}}:{{.Tag}} {{.ID}}'], io, overlay2),
    ).toBe(0);
    expect(out.join('')).toBe('layerlab/tiny:1 bfb12219dcc3\n');
    out.length = 0;
    expect(await dockerCommand(['load', '-i', 'missing.tar'], io, overlay2)).toBe(1);
    expect(out.join('')).toBe('open missing.tar: no such file or directory\n');
  });

  it('runs the containerd image store unless told otherwise, and keeps each store apart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-'));
    writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\nCOPY a.txt /\n');
    writeFileSync(join(dir, 'a.txt'), 'hi\n');
    process.env.LAYERLAB_STATE = join(dir, 'state.json');
    process.chdir(dir);
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
    const said = async (argv: string[], store?: 'overlay2' | 'containerd') => {
      out.length = 0;
      expect(await dockerCommand(argv, io, store ? { store } : {})).toBe(0);
      return out.join('');
    };
    await said(['build', '-q', '-t', 'app:1', '.']);
    expect(JSON.parse(readFileSync(statePath(), 'utf8')).store).toBe('containerd');
    // The containerd store names a BuildKit image by its index (the manifest and its provenance
    // attestation), kept as it was made across calls.
    expect(await said(['image', 'inspect', '--format', '{{json .Descriptor}}', 'app:1'])).toMatch(
      /application\/vnd\.oci\.image\.index\.v1\+json/,
    );
    // overlay2 does not see the containerd store's images, as Docker hides them on a switch.
    expect(await said(['images', '-q'], 'overlay2')).toBe('');
    expect(JSON.parse(readFileSync(statePath(), 'utf8')).store).toBe('overlay2');
    await said(['build', '-q', '-t', 'app:2', '.']);
    expect(await said(['images', '--format', '{{.Repository}}:{{.Tag}}'])).toBe('app:2\n');
    // Back to containerd: its images are there again.
    expect(await said(['images', '--format', '{{.Repository}}:{{.Tag}}'], 'containerd')).toBe(
      'app:1\n',
    );
  });

  it('names the stores it knows when asked for another', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-'));
    process.env.LAYERLAB_STATE = join(dir, 'state.json');
    process.env.LAYERLAB_IMAGE_STORE = 'btrfs';
    const err: string[] = [];
    try {
      expect(await dockerCommand(['images'], { out: () => {}, err: (s) => err.push(s) })).toBe(2);
    } finally {
      delete process.env.LAYERLAB_IMAGE_STORE;
    }
    expect(err.join('')).toBe(
      'layerlab: LAYERLAB_IMAGE_STORE: unknown image store "btrfs" (choose containerd or overlay2)\n',
    );
  });

  it('says how to recover from a damaged state file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-'));
    process.env.LAYERLAB_STATE = join(dir, 'state.json');
    writeFileSync(process.env.LAYERLAB_STATE, '{not json');
    const err: string[] = [];
    const code = await dockerCommand(['images'], { out: () => {}, err: (s) => err.push(s) });
    expect(code).toBe(1);
    expect(err.join('')).toMatch(/remove the file to start afresh/);
  });
});
