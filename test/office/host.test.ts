import type { Finding } from "../../src/checks/types";
import { OfficeWorkbookHost, detectAnnotation } from "../../src/office/host";
import { ALL_CAPABILITIES } from "../../src/office/capabilities";
import { translateOfficeError } from "../../src/office/errors";
import { loadSettings, officeDocumentSettings, saveSettings, type SettingsStore } from "../../src/office/settings";
import { SETTINGS_KEY } from "../../src/host/settings";
import { EMPTY_SETTINGS, HostError, type PaneSettings } from "../../src/host/types";
import { FakeExcel, FakeOfficeError } from "./fakeExcel";
import { TIERS } from "../host/sampleTables";

const LEDGER = [
  ["户编号", "姓名"],
  ["H01", "张三"],
];
const FINDING: Finding = {
  rule: "D03",
  severity: "error",
  clause: "第二条",
  household: "H01",
  cell: { row: 2, column: "A" },
  message: "证件号码有误",
  data: { kind: "invalidIdNumber" },
};

function memoryStore(initial: Record<string, unknown> = {}): SettingsStore & { values: Record<string, unknown>; saves: number } {
  const values = { ...initial };
  const store = {
    values,
    saves: 0,
    get: (key: string) => values[key],
    set: (key: string, value: unknown) => void (values[key] = value),
    save: async () => void store.saves++,
  };
  return store;
}

function host(excel: FakeExcel, settings: SettingsStore = memoryStore()) {
  return new OfficeWorkbookHost({ run: excel.run, settings, annotation: "note", capabilities: ALL_CAPABILITIES });
}

describe("OfficeWorkbookHost over the fake", () => {
  test("reads, writes, marks, clears and selects through Excel.run", async () => {
    const excel = new FakeExcel([{ name: "台账", cells: LEDGER, fills: { A2: "#FFFF00" } }]);
    const h = host(excel);
    expect(await h.listSheets()).toEqual(["台账"]);
    expect(await h.activeSheet()).toBe("台账");
    const progress: [number, number][] = [];
    expect((await h.readSheet("台账", (r, t) => progress.push([r, t]))).cells).toEqual(LEDGER);
    expect(progress).toEqual([[2, 2]]);
    expect(await h.writeSummaries([TIERS])).toEqual(["汇总-分层"]);
    expect(h.lastWrite[0]).toMatchObject({ key: "tiers", renamed: false });
    expect(await h.markFindings("台账", [FINDING])).toBe(1);
    expect(excel.cell(excel.sheet("台账"), "A2").fill?.color).toBe("#F8D7DA");
    expect(await h.clearMarks("台账")).toBe(1);
    expect(excel.cell(excel.sheet("台账"), "A2").fill?.color).toBe("#FFFF00");
    await h.selectCell("台账", { row: 2, column: "B" });
    expect(excel.sheet("台账").selection).toBe("B2");
    expect(excel.activeSheet?.name).toBe("台账");
  });

  test("usesDate1904: DATE(1904,1,1) asked in one sync; an Excel without workbook.functions (ExcelApi 1.2) is taken as 1900", async () => {
    const excel = new FakeExcel([{ name: "台账", cells: LEDGER }]);
    excel.date1904 = true;
    expect(await host(excel).usesDate1904()).toBe(true);
    expect(excel.syncs).toHaveLength(1);
    excel.date1904 = false;
    expect(await host(excel).usesDate1904()).toBe(false);
    excel.date1904 = true;
    const capabilities = { ...ALL_CAPABILITIES, dateSystem: false };
    const old = new OfficeWorkbookHost({ run: excel.run, settings: memoryStore(), capabilities });
    const before = excel.syncs.length;
    expect(await old.usesDate1904()).toBe(false);
    expect(excel.syncs.slice(before).flatMap((s) => s.commands)).not.toContainEqual(expect.stringContaining("FunctionResult"));
  });

  test("cell edit mode: kind cellEditMode with the message to press Enter or Esc", async () => {
    const excel = new FakeExcel([{ name: "台账", cells: LEDGER }]);
    excel.cellEditMode = true;
    const error = await host(excel)
      .readSheet("台账")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error).toMatchObject({ kind: "cellEditMode", message: "Excel 正处于单元格编辑状态：请先按 Enter 或 Esc 结束编辑，再点一次。" });
    expect((error as HostError).cause).toBeInstanceOf(FakeOfficeError);
  });

  test("a protected sheet: kind protectedSheet telling how to unprotect; the ledger is unchanged", async () => {
    const excel = new FakeExcel([{ name: "台账", cells: LEDGER, protected: true }]);
    const error = (await host(excel)
      .markFindings("台账", [FINDING])
      .catch((e: unknown) => e)) as HostError;
    expect(error).toBeInstanceOf(HostError);
    expect(error.kind).toBe("protectedSheet");
    expect(error.message).toMatch(/^工作表受保护：工作表“台账”设置了保护.*请先撤销工作表保护（审阅 → 撤销工作表保护）/);
    expect(excel.peek(excel.sheet("台账"), 2, 1)?.fill ?? null).toBeNull();
  });

  test("a missing sheet: kind sheetMissing naming it", async () => {
    const excel = new FakeExcel([{ name: "台账", cells: LEDGER }]);
    const error = (await host(excel)
      .readSheet("旧台账")
      .catch((e: unknown) => e)) as HostError;
    expect(error).toMatchObject({ kind: "sheetMissing" });
    expect(error.message).toContain("“旧台账”");
    await expect(host(excel).selectCell("旧台账", { row: 1, column: "A" })).rejects.toMatchObject({ kind: "sheetMissing" });
  });

  test("settings: saved under one key through the store, read back; a broken value is reported", async () => {
    const excel = new FakeExcel([]);
    const store = memoryStore();
    const h = host(excel, store);
    expect(await h.loadSettings()).toEqual(EMPTY_SETTINGS);
    const settings: PaneSettings = {
      policyYear: 2025,
      policyJson: '{"year":2025}',
      mappings: { 台账: { 户码: "householdId", 备注: null } },
    };
    await h.saveSettings(settings);
    expect(store.saves).toBe(1);
    expect(store.values[SETTINGS_KEY]).toEqual({ version: 1, ...settings });
    expect(await h.loadSettings()).toEqual(settings);
    // Something stored that is not settings is reported (the pane shows it and uses the defaults), never silently dropped.
    expect(() => loadSettings(memoryStore({ [SETTINGS_KEY]: "not json" }))).toThrow(HostError);
    expect(() => loadSettings(memoryStore({ [SETTINGS_KEY]: "not json" }))).toThrow(/设置无法读取/);
    expect(() => loadSettings(memoryStore({ [SETTINGS_KEY]: [1, 2] }))).toThrow(/数组/);
    expect(
      loadSettings(memoryStore({ [SETTINGS_KEY]: { policyYear: "2025", mappings: { 台账: { 户码: "notAField", 村: "village" } } } })),
    ).toEqual({
      policyYear: null,
      policyJson: null,
      mappings: { 台账: { 村: "village" } },
    });
  });

  test("settings over Office.Settings: saveAsync's failure is reported, not swallowed", async () => {
    const saved: Record<string, unknown> = {};
    let fail = false;
    const officeSettings = {
      get: (key: string) => saved[key],
      set: (key: string, value: unknown) => void (saved[key] = value),
      saveAsync: (callback: (result: { status: string; error?: { message: string } }) => void) =>
        callback(fail ? { status: "failed", error: { message: "Save Settings Error" } } : { status: "succeeded" }),
    } as unknown as Office.Settings;
    const store = officeDocumentSettings(officeSettings);
    await saveSettings(store, EMPTY_SETTINGS);
    expect(saved[SETTINGS_KEY]).toEqual({ version: 1, ...EMPTY_SETTINGS });
    fail = true;
    const h = new OfficeWorkbookHost({ run: new FakeExcel([]).run, settings: store });
    const error = (await h.saveSettings(EMPTY_SETTINGS).catch((e: unknown) => e)) as HostError;
    expect(error).toMatchObject({ kind: "other", message: "保存设置未完成：Save Settings Error" });
  });
});

