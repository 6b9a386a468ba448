/**
 * 检查结果: the findings of the check as a filterable table, each cell reference a link
 * to the ledger cell, each finding's numbers (its data) in the last column; the rules that
 * could not run are named in the notes with the reason.
 */
import { countBySeverity, formatFindingData, reportNotes, SEVERITY_LABELS } from "../checks";
import { formatCellRef } from "../ledger";
import { column, metaOf, policyNotes, SummaryInput } from "./common";
import { SUMMARY_TITLES, SummaryCell, SummaryColumn, SummaryTable } from "./model";

export function buildFindingsTable(input: SummaryInput): SummaryTable {
  const { ledger, report } = input;
  const titles = new Map(report.rules.map((r) => [r.id, r.title]));

  const columns: SummaryColumn[] = [
    column("规则", "text", 7),
    column("检查项", "text", 30),
    column("严重程度", "text", 9),
    column("条款", "text", 14),
    column("户", "text", 14),
    column("单元格", "text", 14),
    column("说明", "text", 80),
    column("数值", "text", 40),
  ];

  const rows = report.findings.map((f): SummaryCell[] => [
    { value: f.rule },
    { value: titles.get(f.rule) ?? null },
    { value: SEVERITY_LABELS[f.severity] },
    { value: f.clause },
    { value: f.household === null ? "（全表）" : f.household === "" ? "（户编号为空）" : f.household },
    f.cell === null
      ? { value: "—" }
      : { value: formatCellRef(ledger.sheetName, f.cell), link: { sheet: ledger.sheetName, cell: `${f.cell.column}${f.cell.row}` } },
    { value: f.message },
    { value: formatFindingData(f.data) },
  ]);

  const counts = countBySeverity(report.findings);
  const ran = report.rules.filter((r) => r.status === "ran").length;
  const notes: string[] = [
    report.findings.length === 0
      ? `运行了${ran}项检查，未发现问题。`
      : `运行了${ran}项检查，共${report.findings.length}条：` +
        `${SEVERITY_LABELS.error}${counts.error}条、${SEVERITY_LABELS.warning}${counts.warning}条、` +
        `${SEVERITY_LABELS.info}${counts.info}条。点击单元格可转到台账。`,
  ];
  for (const rule of report.rules) {
    if (rule.status === "skipped") notes.push(`未运行：${rule.id} ${rule.title}（${rule.reason ?? "原因不详"}）`);
    else if (rule.reason !== null) notes.push(`部分运行：${rule.id} ${rule.title}（${rule.reason}）`);
  }
  // Which facts came from which side ledger; households outside the plan's scope.
  notes.push(...reportNotes(report));
  // The rules read every parameter: name each one still at its unconfirmed default.
  notes.push(...policyNotes(input, input.options.policy.unconfirmed));

  return { key: "findings", title: SUMMARY_TITLES.findings, meta: metaOf(input), notes, columns, rows, filter: true };
}
