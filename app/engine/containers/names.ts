/** Container names in the style of docker's namesgenerator (`adjective_scientist`). */
const LEFT = [
  'admiring',
  'brave',
  'busy',
  'clever',
  'dazzling',
  'eager',
  'focused',
  'gallant',
  'happy',
  'jolly',
  'keen',
  'lucid',
  'modest',
  'nifty',
  'optimistic',
  'peaceful',
  'quirky',
  'relaxed',
  'sharp',
  'tender',
  'upbeat',
  'vibrant',
  'wizardly',
  'zealous',
];
const RIGHT = [
  'babbage',
  'curie',
  'darwin',
  'einstein',
  'franklin',
  'galileo',
  'hopper',
  'hypatia',
  'johnson',
  'kepler',
  'lamarr',
  'lovelace',
  'meitner',
  'newton',
  'noether',
  'pascal',
  'ritchie',
  'shannon',
  'thompson',
  'turing',
  'wilson',
  'wozniak',
];

/** The n-th generated name; deterministic so sessions and tests replay the same way. */
export function generatedName(n: number, taken: (name: string) => boolean): string {
  for (let i = n; ; i++) {
    const name = `${LEFT[(i * 7) % LEFT.length]}_${RIGHT[(i * 11) % RIGHT.length]}`;
    const candidate = i >= LEFT.length * RIGHT.length ? `${name}${i}` : name;
    if (!taken(candidate)) return candidate;
  }
}
