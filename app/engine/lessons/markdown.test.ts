import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderInline, renderMarkdown, type Block, type Inline } from './markdown.ts';

describe('renderMarkdown', () => {
  it('makes paragraphs, headings, lists and code blocks', () => {
    const blocks = renderMarkdown(
      [
        '# Title',
        '',
        'One',
        'line.',
        '',
        '- a',
        '- b',
        '',
        '1. x',
        '',
        '```sh',
        'echo <b>',
        '```',
      ].join('\n'),
    );
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'list', 'list', 'code']);
    expect(blocks[1]).toEqual({
      type: 'paragraph',
      children: [{ type: 'text', text: 'One line.' }],
    });
    expect(blocks[2]).toMatchObject({ ordered: false, items: [[{ text: 'a' }], [{ text: 'b' }]] });
    expect(blocks[3]).toMatchObject({ ordered: true });
    expect(blocks[4]).toEqual({ type: 'code', lang: 'sh', text: 'echo <b>' });
  });

  it('renders emphasis, code and http(s) links only', () => {
    expect(renderInline('a **b** *c* `d*e`')).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'strong', children: [{ type: 'text', text: 'b' }] },
      { type: 'text', text: ' ' },
      { type: 'em', children: [{ type: 'text', text: 'c' }] },
      { type: 'text', text: ' ' },
      { type: 'code', text: 'd*e' },
    ]);
    expect(renderInline('[docs](https://docs.docker.com)')).toEqual([
      { type: 'link', href: 'https://docs.docker.com', children: [{ type: 'text', text: 'docs' }] },
    ]);
    const js = renderInline('[x](javascript:alert(1))');
    expect(js.every((n) => n.type === 'text')).toBe(true);
    expect(js.map((n) => (n.type === 'text' ? n.text : '')).join('')).toBe('x)');
    expect(renderInline('<script>alert(1)</script>')).toEqual([
      { type: 'text', text: '<script>alert(1)</script>' },
    ]);
    expect(renderInline('snake_case_name and 2*3')).toEqual([
      { type: 'text', text: 'snake_case_name and 2*3' },
    ]);
  });

  it('never throws, and every link it makes is http(s)', () => {
    const links = (nodes: Inline[]): string[] =>
      nodes.flatMap((n) =>
        n.type === 'link'
          ? [n.href, ...links(n.children)]
          : 'children' in n
            ? links(n.children)
            : [],
      );
    const all = (blocks: Block[]) =>
      blocks.flatMap((b) =>
        b.type === 'paragraph' || b.type === 'heading'
          ? links(b.children)
          : b.type === 'list'
            ? b.items.flatMap(links)
            : [],
      );
    const md = fc.array(
      fc.oneof(
        fc.string(),
        fc.constantFrom('[a](', ')', 'javascript:', 'https://x', '**', '`', '\n', '```', '- '),
      ),
    );
    fc.assert(
      fc.property(md, (parts) => {
        for (const href of all(renderMarkdown(parts.join(''))))
          expect(href).toMatch(/^https?:\/\//i);
      }),
      { numRuns: 300 },
    );
  });
});
