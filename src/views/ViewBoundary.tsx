import { Component, type ReactNode } from 'react';
import type { Messages } from '../i18n';
import { StatusMessage } from './StatusMessage';

interface ViewBoundaryProps {
  t: Messages;
  /** Changes when the user moves to another view or the data change: the view is tried again. */
  resetKey: string;
  children: ReactNode;
}

/**
 * Keeps a view that fails while rendering (a bug, or data no one foresaw) from blanking the whole
 * app: the header, navigation and the other views keep working, and the failing one says why.
 */
export class ViewBoundary extends Component<ViewBoundaryProps, { error: Error | null; key: string }> {
  override state = { error: null as Error | null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: ViewBoundaryProps, state: { error: Error | null; key: string }) {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div data-testid="view-failed">
        <StatusMessage kind="error" title={this.props.t.viewFailed} detail={error.message} />
        <button type="button" onClick={() => this.setState({ error: null })}>
          {this.props.t.viewRetry}
        </button>
      </div>
    );
  }
}
