/**
 * The worksheet and shared-strings scans give the same rows however the inflated bytes are cut:
 * inside a tag, inside a multi-byte character, between </row> and the next row.
 */
import fc from "fast-check";
import { SharedStrings, sharedStringsOf } from "../../src/xlsx/sharedStrings";
import { scanSharedStrings, scanWorksheet } from "../../src/xlsx/sheetXml";
import { sharedStringsXml, worksheetXml } from "../support/xlsxPackage";

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

interface Scanned {
  rows: unknown[][];
  merges: unknown[];
  /** [row, columns…] of the rows with formulas whose result is missing, and of those with a possibly placeholder 0. */
  uncomputed: number[][];
  zeroResults: number[][];
  calculatedFormulas: boolean;
}

async function rows(xml: string, size: number, sharedStrings: string[] = [], fullCalcOnLoad = false): Promise<Scanned> {
  const out: unknown[][] = [];
  const uncomputed: number[][] = [];
  const zeroResults: number[][] = [];
  const result = await scanWorksheet(
    chunked(new TextEncoder().encode(xml), size),
    { sharedStrings: sharedStringsOf(sharedStrings), date1904: false, dateStyles: new Set(), fullCalcOnLoad, wanted: null },
    {
      row: (n, cells, width, formulas) => {
        out.push([n, ...cells.slice(0, width)]);
        if (formulas.uncomputed.length > 0) uncomputed.push([n, ...formulas.uncomputed]);
        if (formulas.zeroResults.length > 0) zeroResults.push([n, ...formulas.zeroResults]);
        return true;
      },
    },
  );
  return { rows: out, merges: result.merges, uncomputed, zeroResults, calculatedFormulas: result.calculatedFormulas };
}

const XML = worksheetXml(
  [
    ["户编号", "户主姓名", "人均纯收入", "备注"],
    ["H1", "张三", 10999.99, "家有 &<>\"' 符号"],
    [null, "李四", -3.5e-7, { xml: `<c t="s"><v>1</v></c>` }],
    [
      "H3",
      { xml: `<c t="inlineStr"><is><r><t>王</t></r><r><t xml:space="preserve"> 五</t></r><rPh sb="0" eb="1"><t>wang</t></rPh></is></c>` },
      { xml: `<c t="b"><v>1</v></c>` },
      { xml: `<c t="e"><v>#N/A</v></c>` },
    ],
  ],
  ["A1:B1", "D2:D4"],
);

test.each([1, 2, 3, 5, 7, 64, 100_000])("chunks of %i bytes: the same rows and merged areas", async (size) => {
  const whole = await rows(XML, 100_000, ["零", "第一项\r说明"]);
  expect(whole.rows).toEqual([
    [1, "户编号", "户主姓名", "人均纯收入", "备注"],
    [2, "H1", "张三", 10999.99, "家有 &<>\"' 符号"],
    [3, undefined, "李四", -3.5e-7, "第一项\r说明"],
    [4, "H3", "王 五", true, "#N/A"],
  ]);
  expect(whole.merges).toEqual([
    { top: 1, left: 1, bottom: 1, right: 2 },
    { top: 2, left: 4, bottom: 4, right: 4 },
  ]);
  expect(await rows(XML, size, ["零", "第一项\r说明"])).toEqual(whole);
});

const all = (table: SharedStrings) => Array.from({ length: table.count }, (_, i) => table.get(i));

test.each([1, 3, 13, 100_000])("shared strings in chunks of %i bytes", async (size) => {
  const xml = sharedStringsXml([
    "甲",
    { xml: `<si><r><t>乙</t></r><r><t>丙</t></r><rPh sb="0" eb="1"><t>yi</t></rPh></si>` },
    "",
    { xml: "<si/>" },
    "a&b",
    "第一项_x000D_说明",
    { xml: `<si><t/></si>` },
    "snake_case 𠀀",
  ]);
  const table = await scanSharedStrings(chunked(new TextEncoder().encode(xml), size));
  expect(all(table)).toEqual(["甲", "乙丙", "", "", "a&b", "第一项\r说明", "", "snake_case 𠀀"]);
  expect(table.get(8)).toBeUndefined();
});

