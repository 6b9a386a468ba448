/**
 * The chart of a summary tab as DrawingML parts (src/xlsx/chartPart.ts) in the written package:
 * what it refers to and caches, where it sits, how its parts are named beside a user's own
 * charts (openpyxl's and Excel-style ones), and that regenerating leaves no part behind.
 * (test/libreoffice.test.ts checks that LibreOffice draws it.)
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { layoutSummary } from "../../src/host/summaryLayout";
import type { SummaryTable } from "../../src/summaries/model";
import { addChartToSheet, chartOfLayout, chartSpaceXml, SERIES_COLOURS } from "../../src/xlsx/chartPart";
import { writeNewSummaryWorkbook, writeSummaryWorkbook } from "../../src/xlsx/writeSummaries";
import { build, PERSON_ROWS, table } from "../summaries/fixtures";
import { cellsOfRef, chartsOnSheet, ReadChart } from "../support/charts";
import { useTempDir } from "../support/cli";
import { runtimeImports } from "../support/imports";
import { LEDGER_WITH_CHARTS, runOpenpyxl } from "../support/openpyxl";
import {
  addChartToSheet as addExcelStyleChart,
  load,
  packageProblems,
  partContents,
  sheetPart,
  sheetXml,
  zipParts,
  zipText,
} from "../support/workbooks";

jest.setTimeout(60_000);

const dir = useTempDir("bangfu-chart-");

/** 汇总-分层 of the summary fixtures: 东村, 西村 and （未填村）, with the three tier counts as series. */
const tiers = (): SummaryTable => table(build(PERSON_ROWS), "tiers");

async function ledgerWorkbook(name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("台账");
  PERSON_ROWS.forEach((row, i) => (ws.getRow(i + 1).values = row as ExcelJS.CellValue[]));
  const file = path.join(dir(), name);
  await wb.xlsx.writeFile(file);
  return file;
}

