/**
 * Bring a saved container back: a fresh writable layer over its image, into which the saved
 * diff is replayed (writes, deletes, modes, owners), so `docker diff` and `docker ps -s` read
 * as before the save.
 */
import type { DirNode, Layer, RecordingOverlay, RunConfig } from '../fs/index.ts';
import type { ImageRecord } from '../images/store.ts';
import { createContainer, type Container } from './container.ts';
import type { ContainerPort } from './ports.ts';

/**
 * What a container is, apart from its view of the image and its writable layer. `ports` is
 * absent in labs saved before ports were kept.
 */
export type ContainerMeta = Omit<Container, 'lower' | 'rw' | 'ports'> & { ports?: ContainerPort[] };

export function containerMeta(c: Container): ContainerMeta {
  const { lower: _lower, rw: _rw, ...meta } = c;
  return {
    ...meta,
    argv: [...c.argv],
    env: [...c.env],
    ports: c.ports.map((p) => ({ ...p })),
  };
}

function kindAt(fs: RecordingOverlay, path: string): 'file' | 'dir' | 'symlink' | undefined {
  try {
    return fs.lstat(path).type;
  } catch {
    return undefined;
  }
}

function remove(fs: RecordingOverlay, path: string): void {
  const kind = kindAt(fs, path);
  if (kind === 'dir') fs.rmdir(path, { recursive: true });
  else if (kind !== undefined) fs.unlink(path);
}

/** Apply a layer diff to an overlay through its ordinary calls, so the overlay records it. */
export function replayLayer(fs: RecordingOverlay, root: DirNode): void {
  const firstPath = new Map<number, string>();
  const visit = (dir: DirNode, prefix: string) => {
    for (const [name, node] of dir.children) {
      const path = `${prefix}/${name}`;
      if (node.type === 'whiteout') {
        remove(fs, path);
      } else if (node.type === 'dir') {
        if (node.opaque || kindAt(fs, path) !== 'dir') {
          remove(fs, path);
          fs.mkdir(path, { mode: node.mode });
        }
        const st = fs.lstat(path);
        if (st.mode !== node.mode) fs.chmod(path, node.mode);
        if (st.uid !== node.uid || st.gid !== node.gid) fs.chown(path, node.uid, node.gid);
        visit(node, path);
      } else if (node.type === 'symlink') {
        remove(fs, path);
        fs.symlink(node.target, path);
      } else {
        const linked = node.ino !== undefined ? firstPath.get(node.ino) : undefined;
        if (linked !== undefined) {
          remove(fs, path);
          fs.link(linked, path);
          continue;
        }
        if (node.ino !== undefined && (node.nlink ?? 1) > 1) firstPath.set(node.ino, path);
        if (kindAt(fs, path) === 'symlink') fs.unlink(path);
        if (node.data) fs.writeFile(path, node.data, { mode: node.mode });
        else
          fs.writeSizedFile(path, node.size, {
            mode: node.mode,
            ...(node.digest !== undefined ? { digest: node.digest } : {}),
          });
        const st = fs.lstat(path);
        if (st.mode !== node.mode) fs.chmod(path, node.mode);
        if (st.uid !== node.uid || st.gid !== node.gid) fs.chown(path, node.uid, node.gid);
      }
    }
  };
  visit(root, '');
}

/** A container as it was saved: its image's layers shared, its writable layer replayed. */
export function restoreContainer(meta: ContainerMeta, lower: Layer[], writable: Layer): Container {
  // The container keeps its layers even when `rmi -f` took its image away, so they are saved
  // with it; its own argv, env and user are saved too, so the image config is not needed.
  const image: ImageRecord<Layer, RunConfig> = {
    id: meta.image,
    layers: lower,
    config: {},
    history: [],
    configJson: undefined,
    parent: undefined,
    created: meta.created,
    intermediate: false,
  };
  const c = createContainer(
    meta.id,
    image,
    meta.imageName,
    meta.name,
    {
      name: meta.name,
      // The saved argv is final: no image ENTRYPOINT is put in front of it again.
      command: meta.argv,
      entrypoint: '',
      env: [],
      workdir: meta.workdir,
      user: meta.user,
      autoRemove: meta.autoRemove,
    },
    meta.created,
  );
  replayLayer(c.rw, writable.root);
  return Object.assign(c, {
    ...meta,
    argv: [...meta.argv],
    env: [...meta.env],
    ports: (meta.ports ?? []).map((p) => ({ ...p })),
  });
}
