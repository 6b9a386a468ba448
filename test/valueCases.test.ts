/**
 * The same cell values everywhere: one table of cell-value cases, each written as the host holds
 * it — as an .xlsx file's XML (read by the file reader), as Excel's range.values hands it over
 * (the Office adapter over the fake Excel), as ET's Value2 hands it over (the WPS adapter over the
 * fake ET), and as the in-memory workbook keeps it — read into a ledger with the same expected
 * field value. Then a workbook in the 1904 date system, through every host.
 */
import { readLedger, Ledger } from "../src/ledger";
import type { MergedRange } from "../src/ledger/model";
import { MemoryWorkbookHost } from "../src/host/memoryHost";
import { ALL_CAPABILITIES } from "../src/office/capabilities";
import { OfficeWorkbookHost } from "../src/office/host";
import { fromExcelSerial, toExcelSerial } from "../src/values";
import { WpsWorkbookHost } from "../src/wps/host";
import { ET_ERROR_TEXTS } from "../src/wps/values";
import { readLedgers } from "../src/xlsx/readLedgers";
import { openXlsx } from "../src/xlsx/workbook";
import { bytesSource, Inflater } from "../src/xlsx/zip";
import { FakeExcel } from "./office/fakeExcel";
import { FakeEt } from "./wps/fakeEt";
import { INFLATERS } from "./support/inflaters";
import { buildXlsx, CellSpec, sharedStringsXml } from "./support/xlsxPackage";

const HEADER = ["户编号", "户主姓名", "人均纯收入", "增收帮扶责任人", "最近走访日期", "是否长期外出"];
const COLUMN = { headName: 1, perCapitaIncome: 2, supportCadre: 3, lastContactDate: 4, absentLongTerm: 5 } as const;
type Field = keyof typeof COLUMN;

const visit = toExcelSerial({ year: 2025, month: 11, day: 20 });

interface ValueCase {
  readonly title: string;
  readonly field: Field;
  /** The cell in the file's XML (shared strings: see SHARED below). */
  readonly xlsx: CellSpec;
  /** What Excel's range.values gives for that cell; the in-memory workbook holds the same. */
  readonly excel: string | number | boolean;
  /** The field value read, or "problem" for a value reported as unreadable (D04). */
  readonly expected: unknown;
}

// Shared strings: 0 plain, 1 rich runs with phonetic readings.
const SHARED = sharedStringsXml([
  "王五",
  {
    xml: `<si><r><t>张</t></r><r><rPr><b/></rPr><t>三</t></r><rPh sb="0" eb="1"><t>zhang</t></rPh><rPh sb="1" eb="2"><t>san</t></rPh></si>`,
  },
]);

const CASES: readonly ValueCase[] = [
  {
    title: "a date serial with a date format (1900 system)",
    field: "lastContactDate",
    xlsx: { xml: `<c s="1"><v>${visit}</v></c>` },
    excel: visit,
    expected: fromExcelSerial(visit),
  },
  {
    title: 'an ISO date cell (t="d")',
    field: "lastContactDate",
    xlsx: { xml: `<c t="d" s="1"><v>2025-11-20T00:00:00</v></c>` },
    excel: visit,
    expected: { year: 2025, month: 11, day: 20 },
  },
  {
    title: "a date typed as text",
    field: "lastContactDate",
    xlsx: "2025年11月20日",
    excel: "2025年11月20日",
    expected: { year: 2025, month: 11, day: 20 },
  },
  { title: "a shared string", field: "headName", xlsx: { xml: `<c t="s"><v>0</v></c>` }, excel: "王五", expected: "王五" },
  {
    title: "rich text runs with phonetic readings (shared)",
    field: "headName",
    xlsx: { xml: `<c t="s"><v>1</v></c>` },
    excel: "张三",
    expected: "张三",
  },
  {
    title: "inline rich text runs",
    field: "headName",
    xlsx: { xml: `<c t="inlineStr"><is><r><t>李</t></r><r><rPr><i/></rPr><t>四</t></r><rPh sb="0" eb="1"><t>li</t></rPh></is></c>` },
    excel: "李四",
    expected: "李四",
  },
  { title: "a plain inline string", field: "headName", xlsx: "赵六", excel: "赵六", expected: "赵六" },
  {
    title: 'a formula\'s text result (t="str")',
    field: "supportCadre",
    xlsx: { xml: `<c t="str"><f>"干部"&amp;"甲"</f><v>干部甲</v></c>` },
    excel: "干部甲",
    expected: "干部甲",
  },
  { title: "a formula whose result is 0", field: "perCapitaIncome", xlsx: { xml: `<c><f>A1*0</f><v>0</v></c>` }, excel: 0, expected: 0 },
  {
    title: "a formula whose result is an error",
    field: "perCapitaIncome",
    xlsx: { xml: `<c t="e"><f>1/0</f><v>#DIV/0!</v></c>` },
    excel: "#DIV/0!",
    expected: "problem",
  },
  { title: "a number", field: "perCapitaIncome", xlsx: 10999.99, excel: 10999.99, expected: 10999.99 },
  {
    title: "a number stored as text, full-width, with a thousands separator",
    field: "perCapitaIncome",
    xlsx: "１２，０００",
    excel: "１２，０００",
    expected: 12000,
  },
  {
    title: 'a boolean TRUE (t="b") in a yes/no column',
    field: "absentLongTerm",
    xlsx: { xml: `<c t="b"><v>1</v></c>` },
    excel: true,
    expected: true,
  },
  {
    title: "a boolean FALSE in a yes/no column",
    field: "absentLongTerm",
    xlsx: { xml: `<c t="b"><v>0</v></c>` },
    excel: false,
    expected: false,
  },
  { title: "否 typed in a yes/no column", field: "absentLongTerm", xlsx: "否", excel: "否", expected: false },
];

