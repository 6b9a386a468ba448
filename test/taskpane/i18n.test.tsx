/**
 * @jest-environment jsdom
 */
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { RULES } from "../../src/checks";
import { HostError } from "../../src/host/types";
import { describeError } from "../../src/taskpane/ErrorBar";
import { languageOf, ruleTitle, SEVERITY_TEXT, STRINGS, SUMMARY_DESCRIPTIONS } from "../../src/taskpane/i18n";
import { engineReport, installDomShims, LEDGER_ROWS, paneReady, showPane, workbook } from "./helpers";

beforeAll(installDomShims);
afterEach(cleanup);

/** Chinese characters and full-width punctuation. */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** Every leaf of a string table, functions called with sample arguments. */
function leaves(table: unknown, path = ""): [string, string][] {
  if (typeof table === "string") return [[path, table]];
  if (typeof table === "function") {
    // One sample serves every parameter: a number-like list of headers that also has severity counts.
    const sample = Object.assign(["x", "y"], { error: 1, warning: 2, info: 3 });
    const args = Array.from({ length: table.length }, () => sample);
    return [[path, String((table as (...a: unknown[]) => unknown)(...args))]];
  }
  if (typeof table === "object" && table !== null) return Object.entries(table).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  throw new Error(`unexpected ${typeof table} at ${path}`);
}

describe("language", () => {
  it("is Chinese unless Office's display language is English", () => {
    expect(languageOf("zh-CN")).toBe("zh");
    expect(languageOf(undefined)).toBe("zh");
    expect(languageOf(null)).toBe("zh");
    expect(languageOf("fr-FR")).toBe("zh");
    expect(languageOf("en-US")).toBe("en");
    expect(languageOf("EN-gb")).toBe("en");
  });

  it("has every string in both languages: Chinese in zh, English in en", () => {
    const zh = leaves(STRINGS.zh);
    const en = leaves(STRINGS.en);
    expect(en.map(([k]) => k)).toEqual(zh.map(([k]) => k));
    expect(zh.length).toBeGreaterThan(100);
    for (const [key, text] of zh) {
      if (key === "locale" || key === "percentUnit") continue;
      expect({ key, text }).toEqual({ key, text: expect.stringMatching(CJK) });
    }
    // English may quote Chinese column headers and the plan's terms (户编号, 脱贫户 …), nothing else.
    const quotesHeaders = new Set(["errors.ledgerNotFound.action", "sidesHint", "includeMonitored", "includeMonitoredHint"]);
    for (const [key, text] of en) {
      expect({ key, text: text.trim() !== "" }).toEqual({ key, text: true });
      if (!quotesHeaders.has(key)) expect({ key, cjk: CJK.test(text) }).toEqual({ key, cjk: false });
    }
    for (const lang of ["zh", "en"] as const) {
      expect(Object.keys(SEVERITY_TEXT[lang])).toEqual(["error", "warning", "info"]);
      expect(Object.keys(SUMMARY_DESCRIPTIONS[lang]).sort()).toEqual(["findings", "focus", "funds", "growth", "measures", "tiers"]);
    }
    // Rule titles come with the report, their numbers filled in: English in en, Chinese in zh.
    const rules = engineReport(LEDGER_ROWS).rules;
    expect(rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    for (const rule of rules) {
      expect({
        id: rule.id,
        en: CJK.test(ruleTitle(rule, "en")) || /[{}]/.test(ruleTitle(rule, "en")),
        zh: CJK.test(ruleTitle(rule, "zh")) && !/[{}]/.test(ruleTitle(rule, "zh")),
      }).toEqual({ id: rule.id, en: false, zh: true });
    }
  });

  it("describes Excel's failures in either language", () => {
    const edit = describeError(new HostError("cellEditMode", "x"), STRINGS.en);
    expect(edit).toEqual({ title: "Excel is editing a cell", detail: null, action: expect.stringContaining("Enter or Esc") });
    const locked = describeError(new HostError("protectedSheet", "工作表受保护：…"), STRINGS.zh);
    expect(locked).toEqual({ title: "工作表受保护", detail: "工作表受保护：…", action: null }); // the host's message says what to do
    expect(describeError(new HostError("protectedSheet", "工作表受保护：…"), STRINGS.en).action).toMatch(/Unprotect/);
    expect(describeError(new Error("boom"), STRINGS.zh)).toEqual({
      title: "操作失败",
      detail: "boom",
      action: expect.stringContaining("请重试"),
    });
  });
});

describe("the pane in English", () => {
  it("shows English tabs, summary line, rule titles and severity filter", async () => {
    showPane(workbook(), { language: "en" });
    await paneReady();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Income Support Assistant");
    for (const name of ["Check", "Summaries", "Settings", "Formulas"]) expect(screen.getByRole("tab", { name })).toBeTruthy();
    expect(screen.getAllByRole("tab")).toHaveLength(4);
    expect(document.querySelector("main")?.getAttribute("lang")).toBe("en-US");
    fireEvent.click(screen.getByRole("button", { name: "Check" }));
    const report = engineReport(LEDGER_ROWS);
    const n = (s: string) => report.findings.filter((f) => f.severity === s).length;
    expect(
      await screen.findByText(`3 households, 6 persons: ${n("error")} errors, ${n("warning")} warnings, ${n("info")} notes`),
    ).toBeTruthy();
    expect(screen.getByRole("heading", { name: /^M01 Low-income household without a support cadre/ })).toBeTruthy();
    // A title with a policy number comes filled in, in English.
    expect(screen.getByRole("heading", { name: /^M02 Low-income household not visited or contacted in the last 1 month/ })).toBeTruthy();
    expect(screen.getByRole("checkbox", { name: `Error (${n("error")})` })).toBeTruthy();
    expect(screen.getByRole("radio", { name: "Household" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Mark the cells" })).toBeTruthy();
  });

  it("shows English settings and summaries", async () => {
    showPane(workbook(), { language: "en", initialTab: "settings" });
    await paneReady();
    expect(screen.getByRole("heading", { name: "Policy parameters" })).toBeTruthy();
    expect(screen.getAllByText("To confirm").length).toBeGreaterThan(0);
    expect(screen.getByText("11,000 yuan/person/year")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Read the header" })).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: "Summaries" }));
    await paneReady();
    expect(screen.getByRole("checkbox", { name: "Show full ID numbers" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Generate" }));
    expect(await screen.findByText("6 worksheets written")).toBeTruthy();
  });

  it("shows errors with an English title and remedy", async () => {
    const host = workbook();
    host.failNext("readSheet", new HostError("cellEditMode", "Excel 正处于单元格编辑状态"));
    showPane(host, { language: "en" });
    await paneReady();
    fireEvent.click(screen.getByRole("button", { name: "Check" }));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("Excel is editing a cell")).toBeTruthy();
    expect(alert.textContent).toContain("What to do: Press Enter or Esc");
  });
});
