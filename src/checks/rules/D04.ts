/** D04 数值或日期无法识别 */
import { FIELDS } from "../../ledger/fields";
import { cellText } from "../../ledger/values";
import { isBlank } from "../../values";
import { defineRule, headerOf } from "./shared";

type Data = {
  readonly kind: "unreadable" | "readWithNote";
  readonly column: string;
  readonly field: string;
  readonly value: string | null;
  readonly problem: string;
};

export const D04 = defineRule<Data>({
  id: "D04",
  clause: "—",
  plan: [],
  title: "数值或日期无法识别",
  titleEn: "Unreadable number or date",
  kinds: {
    unreadable: { severity: "error", summary: "数值、日期或是/否无法识别，或必填的值为空" },
    readWithNote: { severity: "info", summary: "写法不规范但能确定含义（模板的笔误、大写数字），已按说明读取" },
  },
  needs: [],
  explanation:
    "数值、日期、是/否等列中读不出的值会列在这里，本次检查不使用该值，也不会猜测；不大于 0 " +
    "的家庭人口数、有数据但户编号为空的行也在此列出。" +
    "写法不规范但含义确定的值（如模板自己的笔误“若劳动力或半劳动力”读作“弱劳动力或半劳动力”，" +
    "大写数字“壹万贰仟”读作12,000）照常使用，并给出提示。",
  remedy: "改为可识别的写法：数字（可带千分位、可写“1.2万”）、日期（如 2025-05-06）、是/否。",
  message(data) {
    if (data.kind === "readWithNote") return `“${data.column}”列：${data.problem}。`;
    // A blank required cell has nothing to rewrite.
    return `“${data.column}”列：${data.problem}。${data.value === null ? "" : "请改为可识别的写法，本次检查未使用该值。"}`;
  },
  run(context, report) {
    for (const p of context.ledger.problems) {
      if (p.kind === "idNumber") continue;
      // The header as the user wrote it, so the column can be found.
      const column = headerOf(context, p.cell.column) ?? FIELDS[p.field].label;
      const data: Data = {
        kind: p.kind === "note" ? "readWithNote" : "unreadable",
        column,
        field: p.field,
        value: isBlank(p.value) ? null : cellText(p.value),
        problem: p.message,
      };
      report(data, { household: context.householdAtRow(p.cell.row), cell: p.cell, subject: "" });
    }
  },
});
