/**
 * A synthetic person-level ledger as the national system exports it: two title rows, one header
 * row of 34 columns with the real export's spellings, then one row per person (3 per household),
 * strings in the shared-strings part and dates as serials with a date format, as Excel writes
 * them — or, with `strings: "inline"`, every string in its cell (<is>), as Apache POI's streaming
 * writer, under most Java exports, writes them. Written part by part through fflate's streaming zip, so a 1,048,576-row sheet never sits
 * in memory. Written for the bench; the page's tests and the memory refusal tests take their large ledgers from it.
 */
import * as fs from "node:fs";
import { Zip, ZipDeflate } from "fflate";
import { checkCharacter } from "../src/values";

export const BENCH_HEADER = [
  "序号",
  "县(市、区、旗)",
  "乡(镇)",
  "行政村",
  "户编号",
  "人编号",
  "姓名",
  "证件号码",
  "与户主关系",
  "户类型",
  "脱贫年度",
  "监测对象类别",
  "家庭人口数",
  "劳动技能",
  "健康状况",
  "残疾等级",
  "在校生状况",
  "务工状况",
  "务工时间（月）",
  "工资性收入（元）",
  "生产经营性收入（元）",
  "财产性收入（元）",
  "转移性收入（元）",
  "生产经营性支出（元）",
  "纯收入（元）",
  "人均纯收入（元）",
  "上年人均纯收入（元）",
  "收入分层",
  "帮扶措施",
  "增收帮扶责任人",
  "联系电话",
  "最近走访日期",
  "是否参加城乡居民基本医疗保险",
  "是否参加城乡居民基本养老保险",
];

const MEMBERS = 3;
const RELATIONS = ["户主", "配偶", "之子"];
const LABOR = ["普通劳动力", "技能劳动力", "弱劳动力或半劳动力", "无劳动力"];
const MEASURES = ["公益性岗位、庭院经济", "产业帮扶、就业帮扶", "小额信贷", "健康帮扶"];

function syntheticId(index: number): string {
  const birth = `19${String(40 + (index % 55)).padStart(2, "0")}0${1 + (index % 9)}1${index % 9}`;
  const first17 = `370402${birth}${String(index % 1000).padStart(3, "0")}`;
  return first17 + checkCharacter(first17);
}