test.each([1, 5, 100_000])("shared strings with a namespace prefix and white space, in chunks of %i bytes", async (size) => {
  const xml =
    `<?xml version="1.0"?>\n<x:sst xmlns:x="http:` +
    `//schemas.openxmlformats.org/spreadsheetml/2006/main" count="3">\n  <x:si><x:t>甲</x:` +
    `t></x:si>\n  <x:si>\n    <x:t xml:space="preserve"> 乙 </x:t>\n  </x:si>\n  <x:si><x:r><x:` +
    `t>丙</x:t></x:r></x:si>\n</x:sst>`;
  expect(all(await scanSharedStrings(chunked(new TextEncoder().encode(xml), size)))).toEqual(["甲", " 乙 ", "丙"]);
});

const ODD = `<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
  <x:sheetData>
    <x:row r = '2' spans="1:4" x14ac:dyDescent="0.25">
      <x:c s='1' r='B2' t = "s" ><x:v>1</x:v></x:c>
      <x:c t="str"><x:f>A1&amp;"x"</x:f><x:v>a &amp; b_x000D_</x:v></x:c>
      <x:c r="E2"><x:f t="shared" si="0"/><x:v>2.5E-3</x:v><x:extLst><x:ext uri="u"/></x:extLst></x:c>
      <x:c r="F2"><x:f>B1*2</x:f></x:c>
      <x:c r="G2"/>
    </x:row>
    <x:row r="4"/>
    <x:row><x:c><x:v> 7 </x:v></x:c></x:row>
  </x:sheetData>
  <x:mergeCells count="1"><x:mergeCell ref="B2:C2"/></x:mergeCells>
</x:worksheet>`;

test.each([1, 4, 9, 100_000])(
  "prefixes, spaces around =, single quotes, formulas and white space between elements, in chunks of %i bytes",
  async (size) => {
    expect(await rows(ODD, size, ["零", "一"])).toEqual({
      rows: [
        [2, undefined, "一", "a & b\r", undefined, 0.0025],
        [5, 7],
      ],
      merges: [{ top: 2, left: 2, bottom: 2, right: 3 }],
      uncomputed: [[2, 5]], // F2: a formula without its result
      zeroResults: [],
      calculatedFormulas: true, // C2's text, E2's 0.0025
    });
  },
);

/** Cells as programs that do not calculate write formulas: openpyxl (an empty <v>), exceljs and hand-made parts (no <v>). */
const FORMULAS = worksheetXml([
  [
    { xml: `<c><f>E1/D1</f><v></v></c>` },
    { xml: `<c><f>1+1</f></c>` },
    { xml: `<c><f t="shared" si="0"/></c>` },
    { xml: `<c t="str"><f>IF(A1="","",A1)</f><v></v></c>` },
    { xml: `<c><f>1+1</f><v>2</v></c>` },
    { xml: `<c t="e"><f>1/0</f><v>#DIV/0!</v></c>` },
    { xml: `<c><v></v></c>` },
    { xml: `<c t="b"><f>TRUE()</f><v></v></c>` },
    { xml: `<c t="str"><f>A1</f></c>` },
  ],
]);

test.each([1, 6, 100_000])(
  "a formula without its saved result is told from a blank and from a result, in chunks of %i bytes",
  async (size) => {
    expect(await rows(FORMULAS, size)).toEqual({
      // D1: the empty text a formula can give (Excel writes <v></v> with t="str"); E1, F1: results; G1: a blank.
      rows: [[1, undefined, undefined, undefined, "", 2, "#DIV/0!"]],
      merges: [],
      // A1, B1, C1, H1 and I1 have no result.
      uncomputed: [[1, 0, 1, 2, 7, 8]],
      zeroResults: [],
      calculatedFormulas: true,
    });
  },
);

/** As XlsxWriter writes formulas: a saved 0 each, and calcPr fullCalcOnLoad in the workbook part. */
const ZEROS = worksheetXml([
  [{ xml: `<c><f>D1/C1</f><v>0</v></c>` }, 0, { xml: `<c><f>SUM(A1:B1)</f><v>0</v></c>` }],
  [{ xml: `<c><f>D2/C2</f><v>0</v></c>` }],
]);

test.each([1, 7, 100_000])(
  "a formula's saved 0 is a possible placeholder only in a workbook recalculated on opening, in chunks of %i bytes",
  async (size) => {
    const placeholders = await rows(ZEROS, size, [], true);
    expect(placeholders).toEqual({
      rows: [
        [1, 0, 0, 0],
        [2, 0],
      ],
      merges: [],
      uncomputed: [],
      zeroResults: [
        [1, 0, 2],
        [2, 0],
      ],
      calculatedFormulas: false,
    });
    expect(await rows(ZEROS, size)).toEqual({ ...placeholders, zeroResults: [] });
    // One other result (C1's) shows the file was calculated (the placeholders' verdict is the reader's: readLedgers).
    const calculated = ZEROS.replace("<v>0</v></c></row>", "<v>12000</v></c></row>");
    expect(await rows(calculated, size, [], true)).toMatchObject({
      zeroResults: [
        [1, 0],
        [2, 0],
      ],
      calculatedFormulas: true,
    });
  },
);

