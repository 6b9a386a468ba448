/**
 * The generated workbooks opened by a real spreadsheet program: LibreOffice headless converts
 * them (to CSV, every sheet, values as shown; and to .xlsx) without error, and the tabs read
 * back with the expected values and formats. A workbook LibreOffice saved is then summarised
 * again: its markers are still found, and its ledger sheet passes through unchanged.
 *
 * LibreOffice must be installed (npm test installs libreoffice-calc and fonts-noto-cjk through scripts/test-prerequisites.js):
 * without it these tests fail, they do not skip.
 */
import { CliRun, runCli, useTempDir } from "./support/cli";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readLedgerSheetFromFile } from "../src/xlsx/readWorkbook";
import type { SummaryTable } from "../src/summaries/model";
import { SERIES_COLOURS } from "../src/xlsx/chartPart";
import { TabTable, writeNewSummaryWorkbook, writeSummaryWorkbook } from "../src/xlsx/writeSummaries";
import { readSummaryWorkbook } from "./support/readBack";
import { build, PERSON_ROWS, table } from "./summaries/fixtures";
import { LEDGER_WITH_CHARTS, runOpenpyxl } from "./support/openpyxl";
import { Image, isColour, isWhite, readPng } from "./support/png";
import { convertWithSoffice, parseCsv, SOFFICE, soffice, type Conversion } from "./support/soffice";
import { addChartToSheet, definedNames, dressLedger, load, packageProblems, snapshot, zipParts, zipText } from "./support/workbooks";

jest.setTimeout(240_000);

const SUMMARY_TABS = ["汇总-分层", "汇总-措施", "汇总-资金", "汇总-增收", "重点户清单", "检查结果"];
/** CSV: comma, double quote, UTF-8, from line 1, values as shown (formatted), every sheet (-1) into its own file. */
const CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";

const dir = useTempDir("bangfu-lo-");
const convert = (file: string, to: string): Conversion => convertWithSoffice(file, to, dir());

function csvOf(conversion: Conversion, base: string, sheet: string): string[][] {
  const name = `${base}-${sheet}.csv`;
  if (!conversion.files.includes(name)) throw new Error(`LibreOffice 没有导出工作表“${sheet}”（导出了：${conversion.files.join("、")}）`);
  return parseCsv(fs.readFileSync(path.join(conversion.outDir, name), "utf8")).map((r) => {
    while (r.length > 0 && r[r.length - 1] === "") r.pop();
    return r;
  });
}

function run(...argv: string[]): Promise<CliRun> {
  return runCli(argv);
}

