/**
 * The browser harness: the real task pane wired to an in-memory workbook seeded with a
 * synthetic ledger, so that headless Chromium can click through it without Excel or office.js.
 * Built by webpack.harness.config.js; test/browser.test.ts drives it.
 *
 * URL parameters: ?lang=en for the English strings; ?tab=summary|settings|formulas to open a tab.
 * window.bangfuHarness exposes the workbook (selection, fills, calls) and the ribbon commands.
 */
import { MemoryWorkbookHost } from "../../host/memoryHost";
import type { TabKey } from "../App";
import { PaneRequest, sendToPane } from "../bus";
import { languageOf } from "../i18n";
import { startPane } from "../startup";
import { NOTES_ROWS, SAMPLE_AS_OF, SAMPLE_ROWS, SAMPLE_SHEET } from "./sampleLedger";

declare global {
  interface Window {
    bangfuHarness?: { host: MemoryWorkbookHost; ribbon(kind: PaneRequest["kind"]): void };
  }
}

const params = new URLSearchParams(window.location.search);
const host = new MemoryWorkbookHost(
  [
    { name: SAMPLE_SHEET, cells: SAMPLE_ROWS, fills: { A3: "#DDEBF7" } },
    { name: "说明", cells: NOTES_ROWS },
  ],
  // Small blocks with a pause, so that the progress bar shows as it would in Excel.
  { activeSheet: SAMPLE_SHEET, progressRows: 4, delayMs: 40 },
);
window.bangfuHarness = { host, ribbon: (kind) => sendToPane({ kind }) };

const tabs: readonly TabKey[] = ["check", "summary", "settings", "formulas"];
const tab = tabs.find((t) => t === params.get("tab")) ?? "check";
void startPane({ language: languageOf(params.get("lang") ?? "zh-CN"), now: () => SAMPLE_AS_OF, initialTab: tab });
