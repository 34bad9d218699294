import { replaySuite } from './replay-suite.ts';

replaySuite('overlay2');
