/**
 * Whether a ledger lists persons (one row per member, the household key repeating) or
 * households (one row per household). Kept apart from reading: the evidence is gathered while
 * rows stream in, and the decision is made once, here, at the end, with the reason in words.
 */
import { compactText } from "../values";
import type { LedgerKind } from "./model";

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
  readonly kind: LedgerKind;
  /** Label of the column the rows are grouped by (户编号, 户主证件号码 …). */
  readonly keyLabel: string;
  /** Header of the member-ID column (证件号码, 身份证号, 搬迁人员身份证号), when there is one. */
  readonly personColumn: string | null;
  /** A 姓名 column exists. */
  readonly nameColumn: boolean;
  /** Columns of person-level facts (年龄, 劳动技能, 在校生 …) besides IDs and names. */
  readonly personFields: number;
  /** Rows whose 与户主关系 is someone other than the head, and rows whose relation is the head. */
  readonly memberRelations: number;
  readonly headRelations: number;
  /** Rows whose 是否户主 says 否. */
  readonly notHeadFlags: number;
  /** Some household key is on more than one row. */
  readonly repeatedKey: boolean;
  /** Some row says its household has more than one member (家庭人口数 > 1). */
  readonly sizeAboveOne: boolean;
  /** A 户主姓名 column whose rows of one household name different people (the template's column holds members' names). */
  readonly headNamesDifferWithinKey: boolean;
}

export interface LayoutDecision {
  readonly layout: "person" | "household";
  /** What rows sharing a household key are: its members, duplicates, its pairing history, or its records (loans). */
  readonly repeats: "members" | "duplicates" | "history" | "records";
  /** Chinese: the evidence the decision rests on. */
  readonly reason: string;
  /** The member-ID column holds the head's ID (a household ledger's plain 身份证号). */
  readonly idColumnIsHeads: boolean;
  /** The 户主姓名 column holds members' names. */
  readonly headNameIsMembers: boolean;
}

/**
 * Decide from the evidence, in this order:
 * 1. a pairing export (each row a pairing: repeats are history) or a loan ledger (each row a loan);
 * 2. 与户主关系 naming members other than the head, or 是否户主 saying 否: one row per person;
 * 3. 与户主关系 the head on every row and 家庭人口数 above 1: one row per household (heads alone,
 *    with their IDs, and no size above 1: one row per person, as before);
 * 4. the household key repeating, with a member-ID column, or with person-level facts (年龄, 劳动技能 …)
 *    and a 姓名 or varying 户主姓名 column: one row per person;
 * 5. otherwise one row per household (a repeated key is then a duplicate).
 * In a household ledger, a plain member-ID column (身份证号) holds the head's ID.
 */
export function decideLayout(evidence: LayoutEvidence): LayoutDecision {
  const household = (reason: string, repeats: LayoutDecision["repeats"] = "duplicates"): LayoutDecision => {
    const heads = evidence.personColumn !== null;
    return {
      layout: "household",
      repeats,
      reason: heads ? `${reason}；“${evidence.personColumn}”列按户主的证件号码读取` : reason,
      idColumnIsHeads: heads,
      headNameIsMembers: false,
    };
  };
  const person = (reason: string): LayoutDecision => {
    const members = evidence.headNamesDifferWithinKey && !evidence.nameColumn && evidence.personFields > 0;
    return {
      layout: "person",
      repeats: "members",
      reason: members ? `${reason}；“户主姓名”列同一户各行写的是不同的人，按成员姓名读取` : reason,
      idColumnIsHeads: false,
      headNameIsMembers: members,
    };
  };
  if (evidence.kind === "pairing")
    return household(
      `帮扶责任人结对表：每行是一次结对，同一户的几行是结对的历史（现任责任人取没有结束时间、开始时间最晚的一行），不是重复登记`,
      "history",
    );
  if (evidence.kind === "loans")
    return household(`贷款台账：每行是一笔贷款，按${evidence.keyLabel}归户，同一户的几行是几笔贷款，不是重复登记`, "records");
  if (evidence.memberRelations > 0) return person(`按人登记：“与户主关系”列有${evidence.memberRelations}行是户主以外的成员`);
  if (evidence.notHeadFlags > 0) return person(`按人登记：“是否户主”列有${evidence.notHeadFlags}行为“否”`);
  if (evidence.headRelations > 0 && evidence.sizeAboveOne) return household(`按户登记：各行的“与户主关系”都是户主，“家庭人口数”大于1`);
  // Only heads listed, no household size above one: a list of heads, one person each.
  if (evidence.headRelations > 0 && evidence.personColumn !== null)
    return person(`按人登记：有成员的证件号码和“与户主关系”列（各行都是户主）`);
  // A repeated key with facts of persons (年龄, 劳动技能 …) and names that differ: members, not a household typed twice.
  if (
    evidence.repeatedKey &&
    (evidence.personColumn !== null || (evidence.personFields > 0 && (evidence.nameColumn || evidence.headNamesDifferWithinKey)))
  ) {
    return person(`按人登记：同一${evidence.keyLabel}出现在多行`);
  }
  if (evidence.repeatedKey)
    return household(`按户登记：没有成员的证件号码、姓名或与户主关系列，同一${evidence.keyLabel}出现在多行的按重复登记报告`);
  return household(`按户登记：每个${evidence.keyLabel}只有一行`);
}
