/**
 * A tiny, safe Markdown renderer for lesson prose: paragraphs, headings, emphasis, inline code,
 * code blocks, lists and http(s) links, into a plain data tree. It never produces HTML: raw
 * HTML in the source stays literal text, and the page renders the tree with elements.
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] };

export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'heading'; level: 3 | 4; children: Inline[] }
  | { type: 'code'; lang: string; text: string }
  | { type: 'list'; ordered: boolean; items: Inline[][] };

const SAFE_URL = /^https?:\/\/[^\s<>"'`]+$/i;

/** Inline Markdown into nodes. Unclosed markers are plain text. */
export function renderInline(text: string): Inline[] {
  const out: Inline[] = [];
  let buf = '';
  const flush = () => {
    if (buf) out.push({ type: 'text', text: buf });
    buf = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length && /[\\`*_[\]()#+\-.!]/.test(text[i + 1]!)) {
      buf += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      let ticks = 1;
      while (text[i + ticks] === '`') ticks++;
      const fence = '`'.repeat(ticks);
      const end = text.indexOf(fence, i + ticks);
      if (end > 0) {
        flush();
        out.push({ type: 'code', text: text.slice(i + ticks, end).replace(/^ (.*) $/, '$1') });
        i = end + ticks;
        continue;
      }
      buf += fence;
      i += ticks;
      continue;
    }
    if (c === '*' || c === '_') {
      const strong = text[i + 1] === c;
      const marker = strong ? c + c : c;
      const end = text.indexOf(marker, i + marker.length + 1);
      const inner = end > 0 ? text.slice(i + marker.length, end) : '';
      if (end > 0 && inner.trim() === inner && !(c === '_' && /\w/.test(text[i - 1] ?? ''))) {
        flush();
        const children = renderInline(inner);
        out.push(strong ? { type: 'strong', children } : { type: 'em', children });
        i = end + marker.length;
        continue;
      }
      buf += marker;
      i += marker.length;
      continue;
    }
    if (c === '[') {
      const close = text.indexOf('](', i + 1);
      const end = close > 0 ? text.indexOf(')', close + 2) : -1;
      if (close > 0 && end > 0) {
        const href = text.slice(close + 2, end).trim();
        const label = text.slice(i + 1, close);
        flush();
        if (SAFE_URL.test(href)) out.push({ type: 'link', href, children: renderInline(label) });
        else out.push(...renderInline(label));
        i = end + 1;
        continue;
      }
    }
    buf += c;
    i++;
  }
  flush();
  return out;
}

const ITEM = /^\s{0,3}([-*+]|\d{1,9}[.)])\s+(.*)$/;

/**
 * Markdown into blocks.
 * @example renderMarkdown('Hello *you*')[0] // { type: 'paragraph', children: [...] }
 */
export function renderMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let para: string[] = [];
  let list: { ordered: boolean; items: string[] } | undefined;
  const endPara = () => {
    if (para.length > 0) blocks.push({ type: 'paragraph', children: renderInline(para.join(' ')) });
    para = [];
  };
  const endList = () => {
    if (list) {
      blocks.push({ type: 'list', ordered: list.ordered, items: list.items.map(renderInline) });
    }
    list = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = /^\s{0,3}(`{3,}|~{3,})\s*([\w+-]*)/.exec(line);
    if (fence) {
      endPara();
      endList();
      const body: string[] = [];
      let j = i + 1;
      while (j < lines.length && !lines[j]!.trim().startsWith(fence[1]!)) body.push(lines[j++]!);
      blocks.push({ type: 'code', lang: fence[2] ?? '', text: body.join('\n') });
      i = j;
      continue;
    }
    if (line.trim() === '') {
      endPara();
      endList();
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      endPara();
      endList();
      const level = heading[1]!.length <= 3 ? 3 : 4;
      blocks.push({ type: 'heading', level, children: renderInline(heading[2]!) });
      continue;
    }
    if (/^ {4}/.test(line) && para.length === 0 && !list) {
      const body: string[] = [];
      let j = i;
      while (j < lines.length && (/^ {4}/.test(lines[j]!) || lines[j]!.trim() === '')) {
        body.push(lines[j]!.slice(4));
        j++;
      }
      while (body.length > 0 && body.at(-1)!.trim() === '') body.pop();
      blocks.push({ type: 'code', lang: '', text: body.join('\n') });
      i = j - 1;
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      endPara();
      const ordered = /\d/.test(item[1]!);
      if (list && list.ordered !== ordered) endList();
      list ??= { ordered, items: [] };
      list.items.push(item[2]!);
      continue;
    }
    if (list && /^\s+\S/.test(line)) {
      list.items[list.items.length - 1] += ` ${line.trim()}`;
      continue;
    }
    endList();
    para.push(line.trim());
  }
  endPara();
  endList();
  return blocks;
}
