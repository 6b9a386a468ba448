/**
 * @jest-environment jsdom
 */
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { TIER } from "../../src/functions/functions";
import { setFunctionPolicy } from "../../src/functions/policyContext";
import { HostError, PaneSettings } from "../../src/host/types";
import { PARAMETER_KEYS, parsePolicyFile, POLICY_FILE_MAX_BYTES, resolvePolicy } from "../../src/policy";
import { FULL_HEADER } from "../support/ledgerFixtures";
import { installDomShims, LEDGER_ROWS, LEDGER_SHEET, NOTES_SHEET, paneReady, showPane, workbook } from "./helpers";

// Each test renders the whole pane and runs checks: on a busy two-core machine that can exceed Jest's 5 s default.
jest.setTimeout(30_000);

beforeAll(installDomShims);
afterEach(cleanup);

const policy2025 = resolvePolicy(2025);

async function openSettings(): Promise<void> {
  fireEvent.click(screen.getByRole("tab", { name: "设置" }));
  await screen.findByRole("heading", { name: "政策参数" });
}

function parameterRow(key: string): HTMLElement {
  return document.querySelector(`[data-parameter="${key}"]`) as HTMLElement;
}

async function savedSettings(host: ReturnType<typeof workbook>): Promise<PaneSettings> {
  return host.loadSettings();
}

async function check(): Promise<void> {
  fireEvent.click(screen.getByRole("tab", { name: "检查" }));
  await paneReady();
  fireEvent.click(screen.getByRole("button", { name: "开始检查" }));
  await screen.findByText(/^共 \d+ 户/);
}

