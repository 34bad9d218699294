#!/usr/bin/env node
// Headless Layerlab: runs app/cli.ts through tsx so no build step is needed.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../app/cli.ts');
process.exitCode = await main(process.argv.slice(2));
