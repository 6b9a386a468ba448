/** Summary tables written by hand for the host tests (the summary builders have their own tests). */
import type { SummaryTable } from "../../src/summaries/model";

export const META = { sourceSheet: "台账", asOf: "2025-06-30", policyYear: 2025, generatedAt: "2025-07-01T09:30:00" };

/** 汇总-分层: two notes (one starting with "="), a total row, a stacked chart over 高/中/低. */
export const TIERS: SummaryTable = {
  key: "tiers",
  title: "汇总-分层",
  meta: META,
  notes: ["注意：“低收入线”使用内置默认值，尚未确认。", "=SUM(A1) 不是公式"],
  columns: [
    { header: "村", width: 14, format: "text" },
    { header: "高收入户", width: 10, format: "integer" },
    { header: "中等收入户", width: 12, format: "integer" },
    { header: "低收入户", width: 10, format: "integer" },
    { header: "户均收入（元）", width: 16, format: "yuan" },
    { header: "低收入占比", width: 11, format: "percent" },
  ],
  rows: [
    [{ value: "001" }, { value: 1 }, { value: 2 }, { value: 1 }, { value: 12345.6 }, { value: 0.25 }],
    [{ value: "西村" }, { value: 2 }, { value: 1 }, { value: 0 }, { value: "—", format: "text" }, { value: 0 }],
  ],
  totalRow: [{ value: "合计" }, { value: 3 }, { value: 3 }, { value: 1 }, { value: 11000 }, { value: 0.142857 }],
  chart: { kind: "stackedColumn", title: "各村收入分层", categoryColumn: 0, seriesColumns: [1, 2, 3] },
};

/** 检查结果: a filterable list whose 单元格 column links to the ledger; a date column. */
export const FINDINGS: SummaryTable = {
  key: "findings",
  title: "检查结果",
  meta: META,
  notes: [],
  columns: [
    { header: "规则", width: 7, format: "text" },
    { header: "单元格", width: 14, format: "text" },
    { header: "走访日期", width: 11, format: "date" },
    { header: "说明", width: 80, format: "text" },
  ],
  rows: [
    [
      { value: "D03" },
      { value: "台账!C12", link: { sheet: "台账", cell: "C12" } },
      { value: "2025-03-05" },
      { value: "证件号码校验位不对" },
    ],
    [
      { value: "M01" },
      { value: "台账!$F$13", link: { sheet: "台账", cell: "$F$13" } },
      { value: null },
      { value: "人均纯收入低于监测线", bold: true },
    ],
  ],
  filter: true,
};

/** A findings list of `rows` long rows (for writes that must be split under the payload limit). */
export function longFindings(rows: number): SummaryTable {
  const message = "该户人均纯收入低于当年低收入线，请核实收入构成并落实帮扶措施。".repeat(3);
  return {
    ...FINDINGS,
    rows: Array.from({ length: rows }, (_, i) => [
      { value: "M01" },
      { value: `台账!F${i + 3}`, link: { sheet: "台账", cell: `F${i + 3}` } },
      { value: "2025-01-01" },
      { value: `${i + 1}. ${message}` },
    ]),
  };
}
