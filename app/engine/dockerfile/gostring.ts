/**
 * Go's `strconv.Quote`: the quoting BuildKit's dump format uses (`%q`). Printable characters stay
 * as they are (non-ASCII included); control characters become `\n`, `\t`, `\x00`, `\u0085` ...
 */
const named: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '"': '\\"',
  '\\': '\\\\',
};

function isPrintable(cp: number): boolean {
  if (cp < 0x20 || cp === 0x7f) return false;
  if (cp >= 0x80 && cp < 0xa0) return false;
  if (cp === 0xad) return false;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  if (cp === 0xfffe || cp === 0xffff) return false;
  if (cp >= 0x2028 && cp <= 0x2029) return false;
  return true;
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const esc = named[ch];
    if (esc !== undefined) {
      out += esc;
      continue;
    }
    const cp = ch.codePointAt(0)!;
    if (isPrintable(cp)) out += ch;
    else if (cp < 0x80) out += '\\x' + hex(cp, 2);
    else if (cp < 0x10000) out += '\\u' + hex(cp, 4);
    else out += '\\U' + hex(cp, 8);
  }
  return out + '"';
}
