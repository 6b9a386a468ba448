import { incomeTier, perCapitaNetIncome, tierThresholds } from "../formulas";
import { FIELDS, FieldKey } from "../ledger/fields";
import type { CellRef, HouseholdRecord, Ledger, PersonRecord } from "../ledger/model";
import { headNameOf } from "../ledger/read";
import type { Policy } from "../policy";
import { CivilDate, fullYearsBetween, roundToFen } from "../values";
import type { CheckContext, HouseholdFacts, Requirement } from "./types";

export const INCOME_COMPONENTS = ["wageIncome", "businessIncome", "propertyIncome", "transferIncome", "businessCosts", "householdSize"] as const satisfies readonly FieldKey[];

export function buildContext(ledger: Ledger, policy: Policy, asOf: CivilDate): CheckContext {
  const has = (field: FieldKey) => ledger.fieldColumns[field] !== undefined;
  const thresholds = tierThresholds(policy);
  const households = ledger.households.map((household): HouseholdFacts => {
    const computedPerCapita = computePerCapita(household);
    const perCapita = household.values.perCapitaIncome ?? computedPerCapita;
    return new Facts(household, perCapita, computedPerCapita, perCapita === null ? null : incomeTier(perCapita, thresholds), ledger);
  });
  const rowOwners = new Map<number, HouseholdFacts>();
  for (const facts of households) for (const row of facts.household.rows) rowOwners.set(row, facts);
  return {
    ledger,
    policy,
    asOf,
    households,
    has,
    householdAtRow: (row: number) => rowOwners.get(row)?.household.key ?? null,
    factsAtRow: (row: number) => rowOwners.get(row) ?? null,
    ageOf: (person: PersonRecord) => {
      if (person.values.age !== undefined) return person.values.age;
      if (person.values.birthDate !== undefined) return fullYearsBetween(person.values.birthDate, asOf);
      return null;
    },
  };
}

/** A household's facts; its label and anchor are made when a message asks for them (most households have none). */
class Facts implements HouseholdFacts {
  private labelText: string | null = null;
  constructor(
    readonly household: HouseholdRecord,
    readonly perCapita: number | null,
    readonly computedPerCapita: number | null,
    readonly tier: HouseholdFacts["tier"],
    private readonly ledger: Ledger,
  ) {}
  get label(): string {
    return (this.labelText ??= householdLabel(this.household, this.ledger.keyField));
  }
  get anchor(): CellRef {
    return anchorOf(this.ledger, this.household);
  }
}

function computePerCapita(household: HouseholdRecord): number | null {
  const v = household.values;
  if (v.householdSize === undefined || !(v.householdSize > 0)) return null;
  const components = [v.wageIncome, v.businessIncome, v.propertyIncome, v.transferIncome, v.businessCosts];
  if (components.every((c) => c === undefined)) {
    return v.netIncome === undefined ? null : roundToFen(v.netIncome / v.householdSize);
  }
  const [wageIncome, businessIncome, propertyIncome, transferIncome, businessCosts] = components.map((c) => c ?? 0);
  const parts = { wageIncome, businessIncome, propertyIncome, transferIncome, businessCosts };
  return perCapitaNetIncome(parts, v.householdSize);
}

function householdLabel(household: HouseholdRecord, keyField: FieldKey): string {
  const head = headNameOf(household);
  // A blank key cannot name the household: point at its row instead.
  const key = household.key === "" ? `第${household.rows[0]}行的户（${FIELDS[keyField].label}为空）` : keyField === "householdId" ? `户编号 ${household.key}` : `${FIELDS[keyField].label} ${household.key}`;
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
  if (need === "income") return context.has("perCapitaIncome") || INCOME_COMPONENTS.every((f) => context.has(f)) || (context.has("netIncome") && context.has("householdSize"));
  if (need === "measures") return context.has("measures") || context.ledger.columns.some((c) => c.measureKind !== null);
  if (typeof need === "string") return context.has(need);
  return need.some((f) => context.has(f));
}

/** A requirement as users read it: the column, or the columns any one of which will do. */
export function requirementLabel(need: Requirement): string {
  if (need === "income") return "人均纯收入（或各项收入、生产经营性支出和家庭人口数）";
  if (need === "measures") return "帮扶措施（或产业帮扶、就业帮扶等措施列）";
  if (typeof need === "string") return FIELDS[need].label;
  return need.map((f) => FIELDS[f].label).join("或");
}
