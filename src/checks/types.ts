import type { FieldKey } from "../ledger/fields";
import type { CellProblem, CellRef, HouseholdRecord, JoinInfo, Ledger, LedgerKind, PersonRecord } from "../ledger/model";
import type { IncomeTier } from "../formulas";
import type { PlanQuote, Policy } from "../policy";
import type { CivilDate } from "../values";
import type { FindingData } from "./data";
import type { ScopeOptions } from "./scope";

export type Severity = "error" | "warning" | "info";

export const SEVERITY_LABELS: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

export type RuleId =
  | "D01"
  | "D02"
  | "D03"
  | "D04"
  | "D05"
  | "D06"
  | "M01"
  | "M02"
  | "M03"
  | "M04"
  | "M05"
  | "M06"
  | "M07"
  | "M08"
  | "M09"
  | "M10"
  | "M11"
  | "M12"
  | "M13";

export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly clause: string;
  /** The household key, or null for a sheet-level finding. */
  readonly household: string | null;
  /** The cell to go to; null when the finding concerns the whole sheet. */
  readonly cell: CellRef | null;
  /** Chinese: what is wrong and what to do, rendered from `data`. */
  readonly message: string;
  /** What the finding is about: its kind among the rule's findings and the numbers, dates and names concerned. */
  readonly data: FindingData;
}

/** One of the findings a rule can give, e.g. M07's reward above the allowed amount. */
export interface FindingKind {
  readonly severity: Severity;
  /** Chinese, short: what this finding says. */
  readonly summary: string;
}

export interface RuleOutcome {
  readonly id: RuleId;
  readonly clause: string;
  /** The most serious severity the rule can emit. */
  readonly severity: Severity;
  /** Every severity the rule can emit, most serious first. */
  readonly severities: readonly Severity[];
  /** The rule's title with the policy's numbers filled in (RuleDefinition.title is the template). */
  readonly title: string;
  /** The same in English, for the pane's English interface. */
  readonly titleEn: string;
  readonly status: "ran" | "skipped";
  /** Why the rule was skipped (the missing columns), or a note on a partial run; null otherwise. */
  readonly reason: string | null;
  readonly findings: number;
}

export interface CheckOptions {
  readonly asOf: CivilDate;
  readonly policy: Policy;
  /** Which households count as the plan's 脱贫户 (./scope.ts). */
  readonly scope?: ScopeOptions;
}

/** A household the plan's actions are not for (一般农户, a monitored household whose risk was removed), reported apart. */
export interface OutOfScope {
  readonly household: string;
  readonly label: string;
  /** Chinese: 一般农户，突发严重困难户，风险已消除 … */
  readonly reason: string;
  readonly row: number;
}

export interface CheckReport {
  readonly sheet: string;
  readonly headerRow: number;
  /** Last header row: differs from headerRow for a two-row header. */
  readonly headerLastRow: number;
  readonly layout: "person" | "household";
  /** Chinese: why the rows were read as persons or households. */
  readonly layoutReason: string;
  readonly kind: LedgerKind;
  readonly households: number;
  readonly persons: number;
  /** Households the plan's actions are not for: not tiered, not checked against the plan, not ranked. */
  readonly outOfScope: readonly OutOfScope[];
  /** The user asked to count monitored households whose risk was removed as 脱贫户. */
  readonly includeMonitored: boolean;
  /** Households tiered by 风险消除后家庭人均纯收入 (their risk was removed), by key. */
  readonly afterRemovalIncome: readonly string[];
  /** Side ledgers joined to the ledger, and which facts came from which. */
  readonly joins: readonly JoinInfo[];
  readonly asOf: CivilDate;
  readonly policyYear: number;
  readonly rules: readonly RuleOutcome[];
  readonly findings: readonly Finding[];
}

/** What the rules know about a household beyond its raw values. */
export interface HouseholdFacts {
  readonly household: HouseholdRecord;
  /**
   * Per-capita net income: 风险消除后家庭人均纯收入 for a household whose risk was removed, else the ledger's figure, or computed from its components.
   */
  readonly perCapita: number | null;
  /** Which figure perCapita is. */
  readonly incomeBasis: "afterRemoval" | "recorded" | "computed" | null;
  /** Per-capita income computed from the components, when they are all there and readable. */
  readonly computedPerCapita: number | null;
  /** The household size the computed figure divides by: 年度家庭人口数 (householdSize), else 当前家庭人口数. */
  readonly sizeUsed: "householdSize" | "currentHouseholdSize" | null;
  readonly tier: IncomeTier | null;
  /** "户编号 …（户主 …）" for messages. */
  readonly label: string;
  /** The household's first cell in the key column: where a finding without a better cell points. */
  readonly anchor: CellRef;
}

export interface CheckContext {
  readonly ledger: Ledger;
  readonly policy: Policy;
  readonly asOf: CivilDate;
  /** The plan's 脱贫户 (./scope.ts): tiered and checked against the plan's actions. */
  readonly households: readonly HouseholdFacts[];
  /** Every household, those out of scope too: data-quality rules look at all. */
  readonly allHouseholds: readonly HouseholdFacts[];
  readonly outOfScope: readonly OutOfScope[];
  /** Age in full years on the check date: the age column, else the birth date (or ID number). */
  ageOf(person: PersonRecord): number | null;
  has(field: FieldKey): boolean;
  /** The key of the household a sheet row belongs to. */
  householdAtRow(row: number): string | null;
  factsAtRow(row: number): HouseholdFacts | null;
  /**
   * The cell of `field` on one of these rows was written but could not be read (D03/D04 report it):
   * a rule must not take the value for blank ("no visit date", "nothing paid") and report on that.
   */
  unreadable(rows: readonly number[], field: FieldKey): boolean;
  /** The cells of a row written but not used (D03/D04 list them). */
  unreadableCells(row: number): readonly CellProblem[];
}

/** A requirement: a field, a list of fields of which any one will do, or a derived need. */
export type Requirement = FieldKey | readonly FieldKey[] | "income" | "incomeParts" | "measures";

export interface RuleDefinition {
  readonly id: RuleId;
  /** The plan's clause, "—" for a data-quality rule. */
  readonly clause: string;
  /** The plan's sentences the rule enforces, word for word; none for a data-quality rule. */
  readonly plan: readonly PlanQuote[];
  /** Chinese title: what the rule checks. May hold {parameterKey}: a report's RuleOutcome carries it filled from the policy in force. */
  readonly title: string;
  readonly titleEn: string;
  /** The findings the rule can give, by their `data.kind`. */
  readonly kinds: Readonly<Record<string, FindingKind>>;
  /** Every severity the rule can emit (its kinds' severities), most serious first. */
  readonly severities: readonly Severity[];
  readonly needs: readonly Requirement[];
  /**
   * For users, in Chinese: what the rule checks and why. {parameterKey} stands for a policy
   * parameter's value (the generated docs fill it in).
   */
  readonly explanation: string;
  /** For users, in Chinese: what to do about a finding. May hold {parameterKey} too. */
  readonly remedy: string;
  run(context: CheckContext): Finding[];
}
