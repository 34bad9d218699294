import type { AndOr, Command, List, Pipeline, SimpleCommand } from './ast.ts';
import { expandPattern, expandWord, expandWords } from './expand.ts';
import { ExpansionError } from './params.ts';
import { noInput, StringSink } from './io.ts';
import { matchPattern } from './match.ts';
import { parse, ShellSyntaxError } from './parser.ts';
import { applyRedirects, RedirectError } from './redirect.ts';
import { invoke } from './invoke.ts';
import { ExitSignal, ForeverSignal, LoopSignal, swallowExit } from './signals.ts';
import type { Shell } from './state.ts';
import type { Io, Sink } from './types.ts';
import { PipeFull, PipeSink, SIGPIPE_STATUS } from './pipe.ts';

/**
 * Parses and runs a script in `sh`, returning the exit status. Syntax errors print dash's
 * message and give status 2.
 *
 * @example
 * const status = runScript('echo hi > /tmp/x && cat /tmp/x', sh, io);
 */
export function runScript(src: string, sh: Shell, io: Io): number {
  let ast: List;
  try {
    ast = parse(src);
  } catch (e) {
    if (!(e instanceof ShellSyntaxError)) throw e;
    io.stderr.write(`${sh.arg0}: ${e.line}: Syntax error: ${e.message}\n`);
    sh.lastStatus = 2;
    return 2;
  }
  return runList(ast, sh, io);
}

export function runList(list: List, sh: Shell, io: Io): number {
  let status = 0;
  for (const item of list.items) {
    if (item.background) {
      // No job control in a RUN step: a background job runs to completion in a subshell.
      const sub = sh.clone();
      try {
        sh.nested(() => swallowExit(() => runAndOr(item.node, sub, io)));
      } catch (e) {
        // A server started with & keeps running while the script goes on.
        if (!(e instanceof ForeverSignal)) throw e;
        sh.budget.longRunning = true;
      }
      status = 0;
    } else status = runAndOr(item.node, sh, io);
    sh.lastStatus = status;
  }
  return status;
}

function runAndOr(node: AndOr, sh: Shell, io: Io): number {
  const guarded = node.rest.length > 0;
  if (guarded) sh.noErrexit++;
  let status: number;
  try {
    status = runPipeline(node.first, sh, io);
  } finally {
    if (guarded) sh.noErrexit--;
  }
  let ranLast = node.rest.length === 0;
  for (let k = 0; k < node.rest.length; k++) {
    const step = node.rest[k] as AndOr['rest'][number];
    sh.lastStatus = status;
    if ((step.op === '&&') !== (status === 0)) continue;
    const last = k === node.rest.length - 1;
    if (!last) sh.noErrexit++;
    try {
      status = runPipeline(step.pipeline, sh, io);
    } finally {
      if (!last) sh.noErrexit--;
    }
    ranLast = last;
  }
  const lastPipe = node.rest.length > 0 ? node.rest[node.rest.length - 1]?.pipeline : node.first;
  sh.lastStatus = status;
  // set -e ignores failures on the left of && and ||, and in negated pipelines.
  if (
    status !== 0 &&
    sh.options.errexit &&
    sh.noErrexit === 0 &&
    ranLast &&
    lastPipe &&
    !lastPipe.bang
  ) {
    throw new ExitSignal(status);
  }
  return status;
}

function runPipeline(p: Pipeline, sh: Shell, io: Io): number {
  if (p.bang) sh.noErrexit++;
  let status: number;
  try {
    if (p.commands.length === 1) status = runCommand(p.commands[0] as Command, sh, io);
    else {
      let stdin = io.stdin;
      const pipes: PipeSink[] = [];
      const statuses: number[] = [];
      p.commands.forEach((cmd, k) => {
        const last = k === p.commands.length - 1;
        const out = last ? io.stdout : new PipeSink(sh.budget.maxValueBytes);
        const sub = sh.clone();
        const code = sh.nested(() =>
          swallowExit(() =>
            stoppedByPipe(out, () =>
              runCommand(cmd, sub, {
                stdin,
                stdout: out,
                stderr: io.stderr,
                pipedOut: last ? io.pipedOut : true,
                tty: last && io.tty === true,
              }),
            ),
          ),
        );
        statuses.push(code);
        // The writer before was stopped by a full pipe and this reader did not read to its
        // end: the reader had closed the pipe, so the writer died of SIGPIPE.
        if (k > 0 && pipes[k - 1]?.full === true && !stdin.reachedEnd)
          statuses[k - 1] = SIGPIPE_STATUS;
        if (out instanceof PipeSink) {
          pipes.push(out);
          stdin = out.reader();
        }
      });
      status = statuses[statuses.length - 1] ?? 0;
      if (sh.options.pipefail) status = [...statuses].reverse().find((s) => s !== 0) ?? 0;
    }
  } finally {
    if (p.bang) sh.noErrexit--;
  }
  return p.bang ? (status === 0 ? 1 : 0) : status;
}

/** Runs one pipeline stage; a write to its own full pipe stops it (status decided later). */
function stoppedByPipe(out: Sink, fn: () => number): number {
  try {
    return fn();
  } catch (e) {
    if (e instanceof PipeFull && e.pipe === out) return SIGPIPE_STATUS;
    throw e;
  }
}

export function runCommand(cmd: Command, sh: Shell, io: Io): number {
  try {
    return dispatch(cmd, sh, io);
  } catch (e) {
    if (!(e instanceof ExpansionError)) throw e;
    // dash: an expansion error anywhere (for lists, case words, assignments) exits the shell.
    io.stderr.write(`${sh.prefix()}${e.message}\n`);
    throw new ExitSignal(2);
  }
}