describe("设置 tab: policy", () => {
  it("lists every parameter in force, the local unconfirmed ones badged 待确认", async () => {
    showPane(workbook());
    await paneReady();
    await openSettings();
    const table = screen.getByRole("table", { name: "2025 年适用的政策参数" });
    expect(within(table).getAllByRole("row")).toHaveLength(PARAMETER_KEYS.length + 1);
    const low = parameterRow("lowIncomeThreshold");
    expect(within(low).getByText("11,000元/人·年")).toBeTruthy();
    expect(within(low).getByText("二（一）")).toBeTruthy();
    expect(policy2025.unconfirmed.length).toBeGreaterThan(0);
    expect(screen.getAllByText("待确认")).toHaveLength(policy2025.unconfirmed.length);
    for (const key of policy2025.unconfirmed) {
      expect(within(parameterRow(key)).getByText("待确认")).toBeTruthy();
      expect(within(parameterRow(key)).getByRole("button", { name: /^确认参数/ })).toBeTruthy();
    }
    expect(screen.getByText("有参数待确认")).toBeTruthy();
    // Plan parameters are not editable here.
    expect(within(low).queryByRole("button")).toBeNull();
  });

  it("records a confirmation in the workbook's policy file, and the next check uses it", async () => {
    const host = workbook();
    showPane(host);
    await paneReady();
    await openSettings();
    const [first, ...rest] = policy2025.unconfirmed;
    fireEvent.click(within(parameterRow(first)).getByRole("button", { name: /^确认参数/ }));
    await screen.findByText("已保存。下次检查将使用新设置。");
    const saved = await savedSettings(host);
    expect(saved.policyJson).not.toBeNull();
    const overrides = parsePolicyFile(saved.policyJson as string, "test");
    expect(overrides.years[2025].confirm).toEqual([first]);
    expect(resolvePolicy(2025, overrides).unconfirmed).toEqual(rest);
    expect(within(parameterRow(first)).queryByText("待确认")).toBeNull();
    expect(within(parameterRow(first)).getByText("本地")).toBeTruthy();
    await check();
    if (rest.length > 0)
      expect(screen.getByText(`有 ${rest.length} 项当地参数尚未确认，检查使用的是默认值。请到“设置”中确认。`)).toBeTruthy();
    else expect(screen.queryByText(/当地参数尚未确认/)).toBeNull();
  });

  it("loads a policy file chosen from disk; one with problems is refused with every problem listed", async () => {
    const host = workbook();
    showPane(host);
    await paneReady();
    await openSettings();
    const input = screen.getByLabelText("载入参数文件…") as HTMLInputElement;
    const confirmAll = JSON.stringify({ years: { "2025": { confirm: policy2025.unconfirmed } } });
    fireEvent.change(input, { target: { files: [new File([confirmAll], "本街道参数.json", { type: "application/json" })] } });
    await screen.findByText("已载入参数文件 本街道参数.json。下次检查将使用其中的参数。");
    expect((await savedSettings(host)).policyJson).toBe(confirmAll);
    expect(screen.queryAllByText("待确认")).toHaveLength(0);

    fireEvent.change(input, {
      target: { files: [new File([JSON.stringify({ years: { "2025": { lowIncomeThreshold: -5 } } })], "错的.json")] },
    });
    // Nothing was saved: the remedy is to mend the file and choose it again, not to edit or clear the settings.
    expect(await screen.findByText("参数文件没有载入")).toBeTruthy();
    expect(screen.getByText(/参数文件 错的\.json 有 1 处问题/)).toBeTruthy();
    expect(screen.getByText(/原有的参数设置没有改变/)).toBeTruthy();
    expect(screen.queryByText(/清除本地参数设置”恢复内置参数/)).toBeNull();
    expect((await savedSettings(host)).policyJson).toBe(confirmAll); // the earlier file stays
  });

  it("reads a chosen policy file as --policy is read: Notepad's UTF-16 is loaded, GBK and an oversized file are refused", async () => {
    const host = workbook();
    showPane(host);
    await paneReady();
    await openSettings();
    const input = screen.getByLabelText("载入参数文件…") as HTMLInputElement;
    const text = JSON.stringify({ description: "本街道参数", years: { "2025": { hourlyMinimumWage: 21 } } });
    const utf16 = Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, "utf16le")]);
    fireEvent.change(input, { target: { files: [new File([utf16], "记事本.json")] } });
    await screen.findByText("已载入参数文件 记事本.json。下次检查将使用其中的参数。");
    expect((await savedSettings(host)).policyJson).toBe(text);

    // "说明" written in GBK: not UTF-8, so not read as garbled text.
    const gbk = Uint8Array.from([...Buffer.from('{"description":"'), 0xcb, 0xb5, 0xc3, 0xf7, ...Buffer.from('","years":{}}')]);
    fireEvent.change(input, { target: { files: [new File([gbk], "国标码.json")] } });
    expect(await screen.findByText(/参数文件 国标码\.json 有 1 处问题/)).toBeTruthy();
    expect(screen.getByText(/不是 UTF-8 编码/)).toBeTruthy();
    expect((await savedSettings(host)).policyJson).toBe(text);

    fireEvent.change(input, { target: { files: [new File([new Uint8Array(POLICY_FILE_MAX_BYTES + 1)], "大.json")] } });
    expect(await screen.findByText(/参数文件 大\.json 有 1 处问题/)).toBeTruthy();
    expect(screen.getByText(/超过上限 1 MB/)).toBeTruthy();
    expect((await savedSettings(host)).policyJson).toBe(text);
  });

  it("edits a local parameter's value (typed in the unit shown) and refuses one out of range", async () => {
    const host = workbook();
    showPane(host);
    await paneReady();
    await openSettings();
    const row = () => parameterRow("hourlyMinimumWage");
    fireEvent.click(within(row()).getByRole("button", { name: /^修改参数/ }));
    const input = within(row()).getByRole("spinbutton", { name: /新值（元\/小时）/ });
    fireEvent.change(input, { target: { value: "21" } });
    fireEvent.click(within(row()).getByRole("button", { name: "保存" }));
    await waitFor(() => expect(within(row()).getByText("21元/小时")).toBeTruthy());
    expect(within(row()).queryByText("待确认")).toBeNull();
    expect(parsePolicyFile((await savedSettings(host)).policyJson as string, "t").years[2025].values).toEqual({ hourlyMinimumWage: 21 });

    // A share is typed as a percentage.
    const growth = () => parameterRow("farmersIncomeGrowth");
    fireEvent.click(within(growth()).getByRole("button", { name: /^修改参数/ }));
    fireEvent.change(within(growth()).getByRole("spinbutton"), { target: { value: "6.5" } });
    fireEvent.click(within(growth()).getByRole("button", { name: "保存" }));
    await waitFor(() => expect(within(growth()).getByText("6.5%")).toBeTruthy());
    expect(parsePolicyFile((await savedSettings(host)).policyJson as string, "t").years[2025].values.farmersIncomeGrowth).toBe(0.065);

    // Out of range: the policy file's own message, nothing saved.
    const before = host.settingsSaved;
    fireEvent.click(within(row()).getByRole("button", { name: /^修改参数/ }));
    fireEvent.change(within(row()).getByRole("spinbutton"), { target: { value: "-3" } });
    fireEvent.click(within(row()).getByRole("button", { name: "保存" }));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("政策参数有误")).toBeTruthy();
    expect(alert.textContent).toContain("当地小时最低工资标准");
    expect(host.settingsSaved).toBe(before);
  });

  it("saves the policy year; the next check uses it; empty means the check date's year", async () => {
    const host = workbook();
    showPane(host);
    await paneReady();
    await openSettings();
    expect(screen.getByText("留空则使用检查日期所在年份（2025）。")).toBeTruthy();
    const year = screen.getByRole("spinbutton", { name: "政策年度" });
    fireEvent.change(year, { target: { value: "20" } });
    fireEvent.click(screen.getAllByRole("button", { name: "保存" })[0]);
    expect(screen.getByText("政策年度应为 2000—2100 之间的四位年份，或留空。")).toBeTruthy();
    expect(host.settingsSaved).toBe(0);
    fireEvent.change(year, { target: { value: "2024" } });
    fireEvent.click(screen.getAllByRole("button", { name: "保存" })[0]);
    await screen.findByRole("table", { name: "2024 年适用的政策参数" });
    expect((await savedSettings(host)).policyYear).toBe(2024);
    await check();
    expect(screen.getByText("工作表“台账”，检查日期 2025-06-30，政策年度 2024")).toBeTruthy();
  });

  it("warns when the policy year is outside the plan period", async () => {
    showPane(workbook(undefined, { settings: { policyYear: 2030, policyJson: null, mappings: {} } }));
    await paneReady();
    await openSettings();
    expect(screen.getByText("不在方案期内")).toBeTruthy();
  });

  it("shows an invalid saved policy file with what to do, and can remove it", async () => {
    const host = workbook(undefined, {
      settings: { policyYear: null, policyJson: '{"years": {"2025": {"hourlyMinimumWage": "abc"}}}', mappings: {} },
    });
    showPane(host);
    await paneReady();
    fireEvent.click(screen.getByRole("button", { name: "开始检查" }));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("政策参数有误")).toBeTruthy();
    expect(alert.textContent).toContain("工作簿设置");
    await openSettings();
    expect(screen.getByText("工作簿中保存的政策参数有误，已改用内置参数。")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "清除本地参数设置" }));
    await screen.findByText("已保存。下次检查将使用新设置。");
    expect((await savedSettings(host)).policyJson).toBeNull();
  });
});

