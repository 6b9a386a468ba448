/**
 * What the rule files share: defineRule (a rule's findings carry data, its messages are rendered
 * from that data, its severities follow from its kinds), where a finding points, how a member is
 * named, which households are low-income, which measures a household has.
 */
import type { FieldKey } from "../../ledger/fields";
import type { CellRef, HouseholdRecord, LaborAbility, PersonRecord } from "../../ledger/model";
import { isLabour, isNoMarker } from "../../ledger/values";
import type { DisabilityGrade } from "../../values";
import { isFilialElder } from "../../formulas";
import { ActionId, actionsOfMeasures, PlanQuote } from "../../policy";
import type { FindingData, KnownDataKeys } from "../data";
import type { CheckContext, Finding, FindingKind, HouseholdFacts, Requirement, RuleDefinition, RuleId, Severity } from "../types";

/** Where a finding points and whom its message names. */
export interface Place {
  /** The household key, or null for a sheet-level finding. */
  readonly household: string | null;
  readonly cell: CellRef | null;
  /** "户编号 H001（户主 赵一）", with "，成员 …" for a member; empty for a sheet-level finding. */
  readonly subject: string;
}

/** A rule as its file writes it: the definition, how a finding's data reads in Chinese, and the check itself. */
export interface RuleSpec<D extends FindingData> {
  readonly id: RuleId;
  readonly clause: string;
  readonly plan: readonly PlanQuote[];
  readonly title: string;
  readonly titleEn: string;
  readonly kinds: { readonly [K in D["kind"]]: FindingKind };
  readonly needs: readonly Requirement[];
  readonly explanation: string;
  readonly remedy: string;
  /** The finding's Chinese message, from its data alone (and the subject that names the household). */
  message(data: D, subject: string): string;
  /** Check the ledger, reporting each finding as its data and place. */
  run(context: CheckContext, report: (data: D, place: Place) => void): void;
}

const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

export function defineRule<D extends FindingData & KnownDataKeys<D>>(spec: RuleSpec<D>): RuleDefinition {
  const kinds: Readonly<Record<string, FindingKind>> = spec.kinds;
  const { message, run, ...definition } = spec;
  return {
    ...definition,
    kinds,
    severities: SEVERITY_ORDER.filter((s) => Object.values(kinds).some((k) => k.severity === s)),
    run(context) {
      const findings: Finding[] = [];
      run(context, (data, place) => {
        findings.push({
          rule: spec.id,
          severity: kinds[data.kind].severity,
          clause: spec.clause,
          household: place.household,
          cell: place.cell,
          message: message(data, place.subject),
          data,
        });
      });
      return findings;
    },
  };
}

/** A household's finding at a cell. */
export function atHousehold(facts: HouseholdFacts, cell: CellRef): Place {
  return { household: facts.household.key, cell, subject: facts.label };
}

/** A member's finding at the member's cell of a field. */
export function atMember(context: CheckContext, facts: HouseholdFacts, person: PersonRecord, field: FieldKey): Place {
  return {
    household: facts.household.key,
    cell: personCell(context, facts, person, field),
    subject: `${facts.label}，${personLabel(person)}`,
  };
}

/** A finding about the whole sheet. */
export const WHOLE_SHEET: Place = { household: null, cell: null, subject: "" };

/** The cell of a field in a household, falling back to its first row in that field's column, then to the key cell. */
export function cellOf(context: CheckContext, facts: HouseholdFacts, field: FieldKey): CellRef {
  const direct = facts.household.cells[field];
  if (direct) return direct;
  const column = context.ledger.fieldColumns[field];
  return column ? { row: facts.household.rows[0], column: column.letter } : facts.anchor;
}

/** A column's header as the user wrote it (spaces and line breaks removed), so the column can be found; null for a column without one. */
export function headerOf(context: CheckContext, column: string): string | null {
  const header = context.ledger.columns.find((c) => c.letter === column)?.header;
  return header ? header.replace(/\s+/g, "") : null;
}

export function personCell(context: CheckContext, facts: HouseholdFacts, person: PersonRecord, field: FieldKey): CellRef {
  const column = context.ledger.fieldColumns[field];
  return person.cells[field] ?? (column ? { row: person.row, column: column.letter } : facts.anchor);
}

export function personLabel(person: PersonRecord): string {
  // In a household-level ledger the member is the household row, named by its head.
  const name = person.values.name ?? person.values.headName;
  return name ? `成员 ${name}（第${person.row}行）` : `第${person.row}行成员`;
}

export const lowIncome = (context: CheckContext) => context.households.filter((h) => h.tier === "low");

export function hasAnyAction(household: HouseholdRecord, actions: readonly ActionId[]): boolean {
  const covered = actionsOfMeasures(household.measures);
  return actions.some((a) => covered.has(a));
}

/**
 * A member's labour: the 劳动技能 column, else the relocation template's 是否劳动力 (是 = labour).
 * Undefined when neither says.
 */
export function laborOf(person: PersonRecord): LaborAbility | undefined {
  const v = person.values;
  if (v.labor !== undefined) return v.labor;
  if (v.laborFlag !== undefined) return v.laborFlag ? "able" : "unable";
  return undefined;
}

