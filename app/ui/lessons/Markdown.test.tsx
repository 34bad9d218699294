import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { InlineMarkdown, Markdown } from './Markdown.tsx';

describe('lesson Markdown on the page', () => {
  it('renders paragraphs, code, lists and https links as elements', () => {
    const html = renderToStaticMarkup(
      <Markdown source={'Run `docker build`.\n\n- **one**\n- [docs](https://docs.docker.com)'} />,
    );
    expect(html).toContain('<code>docker build</code>');
    expect(html).toContain('<li><strong><span>one</span></strong></li>');
    expect(html).toContain('href="https://docs.docker.com"');
    expect(html).toContain('rel="noopener noreferrer"');
  });

  it('keeps raw HTML and script links as text, never markup', () => {
    const html = renderToStaticMarkup(
      <Markdown
        source={'<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))'}
      />,
    );
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('&lt;script&gt;');
    expect(renderToStaticMarkup(<InlineMarkdown source="<b>x</b>" />)).toBe(
      '<span>&lt;b&gt;x&lt;/b&gt;</span>',
    );
  });
});
