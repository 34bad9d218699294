/**
 * pip's commands that read what is installed: list, freeze, show, uninstall. Installed means a
 * `NAME-VERSION.dist-info` folder in one of the Python's package folders (where pip install
 * puts them here, and where Debian's python3-* packages have theirs).
 */
import type { Shell } from '../state.ts';
import type { Io } from '../types.ts';

interface Installed {
  name: string;
  version: string;
  dir: string;
}

const norm = (n: string) => n.toLowerCase().replace(/[-_.]+/g, '-');

/** Every dist-info under the Python's package folders, by normalised name. */
export function installedDists(sh: Shell, sites: readonly string[]): Map<string, Installed> {
  const out = new Map<string, Installed>();
  for (const dir of sites) {
    let names: string[];
    try {
      names = sh.fs.readdir(dir);
    } catch {
      continue;
    }
    for (const n of names) {
      const m = /^(.+?)-([^-]+)\.dist-info$/.exec(n);
      if (m && !out.has(norm(m[1]!))) out.set(norm(m[1]!), { name: m[1]!, version: m[2]!, dir });
    }
  }
  return out;
}

/** pip list / freeze / show / uninstall; undefined for another command. */
export function pipQuery(
  command: string,
  args: readonly string[],
  io: Io,
  sh: Shell,
  sites: readonly string[],
): number | undefined {
  const all = [...installedDists(sh, sites).values()].sort((a, b) =>
    a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1,
  );
  const named = args.filter((a) => !a.startsWith('-'));
  switch (command) {
    case 'list': {
      const w = Math.max(7, ...all.map((p) => p.name.length));
      const v = Math.max(7, ...all.map((p) => p.version.length));
      io.stdout.write(
        `${'Package'.padEnd(w)} ${'Version'.padEnd(v)}\n${'-'.repeat(w)} ${'-'.repeat(v)}\n` +
          all.map((p) => `${p.name.padEnd(w)} ${p.version}`.trimEnd() + '\n').join(''),
      );
      return 0;
    }
    case 'freeze': {
      // Without --all, freeze leaves out pip's own tools.
      const skip = args.includes('--all')
        ? new Set<string>()
        : new Set(['pip', 'setuptools', 'wheel', 'distribute']);
      io.stdout.write(
        all
          .filter((p) => !skip.has(norm(p.name)))
          .map((p) => `${p.name}==${p.version}\n`)
          .join(''),
      );
      return 0;
    }
    case 'show': {
      if (named.length === 0) {
        io.stderr.write('WARNING: ERROR: Please provide a package name or names.\n');
        return 1;
      }
      const have = installedDists(sh, sites);
      const found = named.map((n) => have.get(norm(n))).filter((p): p is Installed => !!p);
      const missing = named.filter((n) => !have.has(norm(n)));
      io.stdout.write(
        found
          .map((p) => `Name: ${p.name}\nVersion: ${p.version}\nLocation: ${p.dir}\n`)
          .join('---\n'),
      );
      if (missing.length > 0)
        io.stderr.write(`WARNING: Package(s) not found: ${missing.join(', ')}\n`);
      return found.length === 0 ? 1 : 0;
    }
    case 'uninstall': {
      const have = installedDists(sh, sites);
      for (const n of named) {
        const p = have.get(norm(n));
        if (!p) {
          io.stderr.write(`WARNING: Skipping ${n} as it is not installed.\n`);
          continue;
        }
        io.stdout.write(
          `Found existing installation: ${p.name} ${p.version}\nUninstalling ${p.name}-${p.version}:\n  Successfully uninstalled ${p.name}-${p.version}\n`,
        );
        sh.fs.rmdir(`${p.dir}/${p.name}-${p.version}.dist-info`, { recursive: true });
        for (const top of [p.name, p.name.toLowerCase().replace(/-/g, '_')])
          if (sh.fs.exists(`${p.dir}/${top}`)) sh.fs.rmdir(`${p.dir}/${top}`, { recursive: true });
      }
      return 0;
    }
    default:
      return undefined;
  }
}
