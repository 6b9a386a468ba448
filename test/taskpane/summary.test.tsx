/**
 * @jest-environment jsdom
 */
import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { protectedSheetMessage } from "../../src/host/messages";
import { HostError } from "../../src/host/types";
import { maskId, SUMMARY_KEYS, SUMMARY_TITLES } from "../../src/summaries";
import { sendToPane } from "../../src/taskpane/bus";
import { idOfAge } from "../support/ledgerFixtures";
import { CLEAN_ROWS, installDomShims, LEDGER_SHEET, NOTES_SHEET, paneReady, showPane, workbook } from "./helpers";

beforeAll(installDomShims);
afterEach(cleanup);

const ALL_TITLES = SUMMARY_KEYS.map((k) => SUMMARY_TITLES[k]);

async function openSummaries(): Promise<void> {
  fireEvent.click(screen.getByRole("tab", { name: "汇总" }));
  await paneReady();
}

function sheetText(host: ReturnType<typeof workbook>, name: string): string {
  return (host.sheet(name)?.cells ?? []).flat().map(String).join("\n");
}

describe("汇总 tab", () => {
  it("offers the six tabs, all chosen, and the full-ID option off", async () => {
    showPane(workbook());
    await paneReady();
    await openSummaries();
    for (const title of ALL_TITLES)
      expect((screen.getByRole("checkbox", { name: new RegExp(`^${title}`) }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole("checkbox", { name: "显示完整证件号码" }) as HTMLInputElement).checked).toBe(false);
  });

  it("generates every tab from a fresh check, lists them, and keeps them out of the sheet chooser", async () => {
    const host = workbook();
    showPane(host);
    await paneReady();
    await openSummaries();
    fireEvent.click(screen.getByRole("button", { name: "生成汇总" }));
    expect(await screen.findByText("已写入 6 个工作表")).toBeTruthy();
    expect(screen.getByText("来源工作表：台账")).toBeTruthy();
    const list = screen.getByRole("region", { name: "已写入 6 个工作表" });
    expect(
      within(list)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(ALL_TITLES);
    expect(host.calls).toContain(`readSheet(${LEDGER_SHEET})`);
    expect(host.calls).toContain(`writeSummaries(${SUMMARY_KEYS.join(",")})`);
    expect(await host.listSheets()).toEqual([LEDGER_SHEET, NOTES_SHEET, ...ALL_TITLES]);
    await waitFor(() =>
      expect(
        within(screen.getByRole("combobox", { name: "工作表" }))
          .getAllByRole("option")
          .map((o) => o.textContent),
      ).toEqual([LEDGER_SHEET, NOTES_SHEET]),
    );
    // The meta line carries the pane's clock.
    expect(sheetText(host, "汇总-分层")).toContain("生成时间：2025-06-30 10:00:00");
    // The check that was run shows under 检查.
    fireEvent.click(screen.getByRole("tab", { name: "检查" }));
    expect(screen.getByText(/^共 3 户 6 人/)).toBeTruthy();
  });

  it("writes only the chosen tabs, and goes to one on click", async () => {
    const host = workbook();
    showPane(host);
    await paneReady();
    await openSummaries();
    for (const title of ALL_TITLES.filter((t) => t !== "汇总-分层" && t !== "检查结果")) {
      fireEvent.click(screen.getByRole("checkbox", { name: new RegExp(`^${title}`) }));
    }
    fireEvent.click(screen.getByRole("button", { name: "生成汇总" }));
    expect(await screen.findByText("已写入 2 个工作表")).toBeTruthy();
    expect(host.calls).toContain("writeSummaries(tiers,findings)");
    fireEvent.click(screen.getByRole("button", { name: "检查结果" }));
    await waitFor(() => expect(host.selection).toEqual({ sheet: "检查结果", cell: { row: 1, column: "A" } }));
  });

  it("masks ID numbers unless asked for them in full", async () => {
    const headId = idOfAge(50, "001"); // H001's head (cleanHousehold)
    const host = workbook([{ name: LEDGER_SHEET, cells: CLEAN_ROWS }]);
    showPane(host);
    await paneReady();
    await openSummaries();
    fireEvent.click(screen.getByRole("button", { name: "生成汇总" }));
    await screen.findByText("已写入 6 个工作表");
    expect(sheetText(host, "重点户清单")).toContain(maskId(headId));
    expect(sheetText(host, "重点户清单")).not.toContain(headId);
    fireEvent.click(screen.getByRole("checkbox", { name: "显示完整证件号码" }));
    fireEvent.click(screen.getByRole("button", { name: "生成汇总" }));
    await waitFor(() => expect(sheetText(host, "重点户清单")).toContain(headId));
  });

  it("cannot generate nothing", async () => {
    showPane(workbook(), { initialTab: "summary" });
    await paneReady();
    for (const title of ALL_TITLES) fireEvent.click(screen.getByRole("checkbox", { name: new RegExp(`^${title}`) }));
    expect(screen.getByRole("button", { name: "生成汇总" }).hasAttribute("disabled")).toBe(true);
    expect(screen.getByText("请至少选择一个汇总表。")).toBeTruthy();
  });

  it("shows why writing failed, with what to do", async () => {
    const host = workbook();
    host.failNext("writeSummaries", new HostError("protectedSheet", protectedSheetMessage("write")));
    showPane(host, { initialTab: "summary" });
    await paneReady();
    fireEvent.click(screen.getByRole("button", { name: "生成汇总" }));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("工作表受保护")).toBeTruthy();
    expect(alert.textContent).toContain("保护工作簿");
    expect(screen.queryByText(/已写入/)).toBeNull();
  });

  it("shows why a sheet without a ledger cannot be summarised", async () => {
    showPane(workbook(), { initialTab: "summary" });
    await paneReady();
    fireEvent.change(screen.getByRole("combobox", { name: "工作表" }), { target: { value: NOTES_SHEET } });
    fireEvent.click(screen.getByRole("button", { name: "生成汇总" }));
    expect(within(await screen.findByRole("alert")).getByText("没有找到台账")).toBeTruthy();
  });

  it("opens on 汇总 from the ribbon's 生成汇总", async () => {
    showPane(workbook());
    await paneReady();
    await act(async () => sendToPane({ kind: "showSummaries" }));
    expect(screen.getByRole("tab", { name: "汇总" }).getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("button", { name: "生成汇总" })).toBeTruthy();
  });
});
