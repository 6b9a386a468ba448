/**
 * @jest-environment jsdom
 */
/**
 * Excel's page in the one host detection (src/taskpane/startup.tsx): office.js missing (the
 * address taskpane.html's onerror recorded, or the page's script), Office never ready, Office
 * ready outside Excel, and Excel. WPS and the harness are tested in test/wps/ribbonPane.test.tsx.
 */
import { act, cleanup, screen } from "@testing-library/react";
import { detectHost, officeReadiness, startPane } from "../../src/taskpane/startup";
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

  it("Office and Excel ready", async () => {
    const office = { onReady: () => Promise.resolve({ host: "Excel" }), context: { displayLanguage: "zh-CN" } };
    await expect(officeReadiness(office, { Excel: {} })).resolves.toEqual({ kind: "excel", language: "zh" });
  });

  it("WPS and the harness come first: a WPS page with a stray Office is still WPS", () => {
    const wps = { CreateTaskPane: () => undefined };
    expect(detectHost({ wps, Office: { onReady: () => Promise.resolve() } })).toMatchObject({ kind: "wps" });
  });
});
