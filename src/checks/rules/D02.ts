/** D02 同一人或同一户重复登记 */
import { FIELDS } from "../../ledger/fields";
import type { RuleDefinition } from "../types";

export const D02: RuleDefinition = {
  id: "D02",
  clause: "—",
  plan: [],
  title: "同一人或同一户重复登记",
  titleEn: "A person or household is registered twice",
  severities: ["error"],
  needs: [],
  explanation:
    "同一证件号码在台账中出现多次，或按户登记的台账中同一户出现在多行，户数、人数和各项金额都会重复计算。",
  remedy: "核对重复的各行，删除多余的行，或更正录错的号码。",
  run(context) {
    return context.ledger.duplicates.map((duplicate) => {
      const rows = duplicate.cells.map((c) => `第${c.row}行`).join("、");
      const what = duplicate.field === "personId" ? `证件号码 ${duplicate.key} 的人员` : `${FIELDS[duplicate.field].label} ${duplicate.key} 的户`;
      const cell = duplicate.cells[1] ?? duplicate.cells[0];
      // A repeated person belongs to a household like any other row: name the one of the row pointed at.
      const household = duplicate.field === "personId" ? context.householdAtRow(cell.row) : duplicate.key;
      return {
        rule: this.id,
        severity: "error" as const,
        clause: this.clause,
        household,
        cell,
        message: `${what}登记了${duplicate.cells.length}次（${rows}）。请核对后删除重复行，或更正录错的号码。`,
      };
    });
  },
};