describe("设置 tab: column mapping", () => {
  // The support cadre's column under a name the reader does not know.
  const CADRE = FULL_HEADER.indexOf("增收帮扶责任人");
  const renamed = LEDGER_ROWS.map((row, i) => (i === 1 ? row.map((h, c) => (c === CADRE ? "包户干部" : h)) : row));

  it("shows the columns of the last check with what was detected", async () => {
    showPane(workbook());
    await paneReady();
    await check();
    await openSettings();
    expect(screen.getByText("工作表“台账”，表头在第 2 行")).toBeTruthy();
    const select = screen.getByRole("combobox", { name: "A 列“户编号”对应的字段" }) as HTMLSelectElement;
    expect(select.value).toBe("__auto__");
    expect(within(select).getByRole("option", { name: "自动识别（户编号）" })).toBeTruthy();
    expect(within(select).getByRole("option", { name: "忽略此列" })).toBeTruthy();
    expect(within(select).getByRole("option", { name: "增收帮扶责任人" })).toBeTruthy();
  });

  it("saves a mapping that the next check uses", async () => {
    const host = workbook([{ name: LEDGER_SHEET, cells: renamed }]);
    showPane(host);
    await paneReady();
    await check();
    expect((document.querySelector('[data-rule="M01"]') as HTMLElement).textContent).toContain("已跳过：缺少列：增收帮扶责任人");
    await openSettings();
    const letter = String.fromCharCode(65 + CADRE);
    const select = screen.getByRole("combobox", { name: `${letter} 列“包户干部”对应的字段` });
    expect(within(select).getByRole("option", { name: "自动识别（未识别）" })).toBeTruthy();
    fireEvent.change(select, { target: { value: "supportCadre" } });
    fireEvent.click(screen.getByRole("button", { name: "保存列映射" }));
    await screen.findByText("已保存“台账”的列映射，下次检查将使用。");
    expect((await savedSettings(host)).mappings).toEqual({ [LEDGER_SHEET]: { 包户干部: "supportCadre" } });
    await check();
    expect((document.querySelector('[data-rule="M01"]') as HTMLElement).textContent).toContain("已运行，1 条");
    // Back to automatic detection.
    await openSettings();
    fireEvent.click(screen.getByRole("button", { name: "恢复自动识别" }));
    await waitFor(async () => expect((await savedSettings(host)).mappings).toEqual({}));
  });

  it("reads the header of a sheet not yet checked, and refuses two columns for one field", async () => {
    const host = workbook();
    showPane(host, { initialTab: "settings" });
    await paneReady();
    expect(screen.getByText("还没有读取这个工作表的表头。点“读取表头”，或先在“检查”中检查一次。")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "读取表头" }));
    const a = await screen.findByRole("combobox", { name: "A 列“户编号”对应的字段" });
    const b = screen.getByRole("combobox", { name: "B 列“证件号码”对应的字段" });
    fireEvent.change(a, { target: { value: "name" } });
    fireEvent.change(b, { target: { value: "name" } });
    fireEvent.click(screen.getByRole("button", { name: "保存列映射" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("“户编号”“证件号码”都指定为“姓名”，一个字段只能对应一列。");
    expect(host.settingsSaved).toBe(0);
    fireEvent.change(b, { target: { value: "__ignore__" } });
    fireEvent.change(a, { target: { value: "__auto__" } });
    fireEvent.click(screen.getByRole("button", { name: "保存列映射" }));
    await screen.findByText("已保存“台账”的列映射，下次检查将使用。");
    expect((await savedSettings(host)).mappings).toEqual({ [LEDGER_SHEET]: { 证件号码: null } });
  });

  it("offers the fullest row of a sheet without a recognisable header", async () => {
    showPane(
      workbook([
        { name: "杂表", cells: [["标题"], ["编码", "户主名", "收入"], ["1", "甲", 100]] },
        { name: NOTES_SHEET, cells: [["说明"]] },
      ]),
    );
    await paneReady("杂表");
    await openSettings();
    fireEvent.click(screen.getByRole("button", { name: "读取表头" }));
    expect(await screen.findByText("工作表“杂表”中没有自动识别出表头，下面列出的是第一行非空内容，请为各列指定字段。")).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "B 列“户主名”对应的字段" })).toBeTruthy();
  });
});