const chartParts = async (file: string) => (await zipParts(file)).filter((p) => /^xl\/(charts|drawings)\//.test(p)).sort();

describe("汇总-分层 的图表", () => {
  let out: string;
  let chart: ReadChart;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    out = path.join(dir(), "tiers.xlsx");
    await writeSummaryWorkbook(await ledgerWorkbook("ledger.xlsx"), out, [tiers()]);
    const charts = await chartsOnSheet(out, "汇总-分层");
    expect(charts).toHaveLength(1);
    chart = charts[0];
    ws = (await load(out)).getWorksheet("汇总-分层")!;
  });

  test("a stacked column chart, titled, with its legend below; one series per tier, in the theme's first colours", () => {
    expect([chart.barDir, chart.grouping, chart.overlap]).toEqual(["col", "stacked", "100"]);
    expect(chart.title).toBe("各村收入分层户数");
    expect(chart.legendPosition).toBe("b");
    expect(chart.series.map((s) => s.name.values[0])).toEqual(["高收入户数", "中等收入户数", "低收入户数"]);
    expect(chart.series.map((s) => s.colour)).toEqual(SERIES_COLOURS.slice(0, 3));
  });

  test("it refers to the tab's cells: names to the header, categories to the villages, values to the counts, body rows only", () => {
    const headerRow = Array.from({ length: 20 }, (_, i) => i + 1).find((r) => ws.getCell(r, 1).value === "村") ?? 0;
    expect(headerRow).toBe(layoutSummary(tiers()).headerRow);
    const column = (header: string) => {
      const row = ws.getRow(headerRow);
      for (let c = 1; c <= row.cellCount; c++) if (row.getCell(c).value === header) return ws.getColumn(c).letter;
      throw new Error(header);
    };
    const last = headerRow + 3; // three villages; the total row is not charted
    expect(ws.getCell(last + 1, 1).value).toBe("合计");
    for (const s of chart.series) {
      const letter = column(String(s.name.values[0]));
      expect(s.name.ref).toBe(`'汇总-分层'!$${letter}$${headerRow}`);
      expect(s.values.ref).toBe(`'汇总-分层'!$${letter}$${headerRow + 1}:$${letter}$${last}`);
      expect(s.categories.ref).toBe(`'汇总-分层'!$A$${headerRow + 1}:$A$${last}`);
      expect(s.values.formatCode).toBe("0");
    }
  });

  test(
    "its cached values are the tab's numbers and texts, cell for cell, so a viewer that does " + "not recalculate shows the same chart",
    () => {
      const cellValue = (ref: string) =>
        cellsOfRef(ref).cells.map(({ row, column }) => {
          const v = ws.getCell(row, column).value;
          return v === null || v === undefined ? null : String(v);
        });
      for (const s of chart.series) {
        expect(cellsOfRef(s.values.ref).sheet).toBe("汇总-分层");
        expect(s.name.values).toEqual(cellValue(s.name.ref));
        expect(s.categories.values).toEqual(cellValue(s.categories.ref));
        expect(s.categories.ptCount).toBe(3);
        expect(s.values.values).toEqual(cellValue(s.values.ref));
        expect(s.values.ptCount).toBe(3);
      }
      // The fixtures' hand-worked counts (test/summaries/tiers.test.ts): 东村 1/1/1, 西村 1/2/1, （未填村） 0/0/1.
      expect(chart.series.map((s) => s.values.values.map(Number))).toEqual([
        [1, 1, 0],
        [1, 2, 0],
        [1, 1, 1],
      ]);
      expect(chart.series[0].categories.values).toEqual(["东村", "西村", "（未填村）"]);
    },
  );

  test("placed under the table from column A with a blank row between: no cell of the tab lies under it", () => {
    let lastUsed = 0;
    ws.eachRow((row, n) => {
      if (row.cellCount > 0) lastUsed = n;
    });
    expect(chart.from).toEqual({ column: 0, row: lastUsed + 1 }); // 0-based: row lastUsed + 2, one blank row after the table
    expect(chart.to.row - chart.from.row).toBe(20);
    expect(chart.to.column).toBeGreaterThanOrEqual(6);
    for (let r = chart.from.row + 1; r <= chart.to.row + 1; r++)
      for (let c = 1; c <= chart.to.column + 1; c++) expect(ws.getCell(r, c).value ?? null).toBeNull();
  });

  test(
    "the package is whole: the sheet's <drawing> in schema order, relationships resolve, " +
      "content types for chart and drawing, nothing orphaned",
    async () => {
      expect(await packageProblems(out)).toEqual([]);
      expect(await chartParts(out)).toEqual(["xl/charts/chart1.xml", "xl/drawings/_rels/drawing1.xml.rels", "xl/drawings/drawing1.xml"]);
      const types = (await zipText(out, "[Content_Types].xml")) ?? "";
      expect(types).toContain(
        `<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
      );
      expect(types).toContain(
        `<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`,
      );
      const { xml, rels } = await sheetXml(out, "汇总-分层");
      expect(xml).toMatch(/<pageSetup [^>]*\/><drawing r:id="rId1"\/><\/worksheet>$/);
      expect(rels).toContain(
        `<Relationship Id="rId1" Type="http:` +
          `//schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" ` +
          `Target="../drawings/drawing1.xml"/>`,
      );
    },
  );

  test("the package checker does see an orphaned chart and a part without a content type (the guard)", async () => {
    const broken = path.join(dir(), "broken.xlsx");
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    zip.file("xl/charts/chart7.xml", await zip.file("xl/charts/chart1.xml")!.async("string"));
    zip.file("xl/media/image1.png", Buffer.from([0x89, 0x50]));
    fs.writeFileSync(broken, await zip.generateAsync({ type: "nodebuffer" }));
    expect(await packageProblems(broken)).toEqual(
      expect.arrayContaining([
        "/xl/charts/chart7.xml: no relationship leads to this part (an orphan)",
        "[Content_Types].xml: no content type for /xl/media/image1.png",
      ]),
    );
  });
});

