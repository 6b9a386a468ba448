/**
 * Helpers the rule files share: building a finding, the cell a finding points to, how a member
 * is named, which households are low-income, which measures a household has.
 */
import type { FieldKey } from "../../ledger/fields";
import type { CellRef, HouseholdRecord, PersonRecord } from "../../ledger/model";
import { ActionId, actionsOfMeasures } from "../../policy";
import type { CheckContext, Finding, HouseholdFacts, RuleDefinition, Severity } from "../types";

export function finding(rule: RuleDefinition, severity: Severity, facts: HouseholdFacts | null, cell: CellRef | null, message: string): Finding {
  return { rule: rule.id, severity, clause: rule.clause, household: facts?.household.key ?? null, cell, message };
}

/** The cell of a field in a household, falling back to its first row in that field's column, then to the key cell. */
export function cellOf(context: CheckContext, facts: HouseholdFacts, field: FieldKey): CellRef {
  const direct = facts.household.cells[field];
  if (direct) return direct;
  const column = context.ledger.fieldColumns[field];
  return column ? { row: facts.household.rows[0], column: column.letter } : facts.anchor;
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

export const canWork = (person: PersonRecord) => person.values.labor === "able";

/** Where a finding about measures points: the measures column, else the first measure-kind column, else the key cell. */
export function measureCell(context: CheckContext, facts: HouseholdFacts): CellRef {
  if (context.has("measures")) return cellOf(context, facts, "measures");
  const kindColumn = context.ledger.columns.find((c) => c.measureKind !== null);
  return kindColumn ? { row: facts.household.rows[0], column: kindColumn.letter } : facts.anchor;
}
