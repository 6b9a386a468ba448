/** The layout decision on its own: evidence in, person or household out, with the reason in words. */
import { decideLayout, LayoutEvidence } from "../../src/ledger";

const none: LayoutEvidence = {
  kind: "ledger",
  keyLabel: "户编号",
  personColumn: null,
  nameColumn: false,
  personFields: 0,
  memberRelations: 0,
  headRelations: 0,
  notHeadFlags: 0,
  repeatedKey: false,
  sizeAboveOne: false,
  headNamesDifferWithinKey: false,
};

test.each([
  [
    "members' IDs and relations naming members",
    { personColumn: "证件号码", memberRelations: 3, headRelations: 1 },
    "person",
    "members",
    /户主以外的成员/,
  ],
  ["members' IDs and a repeated 户编号", { personColumn: "身份证号", repeatedKey: true }, "person", "members", /同一户编号出现在多行/],
  ["是否户主 says 否 on some rows", { notHeadFlags: 2 }, "person", "members", /是否户主/],
  [
    "a repeated 户编号 with a 户主姓名 column naming different people",
    { repeatedKey: true, headNamesDifferWithinKey: true, personFields: 3 },
    "person",
    "members",
    /按成员姓名读取/,
  ],
  [
    "members' IDs alone, every 户编号 once: the ID is the head's",
    { personColumn: "证件号码" },
    "household",
    "duplicates",
    /证件号码”列按户主的证件号码读取/,
  ],
  [
    "every relation the head and 家庭人口数 above 1",
    { personColumn: "身份证号", headRelations: 8, sizeAboveOne: true },
    "household",
    "duplicates",
    /都是户主/,
  ],
  [
    "heads alone with their IDs, no size above 1: persons",
    { personColumn: "证件号码", headRelations: 3 },
    "person",
    "members",
    /各行都是户主/,
  ],
  ["no member column, a repeated 户编号: duplicates", { repeatedKey: true }, "household", "duplicates", /重复登记/],
  ["a pairing export: repeats are history", { kind: "pairing", repeatedKey: true }, "household", "history", /结对的历史/],
  [
    "a loan ledger: repeats are loans",
    { kind: "loans", repeatedKey: true, keyLabel: "户主证件号码" },
    "household",
    "records",
    /按户主证件号码归户/,
  ],
] as const)("%s → %s", (_title, evidence, layout, repeats, reason) => {
  const decision = decideLayout({ ...none, ...evidence });
  expect([decision.layout, decision.repeats]).toEqual([layout, repeats]);
  expect(decision.reason).toMatch(reason);
});

test("a household ledger's member-ID column is read as the head's; a varying 户主姓名 as members' names", () => {
  expect(decideLayout({ ...none, personColumn: "身份证号", headRelations: 8, sizeAboveOne: true }).idColumnIsHeads).toBe(true);
  expect(decideLayout({ ...none, personColumn: "证件号码", memberRelations: 2 }).idColumnIsHeads).toBe(false);
  expect(decideLayout({ ...none, repeatedKey: true, headNamesDifferWithinKey: true, personFields: 3 }).headNameIsMembers).toBe(true);
  expect(
    decideLayout({ ...none, repeatedKey: true, headNamesDifferWithinKey: true, personFields: 3, nameColumn: true }).headNameIsMembers,
  ).toBe(false);
  // Without facts of persons, two rows of one 户编号 under different heads are a household typed twice.
  expect(decideLayout({ ...none, repeatedKey: true, headNamesDifferWithinKey: true })).toMatchObject({
    layout: "household",
    repeats: "duplicates",
  });
});
