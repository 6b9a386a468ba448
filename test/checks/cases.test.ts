/**
 * The rules' cases (src/checks/rules/*.cases.ts), each read by the real reader and checked by
 * the whole catalogue: the rule's findings must be exactly those the case writes, field by field.
 */
import { isDataKey, RULES } from "../../src/checks";
import { asExpected, runCase } from "../../src/checks/cases";
import { RULE_CASES } from "../../src/checks/rules/cases";

const CJK = /[\u4e00-\u9fff]/;

describe.each(RULES.map((rule) => [rule.id, rule] as const))("%s", (id, rule) => {
  const table = RULE_CASES[id];

  test.each(table.cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const { outcome, findings } = runCase(table, c);
    if ("skipped" in c) {
      expect(outcome.status).toBe("skipped");
      for (const column of c.skipped) expect(outcome.reason).toContain(column);
      expect(findings).toEqual([]);
      return;
    }
    expect({ status: outcome.status, reason: outcome.reason }).toEqual({ status: "ran", reason: null });
    expect(findings.map(asExpected)).toEqual(c.findings);
    expect(outcome.findings).toBe(findings.length);
    for (const f of findings) {
      expect(f.severity).toBe(rule.kinds[f.data.kind].severity);
      expect(f.message).toMatch(CJK);
      expect(Object.keys(f.data).filter((key) => key !== "kind" && !isDataKey(key))).toEqual([]);
    }
  });

  test("the cases show every kind of finding the rule declares, and a near miss where it must not fire", () => {
    expect(table.rule).toBe(id);
    const shown = new Set(table.cases.flatMap((c) => ("findings" in c ? c.findings.map((f) => f.data.kind) : [])));
    expect([...shown].sort()).toEqual(Object.keys(rule.kinds).sort());
    expect(table.cases.some((c) => "findings" in c && c.findings.length === 0)).toBe(true);
  });
});
