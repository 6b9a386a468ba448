/**
 * Where the task pane finds out which workbook it runs on: the one place that tells Excel, WPS
 * and the browser harness apart, and says why none was found. Every pane entry (Excel's
 * taskpane.html, WPS's taskpane.html, the harness page) calls startPane; nothing else checks for
 * Office or wps.
 *
 * - the harness: the page put an in-memory workbook in window.bangfuHarness before starting;
 * - WPS 表格: `wps`/`Application` with the add-in API (CreateTaskPane): the WPS host, requests
 *   from the ribbon through the URL fragment, Chinese (WPS's embedded browser reports no UI
 *   language reliably), and whether this WPS build has custom functions;
 * - Excel's page: `Office`, then Office.onReady within a time-out (it never settles when
 *   office.js's companion files are missing), then Excel (and whether it runs custom functions),
 *   or a message that the page was opened outside Excel (Office's display language picks the strings);
 * - Excel's page without `Office`: office.js did not load (a blocked network, a CDN build on an
 *   office network, files missing on the server); taskpane.html's onerror records the address;
 * - otherwise (a page without office.js, outside WPS) a message that it must be opened from
 *   Excel or WPS.
 */
import type { WorkbookHost } from "../host/types";
import { OfficeWorkbookHost } from "../office";
import { wpsApplicationIn } from "../wps/application";
import type { WpsApplication } from "../wps/et";
import { WpsWorkbookHost } from "../wps/host";
import { listenForRibbonRequests } from "../wps/paneRequests";
import type { TabKey } from "./App";
import { EXCEL_STRINGS, languageOf, STRINGS, type Language } from "./i18n";
import { mountMessage, mountPane } from "./mount";

/** What Excel's page sees of office.js: just enough to wait for Office and pick the language. */
export interface OfficeGlobal {
  onReady(): Promise<unknown>;
  readonly context?: {
    readonly displayLanguage?: string;
    readonly requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
  };
}

export type DetectedHost =
  | { readonly kind: "harness"; readonly host: WorkbookHost }
  | { readonly kind: "wps"; readonly app: WpsApplication }
  | { readonly kind: "office"; readonly office: OfficeGlobal }
  | { readonly kind: "officeJsMissing"; readonly src: string }
  | { readonly kind: "none" };

interface PageGlobals {
  readonly bangfuHarness?: { readonly host?: WorkbookHost };
  readonly Office?: OfficeGlobal;
  /** Set by taskpane.html's onerror: the address of an office.js that failed to load. */
  readonly bangfuOfficeJsFailed?: string;
  readonly document?: Document;
}

export function detectHost(scope: object): DetectedHost {
  const page = scope as PageGlobals;
  const harness = page.bangfuHarness?.host;
  if (harness) return { kind: "harness", host: harness };
  const app = wpsApplicationIn(scope);
  if (app) return { kind: "wps", app };
  if (page.Office !== undefined) return { kind: "office", office: page.Office };
  if (typeof page.bangfuOfficeJsFailed === "string") return { kind: "officeJsMissing", src: page.bangfuOfficeJsFailed };
  const script = officeJsScript(page.document);
  if (script !== null) return { kind: "officeJsMissing", src: script };
  return { kind: "none" };
}

/** The address of the page's office.js script (Excel's page has one, WPS's and the harness's none). */
function officeJsScript(document: Document | undefined): string | null {
  if (!document) return null;
  const script = Array.from(document.getElementsByTagName("script")).find((s) => /office\.js(\?|$)/i.test(s.src));
  return script ? script.src : null;
}

/** Office normally answers within a second or two; well above that something is missing. */
export const OFFICE_READY_TIMEOUT_MS = 30_000;

export type OfficeReadiness =
  | { readonly kind: "excel"; readonly language: Language; readonly customFunctions: boolean }
  | { readonly kind: "notInExcel"; readonly language: Language }
  | { readonly kind: "timeout" };

/**
 * Custom functions run where Office has CustomFunctionsRuntime 1.1 (Microsoft's "Custom Functions
 * requirement sets"); not in Office 2016/2019 volume-licensed, which load the plain task pane.
 */
export const CUSTOM_FUNCTIONS_SET = { name: "CustomFunctionsRuntime", version: "1.1" } as const;

/** Wait for Office.onReady, at most `timeoutMs`; then whether Excel is there. */
export async function officeReadiness(office: OfficeGlobal, scope: object, timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<OfficeReadiness> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
  const outcome = await Promise.race([office.onReady().then(() => "ready" as const), timedOut]);
  clearTimeout(timer);
  if (outcome === "timeout") return { kind: "timeout" };
  const language = languageOf(office.context?.displayLanguage);
  if ((scope as { Excel?: unknown }).Excel === undefined) return { kind: "notInExcel", language };
  const requirements = office.context?.requirements;
  const customFunctions =
    requirements !== undefined && requirements.isSetSupported(CUSTOM_FUNCTIONS_SET.name, CUSTOM_FUNCTIONS_SET.version);
  return { kind: "excel", language, customFunctions };
}

export interface StartOptions {
  /** The harness chooses these; the hosts do not. */
  readonly language?: Language;
  readonly now?: () => Date;
  readonly initialTab?: TabKey;
  /** How long Office may take to get ready (tests). */
  readonly officeTimeoutMs?: number;
}

export async function startPane(options: StartOptions = {}, scope: Window & typeof globalThis = window): Promise<void> {
  const detected = detectHost(scope);
  switch (detected.kind) {
    case "harness":
      mountPane({ host: detected.host, language: options.language ?? "zh", now: options.now, initialTab: options.initialTab });
      return;
    case "wps":
      listenForRibbonRequests(scope);
      mountPane({
        host: new WpsWorkbookHost(detected.app),
        language: "zh",
        customFunctions: typeof detected.app.AddCustomFunction === "function",
      });
      return;
    case "office": {
      const office = await officeReadiness(detected.office, scope, options.officeTimeoutMs);
      switch (office.kind) {
        case "timeout":
          mountMessage(STRINGS.zh.officeTimeoutTitle, STRINGS.zh.officeTimeoutBody);
          return;
        case "notInExcel":
          mountMessage(STRINGS[office.language].notInExcelTitle, STRINGS[office.language].notInExcelBody);
          return;
        case "excel":
          mountPane({
            host: new OfficeWorkbookHost(),
            language: office.language,
            customFunctions: office.customFunctions,
            strings: EXCEL_STRINGS,
          });
          return;
      }
      return;
    }
    case "officeJsMissing":
      mountMessage(STRINGS.zh.officeJsMissingTitle, STRINGS.zh.officeJsMissingBody(detected.src));
      return;
    case "none":
      mountMessage(STRINGS.zh.notInExcelTitle, STRINGS.zh.notInExcelBody);
  }
}
