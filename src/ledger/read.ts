/**
 * Reading a ledger sheet into households and persons, host-neutral: the task pane,
 * the web page and the command line hand over a SheetInput and get the same Ledger.
 */
import { LedgerBuilder } from "./build";
import { findHeader } from "./headers";
import { isHeadRelation } from "./layout";
import { HouseholdRecord, Ledger, LedgerNotFoundError, ReadOptions, SheetInput } from "./model";

export { isHeadRelation };

/** The head's name: the 户主姓名 column, else the member whose relation is the head. */
export function headNameOf(household: HouseholdRecord): string | null {
  return (
    household.values.headName ??
    household.members.find((m) => m.values.relation !== undefined && isHeadRelation(m.values.relation))?.values.name ??
    null
  );
}

/**
 * Read a ledger from a sheet: find the header, match columns, read every data row, and group
 * rows into households. Throws LedgerNotFoundError (Chinese message) when the sheet holds no ledger.
 * The same LedgerBuilder reads rows streamed from an .xlsx file (./stream.ts).
 *
 * Choices the column list leaves open:
 * - a row counts only when a recognised column holds something (a pre-numbered 序号 alone is blank);
 * - 合计/总计/小计 rows, note rows (注：…, 填表人：…) and a column-numbering row (1, 2, 3 …) under the header are skipped;
 * - person layout: a row with a blank key joins the household of the row above (members often leave
 *   户编号 blank), unless it is a head (与户主关系 户主) or nothing precedes it: then it is a household of
 *   its own with key "" and a CellProblem on the key cell;
 * - household layout: every row is a household; a blank key gives a CellProblem, and a key on two rows
 *   gives two households and a duplicate;
 * - a merged area down data rows (a 村 or 帮扶责任人 merged over its households) gives its value to
 *   every row it covers, in its first column, as the user sees it; hosts hand over all merged areas.
 */
export function readLedger(sheet: SheetInput, options: ReadOptions = {}): Ledger {
  const header = findHeader(sheet, options);
  const builder = new LedgerBuilder(sheet.name, header, sheet.origin, sheet.date1904 === true);
  const originRow = sheet.origin?.row ?? 1;
  for (let r = header.dataStartIndex; r < sheet.cells.length; r++) builder.addRow(originRow + r, sheet.cells[r] ?? []);
  return builder.finish(sheet.merges ?? []);
}

/** The first sheet holding a ledger, and why each sheet before it was passed over. */
export interface LedgerSheetChoice {
  readonly sheet: SheetInput;
  readonly ledger: Ledger;
  readonly rejected: readonly { readonly sheetName: string; readonly reason: string }[];
}

/**
 * Read the first sheet that holds a ledger. Throws LedgerNotFoundError, in Chinese, when the
 * workbook has no sheet or no sheet holds a ledger (the message gives each sheet's reason).
 */
export function findLedgerSheet(sheets: readonly SheetInput[], options: ReadOptions = {}): LedgerSheetChoice {
  if (sheets.length === 0) throw new LedgerNotFoundError("", "工作簿中没有工作表");
  const rejected: { sheetName: string; reason: string }[] = [];
  for (const sheet of sheets) {
    try {
      return { sheet, ledger: readLedger(sheet, options), rejected };
    } catch (error) {
      if (!(error instanceof LedgerNotFoundError)) throw error;
      rejected.push({ sheetName: sheet.name, reason: error.message });
    }
  }
  if (sheets.length === 1) throw new LedgerNotFoundError(sheets[0].name, rejected[0].reason);
  const reasons = rejected.map((r) => `\n- ${r.reason}`).join("");
  throw new LedgerNotFoundError("", `工作簿的${sheets.length}个工作表中都没有找到台账：${reasons}`);
}
