import type { Ledger } from "../ledger/model";
import { buildContext, missingRequirements } from "./context";
import { RULES } from "./rules/index";
import type {
  CheckContext,
  CheckOptions,
  CheckReport,
  Finding,
  HouseholdFacts,
  Requirement,
  RuleDefinition,
  RuleOutcome,
  Severity,
} from "./types";
import { FIELDS, FieldKey } from "../ledger/fields";
import { fillParameters } from "../policy";

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Run every rule of the catalogue over a ledger. A rule whose columns are missing is
 * reported as skipped with the missing columns, never as passed.
 */
export function checkLedger(ledger: Ledger, options: CheckOptions): CheckReport {
  const context = buildContext(ledger, options.policy, options.asOf, options.scope);
  const annotate = sourceNotes(context);
  const outcomes: RuleOutcome[] = [];
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const missing = missingRequirements(context, rule.needs);
    const outcome = {
      id: rule.id,
      clause: rule.clause,
      severity: rule.severities[0],
      severities: rule.severities,
      title: fillParameters(rule.title, options.policy.values),
      titleEn: fillParameters(rule.titleEn, options.policy.values, "en"),
    };
    if (missing.length > 0) {
      outcomes.push({ ...outcome, status: "skipped", reason: `缺少列：${missing.join("、")}`, findings: 0 });
      continue;
    }
    const ruleFindings = annotate(rule, rule.run(context));
    ruleFindings.sort((a, b) => (a.cell?.row ?? 0) - (b.cell?.row ?? 0) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
    for (const f of ruleFindings) findings.push(f); // not push(...): a rule may find more than a spread of arguments can hold
    outcomes.push({ ...outcome, status: "ran", reason: null, findings: ruleFindings.length });
  }
  return {
    sheet: ledger.sheetName,
    headerRow: ledger.headerRow,
    headerLastRow: ledger.headerLastRow,
    layout: ledger.layout,
    layoutReason: ledger.layoutReason,
    kind: ledger.kind,
    households: ledger.households.length,
    persons: ledger.personCount,
    outOfScope: context.outOfScope,
    includeMonitored: options.scope?.includeMonitored === true,
    afterRemovalIncome: context.households.filter((h) => h.incomeBasis === "afterRemoval").map((h) => h.household.key),
    joins: ledger.joins ?? [],
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

/** The fields a rule reads, as its needs name them ("income": the per-capita figure and its parts). */
function fieldsOf(needs: readonly Requirement[]): FieldKey[] {
  const out: FieldKey[] = [];
  for (const need of needs) {
    if (need === "income" || need === "incomeParts")
      out.push("perCapitaIncome", "householdSize", "wageIncome", "businessIncome", "propertyIncome", "transferIncome", "businessCosts");
    else if (need === "measures") out.push("measures");
    else if (typeof need === "string") out.push(need);
    else out.push(...need);
  }
  return out;
}

/**
 * A finding about a household some of whose facts came from a side ledger (--with), or whose
 * income is the one after its risk was removed, says so: in its data (数据来源, 所用收入) and at
 * the end of its message. Other findings are handed back as they are; a ledger with neither
 * costs nothing more.
 */
function sourceNotes(context: CheckContext): (rule: RuleDefinition, findings: Finding[]) => Finding[] {
  const joined = (context.ledger.joins?.length ?? 0) > 0;
  const afterRemoval = context.households.some((h) => h.incomeBasis === "afterRemoval");
  if (!joined && !afterRemoval) return (_rule, findings) => findings;
  let byKey: Map<string, HouseholdFacts> | null = null;
  return (rule, findings) => {
    const usesIncome = rule.needs.includes("income");
    if (findings.length === 0 || (!joined && !usesIncome)) return findings;
    byKey ??= new Map(context.allHouseholds.map((f) => [f.household.key, f]));
    const fields = fieldsOf(rule.needs);
    return findings.map((finding) => {
      const facts = finding.household === null ? undefined : byKey?.get(finding.household);
      return facts ? withSources(finding, facts, fields, usesIncome) : finding;
    });
  };
}

function withSources(finding: Finding, facts: HouseholdFacts, fields: readonly FieldKey[], usesIncome: boolean): Finding {
  const sources = facts.household.sources ?? {};
  const from = new Map<string, string[]>();
  for (const field of fields) {
    const source = (sources as Record<string, string | undefined>)[field];
    if (source === undefined) continue;
    const label = field === "measures" ? "帮扶措施" : FIELDS[field].label;
    const list = from.get(source) ?? [];
    if (!list.includes(label)) list.push(label);
    from.set(source, list);
  }
  const notes: string[] = [];
  const data: Record<string, unknown> = { ...finding.data };
  if (from.size > 0) {
    const text = [...from].map(([source, labels]) => `${labels.join("、")}取自 ${source}`).join("；");
    data.sources = text;
    notes.push(text);
  }
  if (usesIncome && facts.incomeBasis === "afterRemoval") {
    data.incomeUsed = "风险消除后家庭人均纯收入";
    notes.push("风险已消除，按“风险消除后家庭人均纯收入”判断");
  }
  if (notes.length === 0) return finding;
  return { ...finding, data: data as Finding["data"], message: `${finding.message}（${notes.join("；")}）` };
}
