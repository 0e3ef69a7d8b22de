import { Component, type ErrorInfo, type ReactNode } from "react";
import { Alert } from "./alert";
import { Button } from "./button";

export interface PageErrorBoundaryProps {
  /** "This page could not be loaded", in the page's language. */
  title: ReactNode;
  /** The reload button's label ("Try again"). */
  retryLabel: ReactNode;
  /**
   * Changes when the visitor goes to another page (the location): the boundary then forgets the
   * failure and tries the new page.
   */
  resetKey: string;
  /** Reloads the document; a test may pass its own. */
  onRetry?: () => void;
  children: ReactNode;
}

interface State {
  failedAt: string | null;
}

/**
 * Catches a page that fails to render, above all a lazily loaded page whose chunk did not arrive
 * (a deploy replaced the files, the network dropped), which React would otherwise leave as a blank
 * page. A reload fetches the current index.html and so the current chunk names.
 *
 * A class of its own rather than react-error-boundary: it sits in the public site's shell, whose
 * first-load budget has a few hundred bytes to spare, and needs none of that library's hooks,
 * reset helpers or HOCs; error boundaries still have to be classes in React 19.
 */
export class PageErrorBoundary extends Component<PageErrorBoundaryProps, State> {
  override state: State = { failedAt: null };

  static getDerivedStateFromError(): Partial<State> {
    // Which page failed is filled in by getDerivedStateFromProps, which sees the props.
    return { failedAt: "" };
  }

  static getDerivedStateFromProps(
    props: PageErrorBoundaryProps,
    state: State,
  ): Partial<State> | null {
    if (state.failedAt === "") return { failedAt: props.resetKey };
    if (state.failedAt !== null && state.failedAt !== props.resetKey) return { failedAt: null };
    return null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // The console only: nothing about the visitor leaves the browser.
    console.error(error, info.componentStack);
  }

  override render() {
    if (this.state.failedAt === null) return this.props.children;
    const retry = this.props.onRetry ?? (() => window.location.reload());
    return (
      <Alert tone="danger" live title={this.props.title}>
        <p>
          <Button variant="secondary" onClick={retry}>
            {this.props.retryLabel}
          </Button>
        </p>
      </Alert>
    );
  }
}