/** Rows 2…: one household per case (the case's cell in its column, the rest blank); then a merged area. */
function grid(cell: (c: ValueCase) => CellSpec): CellSpec[][] {
  const rows: CellSpec[][] = [HEADER];
  CASES.forEach((c, i) => {
    const row: CellSpec[] = [`H${i + 1}`, null, null, null, null, null];
    row[COLUMN[c.field]] = cell(c);
    rows.push(row);
  });
  // Three households under one 增收帮扶责任人 merged down over their rows (MERGE_AREAS).
  rows.push([`M1`, null, null, "干部乙", null, null], [`M2`, null, null, null, null, null], [`M3`, null, null, null, null, null]);
  return rows;
}
const MERGE_AREAS: MergedRange[] = [{ top: CASES.length + 2, left: 4, bottom: CASES.length + 4, right: 4 }];
const XLSX_ROWS = grid((c) => c.xlsx);
const EXCEL_ROWS = grid((c) => c.excel).map((row) => row.map((v) => (v === null ? "" : (v as string | number | boolean))));
const areaRef = (m: MergedRange) => `${String.fromCharCode(64 + m.left)}${m.top}:${String.fromCharCode(64 + m.right)}${m.bottom}`;

/** A workbook's cells as each host is given them; `date1904`: the workbook counts dates from 1904. */
interface HostWorkbook {
  readonly xlsxRows: CellSpec[][];
  readonly excelRows: (string | number | boolean)[][];
  readonly merges: readonly MergedRange[];
  readonly date1904: boolean;
}

const TABLE: HostWorkbook = { xlsxRows: XLSX_ROWS, excelRows: EXCEL_ROWS, merges: MERGE_AREAS, date1904: false };

/**
 * The .xlsx reader with one of its inflaters: the browser's two (DecompressionStream, and fflate
 * where that takes no raw deflate) and node's zlib (the command line's).
 */
function fromXlsx(inflater: Inflater): (book: HostWorkbook) => Promise<Ledger> {
  return async (book) => {
    const bytes = buildXlsx({
      date1904: book.date1904,
      sharedStringsXml: SHARED,
      sheets: [{ name: "台账", rows: book.xlsxRows, merges: book.merges.map(areaRef) }],
    });
    const { ledgers } = await readLedgers(await openXlsx(bytesSource(bytes), { label: "值.xlsx", inflater }));
    return ledgers[0];
  };
}

async function fromOffice(book: HostWorkbook): Promise<Ledger> {
  const excel = new FakeExcel([{ name: "台账", cells: book.excelRows, merges: book.merges.map(areaRef) }]);
  excel.date1904 = book.date1904;
  const store = { get: () => undefined, set: () => undefined, save: async () => undefined };
  // An Excel with ExcelApi 1.13 (merged areas): Office 2021 and later, Microsoft 365.
  const host = new OfficeWorkbookHost({ run: excel.run, settings: store, annotation: "note", capabilities: ALL_CAPABILITIES });
  return readLedger(await host.readSheet("台账"));
}

/** ET gives a formula's error as its COM number: seeded as the error, not as text. */
async function fromWps(book: HostWorkbook): Promise<Ledger> {
  const errorTexts = new Set(ET_ERROR_TEXTS.values());
  const errors: Record<string, string> = {};
  const cells = book.excelRows.map((row, r) =>
    row.map((value, c) => {
      if (typeof value !== "string" || !errorTexts.has(value)) return value;
      errors[`${String.fromCharCode(65 + c)}${r + 1}`] = value;
      return null;
    }),
  );
  const et = new FakeEt([{ name: "台账", cells, errors, merges: book.merges.map(areaRef) }], { date1904: book.date1904 });
  return readLedger(await new WpsWorkbookHost(et.app, { read: { pause: async () => undefined } }).readSheet("台账"));
}

