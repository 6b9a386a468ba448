/** The layout decision on its own: evidence in, person or household out. */
import { decideLayout } from "../../src/ledger";
import type { ColumnInfo } from "../../src/ledger";

const column = (header: string): ColumnInfo => ({ index: 1, letter: "B", header, field: "personId", measureKind: null, matchedBy: "alias" });

test.each([
  ["members' IDs and relations", column("证件号码"), true, false, "person"],
  ["members' IDs and a repeated 户编号", column("身份证号"), false, true, "person"],
  ["members' IDs alone, every 户编号 once", column("证件号码"), false, false, "household"],
  ["the head's ID (户主证件号码) with relations", column("户主证件号码"), true, true, "household"],
  ["no ID column", undefined, true, true, "household"],
] as const)("%s → %s", (_title, personColumn, relationColumn, repeatedHouseholdId, expected) => {
  expect(decideLayout({ personColumn, relationColumn, repeatedHouseholdId })).toBe(expected);
});