test("a row longer than many chunks, read once it is complete", async () => {
  const cells = Array.from({ length: 5000 }, (_, i) => i * 1.5);
  const { rows: read } = await rows(worksheetXml([["表头"], cells, [1]]), 1000);
  expect(read).toEqual([
    [1, "表头"],
    [2, ...cells],
    [3, 1],
  ]);
});

test("an unclosed row at the end of the part is refused", async () => {
  await expect(rows(`<worksheet><sheetData><row r="1"><c><v>1</v></c>`, 5)).rejects.toMatchObject({ kind: "malformed" });
});

/**
 * Parts made of the pieces writers use (namespace prefixes, white space between elements, every
 * cell type, formulas, inline rich text, self-closing rows and cells, cells without r=), possibly
 * cut off anywhere: however the bytes are split into chunks, the scan gives what it gives for the
 * part in one piece, error or not.
 */
const piece = (p: string) =>
  fc.constantFrom(
    `<${p}c r="A1" s="1" t="s"><${p}v>1</${p}v></${p}c>`,
    `<${p}c t="s"><${p}v>7</${p}v></${p}c>`,
    `<${p}c r="C1"><${p}v>10999.99</${p}v></${p}c>`,
    `<${p}c><${p}v>-2.5E-3</${p}v></${p}c>`,
    `<${p}c r='D1' t='str'><${p}f>A1&amp;"x"</${p}f><${p}v>a &amp; b 中文_x000D_</${p}v></${p}c>`,
    `<${p}c t="inlineStr"><${p}is><${p}r><${p}t>王</${p}t></${p}r><${p}r><${p}t xml:` +
      `space="preserve"> 五</${p}t></${p}r><${p}rPh sb="0" ` +
      `eb="1"><${p}t>wang</${p}t></${p}rPh></${p}is></${p}c>`,
    `<${p}c t="b"><${p}v>1</${p}v></${p}c>`,
    `<${p}c t="e"><${p}v>#DIV/0!</${p}v></${p}c>`,
    `<${p}c t="d"><${p}v>2024-03-01T12:00:00</${p}v></${p}c>`,
    `<${p}c r="F1" s="2"/>`,
    `<${p}c><${p}f>B1*2</${p}f></${p}c>`,
    `<${p}c><${p}v>3</${p}v><${p}extLst><${p}ext uri="u"/></${p}extLst></${p}c>`,
    `\n  `,
  );
const worksheet = fc.constantFrom("", "x:").chain((p) =>
  fc.record({
    p: fc.constant(p),
    rows: fc.array(fc.tuple(fc.boolean(), fc.array(piece(p), { maxLength: 8 })), { maxLength: 8 }),
    cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
  }),
);

function worksheetText({ p, rows, cut }: { p: string; rows: [boolean, string[]][]; cut: number | null }): string {
  const body = rows
    .map(([numbered, cells], i) =>
      cells.length === 0
        ? `<${p}row r="${2 * i + 1}"/>`
        : `<${p}row${numbered ? ` r="${2 * i + 1}"` : ""} spans="1:9">${cells.join("")}</${p}row>\n`,
    )
    .join("");
  const xml =
    `<?xml version="1.0"?>\n<${p}worksheet xmlns${p ? `:${p.slice(0, -1)}` : ""}="http:` +
    `//schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}sheetData>${body}</${p}sheetData><${p}mergeCells><${p}mergeCell ` +
    `ref="A1:B2"/></${p}mergeCells></${p}worksheet>`;
  return cut === null ? xml : xml.slice(0, Math.floor(cut * xml.length));
}

async function outcome(xml: string, size: number, wanted: Uint8Array | null): Promise<unknown> {
  const rows: unknown[] = [];
  try {
    const result = await scanWorksheet(
      chunked(new TextEncoder().encode(xml), size),
      { sharedStrings: sharedStringsOf(["零", "一"]), date1904: true, dateStyles: new Set([1]), fullCalcOnLoad: true, wanted },
      {
        row: (n, cells, width, formulas) => rows.push([n, cells.slice(0, width), [...formulas.uncomputed], [...formulas.zeroResults]]) > 0,
      },
    );
    return { rows, result };
  } catch (error) {
    return { rows, error: (error as { kind?: string }).kind ?? String(error) };
  }
}

