// `npm start`: install what is missing, build, serve the app and print its URL.
import { ensureDependencies, run } from './setup.mjs';

ensureDependencies();
const built = run('npm', ['run', 'build']);
if (built !== 0) process.exit(built);
const port = process.env.PORT ?? '4173';
console.log(`\nLayerlab is served at http://localhost:${port}/  (Ctrl+C to stop)\n`);
process.exit(
  run('npx', ['vite', 'preview', '--port', port, '--strictPort', '--host', '127.0.0.1']),
);
