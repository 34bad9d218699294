import { runShell } from '../index.ts';
import { builtinCatalog } from '../packages/builtin.ts';
import type { ShellContext, ShellResult } from '../types.ts';
import { MemoryFs } from './memory-fs.ts';

/** A small Debian-like root: /etc/passwd and /etc/group, /tmp, /root, apt's dirs and binaries. */
export function debianFs(limit = Infinity): MemoryFs {
  const fs = new MemoryFs(limit);
  fs.put(
    '/etc/passwd',
    'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n',
  );
  fs.put('/etc/group', 'root:x:0:\ndaemon:x:1:\nusers:x:100:\nnogroup:x:65534:\n');
  fs.put('/etc/hostname', 'buildkitsandbox\n');
  for (const d of [
    '/tmp',
    '/root',
    '/home',
    '/var/lib/apt/lists',
    '/var/lib/dpkg',
    '/var/cache/apt',
    '/usr/local/bin',
    '/usr/sbin',
    '/bin',
    '/usr/bin',
  ]) {
    fs.mkdir(d, { recursive: true });
  }
  fs.chmod('/tmp', 0o1777);
  fs.put('/var/lib/dpkg/status', '');
  for (const b of ['/usr/bin/apt-get', '/usr/bin/apt', '/usr/bin/dpkg', '/bin/bash', '/bin/dash']) {
    fs.put(b, '', 0o755);
  }
  fs.symlink('dash', '/bin/sh');
  return fs;
}

export interface Run extends ShellResult {
  fs: MemoryFs;
}

/** Runs a script as root in `/` over a fresh Debian-like fs (or the one given). */
export function sh(script: string, opts: Partial<ShellContext> & { fs?: MemoryFs } = {}): Run {
  const fs = opts.fs ?? debianFs();
  const r = runShell(script, {
    env: {},
    cwd: '/',
    user: { uid: 0, gid: 0, name: 'root' },
    catalog: builtinCatalog,
    ...opts,
    fs,
  });
  // Tests fail loudly on a simulator bug instead of reading a status 1.
  if (r.internalError !== undefined) throw new Error(r.internalError);
  return { ...r, fs };
}
