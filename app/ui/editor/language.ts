import { HighlightStyle, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { dockerFile } from '@codemirror/legacy-modes/mode/dockerfile';
import { tags as t } from '@lezer/highlight';

/** Dockerfile highlighting: keywords, strings, comments, variables. Diagnostics come from our parser. */
export const dockerfileLanguage = StreamLanguage.define(dockerFile);

/** Colours from the page's CSS variables (app/ui/theme.css), as the editor's theme (theme.ts). */
const highlight = HighlightStyle.define([
  { tag: t.keyword, color: 'var(--syntax-keyword)', fontWeight: '700' },
  { tag: t.comment, color: 'var(--syntax-comment)', fontStyle: 'italic' },
  { tag: [t.string, t.special(t.string)], color: 'var(--syntax-string)' },
  { tag: [t.variableName, t.variableName], color: 'var(--syntax-variable)' },
  { tag: t.number, color: 'var(--syntax-number)' },
  { tag: t.invalid, color: 'var(--syntax-invalid)' },
]);

export const dockerfileHighlighting = [dockerfileLanguage, syntaxHighlighting(highlight)];
