/**
 * @jest-environment jsdom
 */
/**
 * Excel's page in the one host detection (src/taskpane/startup.tsx): office.js missing (the
 * address taskpane.html's onerror recorded, or the page's script), Office never ready, Office
 * ready outside Excel, and Excel. WPS and the harness are tested in test/wps/ribbonPane.test.tsx.
 */
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { STRINGS } from "../../src/taskpane/i18n";
import { detectHost, officeReadiness, startPane } from "../../src/taskpane/startup";
import { FakeExcel } from "../office/fakeExcel";
import { installDomShims } from "./helpers";

jest.setTimeout(30_000);

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  document.body.innerHTML = "";
  document.head.innerHTML = "";
  for (const key of ["Office", "Excel", "bangfuOfficeJsFailed"]) delete (window as unknown as Record<string, unknown>)[key];
});

const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

function page(globals: Record<string, unknown> = {}): Window & typeof globalThis {
  Object.assign(window, globals);
  const container = document.createElement("div");
  container.id = "container";
  document.body.appendChild(container);
  return window;
}

describe("Excel's page", () => {
  it("office.js did not load: the address taskpane.html's onerror recorded", () => {
    expect(detectHost({ bangfuOfficeJsFailed: CDN })).toEqual({ kind: "officeJsMissing", src: CDN });
  });

  it("office.js did not load and no error was recorded: the page's office.js script names the address", () => {
    const script = document.createElement("script");
    script.src = "http://intranet.example/bangfu/office/office.js";
    document.head.appendChild(script);
    expect(detectHost({ document })).toEqual({ kind: "officeJsMissing", src: "http://intranet.example/bangfu/office/office.js" });
    // A page without office.js (WPS's pane opened in a plain browser): open it from Excel or WPS.
    document.head.innerHTML = "";
    expect(detectHost({ document })).toEqual({ kind: "none" });
  });

  it("says that office.js could not load, where from, and what to do", async () => {
    await act(() => startPane({}, page({ bangfuOfficeJsFailed: CDN })));
    expect(screen.getByText("未能加载 Office 脚本 office.js")).toBeTruthy();
    expect(screen.getByText(new RegExp(`没有从 ${CDN.replace(/[.]/g, "\\.")} 加载成功`))).toBeTruthy();
  });

  it("office.js loaded but onReady never settles: a time-out message, not a blank pane", async () => {
    const never = { onReady: () => new Promise<unknown>(() => undefined) };
    await expect(officeReadiness(never, {}, 10)).resolves.toEqual({ kind: "timeout" });
    await act(() => startPane({ officeTimeoutMs: 10 }, page({ Office: never })));
    expect(screen.getByText("Office 没有响应")).toBeTruthy();
  });

  it("Office ready without Excel (a plain browser): open it from Excel or WPS, in Office's display language", async () => {
    const office = { onReady: () => Promise.resolve({ host: null }), context: { displayLanguage: "en-US" } };
    await expect(officeReadiness(office, {})).resolves.toEqual({ kind: "notInExcel", language: "en" });
    await act(() => startPane({}, page({ Office: office })));
    expect(screen.getByText("Open this in Excel or WPS Spreadsheets")).toBeTruthy();
  });

  /** Office in Excel, with the requirement sets `supported` lists ("CustomFunctionsRuntime 1.1" …). */
  function officeIn(displayLanguage: string, supported: readonly string[] | null) {
    const settings = new Map<string, unknown>();
    return {
      onReady: () => Promise.resolve({ host: "Excel" }),
      context: {
        displayLanguage,
        requirements:
          supported === null ? undefined : { isSetSupported: (name: string, version: string) => supported.includes(`${name} ${version}`) },
        document: {
          settings: {
            get: (k: string) => settings.get(k) ?? null,
            set: (k: string, v: unknown) => settings.set(k, v),
            saveAsync: (done: (r: { status: string }) => void) => done({ status: "succeeded" }),
          },
        },
      },
    };
  }

  it("Office and Excel ready: whether this Excel runs custom functions (CustomFunctionsRuntime 1.1)", async () => {
    await expect(officeReadiness(officeIn("zh-CN", ["CustomFunctionsRuntime 1.1"]), { Excel: {} })).resolves.toEqual({
      kind: "excel",
      language: "zh",
      customFunctions: true,
    });
    await expect(officeReadiness(officeIn("zh-CN", ["ExcelApi 1.1"]), { Excel: {} })).resolves.toEqual({
      kind: "excel",
      language: "zh",
      customFunctions: false,
    });
    // No requirements to ask (an Office too old to say): no custom functions.
    await expect(officeReadiness(officeIn("en-US", null), { Excel: {} })).resolves.toEqual({
      kind: "excel",
      language: "en",
      customFunctions: false,
    });
  });

  async function paneInExcel(displayLanguage: string, supported: readonly string[]): Promise<void> {
    const excel = new FakeExcel([
      {
        name: "台账",
        cells: [
          ["户编号", "人均纯收入"],
          ["H1", 9000],
        ],
      },
    ]);
    await act(() => startPane({}, page({ Office: officeIn(displayLanguage, supported), Excel: { run: excel.run } })));
    // By its value, not its name: Fluent inserts its CSS once per document, and with the head
    // cleared between tests the hidden "reserved space" copy of a tab's label counts in its name.
    const tabs = await screen.findAllByRole("tab", { hidden: true }, { timeout: 20_000 });
    const formulas = tabs.find((tab) => tab.getAttribute("value") === "formulas");
    expect(formulas?.textContent).toContain(STRINGS[displayLanguage.startsWith("en") ? "en" : "zh"].tabFormulas);
    fireEvent.click(formulas as HTMLElement);
  }

  it("Excel without custom functions (Office 2016/2019 volume-licensed): 公式 says so in Excel's words, in Chinese and English", async () => {
    await paneInExcel("zh-CN", ["ExcelApi 1.1"]);
    expect(await screen.findByText(STRINGS.zh.excelFormulasUnavailableTitle)).toBeTruthy();
    expect(screen.getByText(STRINGS.zh.excelFormulasUnavailableBody)).toBeTruthy();
    expect(screen.queryByText(STRINGS.zh.formulasUnavailableTitle)).toBeNull();
    expect(STRINGS.zh.excelFormulasUnavailableBody).toMatch(/原生公式/);
    document.body.innerHTML = "";
    await paneInExcel("en-US", ["ExcelApi 1.1"]);
    expect(await screen.findByText(STRINGS.en.excelFormulasUnavailableTitle)).toBeTruthy();
    expect(STRINGS.en.excelFormulasUnavailableTitle).toMatch(/Excel/);
  });

  it("Excel with custom functions: no such notice", async () => {
    await paneInExcel("zh-CN", ["ExcelApi 1.1", "CustomFunctionsRuntime 1.1"]);
    await screen.findByRole("heading", { name: STRINGS.zh.formulasHeading, hidden: true });
    expect(screen.queryByText(STRINGS.zh.excelFormulasUnavailableTitle)).toBeNull();
    expect(screen.queryByText(STRINGS.zh.formulasUnavailableTitle)).toBeNull();
  });

  it("WPS and the harness come first: a WPS page with a stray Office is still WPS", () => {
    const wps = { CreateTaskPane: () => undefined };
    expect(detectHost({ wps, Office: { onReady: () => Promise.resolve() } })).toMatchObject({ kind: "wps" });
  });
});
