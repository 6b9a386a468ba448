/**
 * The offline page's worker steps (src/web/session.ts) on Node's Blob, without a browser: the
 * sheet it starts on, the findings `bangfu check` gives, the workbook `bangfu summary` writes,
 * progress while reading, the cached check, and the errors the page shows.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { reportToJson } from "../../src/cli/format";
import { reportNotes } from "../../src/checks";
import { MemoryWorkbookHost } from "../../src/host/memoryHost";
import { EMPTY_SETTINGS, HostError, PaneSettings } from "../../src/host/types";
import { LedgerNotFoundError } from "../../src/ledger";
import { PolicyFileError } from "../../src/policy";
import { SUMMARY_KEYS } from "../../src/summaries";
import { describeError } from "../../src/taskpane/ErrorBar";
import { deserializeError, PageFileError, serializeError } from "../../src/web/errors";
import { PANE_STRINGS } from "../../src/web/strings";
import { memoryBudgetOf, PAGE_HEAP_RESERVE, PAGE_ROW_BYTES, pageMemoryBudget, summaryBytes } from "../../src/web/memoryBudget";
import { isFileError, NamedBlob, outputName, PageSession, probeSideFile } from "../../src/web/session";
import { hostEngine } from "../../src/taskpane/model";
import { readLedgerSheetFromFile } from "../../src/xlsx/readWorkbook";
import { runCli, useTempDir } from "../support/cli";
import { readSummaryWorkbook } from "../support/readBack";
import { realLayoutFixtures, writeFixtureXlsx } from "../support/realLedgers";
import { writeRows } from "../support/workbooks";
import { buildXlsx, declareSize } from "../support/xlsxPackage";

jest.setTimeout(60_000);
const dir = useTempDir("bangfu-session-");

const ROOT = path.resolve(__dirname, "../..");
const SAMPLE = path.join(ROOT, "examples", "国家系统导出-人员.xlsx");
const HOUSEHOLD_SAMPLE = path.join(ROOT, "examples", "街道台账-按户.xlsx");
const AS_OF = { year: 2025, month: 12, day: 15 };

function blobOf(file: string, name = path.basename(file)): NamedBlob {
  return Object.assign(new Blob([fs.readFileSync(file)]), { name });
}

const workbookWith = (sheets: Record<string, unknown[][]>, name: string) => writeRows(path.join(dir(), name), sheets);

describe("PageSession", () => {
  test("opens a file: its visible sheets, the first one with a ledger header preselected", async () => {
    const notes = [["说明"], ["本表为样例"]];
    const file = await workbookWith(
      {
        封面: notes,
        台账: [
          ["户编号", "姓名", "人均纯收入"],
          ["H1", "张三", 9000],
        ],
      },
      "two.xlsx",
    );
    const session = new PageSession();
    const opened = await session.open(blobOf(file));
    expect(opened).toEqual({
      fileName: "two.xlsx",
      bytes: fs.statSync(file).size,
      sheets: ["封面", "台账"],
      ledgerSheet: "台账",
      passedOver: [],
    });
    // The mapping editor's columns, read from the sheet's first rows.
    const columns = await session.detect("台账");
    expect([columns.recognised, columns.headerRow, columns.columns.map((c) => [c.letter, c.header, c.auto])]).toEqual([
      true,
      1,
      [
        ["A", "户编号", "householdId"],
        ["B", "姓名", "name"],
        ["C", "人均纯收入", "perCapitaIncome"],
      ],
    ]);
    expect((await session.detect("封面")).recognised).toBe(false);
    const none = await new PageSession().open(blobOf(await workbookWith({ 封面: notes }, "none.xlsx")));
    expect(none.ledgerSheet).toBeNull();
  });

  test.each([
    [SAMPLE, "脱贫人口明细"],
    [HOUSEHOLD_SAMPLE, "增收帮扶台账"],
  ])("checks %s as `bangfu check --json` does", async (file, sheet) => {
    const expected = JSON.parse((await runCli(["check", file, "--json", "--as-of", "2025-12-15"])).stdout) as {
      households: number;
      persons: number;
      findings: unknown[];
      rules: unknown[];
    };
    const session = new PageSession();
    expect((await session.open(blobOf(file))).ledgerSheet).toBe(sheet);
    const progress: [number, number][] = [];
    const result = await session.check({ sheet, settings: EMPTY_SETTINGS, asOf: AS_OF }, (read, fraction) =>
      progress.push([read, fraction]),
    );
    expect([result.report.households, result.report.persons]).toEqual([expected.households, expected.persons]);
    const located = result.report.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      household: f.household,
      row: f.cell?.row ?? null,
      column: f.cell?.column ?? null,
      message: f.message,
    }));
    expect(located).toEqual(
      (expected.findings as Record<string, unknown>[]).map(({ rule, severity, household, row, column, message }) => ({
        rule,
        severity,
        household,
        row,
        column,
        message,
      })),
    );
    expect(result.policy.unconfirmed.length).toBeGreaterThan(0);
    expect(result.columns.recognised).toBe(true);
    // Grouping by household needs the households with findings, in ledger order, with their heads.
    expect(new Set(result.households.map((h) => h.key))).toEqual(
      new Set(result.report.findings.flatMap((f) => (f.household === null ? [] : [f.household]))),
    );
    // Reading ends at the whole sheet; the rules run after.
    expect(progress[progress.length - 1][1]).toBe(1);
  });

  test("names the file's other ledger sheets not checked in a run, as `bangfu check` names the later ones", async () => {
    const village = (key: string, name: string) => [
      ["户编号", "姓名", "人均纯收入"],
      [key, name, 9000],
    ];
    const file = await workbookWith(
      { 一村: village("H1", "赵一"), 说明: [["填表说明"], ["本表为合成数据，每村一个工作表"]], 二村: village("H2", "钱二"), Sheet3: [] },
      "villages.xlsx",
    );
    const session = new PageSession();
    const opened = await session.open(blobOf(file));
    expect([opened.ledgerSheet, opened.sheets]).toEqual(["一村", ["一村", "说明", "二村", "Sheet3"]]);
    const check = (sheet: string, sides: string[] = []) => session.check({ sheet, settings: EMPTY_SETTINGS, asOf: AS_OF, sides });
    // Only the sheets holding a ledger: not the notes, not the empty Sheet3.
    expect((await check("一村")).otherLedgerSheets).toEqual(["二村"]);
    // Every other one, before the checked sheet too; none ticked as a side ledger.
    expect((await check("二村")).otherLedgerSheets).toEqual(["一村"]);
    expect((await check("一村", ["二村"])).otherLedgerSheets).toEqual([]);
    // The same sheets `bangfu check` names, from the one reader.
    expect((await runCli(["check", file, "--as-of", "2025-12-15", "--json"])).stderr).toContain("其后的工作表“二村”未检查");

    const single = await workbookWith({ 台账: village("H1", "赵一"), 说明: [["填表说明"]] }, "single.xlsx");
    const alone = new PageSession();
    await alone.open(blobOf(single));
    expect((await alone.check({ sheet: "台账", settings: EMPTY_SETTINGS, asOf: AS_OF })).otherLedgerSheets).toEqual([]);
  });

  test("generates the workbook bangfu summary writes, named as it suggests; a check right before is not read again", async () => {
    const session = new PageSession();
    await session.open(blobOf(SAMPLE));
    const settings: PaneSettings = EMPTY_SETTINGS;
    await session.check({ sheet: "脱贫人口明细", settings, asOf: AS_OF });
    const progress: number[] = [];
    const generated = await session.generate(
      { sheet: "脱贫人口明细", settings, clock: new Date(2025, 11, 15, 9, 30), tabs: SUMMARY_KEYS, fullIds: false },
      (_, f) => progress.push(f),
    );
    expect(progress).toEqual([]); // the check before was kept
    expect(generated.fileName).toBe("国家系统导出-人员-汇总.xlsx");
    expect(generated.written).toEqual(["汇总-分层", "汇总-措施", "汇总-资金", "汇总-增收", "重点户清单", "检查结果"]);
    const saved = path.join(dir(), "page.xlsx");
    fs.writeFileSync(saved, Buffer.from(generated.bytes));
    const cli = path.join(dir(), "cli.xlsx");
    await runCli(["summary", SAMPLE, "-o", cli, "--as-of", "2025-12-15"]);
    const timeless = (t: string) => t.replace(/生成时间：[\d-]+ [\d:]+/g, "生成时间：…");
    const parts = async (file: string) => {
      const zip = await JSZip.loadAsync(fs.readFileSync(file));
      return Promise.all(Object.keys(zip.files).map(async (n) => [n, timeless(await zip.file(n)!.async("string"))]));
    };
    expect(await parts(saved)).toEqual(await parts(cli));
    expect((await readSummaryWorkbook(saved)).tabs[0].metaLine).toContain("生成时间：2025-12-15 09:30:00");
  });

  test("a sheet without a ledger, and a bad policy file (before any reading), fail with the pane's errors", async () => {
    const session = new PageSession();
    await session.open(blobOf(await workbookWith({ 会议: [["会议记录"], ["内容", "走访"]] }, "meeting.xlsx")));
    await expect(session.check({ sheet: "会议", settings: EMPTY_SETTINGS, asOf: AS_OF })).rejects.toBeInstanceOf(LedgerNotFoundError);
    await expect(session.check({ sheet: "会议", settings: { ...EMPTY_SETTINGS, policyJson: "{" }, asOf: AS_OF })).rejects.toBeInstanceOf(
      PolicyFileError,
    );
  });

  test("files it cannot open: a Chinese message naming the file, marked as the reader's", async () => {
    const cut = path.join(dir(), "cut.xlsx");
    const whole = fs.readFileSync(SAMPLE);
    fs.writeFileSync(cut, whole.subarray(0, whole.length / 2));
    const error = await new PageSession().open(blobOf(cut)).catch((e: unknown) => e);
    expect(isFileError(error)).toBe(true);
    expect((error as Error).message).toMatch(/cut\.xlsx.*不完整/);
    const text = path.join(dir(), "notes.xlsx");
    fs.writeFileSync(text, "这不是表格");
    expect(((await new PageSession().open(blobOf(text)).catch((e: unknown) => e)) as Error).message).toMatch(/不是 \.xlsx 文件/);
  });

  test("errors cross to the page as the same classes", () => {
    for (const error of [
      new LedgerNotFoundError("台账", "没有表头"),
      new PolicyFileError("参数.json", ["年份不对"]),
      new PageFileError("文件被移动了"),
    ]) {
      const back = deserializeError(JSON.parse(JSON.stringify(serializeError(error, isFileError))));
      expect(back).toBeInstanceOf(error.constructor);
      expect(back.message).toBe(error.message);
    }
  });

  test("a file the reader refuses during a check is shown under its own title, with the reader's message and no 请重试", () => {
    const error = deserializeError(
      JSON.parse(
        JSON.stringify(
          serializeError(new PageFileError("工作表“台账”解压后超过 2,048 MB，超过上限。请按乡镇或村拆成几个文件"), isFileError),
        ),
      ),
    );
    const shown = describeError(error, PANE_STRINGS.zh);
    expect(shown.title).toBe("无法读取这个文件");
    expect(shown.detail).toContain("2,048 MB");
    expect(shown.action).toBeNull();
    expect(describeError(error, PANE_STRINGS.en).title).toBe("This file cannot be read");
  });

  test("the copy's name", () => {
    expect(outputName("台账.xlsx")).toBe("台账-汇总.xlsx");
    expect(outputName("台账.XLSX")).toBe("台账-汇总.xlsx");
    expect(outputName("台账.xlsm")).toBe("台账-汇总.xlsm");
  });
});

describe("PageSession with side ledgers and the 检查范围 setting", () => {
  const fixtures = realLayoutFixtures();
  const fixtureFile = (id: string) => path.join(dir(), fixtures[id].fileName);
  const MAIN_SHEET = "监测对象信息";
  const json = (result: { report: Parameters<typeof reportToJson>[0]; policy: Parameters<typeof reportToJson>[1] }) =>
    JSON.parse(JSON.stringify(reportToJson(result.report, result.policy))) as Record<string, unknown>;
  const cliJson = async (args: string[]) =>
    JSON.parse((await runCli(["check", ...args, "--json", "--as-of", "2025-12-15"])).stdout) as Record<string, unknown>;

  beforeAll(async () => {
    for (const id of ["nationalMonitoring", "pairing", "previousIncome"]) await writeFixtureXlsx(fixtures[id], fixtureFile(id));
  });

  test("side ledger files chosen on the page: the report `bangfu check --with … --json` prints, joins and notes included", async () => {
    const [main, pairing, previous] = ["nationalMonitoring", "pairing", "previousIncome"].map(fixtureFile);
    const expected = await cliJson([main, "--with", pairing, "--with", previous]);
    expect(await probeSideFile(blobOf(pairing))).toEqual({
      fileName: "帮扶责任人结对.xlsx",
      bytes: fs.statSync(pairing).size,
      sheet: "帮扶责任人结对查询",
    });
    const session = new PageSession();
    expect((await session.open(blobOf(main))).ledgerSheet).toBe(MAIN_SHEET);
    const sideFiles = [blobOf(pairing), blobOf(previous)];
    const result = await session.check({ sheet: MAIN_SHEET, settings: EMPTY_SETTINGS, asOf: AS_OF, sideFiles });
    expect(json(result)).toEqual(expected);
    // What the pane shows above the findings, from the report alone (the page keeps no ledger).
    const notes = reportNotes(result.report);
    expect(notes.some((n) => n.startsWith("并入附表 帮扶责任人结对.xlsx（工作表“帮扶责任人结对查询”"))).toBe(true);
    expect(notes.some((n) => n.startsWith("另有1户不属方案所称的脱贫户"))).toBe(true);
    expect(result.report.layoutReason).toBe("按人登记：“与户主关系”列有16行是户主以外的成员");

    // 检查范围 in the settings is --include-monitored; a check with other sides or settings is not the cached one.
    const wide = await session.check({
      sheet: MAIN_SHEET,
      settings: { ...EMPTY_SETTINGS, includeMonitored: true },
      asOf: AS_OF,
      sideFiles,
    });
    expect(json(wide)).toEqual(await cliJson([main, "--with", pairing, "--with", previous, "--include-monitored"]));
    const alone = await session.check({ sheet: MAIN_SHEET, settings: EMPTY_SETTINGS, asOf: AS_OF });
    expect(json(alone)).toEqual(await cliJson([main]));

    // The summary workbook is made from the same joined check: its 检查结果 tab names the side ledgers.
    const generated = await session.generate({
      sheet: MAIN_SHEET,
      settings: EMPTY_SETTINGS,
      clock: new Date(2025, 11, 15, 9, 30),
      tabs: SUMMARY_KEYS,
      fullIds: false,
      sideFiles,
    });
    expect(json(generated.result)).toEqual(expected);
    const saved = path.join(dir(), "joined-summary.xlsx");
    fs.writeFileSync(saved, Buffer.from(generated.bytes));
    const cliOut = path.join(dir(), "joined-cli.xlsx");
    expect((await runCli(["summary", main, "--with", pairing, "--with", previous, "-o", cliOut, "--as-of", "2025-12-15"])).code).toBe(0);
    // Every part as `bangfu summary --with` writes it (only the generation time differs).
    const timeless = (t: string) => t.replace(/生成时间：[\d-]+ [\d:]+/g, "生成时间：…");
    const parts = async (file: string) => {
      const zip = await JSZip.loadAsync(fs.readFileSync(file));
      return Promise.all(Object.keys(zip.files).map(async (n) => [n, timeless(await zip.file(n)!.async("string"))]));
    };
    const pageParts = await parts(saved);
    const allText = pageParts.map(([, text]) => text).join("");
    expect(allText).toContain("并入附表 帮扶责任人结对.xlsx");
    expect(allText).toContain("并入附表 上年收入-全县全字段2024.xlsx");
    expect(pageParts).toEqual(await parts(cliOut));
  });

  test(
    "other sheets of the file as side ledgers: the same report, each named by its sheet; the " + "pane's own engine gives the same",
    async () => {
      const combined = path.join(dir(), "一个文件.xlsx");
      const [national, pairing, previous] = ["nationalMonitoring", "pairing", "previousIncome"].map((id) => fixtures[id]);
      await writeFixtureXlsx({ ...national, sheets: [...national.sheets, ...pairing.sheets, ...previous.sheets] }, combined);
      const sides = ["帮扶责任人结对查询", "全县全字段"];
      // The command line's report for the files, with each file named as its sheet is (the file's
      // name said 上年; the sheet's title says 2024).
      const byFiles = JSON.stringify(
        await cliJson([fixtureFile("nationalMonitoring"), "--with", fixtureFile("pairing"), "--with", fixtureFile("previousIncome")]),
      )
        .split("帮扶责任人结对.xlsx")
        .join("工作表“帮扶责任人结对查询”")
        .split("上年收入-全县全字段2024.xlsx")
        .join("工作表“全县全字段”")
        .replace("标题或名称写明是上年，", "标题或名称写明2024年，早于本次检查的2025年，");
      const session = new PageSession();
      await session.open(blobOf(combined));
      const page = await session.check({ sheet: MAIN_SHEET, settings: EMPTY_SETTINGS, asOf: AS_OF, sides });
      expect(json(page)).toEqual(JSON.parse(byFiles));
      expect(page.report.joins.map((j) => [j.source, j.role, j.matched])).toEqual([
        ["工作表“帮扶责任人结对查询”", "pairing", 8],
        ["工作表“全县全字段”", "lastYear", 10],
      ]);

      // The pane in Excel / WPS: the host's cells, the same engine call.
      const cells = await Promise.all(
        [MAIN_SHEET, ...sides].map(async (name) => (await readLedgerSheetFromFile(combined, { sheetName: name })).sheet!),
      );
      const host = new MemoryWorkbookHost(cells.map((c) => ({ name: c.name, cells: c.cells, merges: c.merges })));
      const pane = await hostEngine(host).check({ sheet: MAIN_SHEET, settings: EMPTY_SETTINGS, asOf: AS_OF, sides });
      expect(json(pane)).toEqual(json(page));
      expect(pane.households).toEqual(page.households);
      // The result keeps household labels, not the ledger.
      expect(Object.keys(pane).sort()).toEqual(["asOf", "columns", "households", "policy", "report", "sheet"]);
    },
  );

  test("a side file without a ledger is refused when it is chosen, naming it", async () => {
    const notes = await workbookWith({ 说明: [["这里没有台账"]] }, "说明.xlsx");
    await expect(probeSideFile(blobOf(notes))).rejects.toThrow("附表 说明.xlsx 中没有找到可并入的台账工作表");
    const session = new PageSession();
    await session.open(blobOf(fixtureFile("nationalMonitoring")));
    await expect(session.check({ sheet: MAIN_SHEET, settings: EMPTY_SETTINGS, asOf: AS_OF, sideFiles: [blobOf(notes)] })).rejects.toThrow(
      "附表 说明.xlsx 中没有找到可并入的台账工作表",
    );
  });
});

/** A small ledger's header, for the limit tests. */
const HEADER = ["户编号", "户主姓名", "人均纯收入", "帮扶责任人"];
const blobOfBytes = (bytes: Uint8Array, name: string): NamedBlob => Object.assign(new Blob([new Uint8Array(bytes)]), { name });
/** The message the page shows: the worker's failure as it crosses to the page. */
const shown = async (work: Promise<unknown>): Promise<Error> => {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (error === null) throw new Error("expected a refusal");
  return deserializeError(JSON.parse(JSON.stringify(serializeError(error, isFileError))));
};

