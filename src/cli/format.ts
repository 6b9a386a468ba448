import { CheckReport, countBySeverity, Finding, reportNotes, SEVERITY_LABELS, Severity } from "../checks";
import { formatCellRef } from "../ledger/cellRef";
import { formatParameterValue, PARAMETERS, PLAN_PERIOD, Policy } from "../policy";
import { FIELDS, FieldKey } from "../ledger/fields";
import { formatDate } from "../values";

/** The JSON shape printed by `bangfu check --json` (documented in the README; keep it stable). */
export function reportToJson(report: CheckReport, policy: Policy): object {
  return {
    sheet: report.sheet,
    headerRow: report.headerRow,
    layout: report.layout,
    layoutReason: report.layoutReason,
    kind: report.kind,
    households: report.households,
    persons: report.persons,
    outOfScope: report.outOfScope.map((o) => ({ household: o.household, row: o.row, reason: o.reason })),
    includeMonitored: report.includeMonitored,
    afterRemovalIncome: report.afterRemovalIncome,
    joins: report.joins.map((j) => ({ ...j, fields: j.fields.map((f) => ({ field: f, label: fieldLabel(f) })) })),
    asOf: formatDate(report.asOf),
    policyYear: report.policyYear,
    unconfirmedParameters: policy.unconfirmed,
    rules: report.rules.map((r) => ({
      id: r.id,
      clause: r.clause,
      severity: r.severity,
      severities: r.severities,
      status: r.status,
      reason: r.reason,
      title: r.title,
      findings: r.findings,
    })),
    findings: report.findings.map(findingToJson),
  };
}

function findingToJson(f: Finding): object {
  return {
    rule: f.rule,
    severity: f.severity,
    clause: f.clause,
    household: f.household,
    row: f.cell?.row ?? null,
    column: f.cell?.column ?? null,
    message: f.message,
    data: f.data,
  };
}

/**
 * The same text as JSON.stringify(reportToJson(…), null, 2), handed out in pieces: the findings
 * (tens of thousands on a large ledger) are turned into JSON a thousand at a time, never as one
 * string or one array of copies. `write` may return a promise: the next piece waits for it (a
 * slow pipe holds the writer back instead of the text piling up in memory).
 */
export async function writeReportJson(report: CheckReport, policy: Policy, write: (text: string) => void | Promise<void>): Promise<void> {
  const head = JSON.stringify(reportToJson({ ...report, findings: [] }, policy), null, 2);
  const findings = report.findings;
  if (findings.length === 0) {
    await write(`${head}\n`);
    return;
  }
  // The findings array is the last key: open it where "[]" stands, then close it.
  await write(`${head.slice(0, head.lastIndexOf("[]"))}[\n`);
  // Stringified inside {"findings": […]}, a part is already indented as in the whole report: only
  // the wrapper's first line and last two lines are cut off.
  const open = '{\n  "findings": [\n'.length;
  const close = "\n  ]\n}".length;
  for (let i = 0; i < findings.length; i += 1000) {
    const part = JSON.stringify({ findings: findings.slice(i, i + 1000).map(findingToJson) }, null, 2);
    await write(`${part.slice(open, part.length - close)}${i + 1000 < findings.length ? ",\n" : "\n"}`);
  }
  await write("  ]\n}\n");
}

const SEVERITY_MARKS: Record<Severity, string> = { error: "✗", warning: "!", info: "i" };

/** The human-readable report: findings grouped by rule, each with the cell to go to, then the coverage. */
export function reportToText(report: CheckReport, policy: Policy, fileLabel: string): string {
  const lines: string[] = [];
  const counts = countBySeverity(report.findings);
  const layout = report.layout === "person" ? "按人登记" : "按户登记";
  lines.push(`BANGFU 增收帮扶检查：${fileLabel}`);
  lines.push(
    `工作表“${report.sheet}”，` +
      `表头在第${report.headerRow === report.headerLastRow ? report.headerRow : `${report.headerRow}—${report.headerLastRow}`}行，` +
      `${layout}：${report.households}户、${report.persons}人；检查日期 ` +
      `${formatDate(report.asOf)}，政策参数 ${report.policyYear}年。`,
  );
  lines.push(`读法：${report.layoutReason}。`);
  if (report.households === 0) lines.push(`注意：表头下没有数据行，没有可检查的户。请确认检查的是填好的台账工作表（可用 --sheet 指定）。`);
  lines.push(...reportNotes(report));
  lines.push(...policyNotes(policy));
  lines.push(`结果：错误 ${counts.error} 条，警告 ${counts.warning} 条，提示 ${counts.info} 条。`);
  const byRule = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const list = byRule.get(f.rule);
    if (list) list.push(f);
    else byRule.set(f.rule, [f]);
  }
  for (const rule of report.rules) {
    const findings = byRule.get(rule.id);
    if (!findings) continue;
    lines.push("", `[${rule.id}] ${rule.title}（${rule.clause === "—" ? "数据质量" : `方案${rule.clause}`}）：${findings.length} 条`);
    for (const f of findings) {
      const where = f.cell ? formatCellRef(report.sheet, f.cell) : `${report.sheet}（整表）`;
      lines.push(`  ${SEVERITY_MARKS[f.severity]} ${SEVERITY_LABELS[f.severity]} ${where}  ${f.message}`);
    }
  }
  const ran = report.rules.filter((r) => r.status === "ran");
  const skipped = report.rules.filter((r) => r.status === "skipped");
  lines.push("", `规则覆盖：运行 ${ran.length} 条，跳过 ${skipped.length} 条。`);
  for (const r of report.rules) {
    lines.push(r.status === "ran" ? `  ✓ ${r.id} ${r.title}：${r.findings} 条` : `  – ${r.id} ${r.title}：已跳过，${r.reason ?? ""}`);
  }
  return lines.join("\n");
}

export function policyNotes(policy: Policy): string[] {
  const notes: string[] = [];
  if (policy.outsidePlanPeriod)
    notes.push(`注意：${policy.year}年不在方案期（${PLAN_PERIOD.firstYear}—${PLAN_PERIOD.lastYear}年）内，沿用方案最后有效的参数。`);
  if (policy.unconfirmed.length > 0) {
    const list = policy.unconfirmed.map((key) => `${PARAMETERS[key].label} ${formatParameterValue(key, policy.values[key])}`).join("；");
    notes.push(`注意：以下由当地确定的参数仍是默认值，尚未确认：${list}。请用 --policy 参数文件设定或确认。`);
  }
  if (policy.overriddenFrom) notes.push(`参数文件：${policy.overriddenFrom}`);
  return notes;
}

function fieldLabel(field: FieldKey): string {
  return field === "measures" ? "帮扶措施" : FIELDS[field].label;
}