function letters(column: number): string {
  let s = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const COLUMN_LETTERS = BENCH_HEADER.map((_, i) => letters(i + 1));

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The cells of data row `i` (0-based): strings, numbers, or a date serial tagged as such. */
function rowValues(i: number): (string | number | { date: number })[] {
  const household = Math.floor(i / MEMBERS);
  const income = 8000 + ((household * 37) % 10000);
  const tier = income < 11000 ? "低收入" : income < 15000 ? "中等收入" : "高收入";
  return [
    i + 1,
    "市中区",
    `街道${household % 7}`,
    `村${household % 40}`,
    `3704021010${String(household).padStart(8, "0")}`,
    `P${String(i).padStart(9, "0")}`,
    `成员${i}`,
    syntheticId(i),
    RELATIONS[i % MEMBERS],
    "脱贫户",
    2016 + (household % 5),
    "",
    MEMBERS,
    LABOR[i % LABOR.length],
    "健康",
    "",
    i % MEMBERS === 2 ? "在校生" : "非在校生",
    "务工",
    10,
    income * MEMBERS,
    0,
    0,
    0,
    0,
    income * MEMBERS,
    income,
    income - 500,
    tier,
    MEASURES[household % MEASURES.length],
    `干部${household % 50}`,
    `1380000${String(household % 10000).padStart(4, "0")}`,
    { date: 46000 + (household % 30) },
    "是",
    i % 11 === 0 ? "否" : "是",
  ];
}

/** Title rows and the header above the persons. */
export const BENCH_TOP_ROWS = 3;

export interface BenchLedgerOptions {
  /** Where the strings are written: the shared-strings part (default) or each cell (inline). */
  readonly strings?: "shared" | "inline";
}

/**
 * Write a sheet of `sheetRows` rows in all (3 above the persons, so 1,048,576 is a sheet filled to
 * Excel's last row) to `file`. Strings go to the shared-strings part (written after the sheet,
 * from the table built while writing it), as in a workbook saved by Excel, or into their cells.
 */
export async function writeBenchLedger(
  sheetRows: number,
  file: string,
  { strings: stringsIn = "shared" }: BenchLedgerOptions = {},
): Promise<void> {
  const shared = stringsIn === "shared";
  const rows = sheetRows - BENCH_TOP_ROWS;
  const out = fs.createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    out.on("finish", resolve);
    out.on("error", reject);
  });
  let failed: Error | null = null;
  const zip = new Zip((error, chunk, final) => {
    if (error) failed = error;
    else out.write(chunk);
    if (final) out.end();
  });
  const encoder = new TextEncoder();
  const part = (name: string, text: string) => {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(encoder.encode(text), true);
  };
  part(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http:` +
      `//schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ` +
      `ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default ` +
      `Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ` +
      `ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override ` +
      `PartName="/xl/worksheets/sheet1.xml" ` +
      `ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override ` +
      (shared
        ? `PartName="/xl/sharedStrings.xml" ` +
          `ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override `
        : "") +
      `PartName="/xl/styles.xml" ` +
      `ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  );
  part(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http:` +
      `//schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" ` +
      `Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" ` +
      `Target="xl/workbook.xml"/></Relationships>`,
  );
  part(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http:` +
      `//schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http:` +
      `//schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet ` +
      `name="脱贫人口明细" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  part(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http:` +
      `//schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" ` +
      `Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" ` +
      `Target="worksheets/sheet1.xml"/>` +
      (shared
        ? `<Relationship Id="rId2" Type="http:` +
          `//schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" ` +
          `Target="sharedStrings.xml"/>`
        : "") +
      `<Relationship Id="rId3" Type="http:` +
      `//schemas.openxmlformats.org/officeDocument/2006/relationships/styles" ` +
      `Target="styles.xml"/></Relationships>`,
  );
  part(
    "xl/styles.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http:` +
      `//schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz ` +
      `val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill ` +
      `patternType="none"/></fill><fill><patternFill ` +
      `patternType="gray125"/></fill></fills><borders ` +
      `count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs ` +
      `count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs ` +
      `count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" ` +
      `fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" ` +
      `fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  );

  const strings = new Map<string, number>();
  const stringIndex = (text: string) => {
    let index = strings.get(text);
    if (index === undefined) {
      index = strings.size;
      strings.set(text, index);
    }
    return index;
  };
  const cellXml = (value: string | number | { date: number }, ref: string) => {
    // Exports style every cell of the table (borders, text format): s= on each, as Excel writes it.
    if (typeof value === "number") return `<c r="${ref}" s="2"><v>${value}</v></c>`;
    if (typeof value === "object") return `<c r="${ref}" s="1"><v>${value.date}</v></c>`;
    if (value === "") return "";
    return shared
      ? `<c r="${ref}" s="2" t="s"><v>${stringIndex(value)}</v></c>`
      : `<c r="${ref}" s="2" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
  };
  const rowXml = (r: number, values: readonly (string | number | { date: number })[]) =>
    `<row r="${r}">${values.map((v, c) => cellXml(v, `${COLUMN_LETTERS[c]}${r}`)).join("")}</row>`;

  const sheet = new ZipDeflate("xl/worksheets/sheet1.xml", { level: 6 });
  zip.add(sheet);
  const lastRef = `${COLUMN_LETTERS[COLUMN_LETTERS.length - 1]}${rows + 3}`;
  let buffer =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http:` +
    `//schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:` +
    `${lastRef}"/><sheetData>`;
  buffer += rowXml(1, ["某区脱贫人口信息明细（合成数据）"]);
  buffer += rowXml(2, ["填报单位：某街道办事处"]);
  buffer += rowXml(3, BENCH_HEADER);
  for (let i = 0; i < rows; i++) {
    buffer += rowXml(i + 4, rowValues(i));
    if (buffer.length > 1 << 20) {
      sheet.push(encoder.encode(buffer));
      buffer = "";
      await new Promise<void>((resolve) => (out.writableNeedDrain ? out.once("drain", resolve) : resolve()));
    }
  }
  buffer +=
    `</sheetData><mergeCells count="2"><mergeCell ref="A1:` +
    `${COLUMN_LETTERS[COLUMN_LETTERS.length - 1]}1"/><mergeCell ref="A2:` +
    `F2"/></mergeCells></worksheet>`;
  sheet.push(encoder.encode(buffer), true);
  if (shared) writeSharedStrings();
  zip.end();
  await done;
  if (failed) throw failed;

  function writeSharedStrings(): void {
    const sst = new ZipDeflate("xl/sharedStrings.xml", { level: 6 });
    zip.add(sst);
    let text =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http:` +
      `//schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.size}" ` +
      `uniqueCount="${strings.size}">`;
    for (const s of strings.keys()) {
      text += `<si><t>${escapeXml(s)}</t></si>`;
      if (text.length > 1 << 20) {
        sst.push(encoder.encode(text));
        text = "";
      }
    }
    sst.push(encoder.encode(`${text}</sst>`), true);
  }
}
