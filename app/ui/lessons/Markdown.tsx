/**
 * Lesson prose on the page: the engine's safe Markdown tree rendered as React elements. No
 * HTML string is ever inserted: raw HTML in a lesson stays literal text.
 */
import { useMemo } from 'react';
import {
  renderInline,
  renderMarkdown,
  type Block,
  type Inline,
} from '../../engine/lessons/markdown.ts';

function Inlines({ nodes }: { nodes: readonly Inline[] }) {
  return (
    <>
      {nodes.map((n, i) => {
        switch (n.type) {
          case 'text':
            return <span key={i}>{n.text}</span>;
          case 'code':
            return <code key={i}>{n.text}</code>;
          case 'strong':
            return (
              <strong key={i}>
                <Inlines nodes={n.children} />
              </strong>
            );
          case 'em':
            return (
              <em key={i}>
                <Inlines nodes={n.children} />
              </em>
            );
          case 'link':
            return (
              <a key={i} href={n.href} target="_blank" rel="noopener noreferrer">
                <Inlines nodes={n.children} />
              </a>
            );
        }
      })}
    </>
  );
}

function BlockView({ block }: { block: Block }) {
  switch (block.type) {
    case 'paragraph':
      return (
        <p>
          <Inlines nodes={block.children} />
        </p>
      );
    case 'heading': {
      const H = block.level === 3 ? 'h4' : 'h5';
      return (
        <H>
          <Inlines nodes={block.children} />
        </H>
      );
    }
    case 'code':
      return (
        <pre className="lesson-code">
          <code>{block.text}</code>
        </pre>
      );
    case 'list': {
      const L = block.ordered ? 'ol' : 'ul';
      return (
        <L>
          {block.items.map((item, i) => (
            <li key={i}>
              <Inlines nodes={item} />
            </li>
          ))}
        </L>
      );
    }
  }
}

/** Block Markdown (paragraphs, lists, code) as elements. */
export function Markdown({ source }: { source: string }) {
  const blocks = useMemo(() => renderMarkdown(source), [source]);
  return (
    <div className="lesson-prose">
      {blocks.map((b, i) => (
        <BlockView key={i} block={b} />
      ))}
    </div>
  );
}

/** One line of Markdown (a goal, a hint's sentence) without a paragraph around it. */
export function InlineMarkdown({ source }: { source: string }) {
  const nodes = useMemo(() => renderInline(source), [source]);
  return <Inlines nodes={nodes} />;
}
