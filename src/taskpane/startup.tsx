/**
 * Where the task pane finds out which workbook it runs on: the one place that tells Excel, WPS
 * and the browser harness apart. Every pane entry (Excel's taskpane.html, WPS's taskpane.html,
 * the harness page) calls startPane; nothing else checks for Office or wps.
 *
 * - the harness: the page put an in-memory workbook in window.bangfuHarness before starting;
 * - WPS 表格: `wps`/`Application` with the add-in API (CreateTaskPane): the WPS host, requests
 *   from the ribbon through the URL fragment, Chinese (WPS's embedded browser reports no UI
 *   language reliably), and whether this WPS build has custom functions;
 * - Excel: `Office`, then Office.onReady and Excel (Office's display language picks the strings);
 * - otherwise a message that the page must be opened from Excel or WPS.
 */
import type { WorkbookHost } from "../host/types";
import { OfficeWorkbookHost } from "../office";
import { wpsApplicationIn } from "../wps/application";
import type { WpsApplication } from "../wps/et";
import { WpsWorkbookHost } from "../wps/host";
import { listenForRibbonRequests } from "../wps/paneRequests";
import type { TabKey } from "./App";
import { languageOf, STRINGS, type Language } from "./i18n";
import { mountMessage, mountPane } from "./mount";

export type DetectedHost =
  | { readonly kind: "harness"; readonly host: WorkbookHost }
  | { readonly kind: "wps"; readonly app: WpsApplication }
  | { readonly kind: "excel" }
  | { readonly kind: "none" };

export function detectHost(scope: object): DetectedHost {
  const harness = (scope as { bangfuHarness?: { host?: WorkbookHost } }).bangfuHarness?.host;
  if (harness) return { kind: "harness", host: harness };
  const app = wpsApplicationIn(scope);
  if (app) return { kind: "wps", app };
  if (typeof (scope as { Office?: unknown }).Office !== "undefined") return { kind: "excel" };
  return { kind: "none" };
}

export interface StartOptions {
  /** The harness chooses these; the hosts do not. */
  readonly language?: Language;
  readonly now?: () => Date;
  readonly initialTab?: TabKey;
}

export async function startPane(options: StartOptions = {}, scope: Window & typeof globalThis = window): Promise<void> {
  const detected = detectHost(scope);
  switch (detected.kind) {
    case "harness":
      mountPane({ host: detected.host, language: options.language ?? "zh", now: options.now, initialTab: options.initialTab });
      return;
    case "wps":
      listenForRibbonRequests(scope);
      mountPane({ host: new WpsWorkbookHost(detected.app), language: "zh", customFunctions: typeof detected.app.AddCustomFunction === "function" });
      return;
    case "excel": {
      await Office.onReady();
      const language = languageOf(Office.context?.displayLanguage);
      if (typeof Excel === "undefined") mountMessage(STRINGS[language].notInExcelTitle, STRINGS[language].notInExcelBody);
      else mountPane({ host: new OfficeWorkbookHost(), language });
      return;
    }
    case "none":
      mountMessage(STRINGS.zh.notInExcelTitle, STRINGS.zh.notInExcelBody);
  }
}