test("a worksheet cut into chunks of any size reads as in one piece", async () => {
  await fc.assert(
    fc.asyncProperty(
      worksheet,
      fc.integer({ min: 1, max: 64 }),
      fc.option(fc.uint8Array({ minLength: 6, maxLength: 6, min: 0, max: 1 })),
      async (spec, size, wanted) => {
        const xml = worksheetText(spec);
        expect(await outcome(xml, size, wanted)).toEqual(await outcome(xml, 1 << 20, wanted));
      },
    ),
    { numRuns: 300 },
  );
});

test("a shared-strings part cut into chunks of any size reads as in one piece", async () => {
  const item = fc.constantFrom(
    "<si><t>甲</t></si>",
    '<si><t xml:space="preserve"> 370402194001100000 </t></si>',
    "<si><r><t>乙</t></r><r><t>丙</t></r></si>",
    "<si/>",
    "<si><t>a&amp;b_x000D_</t></si>",
    "<si>\n <t>𠀀</t>\n</si>",
    "\n",
  );
  await fc.assert(
    fc.asyncProperty(fc.array(item, { maxLength: 12 }), fc.integer({ min: 1, max: 48 }), async (items, size) => {
      const xml = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${items.join("")}</sst>`;
      const read = async (n: number) => all(await scanSharedStrings(chunked(new TextEncoder().encode(xml), n)));
      expect(await read(size)).toEqual(await read(1 << 20));
    }),
    { numRuns: 300 },
  );
});

/**
 * A string item reads the same as a shared string (<si>) and as an inline string (<is>), plain or
 * not: the plain one is taken straight from its bytes, anything else is read as rich text.
 */
const ITEMS: [content: (p: string) => string, value: string][] = [
  [(p) => `<${p}t>张三</${p}t>`, "张三"],
  [(p) => `<${p}t xml:space="preserve"> 李 四 </${p}t>`, " 李 四 "],
  [(p) => `<${p}t>370402199001011234</${p}t>`, "370402199001011234"],
  [(p) => `<${p}t>a &amp; b&#x4E2D;&#25991;</${p}t>`, "a & b中文"],
  [(p) => `<${p}t>第一项_x000D_说明</${p}t>`, "第一项\r说明"],
  [(p) => `<${p}t>snake_case 𠀀</${p}t>`, "snake_case 𠀀"],
  [(p) => `<${p}t/>`, ""],
  [(p) => `<${p}t></${p}t>`, ""],
  [(p) => `<${p}r><${p}t>王</${p}t></${p}r><${p}r><${p}t> 五</${p}t></${p}r>`, "王 五"],
  [(p) => `<${p}t>户</${p}t><${p}rPh sb="0" eb="1"><${p}t>hu</${p}t></${p}rPh>`, "户"],
  [(p) => `\n  <${p}t>前后有空白</${p}t>\n`, "前后有空白"],
  [(p) => `<${p}t>甲</${p}t><${p}t>乙</${p}t>`, "甲乙"],
];

test.each(["", "x:"])("string items in namespace '%s': the same as shared and as inline strings, in any chunks", async (p) => {
  const ns = p ? ` xmlns:${p.slice(0, -1)}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"` : "";
  const sst = `<${p}sst${ns}>${ITEMS.map(([content]) => `<${p}si>${content(p)}</${p}si>`).join("")}</${p}sst>`;
  const cells = ITEMS.map(([content], i) => `<${p}c r="A${i + 1}" t="inlineStr"><${p}is>${content(p)}</${p}is></${p}c>`);
  const sheet =
    `<${p}worksheet${ns}><${p}sheetData>` +
    cells.map((cell, i) => `<${p}row r="${i + 1}">${cell}<${p}c r="B${i + 1}" t="s"><${p}v>${i}</${p}v></${p}c></${p}row>`).join("") +
    `</${p}sheetData></${p}worksheet>`;
  const values = ITEMS.map(([, value]) => value);
  for (const size of [1, 7, 100_000]) {
    const table = await scanSharedStrings(chunked(new TextEncoder().encode(sst), size));
    expect(all(table)).toEqual(values);
    const read = await rows(sheet, size, all(table) as string[]);
    expect(read.rows).toEqual(values.map((value, i) => [i + 1, value, value]));
  }
});
