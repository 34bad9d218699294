/**
 * Whether each instruction is well formed, as BuildKit's instructions.Parse decides (its errors,
 * in Docker's words and a learner's): unknown instructions (with "did you mean"), flags an
 * instruction does not take, argument counts, FROM's `AS name`, HEALTHCHECK options, ONBUILD
 * triggers, variables that cannot be expanded. BuildKit's build checks (warnings) live in rules/.
 */
import type { Diagnostic, SourceRange } from '../common/diagnostics.ts';
import type { AstNode } from './ast.ts';
import { tryExpandWord } from './expand.ts';
import { INSTRUCTIONS, suggestInstruction } from './reference.ts';
import { flagValue, stageName } from './stages.ts';

export type Report = (
  code: string,
  severity: Diagnostic['severity'],
  message: string,
  hint: string | undefined,
  range: SourceRange,
  docker?: string,
) => void;

/** Flags that take a value (`--from=x`); the others are switches (`--link`). */
const VALUE_FLAGS = new Set([
  'platform',
  'mount',
  'network',
  'security',
  'from',
  'chown',
  'chmod',
  'exclude',
  'checksum',
  'interval',
  'timeout',
  'start-period',
  'start-interval',
  'retries',
]);

/** Instructions whose arguments Docker expands ($VAR) before running them. */
export const EXPANDING = new Set([
  'ADD',
  'COPY',
  'ENV',
  'EXPOSE',
  'FROM',
  'LABEL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
  'ARG',
  'ONBUILD',
]);

const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;
const DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$|^0$/;

function exactlyOne(node: AstNode, report: Report): void {
  if (node.args.length !== 1) {
    report(
      'missing-argument',
      'error',
      `${node.keyword} needs exactly one argument.`,
      INSTRUCTIONS.get(node.keyword)?.syntax[0],
      node.range,
      `${node.keyword} requires exactly one argument`,
    );
  }
}

function atLeastOne(node: AstNode, report: Report): boolean {
  if (node.args.length === 0 && node.heredocs.length === 0) {
    report(
      'missing-argument',
      'error',
      `${node.keyword} needs at least one argument.`,
      INSTRUCTIONS.get(node.keyword)?.syntax[0],
      node.range,
      `${node.keyword} requires at least one argument`,
    );
    return false;
  }
  return true;
}

function checkFlags(node: AstNode, report: Report): void {
  const info = INSTRUCTIONS.get(node.keyword);
  if (!info) return;
  for (const f of node.flags) {
    const m = /^--([^=]*)(=(.*))?$/s.exec(f.value);
    const name = m?.[1] ?? f.value;
    if (!info.flags.includes(name)) {
      const takes = info.flags.length
        ? `${node.keyword} takes ${info.flags.map((x) => '--' + x).join(', ')}.`
        : `${node.keyword} takes no flags.`;
      report(
        'unknown-flag',
        'error',
        `${node.keyword} does not know the flag --${name}.`,
        takes,
        f.range,
        `unknown flag: ${name}`,
      );
      continue;
    }
    if (VALUE_FLAGS.has(name) && (m?.[2] === undefined || m[3] === '')) {
      report(
        'flag-value',
        'error',
        `The flag --${name} needs a value: --${name}=...`,
        undefined,
        f.range,
        `missing a value on flag: --${name}`,
      );
    }
    if (!VALUE_FLAGS.has(name) && m?.[2] !== undefined && !/^(true|false)$/i.test(m[3] ?? '')) {
      report(
        'flag-value',
        'error',
        `The flag --${name} is a switch: write --${name} or --${name}=false, not --${name}=${m[3] ?? ''}.`,
        undefined,
        f.range,
        `expecting boolean value for flag ${name}, not: ${m[3] ?? ''}`,
      );
    }
  }
}

function checkFrom(node: AstNode, report: Report): void {
  const n = node.args.length;
  if (n !== 1 && !(n === 3 && node.args[1]!.value.toLowerCase() === 'as')) {
    report(
      'from-arguments',
      'error',
      n === 0
        ? 'FROM needs a base image, e.g. FROM debian:bookworm-slim.'
        : 'FROM takes an image and, optionally, AS and a stage name: FROM image AS name.',
      'FROM <image>[:<tag>] [AS <name>]',
      node.range,
      'FROM requires either one or three arguments',
    );
    return;
  }
  const name = stageName(node);
  if (!name) return;
  const lower = name.value.toLowerCase();
  if (!STAGE_NAME.test(lower)) {
    report(
      'stage-name',
      'error',
      `"${name.value}" cannot name a stage: start with a letter, then letters, digits, -, _ or . only.`,
      undefined,
      name.range,
      `invalid name for build stage: "${name.value}", name can't start with a number or contain symbols`,
    );
  }
}

function checkNameValues(node: AstNode, report: Report): void {
  // Arguments that did not split into pairs were reported where they were split (lines.ts).
  if (node.rest.value !== '' && node.args.length === 0) return;
  if (!atLeastOne(node, report)) return;
  for (let i = 0; i < node.args.length; i += 3) {
    const key = node.args[i];
    if (key && key.value === '') {
      report(
        'empty-name',
        'error',
        `A name in ${node.keyword} is empty: something must come before "=".`,
        `Write ${node.keyword} NAME=value.`,
        key.range,
        `${node.keyword} names can not be blank`,
      );
    }
  }
}

