/**
 * The map of ARCHITECTURE.md, checked: one rule per arrow that must never exist, and no import
 * cycles at run time. `npm run lint` runs it (`depcruise app`); a violation fails the lint.
 *
 * Type-only imports (`import type`) are erased before the code runs, so they may cross where a
 * runtime import may not (the UI names engine types; shell types are shared by fs tests).
 */

/**
 * Test files and test helpers (a part's helpers live in its `testing/` folder): they may reach
 * across parts to set a scene up.
 */
const TESTS = '(\\.test\\.tsx?$|/testing/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'A runtime import cycle: the modules cannot be read (or loaded) one after the other. ' +
        'Pass what is needed in (a registry, a callback) instead of importing it back.',
      from: { pathNot: TESTS },
      to: {
        circular: true,
        viaOnly: { dependencyTypesNot: ['type-only'] },
      },
    },
    {
      name: 'engine-not-ui-or-store',
      severity: 'error',
      comment:
        'The engine is pure: it runs in Node, in a worker and in tests without a page. ' +
        'It never imports the UI, the store, the worker or the page entries.',
      from: { path: '^app/engine/' },
      to: { path: '^app/(ui|store|worker|share)/|^app/[^/]+\\.tsx?$' },
    },
    {
      name: 'engine-not-node-host',
      severity: 'error',
      comment:
        'app/node is the Node host (files on disk, the catalog read from public/). The engine ' +
        'never needs it; only its tests and the conformance runner (Node tooling that replays ' +
        'scenarios recorded on real Docker) may load images from disk through it.',
      from: { path: '^app/engine/', pathNot: `${TESTS}|^app/engine/conformance/` },
      to: { path: '^app/node/' },
    },
    {
      name: 'engine-not-browser-libraries',
      severity: 'error',
      comment: 'No React, zustand, motion, CodeMirror or xterm in the engine (ESLint says so too).',
      from: { path: '^app/engine/' },
      to: {
        path: 'node_modules/(react|react-dom|zustand|motion|framer-motion|@codemirror|@xterm|@lezer)/',
      },
    },
    {
      name: 'fs-knows-no-shell-or-build',
      severity: 'error',
      comment:
        'fs is the bottom of the engine: trees, layers, overlay, tar, digests. It knows nothing ' +
        'of the programs that write through it (shell) or of builds, images and containers.',
      from: { path: '^app/engine/fs/', pathNot: TESTS },
      to: { path: '^app/engine/', pathNot: '^app/engine/(fs|common)/' },
    },
    {
      name: 'shell-not-above-it',
      severity: 'error',
      comment:
        'The shell runs programs over an fs it is given; it knows nothing of builds, images, ' +
        'containers, the daemon, the CLI or the session.',
      from: { path: '^app/engine/shell/', pathNot: TESTS },
      to: {
        path: '^app/engine/(build|images|containers|daemon|cli|session|lessons|dockerfile|catalog|analysis|conformance)/',
      },
    },
    {
      name: 'dockerfile-is-syntax-only',
      severity: 'error',
      comment: 'The Dockerfile front end is text in, instructions out: it imports no other part.',
      from: { path: '^app/engine/dockerfile/', pathNot: TESTS },
      to: { path: '^app/engine/', pathNot: '^app/engine/(dockerfile|common)/' },
    },
    {
      name: 'build-knows-no-cli-or-images',
      severity: 'error',
      comment:
        "A build returns events and a result; how docker prints them is the CLI's business, and " +
        "the image store is the daemon's. build never imports cli, images, containers, daemon " +
        'or session.',
      from: { path: '^app/engine/build/', pathNot: TESTS },
      to: { path: '^app/engine/(cli|images|containers|daemon|session|lessons)/' },
    },
    {
      name: 'containers-not-build',
      severity: 'error',
      comment:
        'A container is a writable layer over an image: it needs fs (and the shell to run), not ' +
        'the builder.',
      from: { path: '^app/engine/containers/', pathNot: TESTS },
      to: { path: '^app/engine/(build|cli|daemon|session|lessons)/' },
    },
    {
      name: 'images-not-above-it',
      severity: 'error',
      comment: 'The image store knows layers and references, not the CLI, the daemon or builds.',
      from: { path: '^app/engine/images/', pathNot: TESTS },
      to: { path: '^app/engine/(build|cli|containers|daemon|session|lessons)/' },
    },
    {
      name: 'daemon-not-session-or-cli',
      severity: 'error',
      comment:
        'The daemon (the Engine) is driven by the CLI, the session and the lessons; it never ' +
        'imports them.',
      from: { path: '^app/engine/daemon/', pathNot: TESTS },
      to: { path: '^app/engine/(cli|session|lessons)/' },
    },
    {
      name: 'cli-not-session',
      severity: 'error',
      comment: 'The CLI is docker argv over the daemon; the session uses it, not the reverse.',
      from: { path: '^app/engine/cli/', pathNot: TESTS },
      to: { path: '^app/engine/(session|lessons)/' },
    },
    {
      name: 'store-not-ui',
      severity: 'error',
      comment: 'ui -> store, never the reverse: the store holds state and runs no components.',
      from: { path: '^app/store/' },
      to: { path: '^app/ui/' },
    },
    {
      name: 'ui-imports-store-through-its-index',
      severity: 'error',
      comment:
        "The store's public face is app/store/index.ts (and diagnostics.ts, the editor's, " +
        'kept apart so that embeds do not load the rules); its files are its own business ' +
        '(tests aside).',
      from: { path: '^app/ui/', pathNot: TESTS },
      to: { path: '^app/store/', pathNot: '^app/store/(index|diagnostics)\\.ts$' },
    },
    {
      name: 'ui-never-runs-engine-cli',
      severity: 'error',
      comment:
        'The terminal speaks to the engine through the store and the session; the UI never ' +
        'parses docker command lines itself (types are fine).',
      from: { path: '^app/ui/', pathNot: TESTS },
      to: {
        path: '^app/engine/(cli|daemon|build|containers|images|shell|fs|session)/',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'shipped-code-not-test-helpers',
      severity: 'error',
      comment:
        "A part's testing/ folder holds test helpers (fixtures, in-memory hosts, lesson files " +
        'read from disk); the code that ships never imports them. Conformance is Node tooling ' +
        'that replays recordings over the test images.',
      from: { pathNot: `${TESTS}|^app/engine/conformance/` },
      to: { path: '/testing/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|public|coverage)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