describe("the reader's limits in the page's worker (the command line's, from the same module)", () => {
  test(
    "a sheet part that declares 2.9 GB: the file opens, the check is refused before inflating, " +
      "with the size, the limit and what to do",
    async () => {
      const zip = declareSize(
        buildXlsx({ sheets: [{ name: "台账", rows: [HEADER, ["H1", "张三", 9000, "干部甲"]] }] }),
        "xl/worksheets/sheet1.xml",
        2_900_000_000,
      );
      const session = new PageSession();
      const opened = await session.open(blobOfBytes(zip, "巨大.xlsx"));
      expect(opened.sheets).toEqual(["台账"]);
      const error = await shown(session.check({ sheet: "台账", settings: EMPTY_SETTINGS, asOf: AS_OF }));
      expect(error).toBeInstanceOf(PageFileError);
      expect(error.message).toContain("2,766 MB");
      expect(error.message).toContain("上限 2,048 MB");
      expect(error.message).toContain("拆成");
    },
  );

  test(
    "a part larger than it declares is stopped while inflating, at the limit given (lowered " + "here; the default is the command line's)",
    async () => {
      const rows = Array.from({ length: 300 }, (_, i) => [`H${i}`, `户主${i}`, 12000, "干部甲"]);
      const zip = declareSize(buildXlsx({ sheets: [{ name: "台账", rows: [HEADER, ...rows] }] }), "xl/worksheets/sheet1.xml", 100);
      const session = new PageSession({ sheetPartBytes: 4000 });
      await session.open(blobOfBytes(zip, "小.xlsx"));
      const error = await shown(session.check({ sheet: "台账", settings: EMPTY_SETTINGS, asOf: AS_OF }));
      expect(error).toBeInstanceOf(PageFileError);
      expect(error.message).toContain("超过 BANGFU 可读取的上限");
      // Without the lowered limit the same file is read whole.
      const whole = new PageSession();
      await whole.open(blobOfBytes(zip, "小.xlsx"));
      expect((await whole.check({ sheet: "台账", settings: EMPTY_SETTINGS, asOf: AS_OF })).report.households).toBe(300);
    },
  );

  test("a row beyond Excel's last row (1,048,576): refused with that limit, in Chinese", async () => {
    const xml =
      `<worksheet xmlns="http:` +
      `//schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row ` +
      `r="1">${HEADER.map((h) => `<c t="inlineStr"><is><t>${h}</t></is></c>`).join("")}</row><row ` +
      `r="2"><c t="inlineStr"><is><t>H1</t></is></c></row><row r="1048577"><c ` +
      `r="A1048577"><v>1</v></c></row></sheetData></worksheet>`;
    const session = new PageSession();
    await session.open(blobOfBytes(buildXlsx({ sheets: [{ name: "台账", xml }] }), "行太多.xlsx"));
    const error = await shown(session.check({ sheet: "台账", settings: EMPTY_SETTINGS, asOf: AS_OF }));
    expect(error).toBeInstanceOf(PageFileError);
    expect(error.message).toContain("第 1,048,577 行，超过了 Excel 的上限 1,048,576 行");
  });
});

