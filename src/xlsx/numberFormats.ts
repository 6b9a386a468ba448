/**
 * The number format codes the .xlsx writer gives each cell format of a summary table (and the
 * chart part gives its cached values). Host-neutral.
 */
import type { CellFormat } from "../summaries/model";

export const NUMBER_FORMATS: Record<CellFormat, string | undefined> = {
  text: undefined,
  integer: "0",
  yuan: "#,##0.00",
  percent: "0.0%",
  date: "yyyy-mm-dd",
};
