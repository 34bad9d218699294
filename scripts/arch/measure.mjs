#!/usr/bin/env node
// `node scripts/arch/measure.mjs [--json]`: the architecture's figures, to compare before and
// after a change of structure. Reads the import graph with dependency-cruiser (the same
// configuration `npm run lint` checks) and the source files themselves:
// - runtime import cycles between files (type-only imports and tests left out): the strongly
//   connected groups, the files in them and the elementary cycles through them;
// - arrows the map forbids, per rule (.dependency-cruiser.cjs);
// - source files over 400 lines;
// - byte-size formatters and short-ID helpers defined in the source (each a separate copy).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const TEST = /(\.test\.tsx?$|\/testing\/)/;

const raw = execFileSync(
  join(root, 'node_modules/.bin/depcruise'),
  ['app', '--output-type', 'json', '--config', '.dependency-cruiser.cjs'],
  { cwd: root, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
);
const cruise = JSON.parse(raw);

// The runtime graph: source files of app/, imports that survive compilation.
const graph = new Map();
for (const m of cruise.modules) {
  if (!m.source.startsWith('app/') || TEST.test(m.source)) continue;
  const to = new Set();
  for (const d of m.dependencies) {
    if (!d.resolved.startsWith('app/') || TEST.test(d.resolved)) continue;
    if (d.dependencyTypes.includes('type-only')) continue;
    to.add(d.resolved);
  }
  graph.set(m.source, [...to].sort());
}

// Tarjan's strongly connected components.
function sccs(g) {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const on = new Set();
  const out = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of g.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const comp = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || (g.get(v) ?? []).includes(v)) out.push(comp.sort());
    }
  };
  for (const v of g.keys()) if (!idx.has(v)) visit(v);
  return out;
}

// Elementary cycles inside each group (simple search from each node over larger nodes only,
// so each cycle is counted once), capped so a tangle cannot hang the measurement.
function elementaryCycles(g, comp, cap = 10000) {
  const order = [...comp].sort();
  const rank = new Map(order.map((v, i) => [v, i]));
  const cycles = [];
  for (const start of order) {
    const path = [start];
    const seen = new Set([start]);
    const walk = (v) => {
      for (const w of g.get(v) ?? []) {
        if (!rank.has(w) || rank.get(w) < rank.get(start)) continue;
        if (w === start) cycles.push([...path]);
        else if (!seen.has(w) && cycles.length < cap) {
          seen.add(w);
          path.push(w);
          walk(w);
          path.pop();
          seen.delete(w);
        }
      }
    };
    walk(start);
  }
  return cycles;
}

const groups = sccs(graph);
const cycles = groups.flatMap((c) => elementaryCycles(graph, c));

const violations = {};
for (const v of cruise.summary.violations) {
  if (v.rule.name === 'no-circular') continue;
  (violations[v.rule.name] ??= []).push(`${v.from} -> ${v.to}`);
}

// Source files and their lines.
function* files(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.(ts|tsx)$/.test(name)) yield p;
  }
}
const sources = [...files(join(root, 'app'))].map((p) => relative(root, p));
const lines = (p) => readFileSync(join(root, p), 'utf8').split('\n').length - 1;
const big = sources
  .filter((p) => !TEST.test(p))
  .map((p) => [p, lines(p)])
  .filter(([, n]) => n > 400)
  .sort((a, b) => b[1] - a[1]);

// Definitions (not calls) of byte-size formatters and short-ID helpers.
const sizeDef =
  /(function\s+(format\w*(Bytes|Size)|human\w*Size\w*)\s*\(|const\s+(format\w*(Bytes|Size)|human\w*Size\w*)\s*=)/;
const shortDef = /(function\s+short\w*Id\w*\s*\(|const\s+short\w*Id\w*\s*=|\.slice\(0,\s*12\))/;
const sizeFormatters = [];
const shortIds = [];
for (const p of sources.filter((p) => !TEST.test(p))) {
  const text = readFileSync(join(root, p), 'utf8').split('\n');
  text.forEach((line, i) => {
    if (sizeDef.test(line)) sizeFormatters.push(`${p}:${i + 1}: ${line.trim().slice(0, 90)}`);
    if (shortDef.test(line)) shortIds.push(`${p}:${i + 1}: ${line.trim().slice(0, 90)}`);
  });
}

const report = {
  runtimeCycles: {
    groups: groups.length,
    filesInCycles: groups.reduce((n, c) => n + c.length, 0),
    elementaryCycles: cycles.length,
    depcruiseNoCircular: cruise.summary.violations.filter((v) => v.rule.name === 'no-circular')
      .length,
    groupList: groups,
  },
  forbiddenArrows: Object.fromEntries(Object.entries(violations).map(([k, v]) => [k, v.length])),
  forbiddenArrowList: violations,
  filesOver400: big,
  sizeFormatters,
  shortIdHelpers: shortIds,
};

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const c = report.runtimeCycles;
  console.log(
    `runtime cycles: ${c.elementaryCycles} elementary cycles in ${c.groups} groups ` +
      `(${c.filesInCycles} files); dependency-cruiser no-circular: ${c.depcruiseNoCircular}`,
  );
  for (const g of c.groupList) console.log(`  group: ${g.join(' ')}`);
  const total = Object.values(report.forbiddenArrows).reduce((a, b) => a + b, 0);
  console.log(`forbidden arrows: ${total}`);
  for (const [rule, list] of Object.entries(violations)) {
    console.log(`  ${rule}: ${list.length}`);
    for (const l of list) console.log(`    ${l}`);
  }
  console.log(`source files over 400 lines: ${big.length}`);
  for (const [p, n] of big) console.log(`  ${n} ${p}`);
  console.log(`byte-size formatters: ${sizeFormatters.length}`);
  for (const s of sizeFormatters) console.log(`  ${s}`);
  console.log(`short-ID helpers / slices to 12: ${shortIds.length}`);
  for (const s of shortIds) console.log(`  ${s}`);
}
