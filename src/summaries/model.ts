/**
 * A summary tab as a host-neutral table: what to write, not how. The Excel adapter,
 * the .xlsx writer and the web page each render this one model.
 */

/**
 * How a cell's value is shown: "yuan" to the fen (0.00), "percent" a share (0.125 → 12.5%),
 * "integer" a count, "date" an ISO date text YYYY-MM-DD (a renderer may write it as a real date).
 * A text cell (e.g. "—" for a figure that cannot be computed) may sit in a column of another format.
 */
export type CellFormat = "text" | "integer" | "yuan" | "percent" | "date";

export interface SummaryCell {
  readonly value: string | number | null;
  /** Overrides the column's format for this cell. */
  readonly format?: CellFormat;
  /** A link to a cell of the ledger sheet (检查结果, 重点户清单). */
  readonly link?: { readonly sheet: string; readonly cell: string };
  readonly bold?: boolean;
}

export interface SummaryColumn {
  readonly header: string;
  /** Width in characters, as Excel measures column widths. */
  readonly width: number;
  readonly format: CellFormat;
}

/** A clustered or stacked column chart over some columns of the table's body rows. */
export interface ChartSpec {
  readonly kind: "stackedColumn" | "clusteredColumn";
  readonly title: string;
  /** Column index holding the category labels (e.g. the village). */
  readonly categoryColumn: number;
  /** Column indexes of the series (e.g. counts of 高/中/低收入 households). */
  readonly seriesColumns: readonly number[];
}

export type SummaryKey = "tiers" | "measures" | "funds" | "growth" | "focus" | "findings";

export interface SummaryMeta {
  readonly sourceSheet: string;
  /** ISO date of the check. */
  readonly asOf: string;
  readonly policyYear: number;
  /** ISO timestamp of generation. */
  readonly generatedAt: string;
}

export interface SummaryTable {
  readonly key: SummaryKey;
  /** The tab's name, e.g. 汇总-分层. */
  readonly title: string;
  readonly meta: SummaryMeta;
  /** Notes printed under the meta line (e.g. unconfirmed parameters, masked ID numbers). */
  readonly notes: readonly string[];
  readonly columns: readonly SummaryColumn[];
  readonly rows: readonly (readonly SummaryCell[])[];
  /** A bold total row after the body, when the table has one. */
  readonly totalRow?: readonly SummaryCell[];
  readonly chart?: ChartSpec;
  /** Offer an AutoFilter on the header row. */
  readonly filter?: boolean;
}

/** Where the table starts on its tab: the meta line on row 1, notes below, then the header. */
export function headerRowOf(table: SummaryTable): number {
  return 2 + table.notes.length + 1;
}

export function metaLine(meta: SummaryMeta): string {
  return (
    `来源工作表：${meta.sourceSheet}　检查日期：${meta.asOf}　政策年度：` +
    `${meta.policyYear}　生成时间：${meta.generatedAt.replace("T", " ").slice(0, 19)}　（由 ` +
    `BANGFU 增收帮扶助手生成，重新生成时将被替换）`
  );
}

/** Workbook-level defined names mark generated tabs; a user's sheet of the same name carries none and is never touched. */
export const GENERATED_MARKER_PREFIX = "BANGFU_GENERATED_";

export function markerName(key: SummaryKey): string {
  return `${GENERATED_MARKER_PREFIX}${key.toUpperCase()}`;
}

export const SUMMARY_TITLES: Record<SummaryKey, string> = {
  tiers: "汇总-分层",
  measures: "汇总-措施",
  funds: "汇总-资金",
  growth: "汇总-增收",
  focus: "重点户清单",
  findings: "检查结果",
};
