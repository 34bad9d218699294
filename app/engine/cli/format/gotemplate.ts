/**
 * The subset of Go's text/template that `docker ... --format` users write: field chains
 * (`{{.ID}}`, `{{.Config.Env}}`), pipelines (`{{.Tag | upper}}`), the docker CLI's functions
 * (json, join, lower, upper, split, title, truncate, pad, println, ...), comparisons, and
 * `if`/`else`/`range`/`with`/`end`. Values print as Go prints them (`[a b]`, `map[k:v]`).
 */
import { EngineError } from '../../common/diagnostics.ts';

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; pipe: Pipeline }
  | { kind: 'if' | 'with' | 'range'; pipe: Pipeline; body: Node[]; otherwise: Node[] };

type Arg =
  | { kind: 'field'; path: string[] }
  | { kind: 'dot' }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'call'; name: string; args: Arg[] }
  | { kind: 'pipe'; pipe: Pipeline };

type Pipeline = Arg[];

const FUNCS: Record<string, (...args: unknown[]) => unknown> = {
  json: (v) => JSON.stringify(v ?? null),
  join: (list, sep) =>
    Array.isArray(list) ? list.map(goString).join(String(sep)) : goString(list),
  lower: (s) => goString(s).toLowerCase(),
  upper: (s) => goString(s).toUpperCase(),
  title: (s) => goString(s).replace(/\b\w/g, (c) => c.toUpperCase()),
  split: (s, sep) => goString(s).split(String(sep)),
  truncate: (s, n) => [...goString(s)].slice(0, Number(n)).join(''),
  pad: (s, before, after) => ' '.repeat(Number(before)) + goString(s) + ' '.repeat(Number(after)),
  len: (v) =>
    Array.isArray(v) || typeof v === 'string' ? v.length : isObject(v) ? Object.keys(v).length : 0,
  index: (v, key) => (Array.isArray(v) ? v[Number(key)] : isObject(v) ? v[String(key)] : undefined),
  print: (...args) => args.map(goString).join(''),
  println: (...args) => `${args.map(goString).join(' ')}\n`,
  printf: (fmt, ...args) => {
    let i = 0;
    return String(fmt).replace(/%[-\d.]*[svdq%]/g, (m) =>
      m === '%%'
        ? '%'
        : m.endsWith('q')
          ? JSON.stringify(goString(args[i++]))
          : goString(args[i++]),
    );
  },
  eq: (a, ...rest) => rest.some((b) => a === b),
  ne: (a, b) => a !== b,
  lt: (a, b) => (a as number) < (b as number),
  le: (a, b) => (a as number) <= (b as number),
  gt: (a, b) => (a as number) > (b as number),
  ge: (a, b) => (a as number) >= (b as number),
  and: (...args) => args.find((a) => !truthy(a)) ?? args[args.length - 1],
  or: (...args) => args.find((a) => truthy(a)) ?? args[args.length - 1],
  not: (a) => !truthy(a),
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function truthy(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (isObject(v)) return Object.keys(v).length > 0;
  return Boolean(v);
}

/** A value as Go's fmt prints it with %v. */
export function goString(v: unknown): string {
  if (v === undefined) return '<no value>';
  if (v === null) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goString).join(' ')}]`;
  if (isObject(v)) {
    const keys = Object.keys(v).sort();
    return `map[${keys.map((k) => `${k}:${goString(v[k])}`).join(' ')}]`;
  }
  return String(v);
}

function fail(template: string, message: string): never {
  throw new EngineError('template-error', `template parsing error: ${message}`, undefined, {
    template,
  });
}

function tokenize(src: string, template: string): Arg[][] {
  // Split a pipeline on `|` into commands of arguments.
  const commands: Arg[][] = [[]];
  const re = /\s*(?:("(?:[^"\\]|\\.)*"|`[^`]*`)|(\|)|(\()|(\))|([^\s|()]+))/y;
  const stack: Arg[][][] = [];
  let current = commands;
  let m: RegExpExecArray | null;
  re.lastIndex = 0;
  while (re.lastIndex < src.length && (m = re.exec(src))) {
    const last = current[current.length - 1]!;
    if (m[1])
      last.push({
        kind: 'string',
        value: m[1].startsWith('`') ? m[1].slice(1, -1) : (JSON.parse(m[1]) as string),
      });
    else if (m[2]) current.push([]);
    else if (m[3]) {
      stack.push(current);
      current = [[]];
    } else if (m[4]) {
      const inner = current;
      const outer = stack.pop();
      if (!outer) fail(template, 'unexpected ")"');
      current = outer;
      current[current.length - 1]!.push({ kind: 'pipe', pipe: inner.map(toCommand) });
    } else if (m[5]) last.push(word(m[5], template));
    if (src.slice(re.lastIndex).trim() === '') break;
  }
  if (stack.length) fail(template, 'unclosed "("');
  return current;
}

