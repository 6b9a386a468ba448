import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { Policy, resolvePolicy } from "../policy";
import { today } from "../values";
import { App, Language, languageOf } from "./App";

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A render failure still shows its message in the pane instead of a blank page. */
class ErrorBoundary extends React.Component<{ language: Language; children: React.ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };

  static getDerivedStateFromError(error: unknown): { error: string } {
    return { error: messageOf(error) };
  }

  override render(): React.ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>{this.props.language === "en" ? "Something went wrong" : "出错了"}</MessageBarTitle>
          {this.state.error}
        </MessageBarBody>
      </MessageBar>
    );
  }
}

async function start(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container element");
  let language: Language = "zh";
  let policy: Policy | null = null;
  let error: string | null = null;
  try {
    // Outside Office (a plain browser, tests) there is no Office object: render in Chinese.
    if (typeof Office !== "undefined") {
      await Office.onReady();
      language = languageOf(Office.context?.displayLanguage);
    }
    policy = resolvePolicy(today().year);
  } catch (caught) {
    error = messageOf(caught); // shown in the pane's MessageBar
  }
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <ErrorBoundary language={language}>
        <App language={language} policy={policy} error={error} />
      </ErrorBoundary>
    </FluentProvider>,
  );
}

void start();
