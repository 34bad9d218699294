import { replaySuite } from './replay-suite.ts';

replaySuite('containerd');
