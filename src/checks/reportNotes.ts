/**
 * The report's notes besides the findings, in Chinese, for every host (the command line's text
 * report, the 检查结果 tab, the pane): which side ledgers were joined and what each gave, the
 * households outside the plan's scope, the households tiered by their income after the risk
 * was removed, and a side ledger checked alone.
 */
import { FIELDS, FieldKey } from "../ledger/fields";
import type { CheckReport } from "./types";

function fieldLabel(field: FieldKey): string {
  return field === "measures" ? "帮扶措施" : FIELDS[field].label;
}

const ROLE_TEXT = { lastYear: "上年收入", pairing: "帮扶责任人结对", loans: "小额信贷", supplement: "补充信息" } as const;
/** Households named in a note before "等": a long list helps nobody on a terminal. */
const NAMED = 5;

/**
 * What the report says besides the findings, in Chinese (the text report, the 检查结果 tab): a side
 * ledger checked alone, the side ledgers joined and which facts came from each, the households
 * outside the plan's scope, the households tiered by their income after the risk was removed.
 */
export function reportNotes(report: CheckReport): string[] {
  const notes: string[] = [];
  if (report.kind === "pairing")
    notes.push(
      "注意：本表是帮扶责任人结对表，没有收入，不单独检查增收情况。请把它作为附表并入主台账检查：bangfu check 主台账.xlsx --with 本表.xlsx（任务窗格中在“并入的附表”里勾选本表）。",
    );
  if (report.kind === "loans")
    notes.push(
      "注意：本表是小额信贷台账，没有收入，不单独检查增收情况。请把它作为附表并入主台账检查：bangfu check 主台账.xlsx --with 本表.xlsx（任务窗格中在“并入的附表”里勾选本表）。",
    );
  for (const j of report.joins) {
    const facts = j.fields.map(fieldLabel).join("、") || "无（没有主台账缺少的内容）";
    const by = j.keys.length > 0 ? `按${j.keys.join("、")}` : "";
    const missing =
      j.unmatched > 0
        ? `；` +
          `附表中有${j.unmatched}户在主台账中找不到${j.unmatchedKeys.length > 0 ? `（${j.unmatchedKeys.join("、")}${j.unmatched > j.unmatchedKeys.length ? "等" : ""}）` : ""}，` +
          `未使用`
        : "";
    const unreadable =
      j.unreadable > 0 ? `附表中有${j.unreadable}个单元格读不出（如证件号码、数值有误），未使用，单独检查该附表可看到是哪些。` : "";
    notes.push(
      `并入附表 ${j.source}（工作表“${j.sheetName}”，${ROLE_TEXT[j.role]}：${j.roleReason}）：` +
        `${by}对上${j.matched}户，${j.households}户取得了：${facts}${missing}。${unreadable}`,
    );
  }
  if (report.outOfScope.length > 0) {
    const named = report.outOfScope
      .slice(0, NAMED)
      .map((o) => `${o.label}（${o.reason}，第${o.row}行）`)
      .join("、");
    const more = report.outOfScope.length > NAMED ? `等` : "";
    const include = report.includeMonitored
      ? ""
      : "如需把风险已消除的监测户也按脱贫户检查，请加 --include-monitored（任务窗格：设置 → 纳入风险已消除的监测户）。";
    notes.push(
      `另有${report.outOfScope.length}户不属方案所称的脱贫户（脱贫户和未消除风险的监测对象），未分层、未按方案各项检查、不计入排名，只做数据检查：${named}${more}。${include}`,
    );
  }
  if (report.afterRemovalIncome.length > 0) {
    const named = report.afterRemovalIncome.slice(0, NAMED).join("、");
    notes.push(
      `${report.afterRemovalIncome.length}户风险已消除，` +
        `按“风险消除后家庭人均纯收入”分层和比较（“人均纯收入”列是识别时的收入）：` +
        `${named}${report.afterRemovalIncome.length > NAMED ? "等" : ""}。`,
    );
  }
  return notes;
}