function word(w: string, template: string): Arg {
  if (w === '.') return { kind: 'dot' };
  if (w.startsWith('.')) return { kind: 'field', path: w.slice(1).split('.') };
  if (w === 'true' || w === 'false') return { kind: 'bool', value: w === 'true' };
  if (/^-?\d+(\.\d+)?$/.test(w)) return { kind: 'number', value: Number(w) };
  if (w in FUNCS) return { kind: 'call', name: w, args: [] };
  return fail(template, `function "${w}" not defined`);
}

function toCommand(args: Arg[]): Arg {
  const [head, ...rest] = args;
  if (head?.kind === 'call') return { kind: 'call', name: head.name, args: rest };
  return head ?? { kind: 'dot' };
}

function parsePipeline(src: string, template: string): Pipeline {
  return tokenize(src, template).map(toCommand);
}

/** Parse a template once; evaluate it against many values with `render`. */
export function parseTemplate(template: string): Node[] {
  const root: Node[] = [];
  const stack: { nodes: Node[]; block?: Extract<Node, { body: Node[] }>; inElse: boolean }[] = [
    { nodes: root, inElse: false },
  ];
  const re = /\{\{-?\s*(.*?)\s*-?\}\}/gs;
  let last = 0;
  let m: RegExpExecArray | null;
  const top = () => stack[stack.length - 1]!;
  const push = (n: Node) => {
    const t = top();
    if (t.block) (t.inElse ? t.block.otherwise : t.block.body).push(n);
    else t.nodes.push(n);
  };
  while ((m = re.exec(template))) {
    if (m.index > last) push({ kind: 'text', text: template.slice(last, m.index) });
    last = re.lastIndex;
    const body = m[1] ?? '';
    const kw = /^(if|with|range|else|end)\b\s*(.*)$/s.exec(body);
    if (body.startsWith('/*')) continue;
    if (!kw) {
      push({ kind: 'action', pipe: parsePipeline(body, template) });
      continue;
    }
    const [, keyword, rest = ''] = kw;
    if (keyword === 'end') {
      if (stack.length === 1) fail(template, 'unexpected {{end}}');
      stack.pop();
    } else if (keyword === 'else') {
      if (stack.length === 1) fail(template, 'unexpected {{else}}');
      top().inElse = true;
    } else {
      const block = {
        kind: keyword as 'if',
        pipe: parsePipeline(rest, template),
        body: [],
        otherwise: [],
      };
      push(block);
      stack.push({ nodes: [], block, inElse: false });
    }
  }
  if (stack.length > 1) fail(template, 'unexpected EOF (missing {{end}})');
  if (last < template.length) push({ kind: 'text', text: template.slice(last) });
  return root;
}

function evalArg(arg: Arg, dot: unknown, piped: unknown[]): unknown {
  switch (arg.kind) {
    case 'dot':
      return dot;
    case 'string':
    case 'number':
    case 'bool':
      return arg.value;
    case 'field': {
      let v: unknown = dot;
      for (const key of arg.path) {
        if (!isObject(v))
          throw new EngineError('template-error', `template: can't evaluate field ${key}`);
        v = v[key];
      }
      return v;
    }
    case 'pipe':
      return evalPipeline(arg.pipe, dot);
    case 'call': {
      const fn = FUNCS[arg.name]!;
      return fn(...arg.args.map((a) => evalArg(a, dot, [])), ...piped);
    }
  }
}

function evalPipeline(pipe: Pipeline, dot: unknown): unknown {
  let value: unknown;
  pipe.forEach((cmd, i) => {
    value = evalArg(cmd, dot, i === 0 ? [] : [value]);
  });
  return value;
}

function renderNodes(nodes: Node[], dot: unknown, out: string[]): void {
  for (const node of nodes) {
    if (node.kind === 'text') out.push(node.text);
    else if (node.kind === 'action') out.push(goString(evalPipeline(node.pipe, dot)));
    else {
      const v = evalPipeline(node.pipe, dot);
      if (node.kind === 'range') {
        const items = Array.isArray(v)
          ? v
          : isObject(v)
            ? Object.keys(v)
                .sort()
                .map((k) => v[k])
            : [];
        if (items.length) for (const item of items) renderNodes(node.body, item, out);
        else renderNodes(node.otherwise, dot, out);
      } else if (truthy(v)) renderNodes(node.body, node.kind === 'with' ? v : dot, out);
      else renderNodes(node.otherwise, dot, out);
    }
  }
}

/**
 * Render a Go template against a value.
 * @example renderTemplate('{{.Repository}}:{{.Tag}}', { Repository: 'app', Tag: '1' }) // 'app:1'
 */
export function renderTemplate(template: string | Node[], value: unknown): string {
  const nodes = typeof template === 'string' ? parseTemplate(template) : template;
  const out: string[] = [];
  renderNodes(nodes, value, out);
  return out.join('');
}
