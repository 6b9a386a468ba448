/**
 * @jest-environment jsdom
 */
/**
 * The ribbon's callbacks and the pane in WPS: host detection in one place (startPane), the
 * pane on the WPS host, requests from the ribbon through the pane's URL, and the 公式 tab on a
 * WPS build without custom functions.
 */
import { cleanup, fireEvent, screen, waitFor, act } from "@testing-library/react";
import { setFunctionPolicy } from "../../src/functions/policyContext";
import { MemoryWorkbookHost } from "../../src/host/memoryHost";
import { EMPTY_SETTINGS } from "../../src/host/types";
import type { WpsFunctionMetadata } from "../../src/wps/et";
import { IMPLEMENTATIONS, registerWpsFunctions } from "../../src/wps/functions";
import { WpsWorkbookHost } from "../../src/wps/host";
import { detectHost, startPane } from "../../src/taskpane/startup";
import { createRibbon, paneUrlOf, RIBBON_BUTTONS, TASKPANE_ID_KEY } from "../../src/wps/ribbon";
import { requestFromHash, requestUrl } from "../../src/wps/paneRequests";
import { installDomShims, LEDGER_ROWS, LEDGER_SHEET } from "../taskpane/helpers";
import { FakeEt } from "./fakeEt";

// The pane tests render the whole pane and run a check: give them more than Jest's 5 s default on a busy machine.
jest.setTimeout(30_000);

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  document.body.innerHTML = "";
  window.location.hash = "";
});

const MAIN = "http://127.0.0.1:3889/bangfu_0.1.0/index.html";
const PANE = "http://127.0.0.1:3889/bangfu_0.1.0/taskpane.html";

function ledgerWorkbook(options: ConstructorParameters<typeof FakeEt>[1] = {}): FakeEt {
  return new FakeEt(
    [
      { name: LEDGER_SHEET, cells: LEDGER_ROWS as (string | number | null)[][] },
      { name: "说明", cells: [["合成数据"]] },
    ],
    options,
  );
}

/** This jsdom window as a WPS task-pane page: `wps` and `Application` are the fake's root. */
function asWpsPage(et: FakeEt): Window & typeof globalThis {
  Object.assign(window, { wps: et.app, Application: et.app });
  const container = document.createElement("div");
  container.id = "container";
  document.body.appendChild(container);
  return window;
}

afterEach(() => {
  delete (window as { wps?: unknown }).wps;
  delete (window as { Application?: unknown }).Application;
  setFunctionPolicy(null);
});

describe("host detection (src/taskpane/startup.tsx)", () => {
  test("the harness, WPS (by its add-in API), Excel's page (Office), or nothing", () => {
    const et = new FakeEt();
    const harness = new MemoryWorkbookHost([]);
    expect(detectHost({ bangfuHarness: { host: harness }, wps: et.app })).toEqual({ kind: "harness", host: harness });
    expect(detectHost({ wps: et.app })).toMatchObject({ kind: "wps" });
    expect(detectHost({ Application: et.app })).toMatchObject({ kind: "wps" });
    const office = { onReady: () => Promise.resolve() };
    expect(detectHost({ Application: {}, Office: office })).toEqual({ kind: "office", office });
    expect(detectHost({ wps: { name: "not the add-in root" } })).toEqual({ kind: "none" });
    expect(detectHost({})).toEqual({ kind: "none" });
  });
});

describe("the pane in WPS", () => {
  test("opened by 检查本表: checks the active sheet on the WPS host; 生成汇总 later switches to 汇总", async () => {
    const et = ledgerWorkbook();
    window.location.hash = "#bangfu=checkActiveSheet&n=1";
    await act(() => startPane({}, asWpsPage(et)));
    await screen.findByText(/^共 3 户 6 人：/, {}, { timeout: 5000 });
    expect(screen.getByRole("tab", { name: "检查" }).getAttribute("aria-selected")).toBe("true");
    act(() => {
      window.location.hash = "#bangfu=showSummaries&n=2";
    });
    await waitFor(() => expect(screen.getByRole("tab", { name: "汇总" }).getAttribute("aria-selected")).toBe("true"));
  });

  test("on a WPS build without custom functions the 公式 tab says so", async () => {
    const et = ledgerWorkbook({ customFunctions: false });
    await act(() => startPane({}, asWpsPage(et)));
    await waitFor(() => expect(screen.queryByText(/正在读取工作簿中的设置/)).toBeNull());
    act(() => screen.getByRole("tab", { name: "公式" }).click());
    expect(screen.getByText("此版本的 WPS 表格不能使用加载项公式")).toBeTruthy();
    expect(screen.getByText(/需要 WPS 12\.1\.0\.20540 或更高版本/)).toBeTruthy();
  });

  test("with custom functions the 公式 tab has no such notice", async () => {
    const et = ledgerWorkbook();
    await act(() => startPane({}, asWpsPage(et)));
    await waitFor(() => expect(screen.queryByText(/正在读取工作簿中的设置/)).toBeNull());
    act(() => screen.getByRole("tab", { name: "公式" }).click());
    expect(screen.getByRole("heading", { name: "公式速查" })).toBeTruthy();
    expect(screen.queryByText("此版本的 WPS 表格不能使用加载项公式")).toBeNull();
  });
});

