/**
 * Shared by the task pane's component tests: a synthetic ledger (2-D arrays, made-up people),
 * an in-memory workbook holding it, and the pane rendered on that workbook.
 */
import { render, RenderResult, screen, waitFor } from "@testing-library/react";
import { checkLedger, CheckReport } from "../../src/checks";
import { MemoryHostOptions, MemorySheetInit, MemoryWorkbookHost } from "../../src/host/memoryHost";
import type { WorkbookHost } from "../../src/host/types";
import { readLedger } from "../../src/ledger";
import type { AppProps } from "../../src/taskpane/App";
import type { Language } from "../../src/taskpane/i18n";
import { Pane } from "../../src/taskpane/mount";
import { AS_OF, cleanHousehold, FULL_HEADER, letterOf, POLICY } from "../support/ledgerFixtures";

export { AS_OF, letterOf, POLICY };

/** The pane's clock: the fixtures' check date (2025-06-30), mid-morning. */
export const NOW = new Date(AS_OF.year, AS_OF.month - 1, AS_OF.day, 10, 0, 0);

export const TITLE_ROW = ["某街道脱贫户增收帮扶台账（测试用合成数据）"];

/**
 * Three households of two persons (rows 3–8): H001 clean; H002's head not insured (M09 error
 * at row 5); H003 without a support cadre (M01 error at row 7) and without a visit in the last
 * month (M02). Built from cleanHousehold so every other rule is satisfied.
 */
export const LEDGER_ROWS: unknown[][] = [
  TITLE_ROW,
  [...FULL_HEADER],
  ...cleanHousehold("H001"),
  ...cleanHousehold("H002", { head: { 是否参加城乡居民基本医疗保险: "否" } }),
  ...cleanHousehold("H003", { head: { 增收帮扶责任人: "", 最近走访日期: "2025-03-01" } }),
];

/** Two clean households: the check finds nothing. */
export const CLEAN_ROWS: unknown[][] = [TITLE_ROW, [...FULL_HEADER], ...cleanHousehold("H001"), ...cleanHousehold("H002")];

export const LEDGER_SHEET = "台账";
export const NOTES_SHEET = "说明";

/** What the engine itself reports for rows (the pane must show the same). */
export function engineReport(rows: unknown[][], name = LEDGER_SHEET): CheckReport {
  return checkLedger(readLedger({ name, cells: rows }), { asOf: AS_OF, policy: POLICY });
}

export function workbook(sheets: MemorySheetInit[] = [{ name: LEDGER_SHEET, cells: LEDGER_ROWS }, { name: NOTES_SHEET, cells: [["说明"], ["合成数据"]] }], options: MemoryHostOptions = {}): MemoryWorkbookHost {
  return new MemoryWorkbookHost(sheets, { activeSheet: sheets[0].name, ...options });
}

export function showPane(host: WorkbookHost, props: Partial<AppProps> & { language?: Language } = {}): RenderResult {
  return render(<Pane host={host} language={props.language ?? "zh"} now={() => NOW} {...props} />);
}

/** Wait until the settings are loaded and, when a sheet chooser is shown, it lists the given sheet. */
export async function paneReady(sheet = LEDGER_SHEET): Promise<void> {
  await waitFor(() => expect(screen.queryByText(/正在读取工作簿中的设置|Reading the settings saved/)).toBeNull());
  if (screen.queryByRole("combobox", { name: /^(工作表|Worksheet)$/ })) await screen.findByRole("option", { name: sheet });
}

// jsdom has no ResizeObserver (Fluent's MessageBar observes its width) and no scrollIntoView.
export function installDomShims(): void {
  // jsdom's Blob has no text() (browsers have had it since Chromium 76).
  if (typeof Blob.prototype.text !== "function") {
    Blob.prototype.text = function text(this: Blob): Promise<string> {
      return new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.onerror = () => reject(reader.error);
        reader.readAsText(this);
      });
    };
  }
  if (!("ResizeObserver" in window)) {
    Object.assign(window, {
      ResizeObserver: class {
        observe(): void {}
        unobserve(): void {}
        disconnect(): void {}
      },
    });
  }
}
