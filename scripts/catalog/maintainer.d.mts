/** Types of maintainer.mjs for the tests. */
export function pycompileSteps(postinst: string): string[];
export function pyEntries(listing: string): string[];
export function maintainerInfo(deb: string): {
  info: string;
  listSize: number;
  effects: string[];
  templates: string;
};
export function pycSizes(debs: string[], paths: string[]): number[];
export function debconfGrowth(
  root: string,
  chroot: (cmd: string) => string,
  templates: Map<string, string>,
): Map<string, [number, number]>;
