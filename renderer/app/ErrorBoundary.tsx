import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button } from './theme';

interface Props {
  onError(error: unknown, info: ErrorInfo): void;
  children: ReactNode;
  /** Shown in the fallback; lets a screen fail without taking the whole window down. */
  scope?: string;
}

export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.props.onError(error, info);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="empty" role="alert">
        <h2>Something went wrong{this.props.scope ? ` in ${this.props.scope}` : ''}</h2>
        <p>The details were written to the app's log file. Your data is safe.</p>
        <div className="row">
          <Button variant="primary" onClick={() => this.setState({ failed: false })}>
            Try again
          </Button>
          <Button onClick={() => window.location.reload()}>Reload the window</Button>
        </div>
      </div>
    );
  }
}
