const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
};

/**
 * Translates a POSIX regular expression (basic, or extended with `ere`) into a JS RegExp
 * source. In BRE `\(`, `\)`, `\{`, `\}`, `\|`, `\+`, `\?` are the operators and their bare
 * forms are literal; in ERE it is the other way round.
 *
 * @example
 * posixToJs('\\(a\\)\\+', false); // '(a)+'
 */
export function posixToJs(re: string, ere: boolean): string {
  let out = '';
  for (let i = 0; i < re.length; i++) {
    const c = re[i] as string;
    if (c === '[') {
      let j = i + 1;
      if (re[j] === '^') j++;
      if (re[j] === ']') j++;
      while (j < re.length && re[j] !== ']')
        j = re[j] === '[' && re[j + 1] === ':' ? re.indexOf(':]', j) + 2 : j + 1;
      const body = re
        .slice(i + 1, j)
        .replace(/\[:(\w+):\]/g, (m, n: string) => CLASSES[n] ?? m)
        .replace(/\\/g, '\\\\');
      out += `[${body}]`;
      i = j;
    } else if (c === '\\' && i + 1 < re.length) {
      const n = re[++i] as string;
      if (!ere && '(){}|+?'.includes(n)) out += n;
      else if (/[1-9wWsSbB]/.test(n)) out += `\\${n}`;
      else if (n === '<' || n === '>') out += '\\b';
      else out += /[a-zA-Z0-9]/.test(n) ? n : `\\${n}`;
    } else if (!ere && '(){}|+?'.includes(c)) out += `\\${c}`;
    else if (c === '*' && (out === '' || out === '^')) out += '\\*';
    else out += c;
  }
  return out;
}

/** Compiles a POSIX regex, or returns the error text grep/sed would print. */
export function compile(re: string, ere: boolean, flags: string): RegExp | string {
  try {
    return new RegExp(posixToJs(re, ere), flags);
  } catch {
    return ere ? 'Unmatched ( or \\(' : 'Invalid regular expression';
  }
}
