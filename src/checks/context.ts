import { incomeTier, perCapitaNetIncome, tierThresholds } from "../formulas";
import { FIELDS, FieldKey } from "../ledger/fields";
import type { CellProblem, CellRef, FieldValues, HouseholdRecord, Ledger, PersonRecord } from "../ledger/model";
import { headNameOf } from "../ledger/read";
import type { Policy } from "../policy";
import { CivilDate, fullYearsBetween, roundToFen } from "../values";
import { householdScope, ScopeOptions } from "./scope";
import type { CheckContext, HouseholdFacts, OutOfScope, Requirement } from "./types";

export const INCOME_COMPONENTS = [
  "wageIncome",
  "businessIncome",
  "propertyIncome",
  "transferIncome",
  "businessCosts",
  "householdSize",
] as const satisfies readonly FieldKey[];
/** Fields whose unreadable cell makes the computed per-capita income unknown (never a figure from the parts that could be read). */
export const INCOME_PARTS: ReadonlySet<FieldKey> = new Set<FieldKey>([
  "wageIncome",
  "businessIncome",
  "propertyIncome",
  "transferIncome",
  "propertyAndTransferIncome",
  "businessCosts",
  "netIncome",
  "householdSize",
  "currentHouseholdSize",
]);

type UnreadableCells = ReadonlyMap<number, readonly CellProblem[]>;

/** The cells written but not used (unreadable values, invalid ID numbers: D03/D04 list them), by row; read once per ledger. */
function unreadableCellsByRow(ledger: Ledger): UnreadableCells {
  const byRow = new Map<number, CellProblem[]>();
  for (const p of ledger.problems) {
    if (p.kind === "note") continue;
    const list = byRow.get(p.cell.row);
    if (list) list.push(p);
    else byRow.set(p.cell.row, [p]);
  }
  return byRow;
}

/** Each household's per-capita net income as the checks take it (see incomeOf): for a side ledger of last year's incomes. */
export function perCapitaIncomes(ledger: Ledger): (household: HouseholdRecord) => number | null {
  const unreadable = unreadableCellsByRow(ledger);
  return (household) => incomeOf(household, unreadable).perCapita;
}

export function buildContext(ledger: Ledger, policy: Policy, asOf: CivilDate, scope: ScopeOptions = {}): CheckContext {
  const joined = new Set<FieldKey>(ledger.joinedFields ?? []);
  // In a household ledger the row stands for the head: the head's ID (户主证件号码) is the person's.
  const headIsPerson = ledger.layout === "household" && ledger.fieldColumns.headId !== undefined;
  const has = (field: FieldKey) => ledger.fieldColumns[field] !== undefined || joined.has(field) || (field === "personId" && headIsPerson);
  const thresholds = tierThresholds(policy);
  const unreadable = unreadableCellsByRow(ledger);
  const all: HouseholdFacts[] = [];
  const households: HouseholdFacts[] = [];
  const outOfScope: OutOfScope[] = [];
  for (const household of ledger.households) {
    const income = incomeOf(household, unreadable);
    const facts = new Facts(household, income, income.perCapita === null ? null : incomeTier(income.perCapita, thresholds), ledger);
    all.push(facts);
    const decision = householdScope(household.values, scope);
    if (decision.inScope) households.push(facts);
    else outOfScope.push({ household: household.key, label: facts.label, reason: decision.reason, row: household.rows[0] });
  }
  const rowOwners = new Map<number, HouseholdFacts>();
  for (const facts of all) for (const row of facts.household.rows) rowOwners.set(row, facts);
  return {
    ledger,
    policy,
    asOf,
    households,
    allHouseholds: all,
    outOfScope,
    has,
    householdAtRow: (row: number) => rowOwners.get(row)?.household.key ?? null,
    factsAtRow: (row: number) => rowOwners.get(row) ?? null,
    unreadable: (rows, field) => unreadable.size > 0 && rows.some((row) => unreadable.get(row)?.some((p) => p.field === field) === true),
    unreadableCells: (row) => unreadable.get(row) ?? [],
    ageOf: (person: PersonRecord) => {
      if (person.values.age !== undefined) return person.values.age;
      if (person.values.birthDate !== undefined) return fullYearsBetween(person.values.birthDate, asOf);
      return null;
    },
  };
}

interface Income {
  readonly perCapita: number | null;
  readonly incomeBasis: HouseholdFacts["incomeBasis"];
  readonly computedPerCapita: number | null;
  readonly sizeUsed: HouseholdFacts["sizeUsed"];
}

/**
 * A household's income, as the national system computes it: (工资性 + 生产经营性 + 财产性 + 转移性
 * − 生产经营性支出) ÷ 年度家庭人口数 (the members of the income year), else ÷ 当前家庭人口数 when only
 * that is given. For a monitored household whose risk was removed, the plain income columns hold
 * the income at identification: its 风险消除后家庭人均纯收入 is used instead, where given.
 */
