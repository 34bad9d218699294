import { useId, type ReactNode } from 'react';
import { PanelErrorBoundary } from './PanelErrorBoundary.tsx';

export interface PanelProps {
  /** The visible heading, also the region's accessible name. */
  title: string;
  testId: string;
  /** Shown at the right of the heading (counts, status). */
  aside?: ReactNode;
  className?: string;
  /**
   * The body scrolls and may hold nothing focusable (a table): keyboard users reach it with
   * Tab and scroll it with the arrow keys.
   */
  focusableBody?: boolean;
  /**
   * The heading is for screen readers only: something on screen already names the panel (the
   * inspector's selected tab), and its row is worth more to the panel's content.
   */
  headingHidden?: boolean;
  children: ReactNode;
}

/** A named region of the lab with its own error boundary: one panel's crash stays in it. */
export function Panel({
  title,
  testId,
  aside,
  className,
  focusableBody,
  headingHidden,
  children,
}: PanelProps) {
  const headingId = useId();
  return (
    <section
      className={className ? `panel ${className}` : 'panel'}
      aria-labelledby={headingId}
      data-testid={testId}
    >
      <header className={headingHidden ? 'panel-header visually-hidden' : 'panel-header'}>
        <h2 id={headingId} className="panel-title">
          {title}
        </h2>
        {aside}
      </header>
      <div
        className="panel-body"
        {...(focusableBody ? { tabIndex: 0, role: 'group', 'aria-labelledby': headingId } : {})}
      >
        <PanelErrorBoundary panel={title}>{children}</PanelErrorBoundary>
      </div>
    </section>
  );
}