function dispatch(cmd: Command, sh: Shell, io: Io): number {
  switch (cmd.type) {
    case 'simple':
      return runSimple(cmd, sh, io);
    case 'redirected':
      return withRedirects(cmd.redirects, sh, io, (rio) => runCommand(cmd.node, sh, rio));
    case 'group':
      return runList(cmd.body, sh, io);
    case 'subshell': {
      const sub = sh.clone();
      return sh.nested(() => swallowExit(() => runList(cmd.body, sub, io)));
    }
    case 'func':
      sh.funcs.set(cmd.name, cmd.body);
      return 0;
    case 'if': {
      for (const c of cmd.clauses) {
        if (condition(c.cond, sh, io) === 0) return runList(c.body, sh, io);
      }
      return cmd.otherwise ? runList(cmd.otherwise, sh, io) : 0;
    }
    case 'for': {
      const items = cmd.words === null ? [...sh.positional] : expandWords(cmd.words, sh);
      let status = 0;
      for (const item of items) {
        sh.tick();
        sh.set(cmd.name, item);
        const r = loopBody(() => runList(cmd.body, sh, io));
        status = r.status;
        if (r.stop) break;
      }
      return status;
    }
    case 'loop': {
      let status = 0;
      for (;;) {
        sh.tick();
        const c = condition(cmd.cond, sh, io);
        if ((c === 0) === cmd.until) break;
        const r = loopBody(() => runList(cmd.body, sh, io));
        status = r.status;
        if (r.stop) break;
      }
      return status;
    }
    case 'case': {
      const word = expandWord(cmd.word, sh);
      for (const item of cmd.items) {
        if (item.patterns.some((p) => matchPattern(expandPattern(p, sh), word)))
          return runList(item.body, sh, io);
      }
      return 0;
    }
  }
}

function condition(list: List, sh: Shell, io: Io): number {
  sh.noErrexit++;
  try {
    return runList(list, sh, io);
  } finally {
    sh.noErrexit--;
  }
}

/** Runs one iteration; `break`/`continue` with a count above 1 propagate to the outer loop. */
function loopBody(fn: () => number): { status: number; stop: boolean } {
  try {
    return { status: fn(), stop: false };
  } catch (e) {
    if (!(e instanceof LoopSignal)) throw e;
    if (e.levels > 1) throw new LoopSignal(e.kind, e.levels - 1);
    return { status: 0, stop: e.kind === 'break' };
  }
}

function withRedirects(
  redirects: SimpleCommand['redirects'],
  sh: Shell,
  io: Io,
  fn: (io: Io) => number,
): number {
  let opened: ReturnType<typeof applyRedirects>;
  try {
    opened = applyRedirects(redirects, io, sh);
  } catch (e) {
    if (!(e instanceof RedirectError || e instanceof ExpansionError)) throw e;
    io.stderr.write(`${sh.prefix()}${e.message}\n`);
    return 2;
  }
  try {
    return fn(opened.io);
  } finally {
    opened.flush();
  }
}

function runSimple(cmd: SimpleCommand, sh: Shell, io: Io): number {
  sh.tick();
  sh.lineno = cmd.line;
  sh.stderr = io.stderr;
  let argv: string[];
  sh.substStatus = null;
  try {
    argv = expandWords(cmd.words, sh);
  } catch (e) {
    if (!(e instanceof ExpansionError)) throw e;
    io.stderr.write(`${sh.prefix()}${e.message}\n`);
    // dash: an expansion error in a non-interactive shell exits it.
    throw new ExitSignal(2);
  }
  const assigns = cmd.assigns.map((a) => {
    const eq = a.indexOf('=');
    return [a.slice(0, eq), expandWord(a.slice(eq + 1), sh)] as const;
  });
  if (sh.options.xtrace) {
    const shown = [...assigns.map(([k, v]) => `${k}=${v}`), ...argv].map(quoteTrace);
    io.stderr.write(`+ ${shown.join(' ')}\n`);
  }
  if (argv.length === 0) {
    for (const [k, v] of assigns) sh.set(k, v);
    const status = sh.substStatus ?? 0;
    return withRedirects(cmd.redirects, sh, io, () => status);
  }
  return withRedirects(cmd.redirects, sh, io, (rio) => invoke(argv, rio, sh, assigns));
}

function quoteTrace(w: string): string {
  return /^[A-Za-z0-9_./=:,@%+-]+$/.test(w) ? w : `'${w.replace(/'/g, "'\\''")}'`;
}

/** `$(...)`: runs in a subshell, returns stdout without trailing newlines, sets `$?`. */
export function commandSubstitution(script: string, sh: Shell): string {
  const sub = sh.clone();
  const out = new StringSink(undefined, sh.budget.maxValueBytes);
  const status = sh.nested(() =>
    swallowExit(() =>
      runScript(script, sub, { stdin: noInput(), stdout: out, stderr: sh.stderr, pipedOut: false }),
    ),
  );
  sh.lastStatus = status;
  sh.substStatus = status;
  return out.text().replace(/\n+$/, '');
}

/** Runs the EXIT trap once, keeping the status the shell was exiting with. */
export function runExitTrap(sh: Shell, io: Io, status: number): number {
  const action = sh.exitTrap;
  if (action === null) return status;
  sh.exitTrap = null;
  sh.lastStatus = status;
  try {
    runScript(action, sh, io);
  } catch (e) {
    if (e instanceof ExitSignal) return e.code;
    throw e;
  }
  return status;
}
