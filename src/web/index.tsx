/**
 * The offline page's entry (npm run build:web → dist-web/bangfu.html, everything inlined): the
 * frame and the pane, Chinese unless English was chosen before on this computer.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import type { Language } from "../taskpane/i18n";
import { ErrorBoundary } from "../taskpane/mount";
import { browserStorage } from "./fileHost";
import { PageApp } from "./PageApp";
import { WorkerClient } from "./workerClient";

const LANGUAGE_KEY = "bangfu.page.language";

function start(): void {
  const container = document.getElementById("container");
  if (!container) throw new Error("the page has no #container element");
  const storage = browserStorage();
  const language: Language = storage?.getItem(LANGUAGE_KEY) === "en" ? "en" : "zh";
  const remember = (chosen: Language) => {
    try {
      storage?.setItem(LANGUAGE_KEY, chosen);
    } catch {
      // the choice still applies on this page; only the next visit starts in Chinese again
    }
  };
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <ErrorBoundary language={language}>
        <PageApp initialLanguage={language} storage={storage} startWorker={WorkerClient.fromPage} onLanguage={remember} />
      </ErrorBoundary>
    </FluentProvider>,
  );
}

start();
