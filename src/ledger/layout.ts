/**
 * Whether a ledger lists persons (one row per member, the household key repeating) or
 * households (one row per household). Kept apart from reading: the evidence is gathered while
 * rows stream in, and the decision is made once, here, at the end.
 */
import { compactText } from "../values";
import type { ColumnInfo } from "./model";

const HEAD_RELATION = /^(户主|本人|户主本人|本人\(户主\)|户主\(本人\))$/;

const headRelations = new Map<string, boolean>();

/** 与户主关系 names the head himself or herself: 户主, 本人, 户主(本人) … (a handful of spellings: remembered). */
export function isHeadRelation(relation: string): boolean {
  let head = headRelations.get(relation);
  if (head === undefined) {
    head = HEAD_RELATION.test(compactText(relation));
    if (headRelations.size < 1024) headRelations.set(relation, head);
  }
  return head;
}

export interface LayoutEvidence {
  /** The column read as 证件号码, if any. */
  readonly personColumn: ColumnInfo | undefined;
  /** A 与户主关系 column exists. */
  readonly relationColumn: boolean;
  /** Some 户编号 appears on more than one data row. */
  readonly repeatedHouseholdId: boolean;
}

/**
 * Person layout when members' ID numbers are listed (a 证件号码 column that is not the head's own,
 * 户主证件号码) and either relations are given or a 户编号 repeats; household layout otherwise.
 */
export function decideLayout(evidence: LayoutEvidence): "person" | "household" {
  const column = evidence.personColumn;
  const membersListed = column !== undefined && !/户主/.test(column.header);
  return membersListed && (evidence.relationColumn || evidence.repeatedHouseholdId) ? "person" : "household";
}
