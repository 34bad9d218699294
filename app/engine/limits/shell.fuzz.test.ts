/**
 * Random scripts from a grammar of the commands the shell supports: every run ends (the step
 * and depth budgets stop loops and recursion) and every failure comes back as a result, never
 * as an exception or an internal error of the simulator.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseLayer } from '../build/testing/fixtures.ts';
import { MergedView, openOverlay } from '../fs/index.ts';
import { builtinCatalog, runShell, type ShellResult } from '../shell/index.ts';

const word = fc.constantFrom(
  'a',
  'b',
  'x y',
  '"$v"',
  '$v',
  '${v:-d}',
  '${v:+alt}',
  '${#v}',
  '${v%%.*}',
  "'q'",
  '*',
  '/tmp/*',
  '$((1+2))',
  '$((v/0))',
  '$(echo s)',
  '`echo t`',
  '$?',
  '$1',
  '"$@"',
  '~',
  '-n',
  '--',
  '\\$',
  'ü',
  '',
);
const file = fc.constantFrom('/tmp/f', '/tmp/d/g', 'f', '/etc/passwd', '/nope/x', '/tmp', '/tmp/l');
const words = fc.array(word, { maxLength: 3 }).map((w) => w.join(' '));

const simple: fc.Arbitrary<string> = fc.oneof(
  words.map((w) => `echo ${w}`),
  words.map((w) => `printf '%s|%d\\n' ${w}`),
  fc.tuple(word, word).map(([a, b]) => `v=${a}${b}`),
  fc.tuple(file, words).map(([f, w]) => `echo ${w} > ${f}`),
  fc.tuple(file, words).map(([f, w]) => `echo ${w} >> ${f}`),
  file.map((f) => `cat ${f}`),
  file.map((f) => `cat < ${f}`),
  file.map((f) => `mkdir -p ${f}`),
  file.map((f) => `rm -rf ${f}`),
  file.map((f) => `touch ${f}`),
  fc.tuple(file, file).map(([a, b]) => `ln -s ${a} ${b}`),
  fc.tuple(file, file).map(([a, b]) => `cp -r ${a} ${b}`),
  fc.tuple(file, file).map(([a, b]) => `mv ${a} ${b}`),
  file.map((f) => `ls -la ${f}`),
  file.map((f) => `wc -l ${f}`),
  file.map((f) => `test -f ${f}`),
  file.map((f) => `[ -d ${f} ]`),
  file.map((f) => `cd ${f}`),
  file.map((f) => `chmod 755 ${f}`),
  file.map((f) => `grep -c a ${f}`),
  file.map((f) => `sed -i 's/a/b/g' ${f}`),
  file.map((f) => `head -n 2 ${f}`),
  fc.constantFrom(
    'true',
    'false',
    ':',
    'exit 3',
    'return 1',
    'break',
    'continue',
    'set -e',
    'set -u',
    'set -x',
    'shift 5',
    'unset v',
    'export v',
    'read v',
    'local v=1',
    'eval "$v"',
    'sort /etc/passwd | uniq | tr a-z A-Z | cut -d: -f1',
    'yes | head -n 3',
    'seq 1 5 | tail -n 2',
    'trap "echo bye" EXIT',
    'f() { f; }; f',
    'dd if=/dev/zero of=/tmp/z bs=1K count=3',
    'truncate -s 1M /tmp/t',
    'fallocate -l 3K /tmp/fa',
    'ln -s a /tmp/la; ln -s /tmp/la a; cat /tmp/la',
    'apt-get install -y nope',
    'unknown-command --x',
    'sh -c "echo in; exit 2"',
    'cat <<EOF\nhere $v\nEOF',
    'echo $((2**62*4))',
    'x=$(( 1 <<  70 ))',
  ),
);

/** Compound commands nest simple ones; depth keeps scripts small. */
const command: fc.Arbitrary<string> = fc.letrec<{ cmd: string }>((tie) => ({
  cmd: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    simple,
    fc.tuple(tie('cmd'), tie('cmd')).map(([a, b]) => `${a} && ${b}`),
    fc.tuple(tie('cmd'), tie('cmd')).map(([a, b]) => `${a} || ${b}`),
    fc.tuple(tie('cmd'), tie('cmd')).map(([a, b]) => `${a} | ${b}`),
    fc.tuple(tie('cmd'), tie('cmd')).map(([a, b]) => `${a}; ${b}`),
    tie('cmd').map((a) => `( ${a} )`),
    tie('cmd').map((a) => `{ ${a}; }`),
    tie('cmd').map((a) => `! ${a}`),
    tie('cmd').map((a) => `${a} &`),
    tie('cmd').map((a) => `echo "$(${a})"`),
    fc
      .tuple(tie('cmd'), tie('cmd'), tie('cmd'))
      .map(([a, b, c]) => `if ${a}; then ${b}; else ${c}; fi`),
    fc.tuple(words, tie('cmd')).map(([w, a]) => `for i in ${w}; do ${a}; done`),
    tie('cmd').map((a) => `while ${a}; do :; done`),
    tie('cmd').map((a) => `until ${a}; do v=$v.; done`),
    fc.tuple(word, tie('cmd')).map(([w, a]) => `case ${w} in a|b) ${a};; *) ;; esac`),
    tie('cmd').map((a) => `g() { ${a}; }; g x y`),
  ),
})).cmd;

const script = fc.array(command, { minLength: 1, maxLength: 4 }).map((c) => c.join('\n'));

/** Syntax the grammar does not make on purpose: unbalanced and truncated input. */
const garbage = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.stringMatching(/^[(){}|&;<>$`"'\\ a-z0-9=*[\]!#~\n]{0,40}$/),
);

function run(text: string): ShellResult {
  const fs = openOverlay(MergedView.of([baseLayer]), { maxBytes: 1 << 22, now: () => 1 });
  return runShell(text, {
    fs,
    env: { v: 'a.b' },
    cwd: '/',
    user: { uid: 0, gid: 0, name: 'root' },
    catalog: builtinCatalog,
    limits: { steps: 500, depth: 20, outputBytes: 1 << 16 },
    now: 1,
  });
}

function check(text: string): void {
  let result: ShellResult | undefined;
  expect(() => (result = run(text)), text).not.toThrow();
  expect(result!.internalError, `${text}\n${result!.stderr}`).toBeUndefined();
  expect(Number.isInteger(result!.exitCode), text).toBe(true);
  expect(result!.exitCode).toBeGreaterThanOrEqual(0);
  expect(result!.exitCode).toBeLessThan(256);
}

/** How many scripts each property runs (each is bounded to stay well under two seconds). */
const SHELL_FUZZ_RUNS = { grammar: 150, garbage: 300 };

describe('shell fuzz', () => {
  it(`runs ${SHELL_FUZZ_RUNS.grammar} grammar scripts to an end, never throwing`, () => {
    fc.assert(fc.property(script, check), { numRuns: SHELL_FUZZ_RUNS.grammar });
  });

  it(`survives ${SHELL_FUZZ_RUNS.garbage} malformed scripts`, () => {
    fc.assert(fc.property(garbage, check), { numRuns: SHELL_FUZZ_RUNS.garbage });
  });
});
