/**
 * `$((...))`: integer arithmetic with the C operators scripts use (+ - * / % ** comparisons,
 * && || ! and parentheses). Variables are read by name. Division by zero reports like dash.
 */
export class ArithError extends Error {}

/**
 * Evaluates an arithmetic expression; variables are read through `get`.
 *
 * @example
 * evalArith('x * 2 + 1', () => '3'); // 7
 * evalArith('i += 1', () => '1', (name, v) => vars.set(name, v)); // 2, and i=2
 */
export function evalArith(
  expr: string,
  get: (name: string) => string | undefined,
  set: (name: string, value: string) => void = () => {},
): number {
  const tokens =
    expr.match(
      /\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|<=|>=|==|!=|&&|\|\||<<|>>|[-+*/%]=|=|[-+*/%()<>!~&|^]|\S/g,
    ) ?? [];
  let i = 0;
  const peek = (): string | undefined => tokens[i];
  const atom = (): number => {
    const t = tokens[i++];
    if (t === undefined) throw new ArithError('arithmetic expression: expecting primary');
    if (t === '(') {
      const v = binary(0);
      if (tokens[i++] !== ')') throw new ArithError('arithmetic expression: expecting ")"');
      return v;
    }
    if (t === '-') return -atom();
    if (t === '+') return atom();
    if (t === '!') return atom() === 0 ? 1 : 0;
    if (t === '~') return ~atom();
    if (/^\d+$/.test(t)) return t.length > 1 && t.startsWith('0') ? parseInt(t, 8) : Number(t);
    if (/^[A-Za-z_]/.test(t)) {
      const op = tokens[i];
      if (op !== undefined && /^[-+*/%]?=$/.test(op)) {
        // Assignment (`i += 1`, `x = 5`): right-associative, lowest precedence.
        i++;
        const rhs = binary(0);
        const cur = Number((get(t) ?? '').trim() || 0) | 0;
        const v = op === '=' ? rhs : apply(op.slice(0, -1), cur, rhs);
        set(t, String(v));
        return v;
      }
      const v = get(t) ?? '';
      const n = v.trim() === '' ? 0 : Number(v.trim());
      return Number.isFinite(n) ? Math.trunc(n) : 0;
    }
    throw new ArithError(`arithmetic expression: expecting primary: "${expr}"`);
  };
  const PREC: Record<string, number> = {
    '||': 1,
    '&&': 2,
    '|': 3,
    '^': 4,
    '&': 5,
    '==': 6,
    '!=': 6,
    '<': 7,
    '>': 7,
    '<=': 7,
    '>=': 7,
    '<<': 8,
    '>>': 8,
    '+': 9,
    '-': 9,
    '*': 10,
    '/': 10,
    '%': 10,
    '**': 11,
  };
  const binary = (min: number): number => {
    let left = atom();
    for (;;) {
      const op = peek();
      const p = op === undefined ? undefined : PREC[op];
      if (op === undefined || p === undefined || p < min) return left;
      i++;
      const right = binary(op === '**' ? p : p + 1);
      left = apply(op, left, right);
    }
  };
  const result = binary(0);
  if (i < tokens.length) throw new ArithError(`arithmetic expression: expecting EOF: "${expr}"`);
  return result;
}

function apply(op: string, a: number, b: number): number {
  switch (op) {
    case '+':
      return (a + b) | 0;
    case '-':
      return (a - b) | 0;
    case '*':
      return Math.imul(a, b);
    case '/':
    case '%':
      if (b === 0) throw new ArithError('arithmetic expression: division by zero');
      return op === '/' ? Math.trunc(a / b) : a % b;
    case '**':
      return a ** b;
    case '<':
      return a < b ? 1 : 0;
    case '>':
      return a > b ? 1 : 0;
    case '<=':
      return a <= b ? 1 : 0;
    case '>=':
      return a >= b ? 1 : 0;
    case '==':
      return a === b ? 1 : 0;
    case '!=':
      return a !== b ? 1 : 0;
    case '&&':
      return a !== 0 && b !== 0 ? 1 : 0;
    case '||':
      return a !== 0 || b !== 0 ? 1 : 0;
    case '&':
      return a & b;
    case '|':
      return a | b;
    case '^':
      return a ^ b;
    case '<<':
      return a << b;
    default:
      return a >> b;
  }
}
