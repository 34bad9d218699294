// Every catalog image, bases before the images built on them. Functions are specs made when
// their turn comes (they may ask the npm registry for versions).
import { buildpackDeps, debian } from './debian.mjs';
import { languages } from './languages.mjs';
import { nodes } from './node.mjs';
import { pythons } from './python.mjs';
import { servers } from './servers.mjs';
import { tiny } from './tiny.mjs';

export const IMAGE_SPECS = [
  ...debian,
  ...buildpackDeps,
  ...pythons,
  ...nodes,
  ...servers,
  ...languages,
  ...tiny,
];
