/**
 * Shared by the task pane's component tests: a synthetic ledger (2-D arrays, made-up people),
 * an in-memory workbook holding it, and the pane rendered on that workbook.
 */
import "../support/textDecoderShim"; // jsdom has no TextDecoder; a chosen policy file is decoded with it
import { createDOMRenderer, RendererProvider } from "@fluentui/react-components";
import { configure, render, RenderResult, screen, waitFor } from "@testing-library/react";
import { checkLedger, CheckReport } from "../../src/checks";
import { MemoryHostOptions, MemorySheetInit, MemoryWorkbookHost } from "../../src/host/memoryHost";
import { installBlobReading } from "../../src/wps/blobReading";
import type { WorkbookHost } from "../../src/host/types";
import { readLedger } from "../../src/ledger";
import type { AppProps } from "../../src/taskpane/App";
import type { Language } from "../../src/taskpane/i18n";
import { Pane } from "../../src/taskpane/mount";
import { AS_OF, cleanHousehold, FULL_HEADER, letterOf, POLICY } from "../support/ledgerFixtures";

export { AS_OF, letterOf, POLICY };

/*
 * What made these tests time out on a busy machine, and what is done about it:
 * - A role query (getByRole) first decides, for every candidate element, whether it is hidden:
 *   jsdom computes the style of the element and of each ancestor, the slowest part of a query
 *   (about half a second per query over the 设置 tab's 2,000 elements). The pane renders only the
 *   selected tab and nothing hidden carries a role the tests look for, so the check is skipped.
 * - Fluent's CSS made every style computation slow: see showPane.
 * - findBy*, waitFor: Testing Library gives up after 1 s; a render of the 设置 tab alone took
 *   longer than that when both cores were busy. They wait up to 20 s, less than a test may take
 *   (testTimeout in jest.config.js).
 * - The 设置 tab re-rendered every column's field list on each change (src/taskpane/SettingsTab.tsx
 *   now memoises the rows).
 */
configure({ defaultHidden: true, asyncUtilTimeout: 20_000 });

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

export function workbook(
  sheets: MemorySheetInit[] = [
    { name: LEDGER_SHEET, cells: LEDGER_ROWS },
    { name: NOTES_SHEET, cells: [["说明"], ["合成数据"]] },
  ],
  options: MemoryHostOptions = {},
): MemoryWorkbookHost {
  return new MemoryWorkbookHost(sheets, { activeSheet: sheets[0].name, ...options });
}

/**
 * Fluent's styles are class names whose CSS Griffel inserts into the document: thousands of
 * rules, which jsdom's getComputedStyle walks on every call, and an accessible-name lookup calls
 * it for every candidate element and its children. Only the rules that hide something matter
 * to a test (a tab's hidden copy of its label must stay out of its name); the others are not inserted.
 */
let unstyled: ReturnType<typeof createDOMRenderer> | null = null;

export function showPane(host: WorkbookHost, props: Partial<AppProps> & { language?: Language } = {}): RenderResult {
  unstyled ??= createDOMRenderer(document, { unstable_filterCSSRule: (rule) => /display:\s*none|visibility:\s*hidden/.test(rule) });
  return render(
    <RendererProvider renderer={unstyled} targetDocument={document}>
      <Pane host={host} language={props.language ?? "zh"} now={() => NOW} {...props} />
    </RendererProvider>,
  );
}

/** Wait until the settings are loaded and, when a sheet chooser is shown, it lists the given sheet. */
export async function paneReady(sheet = LEDGER_SHEET): Promise<void> {
  await waitFor(() => expect(screen.queryByText(/正在读取工作簿中的设置|Reading the settings saved/)).toBeNull());
  if (screen.queryByRole("combobox", { name: /^(工作表|Worksheet)$/ })) await screen.findByRole("option", { name: sheet });
}

// jsdom has no ResizeObserver (Fluent's MessageBar observes its width) and no scrollIntoView.
export function installDomShims(): void {
  // jsdom's Blob has neither text() nor arrayBuffer(): the shim the WPS build ships.
  installBlobReading();
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