function incomeOf(household: HouseholdRecord, unreadableCells: UnreadableCells): Income {
  const v = household.values;
  const sizeUsed = v.householdSize !== undefined ? "householdSize" : v.currentHouseholdSize !== undefined ? "currentHouseholdSize" : null;
  const size = v.householdSize ?? v.currentHouseholdSize;
  const unreadable = household.rows.some((row) => unreadableCells.get(row)?.some((p) => INCOME_PARTS.has(p.field)) === true);
  const computedPerCapita = unreadable ? null : computePerCapita(v, size);
  if (v.riskRemoved === true) {
    const after =
      v.afterRemovalPerCapitaIncome ??
      (v.afterRemovalNetIncome !== undefined && size !== undefined && size > 0 ? roundToFen(v.afterRemovalNetIncome / size) : undefined);
    if (after !== undefined) return { perCapita: after, incomeBasis: "afterRemoval", computedPerCapita, sizeUsed };
  }
  if (v.perCapitaIncome !== undefined) return { perCapita: v.perCapitaIncome, incomeBasis: "recorded", computedPerCapita, sizeUsed };
  return { perCapita: computedPerCapita, incomeBasis: computedPerCapita === null ? null : "computed", computedPerCapita, sizeUsed };
}

/** A household's facts; its label and anchor are made when a message asks for them (most households have none). */
class Facts implements HouseholdFacts {
  private labelText: string | null = null;
  readonly perCapita: number | null;
  readonly incomeBasis: HouseholdFacts["incomeBasis"];
  readonly computedPerCapita: number | null;
  readonly sizeUsed: HouseholdFacts["sizeUsed"];
  constructor(
    readonly household: HouseholdRecord,
    income: Income,
    readonly tier: HouseholdFacts["tier"],
    private readonly ledger: Ledger,
  ) {
    this.perCapita = income.perCapita;
    this.incomeBasis = income.incomeBasis;
    this.computedPerCapita = income.computedPerCapita;
    this.sizeUsed = income.sizeUsed;
  }
  get label(): string {
    return (this.labelText ??= householdLabel(this.household, this.ledger.keyField));
  }
  get anchor(): CellRef {
    return anchorOf(this.ledger, this.household);
  }
}

function computePerCapita(v: FieldValues, size: number | undefined): number | null {
  if (size === undefined || !(size > 0)) return null;
  const propertyAndTransfer = v.propertyIncome === undefined && v.transferIncome === undefined ? v.propertyAndTransferIncome : undefined;
  const components = [v.wageIncome, v.businessIncome, v.propertyIncome, v.transferIncome, propertyAndTransfer, v.businessCosts];
  if (components.every((c) => c === undefined)) {
    return v.netIncome === undefined ? null : roundToFen(v.netIncome / size);
  }
  const [wageIncome, businessIncome, propertyIncome, transferIncome, joint, businessCosts] = components.map((c) => c ?? 0);
  const parts = { wageIncome, businessIncome, propertyIncome: propertyIncome + joint, transferIncome, businessCosts };
  return perCapitaNetIncome(parts, size);
}

function householdLabel(household: HouseholdRecord, keyField: FieldKey): string {
  const head = headNameOf(household);
  // A blank key cannot name the household: point at its row instead.
  const key =
    household.key === ""
      ? `第${household.rows[0]}行的户（${FIELDS[keyField].label}为空）`
      : keyField === "householdId"
        ? `户编号 ${household.key}`
        : `${FIELDS[keyField].label} ${household.key}`;
  return head && !(keyField === "headName" && head === household.key) ? `${key}（户主 ${head}）` : key;
}

function anchorOf(ledger: Ledger, household: HouseholdRecord): CellRef {
  const keyCell = household.cells[ledger.keyField];
  if (keyCell) return keyCell;
  const column = ledger.fieldColumns[ledger.keyField]?.letter ?? "A";
  return { row: household.rows[0], column };
}

/** The Chinese names of the columns a rule lacks; empty when it can run. */
export function missingRequirements(context: CheckContext, needs: readonly Requirement[]): string[] {
  return needs.filter((need) => !isMet(context, need)).map(requirementLabel);
}

function isMet(context: CheckContext, need: Requirement): boolean {
  if (need === "income") return context.has("perCapitaIncome") || hasIncomeParts(context);
  if (need === "incomeParts") return hasIncomeParts(context);
  if (need === "measures")
    return (
      context.has("measures") ||
      context.ledger.columns.some((c) => c.measureKind !== null) ||
      context.has("welfarePost") ||
      context.has("securityType")
    );
  if (typeof need === "string") return context.has(need);
  return need.some((f) => context.has(f));
}

/** The columns the per-capita income is computed from: its parts and a household size, or the net income and a size. */
function hasIncomeParts(context: CheckContext): boolean {
  const size = context.has("householdSize") || context.has("currentHouseholdSize");
  const propertyAndTransfer = (context.has("propertyIncome") && context.has("transferIncome")) || context.has("propertyAndTransferIncome");
  const parts = context.has("wageIncome") && context.has("businessIncome") && propertyAndTransfer && context.has("businessCosts");
  return size && (parts || context.has("netIncome"));
}

/** A requirement as users read it: the column, or the columns any one of which will do. */
export function requirementLabel(need: Requirement): string {
  if (need === "income") return "人均纯收入（或各项收入、生产经营性支出和家庭人口数）";
  if (need === "incomeParts") return `${INCOME_COMPONENTS.map((f) => FIELDS[f].label).join("、")}（或纯收入和家庭人口数）`;
  if (need === "measures") return "帮扶措施（或产业帮扶、就业帮扶等措施列）";
  if (typeof need === "string") return FIELDS[need].label;
  return need.map((f) => FIELDS[f].label).join("或");
}
