/**
 * The same cell values everywhere: one table of cell-value cases, each written as the host holds
 * it — as an .xlsx file's XML (read by the file reader), as Excel's range.values hands it over
 * (the Office adapter over the fake Excel), and as the in-memory workbook keeps it — read into a
 * ledger with the same expected field value.
 */
import { readLedger, Ledger } from "../src/ledger";
import type { MergedRange } from "../src/ledger/model";
import { MemoryWorkbookHost } from "../src/host/memoryHost";
import { ALL_CAPABILITIES } from "../src/office/capabilities";
import { OfficeWorkbookHost } from "../src/office/host";
import { fromExcelSerial, toExcelSerial } from "../src/values";
import { readLedgers } from "../src/xlsx/readLedgers";
import { openXlsx } from "../src/xlsx/workbook";
import { bytesSource, Inflater } from "../src/xlsx/zip";
import { FakeExcel } from "./office/fakeExcel";
import { INFLATERS } from "./support/inflaters";
import { buildXlsx, CellSpec, sharedStringsXml } from "./support/xlsxPackage";

const HEADER = ["户编号", "户主姓名", "人均纯收入", "增收帮扶责任人", "最近走访日期"];
const COLUMN = { headName: 1, perCapitaIncome: 2, supportCadre: 3, lastContactDate: 4 } as const;
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
];

/** Rows 2…: one household per case (the case's cell in its column, the rest blank); then a merged area. */
function grid(cell: (c: ValueCase) => CellSpec): CellSpec[][] {
  const rows: CellSpec[][] = [HEADER];
  CASES.forEach((c, i) => {
    const row: CellSpec[] = [`H${i + 1}`, null, null, null, null];
    row[COLUMN[c.field]] = cell(c);
    rows.push(row);
  });
  // Three households under one 增收帮扶责任人 merged down over their rows (MERGE_AREAS).
  rows.push([`M1`, null, null, "干部乙", null], [`M2`, null, null, null, null], [`M3`, null, null, null, null]);
  return rows;
}
const MERGE_AREAS: MergedRange[] = [{ top: CASES.length + 2, left: 4, bottom: CASES.length + 4, right: 4 }];
const XLSX_ROWS = grid((c) => c.xlsx);
const EXCEL_ROWS = grid((c) => c.excel).map((row) => row.map((v) => (v === null ? "" : (v as string | number | boolean))));
const areaRef = (m: MergedRange) => `${String.fromCharCode(64 + m.left)}${m.top}:${String.fromCharCode(64 + m.right)}${m.bottom}`;

/**
 * The .xlsx reader with one of its inflaters: the browser's two (DecompressionStream, and fflate
 * where that takes no raw deflate) and node's zlib (the command line's).
 */
function fromXlsx(inflater: Inflater): () => Promise<Ledger> {
  return async () => {
    const bytes = buildXlsx({ sharedStringsXml: SHARED, sheets: [{ name: "台账", rows: XLSX_ROWS, merges: MERGE_AREAS.map(areaRef) }] });
    const { ledgers } = await readLedgers(await openXlsx(bytesSource(bytes), { label: "值.xlsx", inflater }));
    return ledgers[0];
  };
}

async function fromOffice(): Promise<Ledger> {
  const excel = new FakeExcel([{ name: "台账", cells: EXCEL_ROWS, merges: MERGE_AREAS.map(areaRef) }]);
  const store = { get: () => undefined, set: () => undefined, save: async () => undefined };
  // An Excel with ExcelApi 1.13 (merged areas): Office 2021 and later, Microsoft 365.
  const host = new OfficeWorkbookHost({ run: excel.run, settings: store, annotation: "note", capabilities: ALL_CAPABILITIES });
  return readLedger(await host.readSheet("台账"));
}

async function fromMemory(): Promise<Ledger> {
  const host = new MemoryWorkbookHost([{ name: "台账", cells: EXCEL_ROWS, merges: MERGE_AREAS }]);
  return readLedger(await host.readSheet("台账"));
}

const HOSTS: readonly (readonly [string, () => Promise<Ledger>])[] = [
  ...INFLATERS.map(([name, inflater]) => [`.xlsx file reader (${name})`, fromXlsx(inflater)] as const),
  ["Office host (fake Excel)", fromOffice],
  ["in-memory host", fromMemory],
];

describe.each(HOSTS)("%s", (_host, read) => {
  let ledger: Ledger;
  beforeAll(async () => {
    ledger = await read();
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

test("the 1904 date system (.xlsx): a date-formatted serial reads as the date shown, a plain number stays a number", async () => {
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
