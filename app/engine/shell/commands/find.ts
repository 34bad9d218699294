import { matchPattern } from '../match.ts';
import type { Stat } from '../../fs/port.ts';
import type { Shell } from '../state.ts';
import type { CommandFn, Io } from '../types.ts';
import { basename, fsError, tryStat } from './common.ts';
import { parseSize } from './sizes.ts';

type Test = (path: string, st: Stat, depth: number) => boolean;

interface Plan {
  /** OR of ANDs of tests. */
  alternatives: Test[][];
  maxDepth: number;
  minDepth: number;
  actions: boolean;
}

class FindError extends Error {}

function parseExpr(args: string[], sh: Shell, io: Io, out: { deleted: string[] }): Plan {
  const plan: Plan = { alternatives: [[]], maxDepth: Infinity, minDepth: 0, actions: false };
  let negate = false;
  const add = (t: Test): void => {
    const n = negate;
    negate = false;
    (plan.alternatives[plan.alternatives.length - 1] as Test[]).push(
      n ? (p, s, d) => !t(p, s, d) : t,
    );
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const val = (): string => {
      const v = args[++i];
      if (v === undefined) throw new FindError(`missing argument to \`${a}'`);
      return v;
    };
    switch (a) {
      case '!':
      case '-not':
        negate = !negate;
        break;
      case '-o':
      case '-or':
        plan.alternatives.push([]);
        break;
      case '-a':
      case '-and':
      case '(':
      case ')':
        break;
      case '-name':
      case '-iname': {
        const pat = val();
        add((p) =>
          a === '-iname'
            ? matchPattern(pat.toLowerCase(), basename(p).toLowerCase())
            : matchPattern(pat, basename(p)),
        );
        break;
      }
      case '-path':
      case '-wholename': {
        const pat = val();
        add((p) => matchPattern(pat, p));
        break;
      }
      case '-type': {
        const t = val();
        const want = t === 'f' ? 'file' : t === 'd' ? 'dir' : t === 'l' ? 'symlink' : '?';
        add((_p, st) => st.type === want);
        break;
      }
      case '-size': {
        const v = val();
        const m = /^([+-]?)(\d+)([ckMG]?)$/.exec(v);
        if (!m) throw new FindError(`invalid argument \`${v}' to \`-size'`);
        const unit = m[3] === 'c' ? 1 : m[3] === '' ? 512 : (parseSize(`1${m[3]}`) ?? 1);
        const n = Number(m[2]);
        add((_p, st) => {
          const size = Math.ceil(st.size / unit);
          return m[1] === '+' ? size > n : m[1] === '-' ? size < n : size === n;
        });
        break;
      }
      case '-empty':
        add((p, st) => (st.type === 'dir' ? sh.fs.readdir(p).length === 0 : st.size === 0));
        break;
      case '-user':
      case '-uid': {
        const u = val();
        add((_p, st) => String(st.uid) === u || (u === 'root' && st.uid === 0));
        break;
      }
      case '-perm': {
        const m = parseInt(val().replace(/^[-/]/, ''), 8);
        add((_p, st) => (st.mode & m) === m);
        break;
      }
      case '-maxdepth':
        plan.maxDepth = Number(val());
        break;
      case '-mindepth':
        plan.minDepth = Number(val());
        break;
      case '-mtime':
      case '-newer':
        val();
        break;
      case '-print':
        plan.actions = true;
        add((p) => {
          io.stdout.write(`${p}\n`);
          return true;
        });
        break;
      case '-delete':
        plan.actions = true;
        add((p) => {
          out.deleted.push(p);
          return true;
        });
        break;
      case '-exec': {
        plan.actions = true;
        const end = args.findIndex((x, k) => k > i && (x === ';' || x === '+'));
        if (end < 0) throw new FindError("missing argument to `-exec'");
        const cmd = args.slice(i + 1, end);
        i = end;
        add(
          (p) =>
            sh.interp.invoke(
              cmd.map((c) => c.split('{}').join(p)),
              io,
              sh,
              [],
            ) === 0,
        );
        break;
      }
      default:
        throw new FindError(
          a.startsWith('-')
            ? `unknown predicate \`${a}'`
            : `paths must precede expression: \`${a}'`,
        );
    }
  }
  return plan;
}

/** find with -name/-iname/-path/-type/-size/-empty/-perm/-maxdepth/-mindepth, !, -o, -print, -delete, -exec. */
export const find: CommandFn = (argv, io, sh) => {
  const args = argv.slice(1);
  const firstExpr = args.findIndex((a) => a.startsWith('-') || a === '!' || a === '(');
  const roots = firstExpr < 0 ? args : args.slice(0, firstExpr);
  const out = { deleted: [] as string[] };
  let plan: Plan;
  try {
    plan = parseExpr(firstExpr < 0 ? [] : args.slice(firstExpr), sh, io, out);
  } catch (e) {
    if (!(e instanceof FindError)) throw e;
    io.stderr.write(`find: ${e.message}\n`);
    return 1;
  }
  let status = 0;
  const visit = (shown: string, path: string, depth: number): void => {
    sh.tick();
    const st = tryStat(sh, path, false);
    if (!st) return;
    if (depth >= plan.minDepth) {
      const ok = plan.alternatives.some((alt) => alt.every((t) => t(shown, st, depth)));
      if (ok && !plan.actions) io.stdout.write(`${shown}\n`);
    }
    if (st.type === 'dir' && depth < plan.maxDepth) {
      for (const n of sh.fs.readdir(path))
        visit(
          `${shown === '/' ? '' : shown.replace(/\/$/, '')}/${n}`,
          `${path === '/' ? '' : path}/${n}`,
          depth + 1,
        );
    }
  };
  for (const r of roots.length > 0 ? roots : ['.']) {
    if (!tryStat(sh, sh.resolve(r), false)) {
      io.stderr.write(`find: '${r}': No such file or directory\n`);
      status = 1;
      continue;
    }
    visit(r, sh.resolve(r), 0);
  }
  // -delete works depth-first: children go before their directory.
  for (const p of out.deleted.reverse()) {
    const path = sh.resolve(p);
    try {
      if (tryStat(sh, path, false)?.type === 'dir') sh.fs.rmdir(path);
      else sh.fs.unlink(path);
    } catch (e) {
      io.stderr.write(
        `find: cannot delete '${p}': ${fsError(e).code === 'ENOTEMPTY' ? 'Directory not empty' : e instanceof Error ? e.message : ''}\n`,
      );
      status = 1;
    }
  }
  return status;
};
