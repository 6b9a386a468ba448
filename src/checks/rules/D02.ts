/** D02 同一人或同一户重复登记 */
import { FIELDS } from "../../ledger/fields";
import { defineRule } from "./shared";

type Data = {
  readonly kind: "duplicatePerson" | "duplicateHousehold";
  readonly keyColumn: string;
  readonly key: string;
  readonly rows: readonly number[];
};

export const D02 = defineRule<Data>({
  id: "D02",
  clause: "—",
  plan: [],
  title: "同一人或同一户重复登记",
  titleEn: "A person or household is registered twice",
  kinds: {
    duplicatePerson: { severity: "error", summary: "同一证件号码登记了多次" },
    duplicateHousehold: { severity: "error", summary: "按户登记的台账中同一户登记了多行" },
  },
  needs: [],
  explanation: "同一证件号码在台账中出现多次，或按户登记的台账中同一户出现在多行，户数、人数和各项金额都会重复计算。",
  remedy: "核对重复的各行，删除多余的行，或更正录错的号码。",
  message(data) {
    const what = data.kind === "duplicatePerson" ? `${data.keyColumn} ${data.key} 的人员` : `${data.keyColumn} ${data.key} 的户`;
    const rows = data.rows.map((row) => `第${row}行`).join("、");
    return `${what}登记了${data.rows.length}次（${rows}）。请核对后删除重复行，或更正录错的号码。`;
  },
  run(context, report) {
    for (const duplicate of context.ledger.duplicates) {
      const cell = duplicate.cells[1] ?? duplicate.cells[0];
      const person = duplicate.field === "personId";
      // A repeated person belongs to a household like any other row: name the one of the row pointed at.
      const household = person ? context.householdAtRow(cell.row) : duplicate.key;
      const data: Data = {
        kind: person ? "duplicatePerson" : "duplicateHousehold",
        keyColumn: FIELDS[duplicate.field].label,
        key: duplicate.key,
        rows: duplicate.cells.map((c) => c.row),
      };
      report(data, { household, cell, subject: "" });
    }
  },
});
