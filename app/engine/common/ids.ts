/**
 * IDs as docker prints them by default: the first 12 hex digits, without the `sha256:`
 * algorithm prefix (`docker images` IMAGE ID, `docker ps` CONTAINER ID, a container's hostname,
 * BuildKit's `writing image sha256:…` aside). `--no-trunc` prints the whole ID.
 */

/**
 * @example
 * shortId('sha256:4d3c1e0a9b8f7e6d5c4b3a29181706f5e4d3c2b1a0'); // '4d3c1e0a9b8f'
 * shortId(undefined); // ''
 */
export function shortId(id: string | undefined): string {
  return (id ?? '').replace(/^sha256:/, '').slice(0, 12);
}