describe("the 公式 tab and the functions' policy in WPS", () => {
  test("without custom functions, a native formula is still written into the selected cells", async () => {
    const et = ledgerWorkbook({ customFunctions: false });
    et.sheet(LEDGER_SHEET).selection = "Z4:Z5";
    await act(() => startPane({}, asWpsPage(et)));
    await waitFor(() => expect(screen.queryByText(/正在读取工作簿中的设置/)).toBeNull());
    act(() => screen.getByRole("tab", { name: "公式" }).click());
    expect(screen.getByText(/不升级也可以用本页下方的“写入原生公式”/)).toBeTruthy();
    fireEvent.change(screen.getByRole("textbox", { name: "人均纯收入" }), { target: { value: "R4" } });
    const preview = screen.getByLabelText("将写入的公式").textContent ?? "";
    expect(preview).toMatch(/^=IF\(/);
    fireEvent.click(screen.getByRole("button", { name: "写入所选单元格" }));
    await screen.findByText("已在 Z4:Z5 写入 2 个原生公式。");
    expect(et.peek(et.sheet(LEDGER_SHEET), "Z4")?.formula).toBe(preview);
    expect(et.peek(et.sheet(LEDGER_SHEET), "Z5")?.formula).toBe(preview.replace(/R4/g, "R5"));
  });

  test("once the workbook's settings change the policy, the pane recalculates fully and =BANGFU.TIER gives the new tier", async () => {
    const et = new FakeEt([
      {
        name: "收入",
        cells: [
          ["人均纯收入", "分层"],
          [11500, null],
        ],
        formulas: { B2: "=BANGFU.TIER(A2)" },
      },
    ]);
    // The add-in's main page registered the functions; the workbook computed them under the shipped parameters.
    const metadata = Object.fromEntries(
      Object.keys(IMPLEMENTATIONS).map((id) => [id, { result: {}, parameters: [] } satisfies WpsFunctionMetadata]),
    );
    registerWpsFunctions(et.app, metadata);
    et.calculateFull();
    expect(et.valueAt(et.sheet("收入"), 2, 2)).toBe("中等收入");
    // A policy file saved in the workbook by an earlier session: 12,000 yuan is the low-income line this year.
    const policyJson = JSON.stringify({ years: { [new Date().getFullYear()]: { lowIncomeThreshold: 12000, highIncomeThreshold: 16000 } } });
    await new WpsWorkbookHost(et.app).saveSettings({ ...EMPTY_SETTINGS, policyJson });
    setFunctionPolicy(null);
    await act(() => startPane({}, asWpsPage(et)));
    await waitFor(() => expect(et.calculations).toContain("CalculateFull"));
    expect(et.valueAt(et.sheet("收入"), 2, 2)).toBe("低收入");
  });
});

describe("the ribbon's callbacks", () => {
  test("检查本表 creates the pane once, docked right, with the request in its URL; later buttons reuse it", () => {
    const et = new FakeEt();
    const reports: string[] = [];
    const ribbon = createRibbon(et.app, paneUrlOf(MAIN), (m) => reports.push(m));
    expect(ribbon.OnAddinLoad({ Invalidate: () => undefined, InvalidateControl: () => undefined })).toBe(true);
    expect(ribbon.OnAction({ Id: "bangfuCheck" })).toBe(true);
    expect(et.taskPanes).toHaveLength(1);
    const [pane] = et.taskPanes;
    expect(pane).toMatchObject({ url: `${PANE}#bangfu=checkActiveSheet&n=1`, title: "增收帮扶助手", Visible: true, DockPosition: 2 });
    expect(et.pluginStorage.get(TASKPANE_ID_KEY)).toBe(pane.ID);

    pane.Visible = false; // the user closed it
    expect(ribbon.OnAction({ Id: "bangfuSummary" })).toBe(true);
    expect(et.taskPanes).toHaveLength(1);
    expect(pane.navigations).toEqual([`${PANE}#bangfu=showSummaries&n=2`]);
    expect(pane.Visible).toBe(true);
    expect(ribbon.OnAction({ Id: "bangfuPane" })).toBe(true);
    expect(pane.navigations).toHaveLength(1);
    expect(reports).toEqual([]);
  });

  test("each button has its icon; an unknown button or a failure is reported to the user", () => {
    const et = new FakeEt();
    const reports: string[] = [];
    const ribbon = createRibbon(et.app, PANE, (m) => reports.push(m));
    expect(Object.keys(RIBBON_BUTTONS).map((id) => ribbon.GetImage({ Id: id }))).toEqual([
      "assets/check-32.png",
      "assets/summary-32.png",
      "assets/icon-32.png",
    ]);
    expect(ribbon.OnAction({ Id: "nothing" })).toBe(false);
    const broken = createRibbon(
      {
        ...et.app,
        PluginStorage: et.app.PluginStorage,
        CreateTaskPane: () => {
          throw new Error("任务窗格被禁用");
        },
      } as typeof et.app,
      PANE,
      (m) => reports.push(m),
    );
    expect(broken.OnAction({ Id: "bangfuCheck" })).toBe(false);
    expect(reports).toEqual(["增收帮扶助手：未知的按钮 nothing", "增收帮扶助手无法打开任务窗格：任务窗格被禁用"]);
  });

  test("requests round-trip through the URL fragment", () => {
    expect(requestFromHash(new URL(requestUrl(PANE, { kind: "showSummaries" }, 9)).hash)).toEqual({ kind: "showSummaries" });
    expect(requestFromHash("#other=1")).toBeNull();
    expect(requestFromHash("")).toBeNull();
  });
});
