import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App, AppProps } from "./App";
import { Language, STRINGS } from "./i18n";

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A render failure still shows its message in the pane instead of a blank page. */
export class ErrorBoundary extends React.Component<{ language: Language; children: React.ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };

  static getDerivedStateFromError(error: unknown): { error: string } {
    return { error: messageOf(error) };
  }

  override render(): React.ReactNode {
    if (this.state.error === null) return this.props.children;
    const t = STRINGS[this.props.language];
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
          {this.state.error}
          <div>
            {t.whatToDo}
            {t.errors.other.action}
          </div>
        </MessageBarBody>
      </MessageBar>
    );
  }
}

/** The pane with its theme and error boundary. */
export function Pane(props: AppProps): React.JSX.Element {
  return (
    <FluentProvider theme={webLightTheme}>
      <ErrorBoundary language={props.language}>
        <App {...props} />
      </ErrorBoundary>
    </FluentProvider>
  );
}

/** Render the pane into the page's #container. */
export function mountPane(props: AppProps): void {
  const container = document.getElementById("container");
  if (!container) throw new Error("the page has no #container element");
  createRoot(container).render(<Pane {...props} />);
}

/** Render only a message (the page was opened outside Excel, or Office failed to start). */
export function mountMessage(title: string, message: string): void {
  const container = document.getElementById("container");
  if (!container) throw new Error("the page has no #container element");
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          {message}
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>,
  );
}
