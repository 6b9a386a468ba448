/** How the pane tells "office.js missing", "Office never ready", "not in Excel" and "Excel" apart. */
import { startOffice } from "../../src/taskpane/officeStartup";

describe("startOffice", () => {
  it("office.js did not load: reports the address taskpane.html's onerror recorded", async () => {
    await expect(startOffice({ bangfuOfficeJsFailed: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js" })).resolves.toEqual({
      kind: "officeJsMissing",
      src: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
    });
  });

  it("office.js loaded but onReady never settles: a time-out, not a blank pane", async () => {
    const never = { onReady: () => new Promise<unknown>(() => undefined) };
    await expect(startOffice({ Office: never }, 10)).resolves.toEqual({ kind: "timeout" });
  });

  it("Office ready without Excel (a plain browser): not in Excel, in Office's display language", async () => {
    const office = { onReady: () => Promise.resolve({ host: null }), context: { displayLanguage: "en-US" } };
    await expect(startOffice({ Office: office })).resolves.toEqual({ kind: "notInExcel", language: "en" });
  });

  it("Office and Excel ready", async () => {
    const office = { onReady: () => Promise.resolve({ host: "Excel" }), context: { displayLanguage: "zh-CN" } };
    await expect(startOffice({ Office: office, Excel: {} })).resolves.toEqual({ kind: "excel", language: "zh" });
  });
});
