/**
 * @jest-environment jsdom
 */
import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { countBySeverity } from "../../src/checks";
import { CELL_EDIT_MODE_MESSAGE } from "../../src/host/messages";
import { HostError } from "../../src/host/types";
import { sendToPane } from "../../src/taskpane/bus";
import {
  CLEAN_ROWS,
  engineReport,
  installDomShims,
  LEDGER_ROWS,
  LEDGER_SHEET,
  letterOf,
  NOTES_SHEET,
  paneReady,
  showPane,
  workbook,
} from "./helpers";

beforeAll(installDomShims);
afterEach(cleanup);

const report = engineReport(LEDGER_ROWS);
const counts = countBySeverity(report.findings);
const insuranceColumn = letterOf("是否参加城乡居民基本医疗保险");

async function runCheck(): Promise<void> {
  fireEvent.click(screen.getByRole("button", { name: "开始检查" }));
  await screen.findByText(/^共 3 户 6 人/);
}

/** The finding buttons of a group, found by its heading. */
function groupButtons(heading: RegExp): HTMLElement[] {
  const section = screen.getByRole("heading", { name: heading }).closest("section") as HTMLElement;
  return within(section).getAllByRole("button");
}

describe("检查 tab", () => {
  it("offers the sheets with the active one chosen, and checks it", async () => {
    const host = workbook();
    showPane(host);
    await paneReady();
    const select = screen.getByRole("combobox", { name: "工作表" }) as HTMLSelectElement;
    expect(select.value).toBe(LEDGER_SHEET);
    expect(
      within(select)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual([LEDGER_SHEET, NOTES_SHEET]);
    await runCheck();
    expect(host.calls).toContain(`readSheet(${LEDGER_SHEET})`);
  });

  it("offers no marks where the host cannot mark cells, and says so", async () => {
    const host = Object.assign(workbook(), { canMark: false });
    showPane(host);
    await paneReady();
    await runCheck();
    expect(screen.queryByRole("button", { name: "标记问题单元格" })).toBeNull();
    expect(screen.queryByRole("button", { name: "清除标记" })).toBeNull();
    expect(screen.getByText(/不能在单元格上做标记/)).toBeTruthy();
  });

  it("shows the summary line with the engine's counts and the check date", async () => {
    showPane(workbook());
    await paneReady();
    await runCheck();
    expect(counts.error).toBeGreaterThanOrEqual(3);
    expect(screen.getByText(`共 3 户 6 人：错误 ${counts.error} 条、警告 ${counts.warning} 条、提示 ${counts.info} 条`)).toBeTruthy();
    expect(screen.getByText("工作表“台账”，检查日期 2025-06-30，政策年度 2025")).toBeTruthy();
  });

  it("shows progress while the sheet is read", async () => {
    const host = workbook(undefined, { progressRows: 2, delayMs: 30 });
    showPane(host);
    await paneReady();
    fireEvent.click(screen.getByRole("button", { name: "开始检查" }));
    expect(await screen.findByText(/^正在读取：已读 \d+ \/ 8 行$/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "正在检查…" }).hasAttribute("disabled")).toBe(true);
    await screen.findByText(/^共 3 户 6 人/);
  });

  it("groups findings by rule, and by household on request", async () => {
    showPane(workbook());
    await paneReady();
    await runCheck();
    expect(screen.getByRole("heading", { name: /^M09 成员未参加基本医疗保险/ })).toBeTruthy();
    expect(screen.getByRole("heading", { name: /^M01 低收入户未明确增收帮扶责任人（1）$/ })).toBeTruthy();
    fireEvent.click(screen.getByRole("radio", { name: "按户" }));
    expect(screen.getByRole("heading", { name: /^户 H002（户主 户主H002）（\d+）$/ })).toBeTruthy();
    const h003 = groupButtons(/^户 H003/);
    expect(h003.some((b) => /^错误.*M01 /.test(b.textContent ?? ""))).toBe(true);
    expect(screen.queryByRole("heading", { name: /^户 H001/ })).toBeNull(); // clean household: no group
  });

  it("filters by severity", async () => {
    showPane(workbook());
    await paneReady();
    await runCheck();
    const errorBox = screen.getByRole("checkbox", { name: `错误（${counts.error}）` });
    const all = screen.getAllByRole("button").filter((b) => /^(错误|警告|提示)/.test(b.textContent ?? ""));
    expect(all).toHaveLength(report.findings.filter((f) => f.cell).length);
    fireEvent.click(errorBox);
    const left = screen.queryAllByRole("button").filter((b) => /^(错误|警告|提示)/.test(b.textContent ?? ""));
    expect(left).toHaveLength(report.findings.filter((f) => f.cell && f.severity !== "error").length);
    expect(left.every((b) => !(b.textContent ?? "").startsWith("错误"))).toBe(true);
    for (const s of ["警告", "提示"]) fireEvent.click(screen.getByRole("checkbox", { name: new RegExp(`^${s}`) }));
    expect(screen.getByText("所选级别没有问题。请勾选其他级别。")).toBeTruthy();
  });

  it("selects a finding's cell in the workbook on click, and with the keyboard", async () => {
    const host = workbook();
    showPane(host);
    await paneReady();
    await runCheck();
    const [m09] = groupButtons(/^M09 /);
    expect(m09.tagName).toBe("BUTTON"); // focusable: Tab reaches it, Enter activates it
    expect(m09.textContent).toContain(`${insuranceColumn}5`);
    fireEvent.click(m09);
    await waitFor(() => expect(host.selection).toEqual({ sheet: LEDGER_SHEET, cell: { row: 5, column: insuranceColumn } }));
    const [m01] = groupButtons(/^M01 /);
    m01.focus();
    expect(document.activeElement).toBe(m01);
    fireEvent.click(m01); // what Enter on a focused <button> does
    await waitFor(() => expect(host.selection?.cell.row).toBe(7));
  });

  it("marks the shown findings' cells and clears exactly those marks", async () => {
    const host = workbook([{ name: LEDGER_SHEET, cells: LEDGER_ROWS, fills: { [`${insuranceColumn}5`]: "#DDEBF7" } }]);
    showPane(host);
    await paneReady();
    await runCheck();
    fireEvent.click(screen.getByRole("checkbox", { name: /^警告/ })); // hide warnings: only errors and notes are marked
    fireEvent.click(screen.getByRole("button", { name: "标记问题单元格" }));
    const marked = report.findings.filter((f) => f.cell && f.severity !== "warning");
    const cells = new Set(marked.map((f) => `${f.cell?.column}${f.cell?.row}`));
    expect(await screen.findByText(`已标记 ${cells.size} 个单元格。`)).toBeTruthy();
    expect(host.calls).toContain(`markFindings(${LEDGER_SHEET})`);
    const sheet = host.sheet(LEDGER_SHEET);
    expect(sheet?.fills.get(`${insuranceColumn}5`)).not.toBe("#DDEBF7");
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    expect(await screen.findByText(`已清除 ${cells.size} 个单元格的标记。`)).toBeTruthy();
    expect(sheet?.fills.get(`${insuranceColumn}5`)).toBe("#DDEBF7"); // the previous fill is back
    expect(host.valueAt(LEDGER_SHEET, `${insuranceColumn}5`)).toBe("否"); // values untouched
  });

  it("lists every rule with ran / skipped and why", async () => {
    showPane(workbook([{ name: LEDGER_SHEET, cells: LEDGER_ROWS.map((row) => row.slice(0, 22)) }]));
    await paneReady();
    await runCheck();
    const partial = engineReport(LEDGER_ROWS.map((row) => row.slice(0, 22)));
    const ran = partial.rules.filter((r) => r.status === "ran").length;
    expect(screen.getByRole("heading", { name: `检查规则（已运行 ${ran} 项，跳过 ${partial.rules.length - ran} 项）` })).toBeTruthy();
    const skipped = partial.rules.find((r) => r.status === "skipped");
    if (!skipped?.reason) throw new Error("the cut ledger should skip a rule");
    const item = document.querySelector(`[data-rule="${skipped.id}"]`) as HTMLElement;
    expect(item.textContent).toContain(`已跳过：${skipped.reason}`);
    expect((document.querySelector('[data-rule="M01"]') as HTMLElement).textContent).toContain("已运行，1 条");
  });

  it("says so when nothing is found (empty state)", async () => {
    expect(engineReport(CLEAN_ROWS).findings).toEqual([]);
    showPane(workbook([{ name: LEDGER_SHEET, cells: CLEAN_ROWS }]));
    await paneReady();
    fireEvent.click(screen.getByRole("button", { name: "开始检查" }));
    expect(await screen.findByText("未发现问题")).toBeTruthy();
    expect(screen.getByText(/^共 2 户 4 人：错误 0 条、警告 0 条、提示 0 条$/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "标记问题单元格" })).toBeNull();
    expect(screen.queryByRole("heading", { name: "问题清单" })).toBeNull();
  });

  it("explains a sheet that holds no ledger, with what to do", async () => {
    showPane(workbook());
    await paneReady();
    fireEvent.change(screen.getByRole("combobox", { name: "工作表" }), { target: { value: NOTES_SHEET } });
    fireEvent.click(screen.getByRole("button", { name: "开始检查" }));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("没有找到台账")).toBeTruthy();
    expect(alert.textContent).toContain("没有找到台账表头");
    expect(alert.textContent).toContain("怎么办：请选择台账所在的工作表");
  });

  it("has its own message for Excel's cell edit mode", async () => {
    const host = workbook();
    host.failNext("readSheet", new HostError("cellEditMode", CELL_EDIT_MODE_MESSAGE));
    showPane(host);
    await paneReady();
    fireEvent.click(screen.getByRole("button", { name: "开始检查" }));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("Excel 正在编辑单元格")).toBeTruthy();
    expect(alert.textContent).toContain("请按 Enter 或 Esc 结束单元格编辑");
    // The pane recovers: the next try works.
    await runCheck();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("has its own message for a protected sheet when marking", async () => {
    showPane(workbook([{ name: LEDGER_SHEET, cells: LEDGER_ROWS, protected: true }]));
    await paneReady();
    await runCheck();
    fireEvent.click(screen.getByRole("button", { name: "标记问题单元格" }));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("工作表受保护")).toBeTruthy();
    expect(alert.textContent).toContain("撤销工作表保护");
    fireEvent.click(within(alert).getByRole("button", { name: "关闭提示" }));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("runs the ribbon's 检查本表 on the active sheet, even when sent before the pane was ready", async () => {
    const host = workbook([
      { name: NOTES_SHEET, cells: [["说明"]] },
      { name: LEDGER_SHEET, cells: LEDGER_ROWS },
    ]);
    await host.selectCell(LEDGER_SHEET, { row: 1, column: "A" }); // the user is on the ledger
    sendToPane({ kind: "checkActiveSheet" }); // queued: no pane yet
    showPane(host, { initialTab: "formulas" });
    expect(await screen.findByText(/^共 3 户 6 人/)).toBeTruthy();
    expect(screen.getByRole("tab", { name: "检查" }).getAttribute("aria-selected")).toBe("true");
    expect((screen.getByRole("combobox", { name: "工作表" }) as HTMLSelectElement).value).toBe(LEDGER_SHEET);
    // And again, while the pane is open.
    await act(async () => sendToPane({ kind: "checkActiveSheet" }));
    await waitFor(() => expect(host.calls.filter((c) => c === `readSheet(${LEDGER_SHEET})`)).toHaveLength(2));
  });
});

describe("检查 tab: a check date outside the plan period", () => {
  const outside = "2026 年不在方案期（2023—2025 年）内，沿用最近一年的参数。";

  it("on 2026-12-01 the check's policy year 2026 is outside 2023–2025: said above the findings, as the command line says it", async () => {
    showPane(workbook(), { now: () => new Date(2026, 11, 1, 10, 0, 0) });
    await paneReady();
    await runCheck();
    expect(screen.getByText("工作表“台账”，检查日期 2026-12-01，政策年度 2026")).toBeTruthy();
    const bar = screen.getByTestId("outside-plan-period");
    expect(bar.textContent).toBe(`不在方案期内${outside}`);
    const findings = screen.getByRole("heading", { name: "问题清单" });
    expect(bar.compareDocumentPosition(findings) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("within the plan period (2025): no such warning", async () => {
    showPane(workbook());
    await paneReady();
    await runCheck();
    expect(screen.queryByTestId("outside-plan-period")).toBeNull();
    expect(screen.queryByText(outside)).toBeNull();
  });
});
