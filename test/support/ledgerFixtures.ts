/**
 * Fixtures for the rule tests: a ledger is written the way a cadre's sheet holds it, as rows
 * of cell values (title rows, a header row, data rows), and goes through the real reader
 * (readLedger) before the checks see it. Nothing here builds a Ledger by hand.
 *
 * All people are synthetic: ID numbers use region 370402 and a check character computed here
 * (GB 11643), independently of src/values, so a broken validator cannot pass its own test.
 */
import { checkLedger, CheckReport, Finding, RuleId, RuleOutcome } from "../../src/checks";
import { Ledger, readLedger, SheetInput } from "../../src/ledger";
import { Policy, resolvePolicy } from "../../src/policy";
import type { CivilDate } from "../../src/values";

/** The policy the tests check against: the shipped parameters for 2025, the plan's last year. */
export const POLICY: Policy = resolvePolicy(2025);

/** The default check date. */
export const AS_OF: CivilDate = { year: 2025, month: 6, day: 30 };

export type Row = readonly unknown[];

// ---------------------------------------------------------------- ID numbers

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_TABLE = "10X98765432";

/** GB 11643 check character of the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`test helper: 17 digits expected, got ${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_TABLE[sum % 11];
}

/** A valid synthetic 18-character ID: region 370402, birth date YYYYMMDD, a 3-digit sequence. */
export function residentId(birth: string, sequence = "101"): string {
  const first17 = `370402${birth}${sequence}`;
  return first17 + idCheckCharacter(first17);
}

/** The same ID with a check character that is certainly wrong. */
export function withBadCheck(id: string): string {
  return id.slice(0, 17) + (id[17] === "0" ? "1" : "0");
}

/** YYYYMMDD of someone who turns `age` exactly on `asOf` (the birthday counts). */
export function birthForAge(age: number, asOf: CivilDate = AS_OF, dayOffset = 0): string {
  const date = new Date(Date.UTC(asOf.year - age, asOf.month - 1, asOf.day + dayOffset));
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}`;
}

/** An ID of someone exactly `age` on the check date. */
export function idOfAge(age: number, sequence = "101", asOf: CivilDate = AS_OF): string {
  return residentId(birthForAge(age, asOf), sequence);
}

// ---------------------------------------------------------------- sheets and checks

/** A sheet named 台账 (by default) holding the given rows from A1. */
export function sheet(rows: readonly Row[], name = "台账"): SheetInput {
  return { name, cells: rows };
}

/** Read rows through the real ledger reader. */
export function read(rows: readonly Row[], name = "台账"): Ledger {
  return readLedger(sheet(rows, name));
}

export interface CheckFixtureOptions {
  readonly asOf?: CivilDate;
  readonly policy?: Policy;
  readonly name?: string;
}

/** Read rows and run the whole catalogue over them. */
export function check(rows: readonly Row[], options: CheckFixtureOptions = {}): CheckReport {
  return checkLedger(read(rows, options.name), { asOf: options.asOf ?? AS_OF, policy: options.policy ?? POLICY });
}

/** The findings of one rule. */
export function findingsOf(report: CheckReport, rule: RuleId): Finding[] {
  return report.findings.filter((f) => f.rule === rule);
}

/** The findings of one rule for one household. */
export function findingsFor(report: CheckReport, rule: RuleId, household: string): Finding[] {
  return report.findings.filter((f) => f.rule === rule && f.household === household);
}

/** How a rule fared (ran / skipped). */
export function outcomeOf(report: CheckReport, rule: RuleId): RuleOutcome {
  const outcome = report.rules.find((r) => r.id === rule);
  if (!outcome) throw new Error(`test helper: rule ${rule} is not in the report`);
  return outcome;
}

/** Asserts the rule ran (was not skipped) and returns its findings. */
export function ranFindings(report: CheckReport, rule: RuleId): Finding[] {
  const outcome = outcomeOf(report, rule);
  expect({ rule, status: outcome.status, reason: outcome.reason }).toEqual({ rule, status: "ran", reason: null });
  const findings = findingsOf(report, rule);
  expect(outcome.findings).toBe(findings.length);
  return findings;
}

/** The single finding of a rule (fails when there are none or several). */
export function onlyFinding(report: CheckReport, rule: RuleId): Finding {
  const findings = ranFindings(report, rule);
  expect(findings).toHaveLength(1);
  return findings[0];
}

/** Amounts as the messages write them: thousands separators, at most two decimals, 元. */
export function yuanText(amount: number): string {
  return `${amount.toLocaleString("zh-CN", { maximumFractionDigits: 2 })}元`;
}

/** A finding's identity without the message. */
export function located(f: Finding): { rule: string; severity: string; clause: string; household: string | null; cell: { row: number; column: string } | null } {
  return { rule: f.rule, severity: f.severity, clause: f.clause, household: f.household, cell: f.cell ? { row: f.cell.row, column: f.cell.column } : null };
}