/**
 * Labour as the national rules count it: 技能劳动力, 普通劳动力 and 弱劳动力或半劳动力 ("家中有劳动力（含弱半）",
 * Gzuwkj/fuping rules/5_12_007.py); 丧失劳动力 and 无劳动力 are not.
 */
export const canWork = (person: PersonRecord) => isLabour(laborOf(person));

/**
 * A member's disability: the grade (残疾等级, or the grade digit of a 残疾人证号), "unknown" when
 * the ledger says the member is disabled (健康状况 残疾, 残疾类别, 证件类型 残疾人证) but gives no
 * grade, null when nothing says so.
 */
export function disabilityOf(person: PersonRecord): DisabilityGrade | "unknown" | null {
  const v = person.values;
  if (v.disability !== undefined) return v.disability;
  if (
    (v.health !== undefined && v.health.includes("残疾")) ||
    (v.disabilityCategory !== undefined && !isNoMarker(v.disabilityCategory)) ||
    v.idType?.includes("残疾") ||
    (v.disabilityCardNo !== undefined && !isNoMarker(v.disabilityCardNo))
  )
    return "unknown";
  return null;
}

/** A member as 孝善养老 (二（十）20) sees them: M07 and 汇总-资金 judge the same members alike. */
export interface FilialMember {
  readonly age: number | null;
  readonly disabilityGrade: DisabilityGrade | null;
  /** Of age, counting the disability grade where one is written. */
  readonly eligible: boolean;
  /** Disabled with no grade written, of an age that qualifies with the most severe grades only: cannot be judged. */
  readonly undecided: boolean;
  /** The age or the contribution is written but unreadable (D03/D04 report it): not "too young", not "nothing paid". */
  readonly unreadable: boolean;
}

export function filialMember(context: CheckContext, person: PersonRecord): FilialMember {
  const age = context.ageOf(person);
  const disability = disabilityOf(person);
  const disabilityGrade = disability === "unknown" ? null : disability;
  const eligible = age !== null && isFilialElder(age, disabilityGrade, context.policy);
  const undecided = !eligible && disability === "unknown" && age !== null && isFilialElder(age, 1, context.policy);
  const unreadable =
    (age === null && FILIAL_AGE_SOURCES.some((field) => context.unreadable([person.row], field))) ||
    (person.values.filialPaid === undefined && context.unreadable([person.row], "filialPaid"));
  return { age, disabilityGrade, eligible, undecided, unreadable };
}

/** The cells a member's age is read from: the age column, the birth date, the ID number (the head's, in a household ledger). */
const FILIAL_AGE_SOURCES = ["age", "birthDate", "personId", "headId"] as const;

/**
 * Each loan of a household: its rows (a loan ledger's rows, or a ledger's loan columns) and the loans joined from a loan ledger; one row's
 * values repeated on members' rows count once.
 */
export function loanRecords(household: HouseholdRecord): readonly PersonRecord[] {
  let out: PersonRecord[] | null = null;
  let keys: string[] | null = null;
  const add = (record: PersonRecord) => {
    const v = record.values;
    if (
      v.smallLoanInterestSubsidy === undefined &&
      v.smallLoanRepaid === undefined &&
      v.smallLoanBalance === undefined &&
      v.smallLoanAmount === undefined
    )
      return;
    const key = `${v.smallLoanAmount}|${v.smallLoanInterestSubsidy}|${v.smallLoanBalance}|${v.smallLoanRepaid}|${v.borrowerId}`;
    if (keys?.includes(key)) return;
    (keys ??= []).push(key);
    (out ??= []).push(record);
  };
  for (const member of household.members) add(member);
  if (household.records) for (const record of household.records) add(record);
  return out ?? NO_RECORDS;
}

const NO_RECORDS: readonly PersonRecord[] = Object.freeze([]);

/**
 * Whether a loan is repaid: 小额信贷是否还清 where written; else 贷款余额 0 (repaid) or above 0 (not);
 * else an 偿还贷款金额 at least the loan, or a 还款时间 with no amount to compare. Null when nothing says.
 */
export function loanRepaid(loan: PersonRecord): boolean | null {
  const v = loan.values;
  if (v.smallLoanRepaid !== undefined) return v.smallLoanRepaid;
  if (v.smallLoanBalance !== undefined) return v.smallLoanBalance <= 0;
  if (v.smallLoanRepaidAmount !== undefined && v.smallLoanAmount !== undefined) return v.smallLoanRepaidAmount >= v.smallLoanAmount;
  if (v.smallLoanRepaidDate !== undefined) return true;
  return null;
}

/** Where a finding about measures points: the measures column, else the first measure-kind column, else the key cell. */
export function measureCell(context: CheckContext, facts: HouseholdFacts): CellRef {
  if (context.has("measures")) return cellOf(context, facts, "measures");
  const kindColumn = context.ledger.columns.find((c) => c.measureKind !== null);
  return kindColumn ? { row: facts.household.rows[0], column: kindColumn.letter } : facts.anchor;
}