describe("settings storage", () => {
  it("uses the settings saved in the workbook from the start", async () => {
    const cadre = FULL_HEADER.indexOf("增收帮扶责任人");
    const renamed = LEDGER_ROWS.map((row, i) => (i === 1 ? row.map((h, c) => (c === cadre ? "包户干部" : h)) : row));
    showPane(
      workbook([{ name: LEDGER_SHEET, cells: renamed }], {
        settings: { policyYear: 2024, policyJson: null, mappings: { [LEDGER_SHEET]: { 包户干部: "supportCadre" } } },
      }),
    );
    await paneReady();
    await check();
    expect(screen.getByText("工作表“台账”，检查日期 2025-06-30，政策年度 2024")).toBeTruthy();
    expect((document.querySelector('[data-rule="M01"]') as HTMLElement).textContent).toContain("已运行");
  });

  it("shows a failure to load the settings and still works with the defaults", async () => {
    const host = workbook();
    host.failNext("loadSettings", new HostError("other", "保存设置未完成：设置已损坏"));
    showPane(host);
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("操作失败")).toBeTruthy();
    expect(alert.textContent).toContain("保存设置未完成：设置已损坏");
    expect(alert.textContent).toContain("怎么办：请重试");
    await paneReady();
    fireEvent.click(screen.getByRole("button", { name: "开始检查" }));
    expect(await screen.findByText(/^共 3 户 6 人/)).toBeTruthy();
  });

  it("shows a failure to save", async () => {
    const host = workbook();
    host.failNext("saveSettings", new HostError("cellEditMode", "Excel 正处于单元格编辑状态"));
    showPane(host, { initialTab: "settings" });
    await paneReady();
    fireEvent.click(within(parameterRow(policy2025.unconfirmed[0])).getByRole("button", { name: /^确认参数/ }));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("Excel 正在编辑单元格")).toBeTruthy();
    expect(within(parameterRow(policy2025.unconfirmed[0])).getByText("待确认")).toBeTruthy();
  });
});

describe("设置 and the custom functions", () => {
  afterEach(() => setFunctionPolicy(null));

  it("the workbook's saved policy reaches =BANGFU.TIER on the same page", async () => {
    const year = new Date().getFullYear();
    const policyJson = JSON.stringify({ years: { [year]: { lowIncomeThreshold: 12000 } } });
    expect(TIER([[11500]])).toEqual([["中等收入"]]);
    showPane(workbook(undefined, { settings: { policyYear: null, policyJson, mappings: {} } }), { now: () => new Date() });
    await paneReady();
    await waitFor(() => expect(TIER([[11500]])).toEqual([["低收入"]]));
  });
});
