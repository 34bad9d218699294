/** The `docker load` line the lab runs for a brought file, and what it says it loaded. */

/** A file name as one shell word (quoted when it has spaces or quotes). */
export function shellWord(name: string): string {
  return /^[\w.@%+=:,/-]+$/.test(name) ? name : `'${name.replace(/'/g, `'\\''`)}'`;
}

/**
 * The images `docker load` printed: `Loaded image: NAME` or `Loaded image ID: sha256:…`.
 * @example loadedImages('Loaded image: layerlab/bb:1\n') // ['layerlab/bb:1']
 */
export function loadedImages(stdout: string): string[] {
  return [...stdout.matchAll(/^Loaded image(?: ID)?: (\S+)$/gm)].map((m) => m[1]!);
}
