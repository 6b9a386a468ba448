import type { Ledger } from "../ledger/model";
import { buildContext, missingRequirements } from "./context";
import { RULES } from "./rules/index";
import type { CheckOptions, CheckReport, Finding, RuleOutcome, Severity } from "./types";

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Run every rule of the catalogue over a ledger. A rule whose columns are missing is
 * reported as skipped with the missing columns, never as passed.
 */
export function checkLedger(ledger: Ledger, options: CheckOptions): CheckReport {
  const context = buildContext(ledger, options.policy, options.asOf);
  const outcomes: RuleOutcome[] = [];
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const missing = missingRequirements(context, rule.needs);
    if (missing.length > 0) {
      outcomes.push({ id: rule.id, clause: rule.clause, severity: rule.severities[0], severities: rule.severities, title: rule.title, status: "skipped", reason: `缺少列：${missing.join("、")}`, findings: 0 });
      continue;
    }
    const ruleFindings = rule.run(context);
    ruleFindings.sort((a, b) => (a.cell?.row ?? 0) - (b.cell?.row ?? 0) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
    for (const f of ruleFindings) findings.push(f); // not push(...): a rule may find more than a spread of arguments can hold
    outcomes.push({ id: rule.id, clause: rule.clause, severity: rule.severities[0], severities: rule.severities, title: rule.title, status: "ran", reason: null, findings: ruleFindings.length });
  }
  return {
    sheet: ledger.sheetName,
    headerRow: ledger.headerRow,
    headerLastRow: ledger.headerLastRow,
    layout: ledger.layout,
    households: ledger.households.length,
    persons: ledger.personCount,
    asOf: options.asOf,
    policyYear: options.policy.year,
    rules: outcomes,
    findings,
  };
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}
