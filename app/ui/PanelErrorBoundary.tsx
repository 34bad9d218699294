import { Component, Fragment, type ErrorInfo, type ReactNode } from 'react';
import { strings } from './strings.ts';

export interface PanelErrorBoundaryProps {
  /** The panel's name as the learner sees it, for the message. */
  panel: string;
  children: ReactNode;
}

interface PanelErrorBoundaryState {
  error: Error | null;
  /** Bumped by "Reload panel": a new key mounts the panel afresh. */
  generation: number;
}

/**
 * Keeps a crash inside one panel: the panel shows what happened and a button to mount it again;
 * the rest of the page, and the learner's text, stay as they were.
 */
export class PanelErrorBoundary extends Component<
  PanelErrorBoundaryProps,
  PanelErrorBoundaryState
> {
  override state: PanelErrorBoundaryState = { error: null, generation: 0 };

  static getDerivedStateFromError(error: unknown): Partial<PanelErrorBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`Panel "${this.props.panel}" crashed`, error, info.componentStack);
  }

  private reload = () => {
    this.setState((s) => ({ error: null, generation: s.generation + 1 }));
  };

  override render() {
    const { error, generation } = this.state;
    if (error) {
      return (
        <div className="panel-error" role="alert">
          <p className="panel-error-title">{strings.panelError.title(this.props.panel)}</p>
          <p>{strings.panelError.body}</p>
          <p className="panel-error-detail">{error.message}</p>
          <button type="button" className="button" onClick={this.reload}>
            {strings.panelError.reload}
          </button>
        </div>
      );
    }
    return <Fragment key={generation}>{this.props.children}</Fragment>;
  }
}