describe("两种柱形图", () => {
  test("clustered: ChartSpec clusteredColumn gives a clustered column chart with Excel's gap and overlap", async () => {
    const out = path.join(dir(), "clustered.xlsx");
    const t = tiers();
    await writeNewSummaryWorkbook(out, [{ ...t, chart: { ...t.chart!, kind: "clusteredColumn" } }]);
    const [chart] = await chartsOnSheet(out, "汇总-分层");
    expect([chart.barDir, chart.grouping, chart.overlap]).toEqual(["col", "clustered", "-27"]);
    expect(await packageProblems(out)).toEqual([]);
  });

  test("a text (—) or blank cell in a series is a gap: the cache leaves the point out and still counts it; texts are XML-safe", () => {
    const t: SummaryTable = {
      ...tiers(),
      columns: [
        { header: "街道", width: 12, format: "text" },
        { header: "增幅", width: 8, format: "percent" },
      ],
      rows: [
        [{ value: "北街道" }, { value: "—" }],
        [{ value: "东街道" }, { value: 0.1 }],
        [{ value: "西\u0001街道" }, { value: null }],
        [{ value: "南街道" }, { value: 0.05 }],
      ],
      totalRow: undefined,
      chart: { kind: "clusteredColumn", title: "增幅", categoryColumn: 0, seriesColumns: [1] },
    };
    const chart = chartOfLayout(layoutSummary(t), "街道排名")!;
    expect(chart.series[0].values).toEqual([null, 0.1, null, 0.05]);
    // The column's number format, though its first cell is the text "—".
    expect(chart.series[0].formatCode).toBe("0.0%");
    const xml = chartSpaceXml(chart);
    expect(xml).toContain(
      `<c:numCache><c:formatCode>0.0%</c:formatCode><c:ptCount val="4"/><c:pt idx="1"><c:` +
        `v>0.1</c:v></c:pt><c:pt idx="3"><c:v>0.05</c:v></c:pt></c:numCache>`,
    );
    // A control character a ledger cell may hold is left out: XML 1.0 cannot carry it.
    expect(xml).toContain("<c:v>西街道</c:v>");
    expect(() =>
      new DOMParser({
        onError: (level, message) => {
          throw new Error(`${level}: ${message}`);
        },
      }).parseFromString(xml, "text/xml"),
    ).not.toThrow();
  });

  test("a tab whose name holds a quote is quoted in every reference, as Excel writes it", () => {
    const chart = chartOfLayout(layoutSummary(tiers()), "张's 分层")!;
    expect(chart.categoriesRef).toBe(`'张''s 分层'!$A$${layoutSummary(tiers()).headerRow + 1}:$A$${layoutSummary(tiers()).headerRow + 3}`);
    expect(cellsOfRef(chart.series[0].valuesRef).sheet).toBe("张's 分层");
    expect(chartSpaceXml(chart)).toContain("<c:f>&apos;张&apos;&apos;s 分层&apos;!$D$");
  });

  test("no chart without body rows", () => {
    expect(chartOfLayout(layoutSummary({ ...tiers(), rows: [] }), "汇总-分层")).toBeNull();
  });
});

