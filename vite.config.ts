import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { strings } from './app/ui/strings.ts';

/**
 * The Content-Security-Policy of the built pages: scripts only from our own origin (no inline
 * script, no eval, no remote code); styles inline too (CodeMirror and motion set them).
 * Not in dev, where Vite injects an inline script for hot reload.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' https:", // lesson files previewed from an https URL (read as text)
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'layerlab-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
        injectTo: 'head-prepend',
      },
    ],
  };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * The lab page paints before any script runs: index.html carries the header (the product's
 * name and tagline, from the strings table) and the lab's frame with the editor's panel,
 * styled by the stylesheets the page links. The app replaces them when it renders, in the
 * same place.
 */
function firstPaintShell(): Plugin {
  // The editor's panel as the app draws it (Panel, Workspace), hidden: main.tsx shows it with
  // the saved Dockerfile in it, editable, before the app has loaded (app/ui/editor/early.ts);
  // a lesson, a shared link or presenter mode opens with another layout, and leaves it hidden.
  const editorFrame =
    `<div class="lab-col lab-work" data-early-frame hidden><section class="panel panel-editor" aria-labelledby="early-editor-heading">` +
    `<header class="panel-header"><h2 id="early-editor-heading" class="panel-title">${escapeHtml(strings.editor.heading)}</h2></header>` +
    `<div class="panel-body"><div class="editor-column"><div class="file-tabs"><div class="tabs-row"><div class="tabs"><span class="tab on" aria-hidden="true">Dockerfile</span></div></div></div>` +
    `<div class="editor-column" data-early-editor data-label="${escapeHtml(strings.editor.placeholderLabel)}"></div>` +
    `</div></div></section></div>`;
  return {
    name: 'layerlab-first-paint',
    transformIndexHtml: {
      order: 'pre',
      handler: (html, ctx) =>
        ctx.filename.endsWith('index.html')
          ? html.replace(
              '<div id="root"></div>',
              `<div id="root"><div class="app" aria-busy="true"><header class="app-header"><div class="app-title"><h1>${escapeHtml(strings.productName)}</h1><p class="tagline">${escapeHtml(strings.tagline)}</p></div></header><main class="lab">${editorFrame}</main></div></div>`,
            )
          : html,
    },
  };
}

/**
 * The catalog files worth caching on install, so a lab works offline after a first visit: the
 * index and Docker Hub's tags, the package lists, and the images the starters and lessons name
 * (with their bases). Other images (a full python is megabytes) are cached when first fetched.
 */
function catalogToPrecache(outDir: string): (file: string) => boolean {
  const dir = join(outDir, 'catalog/v2');
  if (!existsSync(join(dir, 'index.json'))) return () => true;
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as {
    images: { ref: string; aliases: string[]; file: string }[];
  };
  const texts = [
    ...['app/store/starter.ts', 'app/store/starters.ts'].map((f) => readFileSync(f, 'utf8')),
    ...readdirSync('lessons')
      .filter((f) => f.endsWith('.md'))
      .map((f) => readFileSync(join('lessons', f), 'utf8')),
  ].join('\n');
  const named = new Set(
    [...texts.matchAll(/FROM\s+([a-z0-9][\w./-]*(?::[\w.-]+)?)/g)].map((m) => m[1]!),
  );
  const keep = new Set<string>();
  const add = (ref: string) => {
    const img = index.images.find((i) => i.ref === ref);
    if (!img || keep.has(img.file)) return;
    keep.add(img.file);
    const base = (JSON.parse(readFileSync(join(dir, img.file), 'utf8')) as { base?: string }).base;
    if (base) add(base);
  };
  for (const name of named) {
    const full = name.includes(':') ? name : `${name}:latest`;
    const img = index.images.find((i) => i.ref === full || i.aliases.includes(full));
    if (img) add(img.ref);
  }
  return (file) => {
    const rel = relative(dir, file).split('\\').join('/');
    if (rel.startsWith('..')) return true;
    if (rel.startsWith('images/')) return keep.has(rel);
    // Package files of the suite the starters' images use are kept; trixie's load on demand.
    return !rel.startsWith('apt/trixie/files/');
  };
}

/**
 * Writes into dist/sw.js (copied from public/) the files it caches on install: every built
 * file but source maps (and but the catalog files catalogToPrecache leaves to be cached on
 * use), with a version that changes when any of them does.
 */
function serviceWorkerPrecache(): Plugin {
  let outDir = 'dist';
  return {
    name: 'layerlab-sw-precache',
    apply: 'build',
    configResolved: (config) => {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: () => {
      const sw = join(outDir, 'sw.js');
      if (!existsSync(sw)) return;
      const files: string[] = [];
      const catalog = catalogToPrecache(outDir);
      const walk = (dir: string) => {
        for (const e of readdirSync(dir, { withFileTypes: true })) {
          const path = join(dir, e.name);
          if (e.isDirectory()) walk(path);
          else if (!/\.map$|^sw\.js$|\.png$/.test(e.name)) files.push(path);
        }
      };
      walk(outDir);
      const hash = createHash('sha256');
      for (const f of files.sort()) hash.update(relative(outDir, f)).update(readFileSync(f));
      // The version covers every file (a changed image must not be served stale from the
      // cache); the install caches the catalog's everyday part.
      const urls = files
        .filter(catalog)
        .map((f) => '/' + relative(outDir, f).split('\\').join('/'));
      const manifest = JSON.stringify({
        version: hash.digest('hex').slice(0, 12),
        files: ['/', ...urls],
      });
      writeFileSync(
        sw,
        readFileSync(sw, 'utf8').replace(
          /\/\* layerlab:precache \*\/ \{[^}]*\}/,
          `/* layerlab:precache */ ${manifest}`,
        ),
      );
    },
  };
}

export default defineConfig({
  plugins: [react(), firstPaintShell(), contentSecurityPolicy(), serviceWorkerPrecache()],
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      // The full lab, and the compact lab that tutorial pages embed.
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        embed: resolve(import.meta.dirname, 'embed.html'),
      },
    },
  },
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4173 },
});
