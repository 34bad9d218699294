/**
 * Test helpers: a tiny base image and a minimal expander, so builder tests do not depend on
 * the catalog or the parser.
 */
import { layerFromEntries, type Layer } from '../../fs/index.ts';
import type { BaseImage, Expander } from '../builder.ts';

export const baseLayer: Layer = layerFromEntries([
  { path: '/bin', type: 'dir' },
  { path: '/bin/sh', type: 'file', size: 125_560, mode: 0o755 },
  { path: '/etc', type: 'dir' },
  {
    path: '/etc/passwd',
    type: 'file',
    data: 'root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n',
  },
  { path: '/etc/group', type: 'file', data: 'root:x:0:\nnogroup:x:65534:\n' },
  { path: '/etc/apt', type: 'dir' },
  {
    path: '/etc/apt/sources.list',
    type: 'file',
    data: 'deb http://deb.debian.org/debian bookworm main\n',
  },
  { path: '/tmp', type: 'dir', mode: 0o1777 },
  { path: '/usr', type: 'dir' },
  { path: '/usr/bin', type: 'dir' },
  { path: '/var', type: 'dir' },
  { path: '/var/lib', type: 'dir' },
  { path: '/var/lib/apt', type: 'dir' },
  { path: '/var/lib/apt/lists', type: 'dir' },
  { path: '/var/lib/dpkg', type: 'dir' },
  { path: '/var/lib/dpkg/status', type: 'file', data: '' },
]);

export const testBase: BaseImage = {
  ref: 'debian:bookworm-slim',
  id: 'sha256:' + 'b'.repeat(64),
  layers: [baseLayer],
  config: {
    Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    Cmd: ['bash'],
  },
  history: [
    { created: '2024-01-01T00:00:00Z', created_by: '# debian.sh --arch amd64 out/ bookworm' },
  ],
};

export const resolveTestImage = (ref: string): BaseImage | undefined =>
  ref === 'debian:bookworm-slim' || ref === 'debian' ? testBase : undefined;

/** `$V`, `${V}`, `${V:-x}` only: enough for builder tests. */
export const simpleExpand: Expander = (text, vars) => {
  const used: string[] = [];
  const value = text.replace(
    /\$\{(\w+)(?::-([^}]*))?\}|\$(\w+)/g,
    (_m, a?: string, def?: string, b?: string) => {
      const name = (a ?? b)!;
      used.push(name);
      return vars.get(name) ?? def ?? '';
    },
  );
  return { value, used };
};