describe("the page's memory guard: the budget the page derives from the browser's heap limit, in the worker's reader", () => {
  const MB = 1024 * 1024;
  const ledgerRows = (n: number) => Array.from({ length: n }, (_, i) => [`H${i + 1}`, `户主${i + 1}`, 12000 + (i % 7), "干部甲"]);
  const ledgerFile = (rows: number, name: string) =>
    blobOfBytes(buildXlsx({ sheets: [{ name: "台账", rows: [HEADER, ...ledgerRows(rows)] }] }), name);
  const check = (session: PageSession, sheet = "台账", sides: string[] = []) =>
    session.check({ sheet, settings: EMPTY_SETTINGS, asOf: AS_OF, sides });

  test(
    "the budget: rows and shared strings from the heap limit less the reserve; none where the browser gives no limit " +
      "(Node has no performance.memory)",
    () => {
      for (const limit of [undefined, null, "662000000", NaN, Infinity, 0, -1]) expect(memoryBudgetOf(limit)).toBeNull();
      expect(pageMemoryBudget()).toBeNull();
      // A 2 GB office PC: V8's default old generation is a quarter of the memory; Chromium then reports about 662 MB.
      const pc = memoryBudgetOf(662_000_000)!;
      expect(pc.heapLimit).toBe(662_000_000);
      expect(pc.rows * PAGE_ROW_BYTES).toBeLessThanOrEqual(662_000_000 - PAGE_HEAP_RESERVE);
      expect((pc.rows + 1) * PAGE_ROW_BYTES).toBeGreaterThan(662_000_000 - PAGE_HEAP_RESERVE);
      expect(pc.sharedStrings).toBeGreaterThan(pc.rows);
      // Chromium's default on a larger machine (about 3,760 MB): more than Excel's 1,048,576 rows.
      expect(memoryBudgetOf(3_760_000_000)!.rows).toBeGreaterThan(1_048_576);
      expect(memoryBudgetOf(PAGE_HEAP_RESERVE / 2)!.rows).toBe(0);
    },
  );

  test(
    "a sheet beyond the budget is refused while it is read: the row, the browser's limit, the rows it allows, what to do; " +
      "the next file is checked",
    async () => {
      const budget = memoryBudgetOf(PAGE_HEAP_RESERVE + 4096 * PAGE_ROW_BYTES)!;
      expect(budget.rows).toBe(4096);
      const session = new PageSession();
      session.useMemoryBudget(budget);
      await session.open(ledgerFile(8000, "大台账.xlsx"));
      const error = await shown(check(session));
      expect(error).toBeInstanceOf(HostError);
      expect((error as HostError).kind).toBe("payloadTooLarge");
      // Checked every 2,048 rows: row 6,144 is the first check past 4,096.
      expect(error.message).toBe(
        `大台账.xlsx 的工作表“台账”太大：读到第 6,144 行时已接近浏览器给本页面的内存上限（约 ${Math.round(budget.heapLimit / MB)} MB，` +
          "约可检查 4,096 行台账），再读下去页面会崩溃，因此停止读取。请按乡镇或村把台账拆成几个文件分别检查；" +
          "或在内存更大的电脑上检查，或用命令行 bangfu check（可给它更多内存）",
      );
      // The page stays usable: a smaller file, then the sample, in the same worker with the same budget.
      await session.open(ledgerFile(3000, "小台账.xlsx"));
      expect((await check(session)).report.households).toBe(3000);
      await session.open(blobOf(SAMPLE));
      const sample = await check(session, "脱贫人口明细");
      const cli = JSON.parse((await runCli(["check", SAMPLE, "--json", "--as-of", "2025-12-15"])).stdout) as { households: number };
      expect(sample.report.households).toBe(cli.households);
      // Without a budget (a browser that tells no heap limit) the large file is read whole.
      const unguarded = new PageSession();
      await unguarded.open(ledgerFile(8000, "大台账.xlsx"));
      expect((await check(unguarded)).report.households).toBe(8000);
    },
  );

  test("side ledgers count against the same budget: the rows of the sheet already read are added", async () => {
    const zip = buildXlsx({
      sheets: [
        { name: "台账", rows: [HEADER, ...ledgerRows(3000)] },
        { name: "结对", rows: [HEADER, ...ledgerRows(3000)] },
      ],
    });
    const session = new PageSession();
    session.useMemoryBudget(memoryBudgetOf(PAGE_HEAP_RESERVE + 4000 * PAGE_ROW_BYTES));
    await session.open(blobOfBytes(zip, "两表.xlsx"));
    expect((await check(session)).report.households).toBe(3000); // alone it fits
    const error = await shown(check(session, "台账", ["结对"]));
    expect(error.message).toContain("两表.xlsx 的工作表“结对”太大：读到第 2,048 行时（连同已读入的其他工作表共 4,096 行）已接近");
    expect(error.message).toContain("约可检查 4,000 行台账");
  });

  test("shared strings beyond the budget: refused as the file is opened, saying so", async () => {
    const items = Array.from({ length: 50_000 }, (_, i) => `<si><t>文字${i}</t></si>`).join("");
    const zip = buildXlsx({
      sharedStringsXml: `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${items}</sst>`,
      sheets: [{ name: "台账", rows: [HEADER, ...ledgerRows(10)] }],
    });
    const session = new PageSession();
    session.useMemoryBudget({ heapLimit: 200 * MB, rows: 1_000_000, sharedStrings: 1000 });
    const error = await shown(session.open(blobOfBytes(zip, "字多.xlsx")));
    expect((error as HostError).kind).toBe("payloadTooLarge");
    expect(error.message).toMatch(
      /^字多\.xlsx 的共享字符串（工作簿中不同文字的列表）太多：读到第 [\d,]+ 个时已接近浏览器给本页面的内存上限/,
    );
    session.useMemoryBudget(null);
    expect((await session.open(blobOfBytes(zip, "字多.xlsx"))).ledgerSheet).toBe("台账");
  });

  test("a summary is weighed before it is built: refused when its rows and findings need more than the limit, the check kept", async () => {
    const session = new PageSession();
    const request = { sheet: "台账", settings: EMPTY_SETTINGS, clock: new Date(2025, 11, 15, 9, 30), tabs: SUMMARY_KEYS, fullIds: false };
    // Enough for the check of 8,000 rows, not for a summary of them.
    session.useMemoryBudget({ heapLimit: summaryBytes(2048, 0), rows: 10_000, sharedStrings: 1_000_000 });
    await session.open(ledgerFile(8000, "大台账.xlsx"));
    const checked = await check(session);
    const findings = checked.report.findings.length;
    const error = await shown(session.generate(request));
    expect((error as HostError).kind).toBe("payloadTooLarge");
    expect(error.message).toBe(
      `大台账.xlsx 的工作表“台账”约 6,144 行、${findings.toLocaleString("en-US")} 条问题，生成汇总估计要用约 ` +
        `${Math.round(summaryBytes(6144, findings) / MB).toLocaleString("en-US")} MB 内存，超过浏览器给本页面的内存上限（约 ` +
        `${Math.round(summaryBytes(2048, 0) / MB)} MB），继续会使页面崩溃，因此没有生成（检查结果不受影响）。` +
        "请按乡镇或村把台账拆成几个文件分别生成汇总；或在内存更大的电脑上生成，或用命令行 bangfu summary（可给它更多内存）",
    );
    // With the limit of a larger machine the same session writes it.
    session.useMemoryBudget(memoryBudgetOf(3_760_000_000));
    expect((await session.generate(request)).written).toHaveLength(SUMMARY_KEYS.length);
  });
});
