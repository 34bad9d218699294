import { EditorView } from '@codemirror/view';

/**
 * Editor look from the page's CSS variables (app/ui/theme.css), so light and dark follow
 * `prefers-color-scheme` with no JavaScript and no second theme.
 */
export const editorTheme = EditorView.theme({
  '&': {
    height: '100%',
    fontSize: 'var(--editor-font-size)',
    color: 'var(--fg)',
    backgroundColor: 'var(--editor-bg)',
  },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': {
    fontFamily: 'var(--font-mono)',
    lineHeight: 'var(--editor-line-height)',
  },
  '.cm-content': { padding: '0.5rem 0', caretColor: 'var(--accent)' },
  '.cm-line': { padding: '0 1rem 0 0.5rem' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--accent)', borderLeftWidth: '2px' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection':
    { backgroundColor: 'var(--selection-bg)' },
  '.cm-activeLine': { backgroundColor: 'var(--active-line-bg)' },
  // The build step the lab shows: a bar at the left and a tint, over the active line's.
  '.ll-step-line': {
    backgroundColor: 'var(--accent-soft)',
    boxShadow: 'inset 4px 0 0 var(--accent)',
  },
  '.cm-gutters': {
    backgroundColor: 'var(--editor-bg)',
    color: 'var(--fg-muted)',
    border: 'none',
    borderRight: '1px solid var(--border)',
  },
  '.cm-activeLineGutter': { backgroundColor: 'var(--active-line-bg)', color: 'var(--fg)' },
  '.cm-lineNumbers .cm-gutterElement': { padding: '0 0.5rem 0 0.75rem', minWidth: '2.5ch' },
  '.ll-diagnostic-gutter .cm-gutterElement': { width: '1.4em', textAlign: 'center' },
  '.ll-gutter-marker': { fontWeight: '700', cursor: 'default' },
  '.ll-gutter-error': { color: 'var(--error)' },
  '.ll-gutter-warning': { color: 'var(--warning)' },
  '.ll-gutter-info, .ll-gutter-hint': { color: 'var(--info)' },
  '.cm-tooltip': {
    backgroundColor: 'var(--surface-raised)',
    color: 'var(--fg)',
    border: '1px solid var(--border-strong)',
    borderRadius: '6px',
    boxShadow: 'var(--shadow)',
    fontFamily: 'var(--font-sans)',
    fontSize: '0.95rem',
    maxWidth: 'min(36rem, 90vw)',
  },
  '.cm-tooltip-hover': { padding: '0.5rem 0.75rem' },
  '.cm-tooltip-lint': { padding: '0.25rem 0.25rem' },
  '.cm-tooltip.cm-tooltip-autocomplete > ul': {
    fontFamily: 'var(--font-mono)',
    maxHeight: '16em',
  },
  '.cm-tooltip.cm-tooltip-autocomplete > ul > li': { padding: '0.15rem 0.75rem' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': {
    backgroundColor: 'var(--accent)',
    color: 'var(--accent-fg)',
  },
  '.cm-completionDetail': { marginLeft: '1em', fontStyle: 'normal', opacity: '0.8' },
  '.cm-completionInfo': { padding: '0.5rem 0.75rem' },
  '.cm-diagnostic': { padding: '0.15rem 0', borderLeftWidth: '4px' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--error)' },
  '.cm-diagnostic-warning': { borderLeftColor: 'var(--warning)' },
  '.cm-diagnostic-info': { borderLeftColor: 'var(--info)' },
  '.ll-diagnostic-hint': { color: 'var(--fg-muted)', marginTop: '0.25rem', maxWidth: '60ch' },
  '.ll-diagnostic-rule': { marginBottom: '0.15rem' },
  '.ll-instruction-info': { maxWidth: '34rem' },
  '.ll-instruction-info p': { margin: '0.35rem 0' },
  '.ll-instruction-info pre': {
    margin: '0.2rem 0 0',
    fontFamily: 'var(--font-mono)',
    fontSize: '0.9em',
    whiteSpace: 'pre-wrap',
  },
  '.ll-instruction-info-title': { fontFamily: 'var(--font-mono)', fontWeight: '700' },
  '.ll-kind': {
    marginLeft: '0.5em',
    padding: '0 0.5em',
    borderRadius: '999px',
    fontFamily: 'var(--font-sans)',
    fontSize: '0.8em',
    fontWeight: '600',
  },
  '.ll-kind-filesystem': {
    backgroundColor: 'var(--badge-layer-bg)',
    color: 'var(--badge-layer-fg)',
  },
  '.ll-kind-metadata': {
    backgroundColor: 'var(--badge-metadata-bg)',
    color: 'var(--badge-metadata-fg)',
  },
  '.ll-kind-base': { backgroundColor: 'var(--badge-base-bg)', color: 'var(--badge-base-fg)' },
  '.ll-instruction-info-label': {
    color: 'var(--fg-muted)',
    fontSize: '0.85em',
    textTransform: 'uppercase',
    letterSpacing: '0.04em',
  },
});
