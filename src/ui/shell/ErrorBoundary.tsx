import { Component, type ReactNode } from 'react';
import { ErrorBar } from './ErrorBar.js';
import type { ShellLang } from './texts.js';

/** A render error shows a MessageBar instead of a blank pane. */
export class ErrorBoundary extends Component<{ lang: ShellLang; children: ReactNode }, { error?: unknown }> {
  override state: { error?: unknown } = {};
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    if (this.state.error !== undefined) {
      return (
        <ErrorBar
          error={this.state.error}
          lang={this.props.lang}
          onRetry={() => this.setState({ error: undefined })}
        />
      );
    }
    return this.props.children;
  }
}
