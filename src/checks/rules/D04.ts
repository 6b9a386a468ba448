/** D04 数值或日期无法识别 */
import { FIELDS } from "../../ledger/fields";
import type { CheckContext, RuleDefinition } from "../types";
import { isBlank } from "../../values";

export const D04: RuleDefinition = {
  id: "D04",
  clause: "—",
  plan: [],
  title: "数值或日期无法识别",
  titleEn: "Unreadable number or date",
  severities: ["error"],
  needs: [],
  explanation:
    "数值、日期、是/否等列中读不出的值会列在这里，本次检查不使用该值，也不会猜测；不大于 0 的家庭人口数、有数据但户编号为空的行也在此列出。",
  remedy: "改为可识别的写法：数字（可带千分位、可写“1.2万”）、日期（如 2025-05-06）、是/否。",
  run(context) {
    return context.ledger.problems
      .filter((p) => p.kind === "unreadable")
      .map((p) => ({
        rule: this.id,
        severity: "error" as const,
        clause: this.clause,
        household: context.householdAtRow(p.cell.row),
        cell: p.cell,
        // The header as the user wrote it, so the column can be found; a blank required cell has nothing to rewrite.
        message: `“${headerOf(context, p.cell.column) ?? FIELDS[p.field].label}”列：${p.message}。${isBlank(p.value) ? "" : "请改为可识别的写法，本次检查未使用该值。"}`,
      }));
  },
};

function headerOf(context: CheckContext, column: string): string | null {
  const header = context.ledger.columns.find((c) => c.letter === column)?.header;
  return header ? header.replace(/\s+/g, "") : null;
}
