/**
 * Fixtures rebuilt from the layouts that public projects read (docs/real-exports.md): the exact
 * header strings and the rows above and below them, with synthetic households. Each fixture is
 * one workbook: sheets of cell values (merges where the real file has them), handed to the
 * reader as a SheetInput, or written to an .xlsx file with exceljs for the command line.
 *
 * Everything is deterministic: no clock, no random numbers. Names are made up from a few
 * characters; ID numbers are synthetic (region 370402, GB 11643 check character computed in
 * ../syntheticId.ts).
 */
import ExcelJS from "exceljs";
import { columnLetter, columnNumber } from "../../../src/ledger";
import type { MergedRange, SheetInput } from "../../../src/ledger";
import { syntheticId } from "../syntheticId";

/** An Excel date serial: the add-in hands it over as a number, an .xlsx file stores it as a number with a date format. */
export class DateSerial {
  constructor(readonly serial: number) {}
}

/** What a fixture cell may hold. Numbers stored as text are strings, as in the real files. */
export type FixtureCell = string | number | boolean | DateSerial | null;

export interface FixtureSheet {
  readonly name: string;
  /** rows[0] is sheet row 1, rows[r][0] column A. */
  readonly rows: readonly (readonly FixtureCell[])[];
  /** Merged areas as the real file has them, A1 style ("A1:X1"). */
  readonly merges?: readonly string[];
  /** Cells whose value is text made of digits get the text format "@" in the .xlsx, as exports do for ID columns. */
  readonly textColumns?: readonly number[];
}

/** The public source the layout is rebuilt from: repository and files (for the docs and test names). */
export interface LayoutSource {
  readonly repo: string;
  readonly paths: readonly string[];
}

/** One household of a fixture and what a correct BANGFU concludes about it (in words; expected.ts has the table). */
export interface HouseholdCase {
  /** The household key as a correct reader forms it (户编号, or the head's ID where there is no 户编号). */
  readonly key: string;
  readonly persons: number;
  readonly story: string;
}

export interface RealLayoutFixture {
  /** Short English id, also the file stem. */
  readonly id: string;
  /** What the file is, in Chinese, as an office would name it. */
  readonly title: string;
  readonly fileName: string;
  readonly source: LayoutSource;
  readonly sheets: readonly FixtureSheet[];
  readonly households: readonly HouseholdCase[];
}

// ---------------------------------------------------------------- cells, dates, columns

/** Days since 1899-12-30 (Excel's 1900 system, past its leap-year bug). */
export function excelSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

export function dateSerial(year: number, month: number, day: number): DateSerial {
  return new DateSerial(excelSerial(year, month, day));
}

/** Column letters of a 1-based column number (1 → A, 177 → FU), and back: the reader's own conversions. */
export { columnLetter as letterOf, columnNumber as columnOf };

/** A title (or note) row: the text in column A, the rest of the row blank (the area is merged by the sheet's merges). */
export function titleRow(text: string, width: number): FixtureCell[] {
  return [text, ...Array<FixtureCell>(width - 1).fill(null)];
}

function mergedRange(area: string): MergedRange {
  const [a, b] = area.split(":");
  const parse = (ref: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref);
    if (!m) throw new Error(`test helper: bad cell reference ${ref}`);
    return { row: Number(m[2]), column: columnNumber(m[1]) };
  };
  const from = parse(a);
  const to = parse(b ?? a);
  return { top: from.row, left: from.column, bottom: to.row, right: to.column };
}

/** The sheet as a host hands it to the reader: plain values, date serials as numbers, merges. */
export function toSheetInput(sheet: FixtureSheet): SheetInput {
  const cells = sheet.rows.map((row) => row.map((cell) => (cell instanceof DateSerial ? cell.serial : cell)));
  return { name: sheet.name, cells, merges: (sheet.merges ?? []).map(mergedRange) };
}

/** The first sheet of a fixture as a SheetInput (the ledger sheet of every fixture). */
export function mainSheet(fixture: RealLayoutFixture): SheetInput {
  return toSheetInput(fixture.sheets[0]);
}

/** A row of a given width from column → value pairs (1-based columns), the rest blank. */
export function rowOf(width: number, values: ReadonlyMap<number, FixtureCell>): FixtureCell[] {
  return Array.from({ length: width }, (_, i) => values.get(i + 1) ?? null);
}

/**
 * A row under a header: values by header text. Every header text must exist in `header`
 * (a typo in a fixture fails loudly); a header that occurs twice gets the value in both places
 * unless `firstOnly` lists it.
 */
export function rowByHeader(
  header: readonly string[],
  values: Readonly<Record<string, FixtureCell>>,
  options: { firstOnly?: readonly string[] } = {},
): FixtureCell[] {
  const row: FixtureCell[] = header.map(() => null);
  for (const [name, value] of Object.entries(values)) {
    const at = header.reduce<number[]>((list, h, i) => (h === name ? [...list, i] : list), []);
    if (at.length === 0) throw new Error(`test helper: no column ${name}`);
    for (const i of options.firstOnly?.includes(name) ? at.slice(0, 1) : at) row[i] = value;
  }
  return row;
}

// ---------------------------------------------------------------- synthetic people

const SURNAMES = ["张", "王", "李", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
const GIVEN = [
  "建国",
  "秀英",
  "玉兰",
  "桂芝",
  "志强",
  "海燕",
  "明",
  "丽",
  "军",
  "芳",
  "伟",
  "静",
  "磊",
  "敏",
  "洋",
  "艳",
  "勇",
  "娟",
  "涛",
  "霞",
  "强",
  "杰",
  "婷",
  "超",
];

/** A made-up name, the same for the same numbers. */
export function fakeName(surname: number, given: number): string {
  return SURNAMES[surname % SURNAMES.length] + GIVEN[given % GIVEN.length];
}

/** A synthetic ID from a birth date YYYYMMDD and a sequence number (0–999). */
export function fakeId(birth: string, sequence: number): string {
  return syntheticId(birth, String(sequence % 1000).padStart(3, "0"));
}

/** A synthetic mobile number (the 10 digits after 1 are derived from the seed). */
export function fakePhone(seed: number): string {
  return `139${String(53_000_000 + seed * 7_919)
    .padStart(8, "0")
    .slice(-8)}`;
}

// ---------------------------------------------------------------- .xlsx

function workbookOf(fixture: RealLayoutFixture): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "BANGFU test/support/realLedgers（合成数据）";
  workbook.created = new Date(Date.UTC(2025, 11, 1));
  workbook.modified = workbook.created;
  for (const sheet of fixture.sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        if (value instanceof DateSerial) {
          cell.value = value.serial;
          cell.numFmt = "yyyy-mm-dd";
        } else {
          cell.value = value;
          if (typeof value === "string" && sheet.textColumns?.includes(c + 1)) cell.numFmt = "@";
        }
      });
    });
    for (const area of sheet.merges ?? []) ws.mergeCells(area);
  }
  return workbook;
}

/** Write the fixture as an .xlsx file (every sheet, merges, text-formatted ID columns, date serials with a date format). */
export async function writeFixtureXlsx(fixture: RealLayoutFixture, file: string): Promise<void> {
  await workbookOf(fixture).xlsx.writeFile(file);
}