async function ledgerFile(name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("封面").getCell("A1").value = "某街道脱贫户增收帮扶台账";
  const ws = wb.addWorksheet("台账");
  PERSON_ROWS.forEach((row, i) => (ws.getRow(i + 1).values = row as ExcelJS.CellValue[]));
  dressLedger(ws, 2, PERSON_ROWS.length, PERSON_ROWS[1].length);
  const mine = wb.addWorksheet("汇总-分层");
  mine.getCell("A1").value = "用户自己的表";
  const file = path.join(dir(), name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe("LibreOffice headless", () => {
  test("soffice is installed", () => {
    expect(soffice()).toBeTruthy();
  });

  describe("the summary workbook", () => {
    let output: string;
    let csv: Conversion;
    beforeAll(async () => {
      if (!SOFFICE) return;
      const input = await ledgerFile("台账.xlsx");
      output = path.join(dir(), "summary.xlsx");
      const result = await run("summary", input, "-o", output, "--as-of", "2025-06-30");
      if (result.code !== 0) throw new Error(result.stderr);
      csv = convert(output, CSV_ALL_SHEETS);
    });

    test("converts to CSV without error, every sheet exported", () => {
      soffice();
      for (const sheet of ["封面", "台账", "汇总-分层", "汇总-分层(2)", ...SUMMARY_TABS.slice(1)])
        expect(csvOf(csv, "summary", sheet).length).toBeGreaterThan(0);
    });

    test("汇总-分层(2) as LibreOffice shows it: meta line, header, formatted shares and yuan, the total row", () => {
      soffice();
      const rows = csvOf(csv, "summary", "汇总-分层(2)");
      expect(rows[0][0]).toMatch(/^来源工作表：台账　检查日期：2025-06-30　政策年度：2025　生成时间：/);
      expect(rows.some((r) => r[0]?.startsWith("图表："))).toBe(false);
      const header = rows.findIndex((r) => r[0] === "村");
      expect(rows[header]).toEqual([
        "村",
        "户数",
        "人数",
        "高收入户数",
        "高收入占比",
        "中等收入户数",
        "中等收入占比",
        "低收入户数",
        "低收入占比",
        "收入不详户数",
        "人均纯收入平均值",
        "人均纯收入中位数",
      ]);
      expect(rows[header + 1].slice(0, 2)).toEqual(["东村", "4"]);
      // Total: 9 households, 15 persons; 2/8, 3/8, 3/8; mean 99000 / 8; median (11000 + 12000) / 2 — shown with the formats.
      expect(rows[rows.length - 1]).toEqual(["合计", "9", "15", "2", "25.0%", "3", "37.5%", "3", "37.5%", "1", "12,375.00", "11,500.00"]);
    });

    test("重点户清单: dates shown as yyyy-mm-dd, money to the fen, IDs masked", () => {
      soffice();
      const rows = csvOf(csv, "summary", "重点户清单");
      const h01 = rows.find((r) => r[0] === "H01");
      expect(h01?.slice(0, 8)).toEqual([
        "H01",
        "张一",
        expect.stringMatching(/^370402\*{8}\d{3}[\dX]$/),
        "东村",
        "9,000.00",
        "钱干部",
        "2025-06-20",
        "公益性岗位、庭院经济",
      ]);
    });

    test("检查结果: the cell references are there (links are checked in the .xlsx LibreOffice writes)", () => {
      soffice();
      const rows = csvOf(csv, "summary", "检查结果");
      const header = rows.findIndex((r) => r[0] === "规则");
      expect(rows[header]).toEqual(["规则", "检查项", "严重程度", "条款", "户", "单元格", "说明", "数值"]);
      expect(rows.slice(header + 1).every((r) => /^台账!([A-Z]+\d+)$|^—$/.test(r[5]))).toBe(true);
    });

    test("the ledger and the user's own 汇总-分层 read back as written", () => {
      soffice();
      expect(csvOf(csv, "summary", "汇总-分层")).toEqual([["用户自己的表"]]);
      const ledger = csvOf(csv, "summary", "台账");
      expect(ledger[1].slice(0, 3)).toEqual(["户编号", "证件号码", "姓名"]);
      expect(ledger[2].slice(0, 1)).toEqual(["H01"]);
    });

    describe("saved again by LibreOffice as .xlsx", () => {
      let saved: string;
      beforeAll(() => {
        if (!SOFFICE) return;
        const conversion = convert(output, "xlsx");
        saved = path.join(dir(), "saved-by-libreoffice.xlsx");
        fs.copyFileSync(path.join(conversion.outDir, "summary.xlsx"), saved);
      });

      test("its markers, tabs, values and internal links survive", async () => {
        soffice();
        const ours = await readSummaryWorkbook(output);
        const theirs = await readSummaryWorkbook(saved);
        expect(theirs.tabs.map((t) => [t.key, t.name])).toEqual(ours.tabs.map((t) => [t.key, t.name]));
        const markers = (await definedNames(saved))
          .filter((n) => n.name.startsWith("BANGFU_GENERATED_"))
          .map((n) => n.name)
          .sort();
        expect(markers).toEqual(["FINDINGS", "FOCUS", "FUNDS", "GROWTH", "MEASURES", "TIERS"].map((k) => `BANGFU_GENERATED_${k}`).sort());
        for (const [i, tab] of theirs.tabs.entries()) {
          expect(tab.headerRow).toBe(ours.tabs[i].headerRow);
          expect(tab.header).toEqual(ours.tabs[i].header);
          // LibreOffice writes back what the cells hold; numbers to the same precision.
          const norm = (rows: readonly (readonly unknown[])[]) =>
            rows.map((r) => r.map((v) => (typeof v === "number" ? Number(v.toFixed(9)) : v === "" ? null : v)));
          expect(norm(tab.rows)).toEqual(norm(ours.tabs[i].rows));
        }
        // (Frozen panes cannot be checked here: a headless conversion has no view, and LibreOffice
        // then writes every sheet unfrozen, the ledger's own freeze included.)
        const wb = await load(saved);
        const findings = wb.getWorksheet("检查结果")!;
        const headerRow = theirs.tabs.find((t) => t.key === "findings")!.headerRow;
        const link = findings.getCell(headerRow + 1, 6).value as { hyperlink?: string };
        expect(link.hyperlink).toMatch(/^#'?台账'?![A-Z]+\d+$/);
      });

      test("bangfu check reads the file LibreOffice saved", async () => {
        soffice();
        const { sheet } = await readLedgerSheetFromFile(saved, {});
        expect(sheet?.name).toBe("封面");
        const checked = await run("check", saved, "--as-of", "2025-06-30", "--json");
        expect(JSON.parse(checked.stdout).sheet).toBe("台账");
      });

      test(
        "summary on it: the generated tabs are found by marker and replaced; the ledger " + "LibreOffice wrote passes through unchanged",
        async () => {
          soffice();
          const again = path.join(dir(), "again.xlsx");
          const result = await run("summary", saved, "-o", again, "--as-of", "2025-06-30");
          expect(result.code).toBe(0);
          expect(result.stdout).toContain("替换了上次由 BANGFU 生成的工作表：");
          const [before, after] = [await load(saved), await load(again)];
          expect(after.worksheets.map((w) => w.name)).toEqual(before.worksheets.map((w) => w.name));
          // Settings LibreOffice spells out at their default value come back left out (see snapshot()).
          const same = (name: string) =>
            expect(snapshot(after.getWorksheet(name)!, { defaults: "omit" })).toEqual(
              snapshot(before.getWorksheet(name)!, { defaults: "omit" }),
            );
          same("台账");
          same("汇总-分层");
          same("封面");
          // The guard: the snapshot does see LibreOffice's ledger (its comment and its validation).
          const ledger = snapshot(before.getWorksheet("台账")!, { defaults: "omit" }) as {
            cells: Record<string, { note: unknown }>;
            dataValidations: object;
          };
          expect(ledger.cells.C3.note).toBeTruthy();
          expect(Object.keys(ledger.dataValidations)).toContain("F3");
          // The comments' boxes carry no NaN margins (exceljs would write inset="NaNmm").
          const vml = (await zipParts(again)).filter((p) => p.endsWith(".vml"));
          expect(vml.length).toBeGreaterThan(0);
          for (const part of vml) expect(await zipText(again, part)).not.toContain("NaN");
          // …and LibreOffice opens the result of that too.
          const csvAgain = convert(again, CSV_ALL_SHEETS);
          expect(csvOf(csvAgain, "again", "汇总-增收").length).toBeGreaterThan(3);
        },
      );
    });
  });

  test("a drop-down list from another sheet that the writer put back (exceljs drops it) is one LibreOffice reads", async () => {
    soffice();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("台账").getRow(1).values = ["户编号", "户主姓名", "人均纯收入", "收入分层"];
    wb.getWorksheet("台账")!.getRow(2).values = ["H01", "张一", 9000, "低收入"];
    wb.addWorksheet("字典").getColumn(1).values = ["高收入", "中等收入", "低收入"];
    const input = path.join(dir(), "dropdown.xlsx");
    await wb.xlsx.writeFile(input);
    const zip = await JSZip.loadAsync(fs.readFileSync(input));
    const ext =
      `<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http:` +
      `//schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" ` +
      `xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">` +
      `<x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>字典!$A$1:$A$3</xm:` +
      `f></x14:formula1><xm:sqref>D2:D500</xm:sqref></x14:dataValidation></x14:` +
      `dataValidations></ext>`;
    const part = "xl/worksheets/sheet1.xml";
    zip.file(part, (await zip.file(part)!.async("string")).replace("</worksheet>", `<extLst>${ext}</extLst></worksheet>`));
    fs.writeFileSync(input, await zip.generateAsync({ type: "nodebuffer" }));
    const output = path.join(dir(), "dropdown-summary.xlsx");
    expect((await run("summary", input, "-o", output, "--as-of", "2025-06-30")).code).toBe(0);
    const conversion = convert(output, "xlsx");
    const saved = await load(path.join(conversion.outDir, "dropdown-summary.xlsx"));
    const validations = (
      saved.getWorksheet("台账") as unknown as { dataValidations: { model: Record<string, { type: string; formulae: unknown[] }> } }
    ).dataValidations.model;
    expect(validations.D2).toMatchObject({ type: "list" });
    expect(validations.D2.formulae[0]).toBe("字典!$A$1:$A$3");
  });

  test(
    "a ledger with a chart and a text box on it: the summary workbook converts, its tabs read " + "back, and LibreOffice keeps both charts",
    async () => {
      soffice();
      const input = await ledgerFile("chart.xlsx");
      await addChartToSheet(input, "台账", { categories: "'台账'!$C$3:$C$8", values: "'台账'!$F$3:$F$8" });
      const output = path.join(dir(), "chart-summary.xlsx");
      expect((await run("summary", input, "-o", output, "--as-of", "2025-06-30")).code).toBe(0);
      expect(await packageProblems(output)).toEqual([]);
      const csv = convert(output, CSV_ALL_SHEETS);
      for (const sheet of ["封面", "台账", "汇总-分层", "汇总-分层(2)", ...SUMMARY_TABS.slice(1)])
        expect(csvOf(csv, "chart-summary", sheet).length).toBeGreaterThan(0);
      const tiers = csvOf(csv, "chart-summary", "汇总-分层(2)");
      expect(tiers[tiers.length - 1]).toEqual(["合计", "9", "15", "2", "25.0%", "3", "37.5%", "3", "37.5%", "1", "12,375.00", "11,500.00"]);
      expect(csvOf(csv, "chart-summary", "台账")[2].slice(0, 1)).toEqual(["H01"]);
      // Saved again by LibreOffice: the ledger's chart is still there, on its data, and so is the tab's own.
      const saved = convert(output, "xlsx");
      const file = path.join(saved.outDir, "chart-summary.xlsx");
      const charts = (await zipParts(file)).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
      expect(charts).toHaveLength(2);
      const texts = await Promise.all(charts.map(async (part) => ((await zipText(file, part)) ?? "").replace(/&apos;/g, "'")));
      expect(texts.filter((t) => /台账'?!\$F\$3:\$F\$8/.test(t))).toHaveLength(1);
      expect(texts.filter((t) => /汇总-分层\(2\)'?!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+/.test(t))).toHaveLength(1);
      expect((await zipParts(file)).some((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p))).toBe(true);
    },
  );

  test("the street ranking workbook converts, and reads back ranked", async () => {
    soffice();
    const header = ["户编号", "户主姓名", "乡镇", "人均纯收入", "上年人均纯收入"];
    const files: string[] = [];
    for (const [name, town, current, last] of [
      ["a.xlsx", "东街道", 11000, 10000],
      ["b.xlsx", "西街道", 10300, 10000],
    ] as const) {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("台账");
      ws.addRow(header);
      ws.addRow(["H1", "户主", town, current, last]);
      const file = path.join(dir(), name);
      await wb.xlsx.writeFile(file);
      files.push(file);
    }
    const out = path.join(dir(), "ranking.xlsx");
    expect((await run("rank", ...files, "-o", out, "--as-of", "2025-12-15")).code).toBe(0);
    const conversion = convert(out, CSV_ALL_SHEETS);
    const rows = csvOf(conversion, "ranking", "街道排名");
    const at = rows.findIndex((r) => r[0] === "排名");
    expect(rows.slice(at + 1).map((r) => [r[0], r[1], r[7], r[10] ?? ""])).toEqual([
      ["1", "东街道", "10.0%", ""],
      ["2", "西街道", "3.0%", "靠后"],
      ["全区", "", "6.5%", ""], // (11000 + 10300) / (10000 + 10000) − 1
    ]);
  });

  describe("the chart as LibreOffice draws it (PDF, then a picture of the page by pdftoppm)", () => {
    /** 汇总-分层 of the summary fixtures: 东村, 西村, （未填村）; the tier counts stacked. */
    const tiers = (): SummaryTable => table(build(PERSON_ROWS), "tiers");
    const THREE = SERIES_COLOURS.slice(0, 3);

    function tool(name: string): string {
      const which = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
      if (which.status !== 0)
        throw new Error(
          `${name}（poppler-utils）未安装，无法检查 LibreOffice 画出的图表。请安装：apt-get install -y poppler-utils（CI 的 .ci/run 会自动安装）。`,
        );
      return which.stdout.trim();
    }

    /** The page of the PDF (1-based) whose text holds `text`. */
    function pageWith(pdf: string, text: string): number {
      const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync(tool("pdfinfo"), [pdf], { encoding: "utf8" }).stdout)?.[1] ?? 0);
      for (let page = 1; page <= pages; page++) {
        const out = spawnSync(tool("pdftotext"), ["-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8" }).stdout;
        if (out.includes(text)) return page;
      }
      throw new Error(`no page of ${path.basename(pdf)} holds “${text}” (${pages} pages)`);
    }

    /** The workbook printed to PDF by LibreOffice, and the page of the generated tab (its meta line) as a picture at 60 dpi. */
    function renderTab(xlsx: string): Image {
      const pdf = path.join(convert(xlsx, "pdf").outDir, `${path.basename(xlsx, ".xlsx")}.pdf`);
      const page = pageWith(pdf, "来源工作表");
      const stem = path.join(dir(), `${path.basename(xlsx, ".xlsx")}-page`);
      const result = spawnSync(tool("pdftoppm"), ["-png", "-r", "60", "-f", String(page), "-l", String(page), "-singlefile", pdf, stem], {
        encoding: "utf8",
      });
      if (result.status !== 0) throw new Error(`pdftoppm failed: ${result.stderr}`);
      return readPng(fs.readFileSync(`${stem}.png`));
    }

    interface Box {
      left: number;
      top: number;
      right: number;
      bottom: number;
    }
    function box(image: Image, keep: (x: number, y: number) => boolean): Box | null {
      let found: Box | null = null;
      for (let y = 0; y < image.height; y++)
        for (let x = 0; x < image.width; x++) {
          if (!keep(x, y)) continue;
          if (!found) found = { left: x, top: y, right: x, bottom: y };
          else
            Object.assign(found, {
              left: Math.min(found.left, x),
              right: Math.max(found.right, x),
              top: Math.min(found.top, y),
              bottom: Math.max(found.bottom, y),
            });
        }
      return found;
    }
    const differs = (a: Image, b: Image, x: number, y: number) => {
      const i = (y * a.width + x) * 3;
      return a.rgb[i] !== b.rgb[i] || a.rgb[i + 1] !== b.rgb[i + 1] || a.rgb[i + 2] !== b.rgb[i + 2];
    };
    function countIn(image: Image, area: Box, keep: (x: number, y: number) => boolean): number {
      let n = 0;
      for (let y = area.top; y <= area.bottom; y++) for (let x = area.left; x <= area.right; x++) if (keep(x, y)) n++;
      return n;
    }
    /** A pixel inside an area filled with the colour (it and its four neighbours have it): a bar, not the edge of grey text. */
    const isFilled = (image: Image, x: number, y: number, colour: string) =>
      x > 0 &&
      y > 0 &&
      x < image.width - 1 &&
      y < image.height - 1 &&
      [
        [0, 0],
        [1, 0],
        [-1, 0],
        [0, 1],
        [0, -1],
      ].every(([dx, dy]) => isColour(image, x + dx, y + dy, colour));
    /** Pixel columns of the area in which two or more of the colours fill something (bars stacked on one another). */
    function columnsWithSeveral(image: Image, area: Box, colours: readonly string[]): number {
      let n = 0;
      for (let x = area.left; x <= area.right; x++) {
        const seen = new Set<string>();
        for (let y = area.top; y <= area.bottom; y++) for (const c of colours) if (isFilled(image, x, y, c)) seen.add(c);
        if (seen.size >= 2) n++;
      }
      return n;
    }

    /**
     * The tab rendered with its chart and without it (the same workbook, the table's chart left
     * out): the pixels that differ are the chart. It must lie below everything the table prints,
     * hold ink, and show every series in its colour.
     */
    async function chartOnPage(
      write: (out: string, tables: TabTable[]) => Promise<void>,
      t: SummaryTable,
      name: string,
    ): Promise<{ image: Image; chart: Box; table: Box }> {
      const withChart = path.join(dir(), `${name}.xlsx`);
      const without = path.join(dir(), `${name}-no-chart.xlsx`);
      await write(withChart, [t]);
      await write(without, [{ ...t, chart: undefined }]);
      const [image, plain] = [renderTab(withChart), renderTab(without)];
      expect([image.width, image.height]).toEqual([plain.width, plain.height]);
      const table = box(plain, (x, y) => !isWhite(plain, x, y));
      const chart = box(image, (x, y) => differs(image, plain, x, y));
      if (!table || !chart) throw new Error(`nothing drawn: table ${JSON.stringify(table)}, chart ${JSON.stringify(chart)}`);
      // Without its chart the tab shows none of the series colours: counting them below does detect the chart.
      for (const colour of THREE)
        expect({
          colour,
          pixels: countIn(plain, { left: 0, top: table.bottom + 1, right: plain.width - 1, bottom: plain.height - 1 }, (x, y) =>
            isColour(plain, x, y, colour),
          ),
        }).toEqual({ colour, pixels: 0 });
      return { image, chart, table };
    }

    test(
      "汇总-分层 merged into a user's workbook (openpyxl's, with charts of its own): stacked " + "bars of three colours under the table",
      async () => {
        soffice();
        const input = path.join(dir(), "openpyxl-ledger.xlsx");
        runOpenpyxl(LEDGER_WITH_CHARTS, input);
        const { image, chart, table } = await chartOnPage(
          (out, tables) => writeSummaryWorkbook(input, out, tables).then(() => undefined),
          tiers(),
          "merged-tiers",
        );
        expect(chart.top).toBeGreaterThan(table.bottom); // below the table: no cell is covered
        expect(chart.right - chart.left).toBeGreaterThan(image.width / 4);
        expect(chart.bottom - chart.top).toBeGreaterThan(image.height / 5);
        const ink = countIn(image, chart, (x, y) => !isWhite(image, x, y));
        expect(ink / ((chart.right - chart.left + 1) * (chart.bottom - chart.top + 1))).toBeGreaterThan(0.05);
        for (const colour of THREE)
          expect({ colour, enough: countIn(image, chart, (x, y) => isFilled(image, x, y, colour)) > 100 }).toEqual({
            colour,
            enough: true,
          });
        // Stacked: in some pixel columns two tiers' colours lie one above the other.
        expect(columnsWithSeveral(image, chart, THREE)).toBeGreaterThan(10);
      },
    );

    test("a clustered column chart in a new workbook: the series stand side by side, never one above the other", async () => {
      soffice();
      const t = tiers();
      const { image, chart, table } = await chartOnPage(
        (out, tables) => writeNewSummaryWorkbook(out, tables).then(() => undefined),
        { ...t, chart: { ...t.chart!, kind: "clusteredColumn" } },
        "clustered-tiers",
      );
      expect(chart.top).toBeGreaterThan(table.bottom);
      for (const colour of THREE)
        expect({ colour, enough: countIn(image, chart, (x, y) => isFilled(image, x, y, colour)) > 50 }).toEqual({ colour, enough: true });
      expect(columnsWithSeveral(image, chart, THREE)).toBe(0);
    });
  });
});