async function fromMemory(book: HostWorkbook): Promise<Ledger> {
  const host = new MemoryWorkbookHost([{ name: "台账", cells: book.excelRows, merges: book.merges }], { date1904: book.date1904 });
  return readLedger(await host.readSheet("台账"));
}

const HOSTS: readonly (readonly [string, (book: HostWorkbook) => Promise<Ledger>])[] = [
  ...INFLATERS.map(([name, inflater]) => [`.xlsx file reader (${name})`, fromXlsx(inflater)] as const),
  ["Office host (fake Excel)", fromOffice],
  ["WPS host (fake ET)", fromWps],
  ["in-memory host", fromMemory],
];

describe.each(HOSTS)("%s", (_host, read) => {
  let ledger: Ledger;
  beforeAll(async () => {
    ledger = await read(TABLE);
  });

  test.each(CASES.map((c, i) => [c.title, c, i] as const))("%s", (_title, c, i) => {
    const household = ledger.households.find((h) => h.key === `H${i + 1}`);
    expect(household).toBeDefined();
    const value = household?.values[c.field];
    if (c.expected === "problem") {
      expect(value).toBeUndefined();
      expect(ledger.problems).toContainEqual(
        expect.objectContaining({ cell: { row: i + 2, column: String.fromCharCode(65 + COLUMN[c.field]) }, field: c.field }),
      );
    } else {
      expect(value).toEqual(c.expected);
    }
  });

  test("a merged area down data rows gives its value to every row it covers", () => {
    const cadres = ["M1", "M2", "M3"].map((key) => ledger.households.find((h) => h.key === key)?.values.supportCadre);
    expect(cadres).toEqual(["干部乙", "干部乙", "干部乙"]);
  });
});

/**
 * A workbook in the 1904 date system: Excel's range.values and ET's Value2 give its serials as
 * stored, 1,462 days below the 1900 system's; the hosts say which system the workbook uses and the
 * ledger reads the date shown. A date-formatted cell in the .xlsx file carries the same serial.
 */
describe.each(HOSTS)("the 1904 date system: %s", (_host, read) => {
  const serial1904 = visit - 1462;
  const book: HostWorkbook = {
    xlsxRows: [
      HEADER,
      // A General number in an amount column stays the number written.
      ["H1", "张三", serial1904, "干部甲", { xml: `<c s="1"><v>${serial1904}</v></c>` }],
      ["H2", "李四", 12000, "干部甲", 20251120],
    ],
    excelRows: [HEADER, ["H1", "张三", serial1904, "干部甲", serial1904], ["H2", "李四", 12000, "干部甲", 20251120]],
    merges: [],
    date1904: true,
  };

  test("a date serial reads as the date shown; an amount stays a number; a date written as 20251120 stays that date", async () => {
    const ledger = await read(book);
    const values = (key: string) => ledger.households.find((h) => h.key === key)?.values;
    expect(values("H1")?.lastContactDate).toEqual({ year: 2025, month: 11, day: 20 });
    expect(values("H1")?.perCapitaIncome).toBe(serial1904);
    expect(values("H2")?.lastContactDate).toEqual({ year: 2025, month: 11, day: 20 });
    expect(ledger.problems).toEqual([]);
  });

  test("the same cells in a 1900-system workbook read four years and a day earlier (the system is what moves them)", async () => {
    const ledger = await read({ ...book, date1904: false });
    expect(ledger.households.find((h) => h.key === "H1")?.values.lastContactDate).toEqual({ year: 2021, month: 11, day: 19 });
  });
});

test("the 1904 date system (.xlsx): a date-formatted cell is shifted by its format, whatever its column", async () => {
  const serial1904 = visit - 1462;
  const rows: CellSpec[][] = [
    HEADER,
    ["H1", "张三", { xml: `<c s="2"><v>${serial1904}</v></c>` }, "干部甲", { xml: `<c s="1"><v>${serial1904}</v></c>` }],
  ];
  const bytes = buildXlsx({ date1904: true, sheets: [{ name: "台账", rows }] });
  const { ledgers } = await readLedgers(await openXlsx(bytesSource(bytes), { label: "1904.xlsx" }));
  const values = ledgers[0].households[0].values;
  expect(values.lastContactDate).toEqual({ year: 2025, month: 11, day: 20 });
  // Style 2 is a date format too (yyyy年m月d日): the shift applies; a General number would keep its value.
  expect(values.perCapitaIncome).toBe(visit);
});