describe("与用户自己的图表并存", () => {
  test(
    "an openpyxl workbook with two charts: its parts stay byte for byte, ours take the next " +
      "free names, regenerating replaces only ours",
    async () => {
      const input = path.join(dir(), "openpyxl.xlsx");
      runOpenpyxl(LEDGER_WITH_CHARTS, input);
      const before = await partContents(input);
      expect([...before.keys()].filter((p) => /^xl\/(charts|drawings)\//.test(p)).sort()).toEqual([
        "xl/charts/chart1.xml",
        "xl/charts/chart2.xml",
        "xl/drawings/_rels/drawing1.xml.rels",
        "xl/drawings/_rels/drawing2.xml.rels",
        "xl/drawings/drawing1.xml",
        "xl/drawings/drawing2.xml",
      ]);
      const once = path.join(dir(), "openpyxl-1.xlsx");
      const twice = path.join(dir(), "openpyxl-2.xlsx");
      await writeSummaryWorkbook(input, once, [tiers()]);
      await writeSummaryWorkbook(once, twice, [tiers()]);
      for (const file of [once, twice]) {
        const after = await partContents(file);
        // The user's parts, sheets and their relationships included, as they were.
        for (const [part, bytes] of before) {
          if (["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "docProps/app.xml"].includes(part))
            continue;
          expect({ part, same: after.get(part)?.equals(bytes) ?? "missing" }).toEqual({ part, same: true });
        }
        expect(await chartParts(file)).toEqual([
          "xl/charts/chart1.xml",
          "xl/charts/chart2.xml",
          "xl/charts/chart3.xml",
          "xl/drawings/_rels/drawing1.xml.rels",
          "xl/drawings/_rels/drawing2.xml.rels",
          "xl/drawings/_rels/drawing3.xml.rels",
          "xl/drawings/drawing1.xml",
          "xl/drawings/drawing2.xml",
          "xl/drawings/drawing3.xml",
        ]);
        const [ours] = await chartsOnSheet(file, "汇总-分层");
        expect([ours.chartPart, ours.drawingPart]).toEqual(["xl/charts/chart3.xml", "xl/drawings/drawing3.xml"]);
        const [theirs] = await chartsOnSheet(file, "台账");
        expect([theirs.chartPart, theirs.title]).toEqual(["xl/charts/chart1.xml", "各户人均纯收入"]);
        expect(await packageProblems(file)).toEqual([]);
        const types = (await zipText(file, "[Content_Types].xml")) ?? "";
        for (const n of [1, 2, 3]) expect(types.split(`PartName="/xl/charts/chart${n}.xml"`)).toHaveLength(2);
      }
      // Regenerated, part for part the same output.
      const [a, b] = [await partContents(once), await partContents(twice)];
      expect([...b.keys()]).toEqual([...a.keys()]);
      for (const [part, bytes] of a) expect({ part, same: b.get(part)?.equals(bytes) }).toEqual({ part, same: true });
    },
  );

  test(
    "regenerating a table that no longer has a chart removes ours and every part it used; the " + "user's chart on the ledger stays",
    async () => {
      const input = await ledgerWorkbook("excel-style.xlsx");
      const userParts = await addExcelStyleChart(input, "台账", { categories: "'台账'!$C$3:$C$8", values: "'台账'!$F$3:$F$8" });
      const once = path.join(dir(), "excel-style-1.xlsx");
      await writeSummaryWorkbook(input, once, [tiers()]);
      expect(await chartParts(once)).toEqual(
        [...userParts, "xl/charts/chart2.xml", "xl/drawings/_rels/drawing2.xml.rels", "xl/drawings/drawing2.xml"].sort(),
      );
      const again = path.join(dir(), "excel-style-2.xlsx");
      await writeSummaryWorkbook(once, again, [{ ...tiers(), chart: undefined }]);
      expect(await chartParts(again)).toEqual([...userParts].sort());
      expect((await zipText(again, "[Content_Types].xml")) ?? "").not.toMatch(/chart2|drawing2/);
      expect(await packageProblems(again)).toEqual([]);
      const [a, b] = [await partContents(input), await partContents(again)];
      for (const part of userParts) expect(b.get(part)?.equals(a.get(part)!)).toBe(true);
      expect(b.get(await sheetPart(input, "台账"))?.equals(a.get(await sheetPart(input, "台账"))!)).toBe(true);
    },
  );
});

describe("addChartToSheet 写入工作表部件", () => {
  const WORKSHEET = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const chart = () => chartOfLayout(layoutSummary(tiers()), "汇总-分层")!;
  async function packageWith(sheet: string, rels?: string): Promise<JSZip> {
    const zip = new JSZip();
    zip.file(
      "[Content_Types].xml",
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default ` +
        `Extension="xml" ContentType="application/xml"/></Types>`,
    );
    zip.file("xl/worksheets/sheet1.xml", sheet);
    if (rels !== undefined) zip.file("xl/worksheets/_rels/sheet1.xml.rels", rels);
    return zip;
  }

  test(
    "before the elements that follow <drawing> (tableParts, extLst), with the relationships " +
      "namespace declared where the root lacks it",
    async () => {
      const zip = await packageWith(
        `<worksheet xmlns="${WORKSHEET}"><sheetData/><pageMargins left="0.7"/><tableParts count="0"/><extLst/></worksheet>`,
      );
      expect(await addChartToSheet(zip, "xl/worksheets/sheet1.xml", chart())).toEqual([
        "xl/charts/chart1.xml",
        "xl/drawings/drawing1.xml",
        "xl/drawings/_rels/drawing1.xml.rels",
      ]);
      expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).toBe(
        `<worksheet xmlns="${WORKSHEET}"><sheetData/><pageMargins left="0.7"/><drawing xmlns:` +
          `r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:` +
          `id="rId1"/><tableParts count="0"/><extLst/></worksheet>`,
      );
    },
  );

  test(
    "a prefixed worksheet (x:worksheet) gets x:drawing; existing relationships keep their ids " + "and the new one takes a free id",
    async () => {
      const zip = await packageWith(
        `<x:worksheet xmlns:x="${WORKSHEET}" xmlns:rel="http:` +
          `//schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheetData/><x:` +
          `pageSetup/></x:worksheet>`,
        `<Relationships xmlns="http:` +
          `//schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" ` +
          `Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" ` +
          `Target="https://example.org" TargetMode="External"/></Relationships>`,
      );
      await addChartToSheet(zip, "xl/worksheets/sheet1.xml", chart());
      expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).toContain(
        `<x:pageSetup/><x:drawing rel:id="rId2"/></x:worksheet>`,
      );
      const rels = await zip.file("xl/worksheets/_rels/sheet1.xml.rels")!.async("string");
      expect(rels).toContain(`Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"`);
      expect(rels).toContain(
        `<Relationship Id="rId2" Type="http:` +
          `//schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" ` +
          `Target="../drawings/drawing1.xml"/>`,
      );
    },
  );

  test("part names are free without regard to case, and a stale override of the name is replaced, not repeated", async () => {
    const zip = await packageWith(`<worksheet xmlns="${WORKSHEET}"><sheetData/></worksheet>`);
    zip.file("xl/charts/Chart1.xml", "<c/>");
    zip.file("xl/drawings/_rels/drawing1.xml.rels", "<Relationships/>");
    zip.file(
      "[Content_Types].xml",
      (await zip.file("[Content_Types].xml")!.async("string")).replace(
        "</Types>",
        `<Override PartName="/xl/charts/chart2.xml" ContentType="application/xml"/></Types>`,
      ),
    );
    const added = await addChartToSheet(zip, "xl/worksheets/sheet1.xml", chart());
    expect(added.slice(0, 2)).toEqual(["xl/charts/chart2.xml", "xl/drawings/drawing2.xml"]);
    const types = await zip.file("[Content_Types].xml")!.async("string");
    expect(types.match(/\/xl\/charts\/chart2\.xml/g)).toHaveLength(1);
    expect(types).toContain(
      `<Override PartName="/xl/charts/chart2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
    );
  });

  test("a sheet that already has a drawing is refused (generated tabs have none)", async () => {
    const zip = await packageWith(
      `<worksheet xmlns="${WORKSHEET}" xmlns:r="http:` +
        `//schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData/><drawing r:` +
        `id="rId1"/></worksheet>`,
    );
    await expect(addChartToSheet(zip, "xl/worksheets/sheet1.xml", chart())).rejects.toThrow(/already has a drawing/);
  });
});

describe("与宿主无关", () => {
  test(
    "the chart code and everything it imports use no Node API (the browser page runs it): only " + "relative modules, and jszip's types",
    () => {
      const graph = runtimeImports("src/xlsx/chartPart.ts");
      expect(graph.files).toEqual(
        expect.arrayContaining(["src/xlsx/chartPart.ts", "src/xlsx/ooxml.ts", "src/xlsx/numberFormats.ts", "src/ledger/cellRef.ts"]),
      );
      expect(graph.outside).toEqual([]);
    },
  );
});
