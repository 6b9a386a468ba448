/**
 * A rule's cases: small ledgers in, the rule's findings out, written beside the rule
 * (src/checks/rules/M06.cases.ts) as cases of the plan, including the near misses where the
 * rule must not fire. One harness (test/checks/cases.test.ts) runs them all through the real
 * reader, and the generated docs/rules.md shows them as examples.
 */
import { readLedger, SheetInput } from "../ledger";
import { parsePolicyFile, resolvePolicy } from "../policy";
import { CivilDate, parseDate } from "../values";
import type { FindingData } from "./data";
import { checkLedger } from "./engine";
import type { Finding, RuleId, RuleOutcome, Severity } from "./types";

export type CaseRow = readonly (string | number | null)[];

/** A finding as a case expects it: the cell as Excel writes it ("E2"), null for the whole sheet. */
export interface ExpectedFinding {
  readonly severity: Severity;
  readonly household: string | null;
  readonly cell: string | null;
  readonly data: FindingData;
}

interface CaseInput {
  /** What the case shows, in Chinese. */
  readonly name: string;
  /** Title rows above the header. */
  readonly above?: readonly CaseRow[];
  /** The header row; the table's header when omitted. */
  readonly header?: CaseRow;
  /** Data rows, from the row under the header. */
  readonly rows: readonly CaseRow[];
  /** The check date, YYYY-MM-DD; CASE_AS_OF when omitted. */
  readonly asOf?: string;
  /** Parameters set for the check year, as a policy file's year entry writes them. */
  readonly policy?: Readonly<Record<string, number>>;
}

/** The rule's findings in report order ([] for a near miss), or the rule skipped for want of these columns. */
export type RuleCase = CaseInput & ({ readonly findings: readonly ExpectedFinding[] } | { readonly skipped: readonly string[] });

export interface RuleCases<Id extends RuleId = RuleId> {
  readonly rule: Id;
  /** The header most cases share. */
  readonly header: CaseRow;
  readonly cases: readonly RuleCase[];
}

export const CASE_SHEET = "台账";
export const CASE_AS_OF = "2025-06-30";

/** The sheet a case describes: title rows, header, data rows, from A1. */
export function caseSheet(table: RuleCases, c: RuleCase): SheetInput {
  return { name: CASE_SHEET, cells: [...(c.above ?? []), c.header ?? table.header, ...c.rows] };
}

export function caseDate(c: RuleCase): CivilDate {
  const date = parseDate(c.asOf ?? CASE_AS_OF, "案例的检查日期");
  if (!date) throw new Error(`case “${c.name}”: no check date`);
  return date;
}

export interface CaseResult {
  readonly outcome: RuleOutcome;
  /** The findings of the case's rule only. */
  readonly findings: readonly Finding[];
}

/** Read the case's sheet with the real reader and run the whole catalogue over it. */
export function runCase(table: RuleCases, c: RuleCase): CaseResult {
  const asOf = caseDate(c);
  const overrides = c.policy ? parsePolicyFile({ years: { [asOf.year]: c.policy } }, `案例“${c.name}”`) : undefined;
  const report = checkLedger(readLedger(caseSheet(table, c)), { asOf, policy: resolvePolicy(asOf.year, overrides) });
  const outcome = report.rules.find((r) => r.id === table.rule);
  if (!outcome) throw new Error(`rule ${table.rule} is not in the report`);
  return { outcome, findings: report.findings.filter((f) => f.rule === table.rule) };
}

/** A finding in the form a case writes it. */
export function asExpected(f: Finding): ExpectedFinding {
  return { severity: f.severity, household: f.household, cell: f.cell ? `${f.cell.column}${f.cell.row}` : null, data: f.data };
}