describe("translateOfficeError", () => {
  const office = (code: string, message = "x") => Object.assign(new Error(message), { code });

  test("each Excel failure the user can act on has its own kind", () => {
    expect(translateOfficeError(office("InvalidOperationInCellEditMode"), "read").kind).toBe("cellEditMode");
    expect(translateOfficeError(office("AccessDenied"), "mark", "台账").kind).toBe("protectedSheet");
    expect(translateOfficeError(office("InvalidOperation", "The sheet is protected."), "clear", "台账").kind).toBe("protectedSheet");
    expect(translateOfficeError(office("ItemNotFound"), "read", "台账").kind).toBe("sheetMissing");
    for (const code of ["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "PayloadTooLarge"]) {
      const error = translateOfficeError(office(code), "write");
      expect(error.kind).toBe("payloadTooLarge");
      expect(error.message).toContain("5 MB");
    }
    // The inner code of debugInfo counts too.
    expect(
      translateOfficeError({ code: "GeneralException", message: "m", debugInfo: { code: "InvalidOperationInCellEditMode" } }, "read").kind,
    ).toBe("cellEditMode");
  });

  test("protected sheet message for writing summaries names the workbook structure too", () => {
    const message = translateOfficeError(office("AccessDenied"), "write").message;
    expect(message.startsWith("工作表受保护：")).toBe(true);
    expect(message).toContain("请先撤销工作表保护（审阅 → 撤销工作表保护");
    expect(message).toContain("审阅 → 保护工作簿");
  });

  test("anything else is kind other with the original message and code appended; a HostError passes through", () => {
    const error = translateOfficeError(office("GeneralException", "An internal error has occurred."), "write");
    expect(error).toMatchObject({ kind: "other", message: "写入汇总表未完成：An internal error has occurred.（GeneralException）" });
    expect(translateOfficeError("plain text", "read").message).toBe("读取工作表未完成：plain text");
    const own = new HostError("sheetMissing", "x");
    expect(translateOfficeError(own, "read")).toBe(own);
  });

  test("detectAnnotation: notes from ExcelApi 1.18, comments from 1.10, else none", () => {
    expect(detectAnnotation(() => true)).toBe("note");
    expect(detectAnnotation((_, v) => v === "1.10")).toBe("comment");
    expect(detectAnnotation(() => false)).toBe("none");
  });
});
