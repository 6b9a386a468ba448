/**
 * Workbooks that are odd but everyday, each once read wrong: every case goes through the command
 * line (or the file reader) as a user would meet it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { toExcelSerial } from "../../src/values";
import { readLedgerSheetFromFile } from "../../src/xlsx/readWorkbook";
import { runCli, useTempDir } from "../support/cli";
import { residentId } from "../support/ledgerFixtures";
import { writeWithOpenpyxl } from "../support/openpyxl";
import { buildXlsx, CellSpec, PackageSpec, sharedStringsXml } from "../support/xlsxPackage";

const dir = useTempDir("bangfu-wrong-reads-");
const AS_OF = "2025-12-15";

function write(name: string, spec: PackageSpec): string {
  const file = path.join(dir(), name);
  fs.writeFileSync(file, buildXlsx(spec));
  return file;
}

interface JsonReport {
  sheet: string;
  households: number;
  findings: { rule: string; row: number | null; column: string | null; message: string }[];
}

async function checkJson(file: string, ...extra: string[]): Promise<{ report: JsonReport; stderr: string }> {
  const { code, stdout, stderr } = await runCli(["check", file, "--as-of", AS_OF, "--json", ...extra]);
  if (code !== 0 && code !== 1) throw new Error(`check exited ${code}: ${stderr}`);
  return { report: JSON.parse(stdout) as JsonReport, stderr };
}

const HOUSEHOLD_HEADER: CellSpec[] = ["户编号", "户主姓名", "人均纯收入", "增收帮扶责任人", "最近走访日期"];

describe("(1) a workbook without shared strings and with many sheets", () => {
  test("rank sees all 12 streets, every time", async () => {
    const sheets = Array.from({ length: 12 }, (_, i) => ({
      name: `街道${i + 1}`,
      rows: [
        ["户编号", "户主姓名", "人均纯收入", "上年人均纯收入"],
        [`S${i}H1`, `户主${i}甲`, i >= 9 ? 10100 : 12000, 10000],
        [`S${i}H2`, `户主${i}乙`, i >= 9 ? 10100 : 12000, 10000],
      ],
    }));
    const file = write("twelve-streets.xlsx", { sheets });
    for (let run = 0; run < 3; run++) {
      const { code, stdout } = await runCli(["rank", file, "--as-of", AS_OF]);
      expect(code).toBe(0);
      expect(stdout).toContain("（12个街道");
      for (let i = 1; i <= 12; i++) expect(stdout).toContain(`街道${i}`);
      // Streets 10–12 grew 1%, below the farmers' default growth: they are named.
      expect(stdout).toMatch(/增速靠后的街道[^：]*：街道10、街道11、街道12/);
    }
  }, 30_000);
});

describe("(2) absolute relationship targets (as openpyxl writes them)", () => {
  const spec: PackageSpec = {
    absoluteTargets: true,
    sheets: [
      { name: "说明", rows: [["本表说明"], ["无数据"]] },
      { name: "台账", rows: [HOUSEHOLD_HEADER, ["H1", "张三", 12000, "干部甲", "2025-12-01"]] },
    ],
  };
  test("sheet names are kept: --sheet finds the ledger, and the automatic choice names it", async () => {
    const file = write("absolute.xlsx", spec);
    expect((await checkJson(file, "--sheet", "台账")).report.sheet).toBe("台账");
    const auto = await checkJson(file);
    expect(auto.report.sheet).toBe("台账");
    expect(auto.stderr).toContain("说明");
  });
});

describe("(3) dates: the 1904 date system and ISO date cells", () => {
  const visited = toExcelSerial({ year: 2025, month: 12, day: 1 });
  const rows = (date: CellSpec, old: CellSpec): CellSpec[][] => [
    HOUSEHOLD_HEADER,
    ["H1", "张三", 9000, "干部甲", date],
    ["H2", "李四", 9000, "干部甲", old],
  ];
  test("a 1904 workbook's date cells read as the dates shown", async () => {
    const file = write("date1904.xlsx", {
      date1904: true,
      sheets: [
        {
          name: "台账",
          rows: rows({ xml: `<c s="1"><v>${visited - 1462}</v></c>` }, { xml: `<c s="2"><v>${visited - 1462 - 90}</v></c>` }),
        },
      ],
    });
    const { report } = await checkJson(file);
    const m02 = report.findings.filter((f) => f.rule === "M02");
    expect(m02.map((f) => f.row)).toEqual([3]); // only H2, whose last visit was 90 days earlier
    expect(m02[0].message).toContain("2025-09-02");
  });
  test('t="d" cells (ISO dates) read as those dates', async () => {
    const file = write("isodate.xlsx", {
      sheets: [
        {
          name: "台账",
          rows: rows({ xml: `<c t="d" s="1"><v>2025-12-01T00:00:00</v></c>` }, { xml: `<c t="d" s="1"><v>2025-09-02T00:00:00</v></c>` }),
        },
      ],
    });
    const { report } = await checkJson(file);
    const m02 = report.findings.filter((f) => f.rule === "M02");
    expect(m02.map((f) => f.row)).toEqual([3]);
    expect(m02[0].message).toContain("2025-09-02");
  });
});

describe("(4) a cadre merged down over the households it looks after", () => {
  test("every household under the merged cell has that cadre: no M01", async () => {
    const file = write("merged-cadre.xlsx", {
      sheets: [
        {
          name: "台账",
          rows: [
            HOUSEHOLD_HEADER,
            ["H1", "张三", 9000, "干部甲", "2025-12-01"],
            ["H2", "李四", 9000, null, "2025-12-01"],
            ["H3", "王五", 9000, null, "2025-12-01"],
            ["H4", "赵六", 9000, null, "2025-12-01"],
          ],
          merges: ["D2:D4"],
        },
      ],
    });
    const { report } = await checkJson(file);
    expect(report.findings.filter((f) => f.rule === "M01").map((f) => f.row)).toEqual([5]);
  });
});

describe("(5) rich text and phonetic readings", () => {
  const id = residentId("19800101");
  const spec: PackageSpec = {
    sharedStringsXml: sharedStringsXml([
      "户编号",
      "户主姓名",
      "证件号码",
      "人均纯收入",
      {
        xml:
          `<si><r><t>张</t></r><r><rPr><b/></rPr><t>三</t></r><rPh sb="0" ` +
          `eb="1"><t>zhang</t></rPh><rPh sb="1" eb="2"><t>san</t></rPh><phoneticPr fontId="1"/></si>`,
      },
      { xml: `<si><t>李四</t><rPh sb="0" eb="2"><t>lisi</t></rPh></si>` },
    ]),
    sheets: [
      {
        name: "台账",
        rows: [
          [
            { xml: `<c t="s"><v>0</v></c>` },
            { xml: `<c t="s"><v>1</v></c>` },
            { xml: `<c t="s"><v>2</v></c>` },
            { xml: `<c t="s"><v>3</v></c>` },
          ],
          [
            "H1",
            { xml: `<c t="s"><v>4</v></c>` },
            {
              xml:
                `<c ` +
                `t="inlineStr"><is><r><t>${id.slice(0, 6)}</t></r><r><rPr><i/></rPr><t>${id.slice(6, 14)}</t></r><r><t>${id.slice(14)}</t></r></is></c>`,
            },
            12000,
          ],
          ["H2", { xml: `<c t="s"><v>5</v></c>` }, id.replace(/.$/, (c) => (c === "0" ? "1" : "0")), 12000],
        ],
      },
    ],
  };
  test("all runs of inline rich text are read; phonetic runs are not", async () => {
    const file = write("rich.xlsx", spec);
    const { sheet } = await readLedgerSheetFromFile(file, { sheetName: "台账" });
    expect(sheet?.cells[1]?.slice(1, 3)).toEqual(["张三", id]);
    expect(sheet?.cells[2]?.[1]).toBe("李四");
    const { report } = await checkJson(file);
    // Only H2's ID (a wrong check character) is reported; H1's ID, split into runs, is whole.
    expect(report.findings.filter((f) => f.rule === "D03").map((f) => f.row)).toEqual([3]);
  });
});

describe("(6) which sheet: the first tab, visible", () => {
  const ledger = (name: string): CellSpec[][] => [HOUSEHOLD_HEADER, [`${name}-H1`, "张三", 12000, "干部甲", "2025-12-01"]];
  test("the first tab in the workbook's order is checked, not the first part in the zip", async () => {
    const file = write("tab-order.xlsx", {
      partOrder: "reversed",
      sheets: [
        { name: "台账A", rows: ledger("A") },
        { name: "台账B", rows: ledger("B") },
      ],
    });
    expect((await checkJson(file)).report.sheet).toBe("台账A");
  });
  test("hidden and very hidden ledger sheets are passed over, and the user is told; --sheet still reads one", async () => {
    const file = write("hidden.xlsx", {
      sheets: [
        { name: "旧台账", state: "hidden", rows: ledger("old") },
        { name: "备份", state: "veryHidden", rows: ledger("backup") },
        { name: "台账", rows: ledger("now") },
      ],
    });
    const { report, stderr } = await checkJson(file);
    expect(report.sheet).toBe("台账");
    expect(stderr).toContain("旧台账");
    expect(stderr).toContain("备份");
    expect(stderr).toContain("隐藏");
    expect((await checkJson(file, "--sheet", "旧台账")).report.sheet).toBe("旧台账");
  });
});

describe("(7) formula results of 0 and errors", () => {
  test("a per-capita formula giving 0 is 0, not blank; one giving #DIV/0! is reported as unreadable", async () => {
    const file = write("formulas.xlsx", {
      sheets: [
        {
          name: "台账",
          rows: [
            HOUSEHOLD_HEADER,
            ["H1", "张三", { xml: `<c><f>B9*0</f><v>0</v></c>` }, "干部甲", "2025-12-01"],
            ["H2", "李四", { xml: `<c t="e"><f>1/0</f><v>#DIV/0!</v></c>` }, "干部甲", "2025-12-01"],
          ],
        },
      ],
    });
    const { report } = await checkJson(file);
    const d01 = report.findings.filter((f) => f.rule === "D01");
    expect(d01.map((f) => f.row)).not.toContain(2);
    const d04 = report.findings.filter((f) => f.rule === "D04");
    expect(d04).toEqual([expect.objectContaining({ row: 3, column: "C" })]);
    expect(d04[0].message).toContain("#DIV/0!");
    const { sheet } = await readLedgerSheetFromFile(file, { sheetName: "台账" });
    expect(sheet?.cells[1]?.[2]).toBe(0);
  });
});

describe("workbooks written by openpyxl itself", () => {
  test(
    "12 street sheets (no shared strings, absolute targets): rank sees all 12; --sheet finds a " + "street; its 1904 dates read right",
    async () => {
      const file = path.join(dir(), "openpyxl-streets.xlsx");
      const sheets = Array.from({ length: 12 }, (_, i) => ({
        name: `街道${i + 1}`,
        rows: [
          ["户编号", "户主姓名", "人均纯收入", "上年人均纯收入", "增收帮扶责任人", "最近走访日期"],
          [`S${i}H1`, `户主${i}甲`, i >= 9 ? 10100 : 9000, i >= 9 ? 10000 : 8000, "干部甲", "date:2025-12-01"],
          [`S${i}H2`, `户主${i}乙`, i >= 9 ? 10100 : 9000, i >= 9 ? 10000 : 8000, "干部甲", "date:2025-09-02"],
        ],
      }));
      writeWithOpenpyxl(file, sheets, { date1904: true });
      const { code, stdout } = await runCli(["rank", file, "--as-of", AS_OF]);
      expect(code).toBe(0);
      expect(stdout).toContain("（12个街道");
      expect(stdout).toMatch(/增速靠后的街道[^：]*：街道10、街道11、街道12/);
      const { report } = await checkJson(file, "--sheet", "街道3");
      expect(report.sheet).toBe("街道3");
      const m02 = report.findings.filter((f) => f.rule === "M02");
      expect(m02.map((f) => f.row)).toEqual([3]);
      expect(m02[0].message).toContain("2025-09-02");
    },
    30_000,
  );
});

describe("rank and hidden sheets", () => {
  test("a hidden street sheet is not ranked, and the user is told", async () => {
    const street = (name: string, growth: number): CellSpec[][] => [
      ["户编号", "户主姓名", "人均纯收入", "上年人均纯收入"],
      [`${name}-H1`, "张三", 10000 + growth, 10000],
    ];
    const file = write("hidden-street.xlsx", {
      sheets: [
        { name: "甲街道", rows: street("甲", 1000) },
        { name: "旧街道", state: "hidden", rows: street("旧", 0) },
        { name: "乙街道", rows: street("乙", 900) },
      ],
    });
    const { code, stdout, stderr } = await runCli(["rank", file, "--as-of", AS_OF]);
    expect(code).toBe(0);
    expect(stdout).toContain("（2个街道");
    expect(stdout).not.toContain("旧街道");
    expect(stderr).toContain("隐藏的工作表“旧街道”未计入排名");
  });
});