function checkHealthcheck(node: AstNode, report: Report): void {
  const type = node.args[0];
  if (!type) {
    report(
      'missing-argument',
      'error',
      'HEALTHCHECK needs CMD and a command, or NONE.',
      'HEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1',
      node.range,
      'HEALTHCHECK requires at least one argument',
    );
    return;
  }
  const t = type.value.toUpperCase();
  if (t === 'NONE') {
    if (node.args.length > 1 || node.flags.length > 0) {
      report(
        'healthcheck-none',
        'error',
        "HEALTHCHECK NONE takes nothing else: it switches off the base image's check.",
        undefined,
        node.range,
        'HEALTHCHECK NONE takes no arguments',
      );
    }
    return;
  }
  if (t !== 'CMD') {
    report(
      'healthcheck-type',
      'error',
      `HEALTHCHECK takes CMD or NONE, not ${type.value}.`,
      'HEALTHCHECK CMD <command>',
      type.range,
      `Unknown type "${type.value}" in HEALTHCHECK (try CMD)`,
    );
    return;
  }
  if (node.args.length < 2) {
    report(
      'missing-argument',
      'error',
      'HEALTHCHECK CMD needs a command to run.',
      'HEALTHCHECK CMD curl -f http://localhost/ || exit 1',
      node.range,
      'Missing command after HEALTHCHECK CMD',
    );
  }
  for (const name of ['interval', 'timeout', 'start-period', 'start-interval']) {
    const v = flagValue(node, name);
    if (v && v.value !== '' && !DURATION.test(v.value)) {
      report(
        'duration',
        'error',
        `--${name}=${v.value} is not a duration; write it like 30s, 1m30s or 500ms.`,
        undefined,
        v.range,
        `time: invalid duration "${v.value}"`,
      );
    }
  }
  const retries = flagValue(node, 'retries');
  if (retries && retries.value !== '' && !/^\d+$/.test(retries.value)) {
    report(
      'retries',
      'error',
      `--retries takes a whole number of at least 0, not ${retries.value}.`,
      undefined,
      retries.range,
    );
  }
}

/** One instruction on its own. */
export function checkNode(node: AstNode, report: Report): void {
  const info = INSTRUCTIONS.get(node.keyword);
  if (!info) {
    const guess = suggestInstruction(node.cmd.value);
    report(
      'unknown-instruction',
      'error',
      `${node.cmd.value} is not a Dockerfile instruction.`,
      guess
        ? `Did you mean ${guess}?`
        : 'Each line starts with an instruction such as FROM, RUN or COPY.',
      node.cmd.range,
      `unknown instruction: ${node.cmd.value}${guess ? ` (did you mean ${guess.toLowerCase()}?)` : ''}`,
    );
    return;
  }
  checkFlags(node, report);
  switch (node.keyword) {
    case 'FROM':
      checkFrom(node, report);
      break;
    case 'ENV':
    case 'LABEL':
      checkNameValues(node, report);
      break;
    case 'ARG':
      if (atLeastOne(node, report)) {
        for (const a of node.args) {
          if (a.value === '' || a.value.startsWith('=')) {
            report(
              'empty-name',
              'error',
              'An ARG needs a name.',
              'ARG NAME or ARG NAME=default',
              a.range,
            );
          }
        }
      }
      break;
    case 'COPY':
    case 'ADD':
      if (node.args.length + node.heredocs.length < 2 && node.args.length < 2) {
        report(
          'copy-arguments',
          'error',
          `${node.keyword} needs a source and a destination: ${node.keyword} <src>... <dest>.`,
          `e.g. ${node.keyword} app.py /app/`,
          node.range,
          `${node.keyword} requires at least two arguments, but only one was provided. Destination could not be determined.`,
        );
      }
      break;
    case 'RUN':
    case 'CMD':
    case 'ENTRYPOINT':
      if (node.keyword === 'RUN') atLeastOne(node, report);
      break;
    case 'SHELL':
      if (!node.json) {
        report(
          'shell-json',
          'error',
          'SHELL must be written as a JSON array, e.g. SHELL ["/bin/bash", "-c"].',
          undefined,
          node.range,
          'SHELL requires the arguments to be in JSON form',
        );
      } else atLeastOne(node, report);
      break;
    case 'EXPOSE':
    case 'VOLUME':
      atLeastOne(node, report);
      break;
    case 'WORKDIR':
    case 'USER':
    case 'STOPSIGNAL':
    case 'MAINTAINER':
      exactlyOne(node, report);
      break;
    case 'HEALTHCHECK':
      checkHealthcheck(node, report);
      break;
    case 'ONBUILD': {
      const sub = node.sub;
      if (!sub) {
        atLeastOne(node, report);
        break;
      }
      if (sub.keyword === 'ONBUILD') {
        report(
          'onbuild-chain',
          'error',
          'ONBUILD ONBUILD is not allowed.',
          undefined,
          sub.cmd.range,
          "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed",
        );
      } else if (sub.keyword === 'FROM' || sub.keyword === 'MAINTAINER') {
        report(
          'onbuild-trigger',
          'error',
          `${sub.keyword} cannot be an ONBUILD trigger.`,
          undefined,
          sub.cmd.range,
          `${sub.keyword} isn't allowed as an ONBUILD trigger`,
        );
      } else checkNode(sub, report);
      break;
    }
  }
  if (EXPANDING.has(node.keyword) && node.keyword !== 'ONBUILD') {
    for (const w of node.args) {
      if (!/[$'"]/.test(w.value)) continue;
      const r = tryExpandWord(w.value, new Map(), { skipUnset: true });
      if (r.error) {
        report(
          'expansion',
          'error',
          `Docker cannot expand the variables in "${w.value}": ${r.error}.`,
          'Variables are written $NAME or ${NAME}; ${NAME:-default} gives a default.',
          w.range,
          `failed to process "${w.value}": ${r.error}`,
        );
      }
    }
  }
}
