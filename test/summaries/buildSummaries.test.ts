/** buildSummaries: the six tabs in order, their meta, the tabs option, deterministic output. */
import { checkLedger } from "../../src/checks";
import { buildSummaries, headerRowOf, metaLine, SUMMARY_KEYS, SUMMARY_TITLES } from "../../src/summaries";
import { read } from "../support/ledgerFixtures";
import { AS_OF, build, GENERATED_AT, HOUSEHOLD_ROWS, PERSON_ROWS, POLICY } from "./fixtures";

describe("buildSummaries", () => {
  const { tables } = build(PERSON_ROWS);

  test("six tables in the written order, titled as the tabs", () => {
    expect(SUMMARY_KEYS).toEqual(["tiers", "measures", "funds", "growth", "focus", "findings"]);
    expect(tables.map((t) => t.key)).toEqual(SUMMARY_KEYS);
    expect(tables.map((t) => t.title)).toEqual(["汇总-分层", "汇总-措施", "汇总-资金", "汇总-增收", "重点户清单", "检查结果"]);
    expect(tables.map((t) => t.title)).toEqual(SUMMARY_KEYS.map((k) => SUMMARY_TITLES[k]));
  });

  test("every table's meta comes from the options and the ledger", () => {
    for (const t of tables)
      expect(t.meta).toEqual({ sourceSheet: "台账", asOf: "2025-06-30", policyYear: 2025, generatedAt: "2025-07-01T09:30:00" });
    expect(metaLine(tables[0].meta)).toContain("生成时间：2025-07-01 09:30:00");
  });

  test("every row has one cell per column; the total row too", () => {
    for (const t of [...tables, ...build(HOUSEHOLD_ROWS).tables]) {
      for (const row of t.rows) expect(row).toHaveLength(t.columns.length);
      if (t.totalRow) expect(t.totalRow).toHaveLength(t.columns.length);
      for (const c of t.columns) expect(c.width).toBeGreaterThan(0);
    }
  });

  test("only the tabs asked for, still in the written order", () => {
    const { tables: some } = build(PERSON_ROWS, { tabs: ["findings", "tiers"] });
    expect(some.map((t) => t.key)).toEqual(["tiers", "findings"]);
    expect(build(PERSON_ROWS, { tabs: [] }).tables).toEqual([]);
  });

  test("the same input and generatedAt give the same tables; another generatedAt changes only the meta", () => {
    const ledger = read(PERSON_ROWS);
    const report = checkLedger(ledger, { asOf: AS_OF, policy: POLICY });
    const options = { policy: POLICY, asOf: AS_OF, generatedAt: GENERATED_AT };
    const first = buildSummaries(ledger, report, options);
    const second = buildSummaries(ledger, report, options);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    const later = buildSummaries(ledger, report, { ...options, generatedAt: "2026-01-01T00:00:00" });
    expect(later.map((t) => ({ ...t, meta: null }))).toEqual(first.map((t) => ({ ...t, meta: null })));
    expect(later[0].meta.generatedAt).toBe("2026-01-01T00:00:00");
  });

  test("the header row of a tab follows its notes", () => {
    const tiers = tables[0];
    expect(headerRowOf(tiers)).toBe(2 + tiers.notes.length + 1);
  });

  test("a year outside the plan is noted on every tab", () => {
    const ledger = read(HOUSEHOLD_ROWS);
    const policy = { ...POLICY, year: 2026, outsidePlanPeriod: true };
    const report = checkLedger(ledger, { asOf: { year: 2026, month: 3, day: 1 }, policy });
    const out = buildSummaries(ledger, report, { policy, asOf: { year: 2026, month: 3, day: 1 }, generatedAt: GENERATED_AT });
    for (const t of out) expect(t.notes).toContain("注意：政策年度2026年不在方案期（2023—2025年）内，沿用最近年度的参数。");
    expect(out[0].meta).toMatchObject({ asOf: "2026-03-01", policyYear: 2026 });
  });
});
