/**
 * How findings are marked on the ledger, host-neutral: one mark per cell (several findings
 * on a cell share it, coloured by the most severe), the fill colour by severity, and the
 * text of the note. The Excel adapter and the in-memory workbook both use this.
 */
import type { Finding, Severity } from "../checks/types";
import { SEVERITY_LABELS } from "../checks/types";
import type { CellRef } from "../ledger/model";

/** Fill colours of marked cells (Bootstrap's alert backgrounds: light enough to read the value through). */
export const SEVERITY_FILLS: Record<Severity, string> = {
  error: "#F8D7DA",
  warning: "#FFF3CD",
  info: "#D1ECF1",
};

/**
 * What the user is told when a sheet's saved mark record cannot be read (Excel's custom XML part,
 * WPS's BANGFU_DATA entry): the previous fills cannot be restored and the record is dropped.
 * `sheet` null: a record that names no sheet.
 */
export function brokenRecordMessage(sheet: string | null): string {
  const which = sheet === null ? "一份" : `“${sheet}”`;
  return `工作簿中保存的${which}标记记录已损坏（可能被手工修改过），无法据此恢复原来的填充色和批注。该记录已删除；请手工检查带颜色的单元格，之后可以重新标记。`;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface PlannedMark {
  readonly cell: CellRef;
  /** "H12". */
  readonly address: string;
  /** The most severe of the cell's findings. */
  readonly severity: Severity;
  readonly fill: string;
  /** The note's text: every finding on the cell, most severe first. */
  readonly note: string;
  readonly findings: number;
}

export function cellAddress(cell: CellRef): string {
  return `${cell.column.toUpperCase()}${cell.row}`;
}

/** The marks to make: findings without a cell (sheet-level) are left out; cells in sheet order. */
export function planMarks(findings: readonly Finding[]): PlannedMark[] {
  const byCell = new Map<string, { cell: CellRef; findings: Finding[] }>();
  for (const finding of findings) {
    if (finding.cell === null) continue;
    const address = cellAddress(finding.cell);
    let entry = byCell.get(address);
    if (!entry) {
      entry = { cell: { row: finding.cell.row, column: finding.cell.column.toUpperCase() }, findings: [] };
      byCell.set(address, entry);
    }
    entry.findings.push(finding);
  }
  const marks: PlannedMark[] = [];
  for (const [address, entry] of byCell) {
    const sorted = [...entry.findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
    const severity = sorted[0].severity;
    marks.push({ cell: entry.cell, address, severity, fill: SEVERITY_FILLS[severity], note: noteText(sorted), findings: sorted.length });
  }
  return marks.sort(
    (a, b) =>
      a.cell.row - b.cell.row ||
      a.cell.column.length - b.cell.column.length ||
      (a.cell.column < b.cell.column ? -1 : a.cell.column > b.cell.column ? 1 : 0),
  );
}

export function noteText(findings: readonly Finding[]): string {
  return ["BANGFU 检查：", ...findings.map((f) => `【${SEVERITY_LABELS[f.severity]}】${f.rule} ${f.message}`)].join("\n");
}

/** A short fingerprint of a note's text (FNV-1a, 32 bits): recognises BANGFU's own note without storing its text. */
export function textFingerprint(raw: string): string {
  // Excel may hand a note back with \r\n line ends or trimmed: compare what a reader sees.
  const text = raw.replace(/\r\n?/g, "\n").trim();
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}
