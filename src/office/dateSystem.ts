/**
 * Whether the workbook counts dates from 1904 (Excel for Mac's old default; a workbook option).
 * Its cells' `values` are then serial numbers of that system, 1,462 days below the 1900 system's.
 *
 * Office.js has no released property for it (Workbook.use1904DateSystem is a preview API), but a
 * worksheet function evaluated through `workbook.functions` (ExcelApi 1.2) answers in the
 * workbook's own system: DATE(1904, 1, 1) is 0 in the 1904 system and 1462 in the 1900 one. The
 * probe is queued with the caller's first batch and costs no sync of its own.
 */
import { DAYS_1904_TO_1900 } from "../values/dates";

/** Queue the probe; the returned function, called after the next context.sync(), gives the answer. */
export function queueDateSystemProbe(context: Excel.RequestContext, supported: boolean): () => boolean {
  // Without ExcelApi 1.2 (Office 2016 before its updates) the 1900 system is taken: every Windows Excel's default.
  if (!supported) return () => false;
  const result = context.workbook.functions.date(1904, 1, 1);
  result.load("value,error");
  return () => {
    // An evaluation error is not the 1904 system's answer: keep the default.
    if (result.error) return false;
    if (result.value === 0) return true;
    if (result.value === DAYS_1904_TO_1900) return false;
    throw new Error(`Excel 对 DATE(1904,1,1) 给出了 ${String(result.value)}，无法判断工作簿的日期系统（应为 0 或 ${DAYS_1904_TO_1900}）。`);
  };
}
