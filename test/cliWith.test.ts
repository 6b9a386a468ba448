/**
 * The command line with side ledgers and scope, on the real-layout fixtures written to .xlsx:
 * `check … --with …`, `summary … --with …`, `--include-monitored`, `rank` without the households
 * outside the plan's scope, and one JSON error object on stdout when `check --json` cannot check.
 */
import * as path from "node:path";
import ExcelJS from "exceljs";
import { rankStreets } from "../src/summaries/ranking";
import { resolvePolicy } from "../src/policy";
import { readLedger } from "../src/ledger";
import { runCli, useTempDir } from "./support/cli";
import { CHECK_DATE, mainSheet, realLayoutFixtures, writeFixtureXlsx } from "./support/realLedgers";

const dir = useTempDir("bangfu-cli-with-");
const fixtures = realLayoutFixtures();
const file = (id: string) => path.join(dir(), fixtures[id].fileName);
const AS_OF = ["--as-of", "2025-12-15"];

beforeAll(async () => {
  for (const fixture of Object.values(fixtures)) await writeFixtureXlsx(fixture, file(fixture.id));
}, 60_000);

describe("bangfu check --with", () => {
  test(
    "the text report names each side ledger, the key it was joined by and the facts it gave; " + "findings say where a fact came from",
    async () => {
      const run = await runCli([
        "check",
        file("nationalMonitoring"),
        "--with",
        file("pairing"),
        "--with",
        file("previousIncome"),
        ...AS_OF,
      ]);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain("并入附表 帮扶责任人结对.xlsx（工作表“帮扶责任人结对查询”，帮扶责任人结对");
      expect(run.stdout).toContain("按户主证件号码对上8户，8户取得了：增收帮扶责任人。");
      expect(run.stdout).toContain("并入附表 上年收入-全县全字段2024.xlsx（工作表“全县全字段”，上年收入");
      expect(run.stdout).toContain("按户编号对上10户，10户取得了：上年人均纯收入。");
      expect(run.stdout).toMatch(/M13[\s\S]*（上年人均纯收入取自 上年收入-全县全字段2024\.xlsx）/);
      expect(run.stdout).toContain("读法：按人登记：“与户主关系”列有16行是户主以外的成员。");
      expect(run.stdout).toMatch(/另有1户不属方案所称的脱贫户.*3704021010010006.*一般农户，突发严重困难户，风险已消除/);
      expect(run.stdout).toContain("1户风险已消除，按“风险消除后家庭人均纯收入”分层和比较");
    },
  );

  test("a side file with no ledger in it stops the check (exit 2), naming the file", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("说明").getCell("A1").value = "这里没有台账";
    const notes = path.join(dir(), "说明.xlsx");
    await workbook.xlsx.writeFile(notes);
    const run = await runCli(["check", file("nationalMonitoring"), "--with", notes, ...AS_OF]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`附表 ${notes} 中没有找到可并入的台账工作表`);
  });

  test("a pairing export checked alone: no D01, and the report says to join it with --with", async () => {
    const run = await runCli(["check", file("pairing"), ...AS_OF]);
    expect(run.stdout).toContain(
      "注意：本表是帮扶责任人结对表，没有收入，不单独检查增收情况。请把它作为附表并入主台账检查：bangfu check 主台账.xlsx --with 本表.xlsx",
    );
    expect(run.stdout).not.toMatch(/\[D01\]/);
    expect(run.stdout).toContain("读法：帮扶责任人结对表：每行是一次结对，同一户的几行是结对的历史");
  });

  test("--include-monitored counts the monitored household whose risk was removed, and says nothing of households apart", async () => {
    const plain = JSON.parse((await runCli(["check", file("nationalMonitoring"), ...AS_OF, "--json"])).stdout);
    const wide = JSON.parse((await runCli(["check", file("nationalMonitoring"), ...AS_OF, "--json", "--include-monitored"])).stdout);
    expect(plain.outOfScope).toEqual([{ household: "3704021010010006", row: 18, reason: "一般农户，突发严重困难户，风险已消除" }]);
    expect(plain.includeMonitored).toBe(false);
    expect(wide).toMatchObject({ outOfScope: [], includeMonitored: true });
    // 户6 is then checked against the plan: its after-removal income (16800) is high, it has no measure.
    expect(
      wide.findings.filter((f: { household: string }) => f.household === "3704021010010006").map((f: { rule: string }) => f.rule),
    ).toEqual(["M03"]);
    expect(plain.findings.filter((f: { household: string }) => f.household === "3704021010010006")).toEqual([]);
  });

  test("summary --with: the 检查结果 tab's notes say which facts came from which file", async () => {
    const out = path.join(dir(), "汇总.xlsx");
    const run = await runCli(["summary", file("nationalMonitoring"), "--with", file("pairing"), "-o", out, ...AS_OF]);
    expect(run.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const texts: string[] = [];
    workbook.getWorksheet("检查结果")?.eachRow((row) => row.eachCell((cell) => void texts.push(String(cell.value))));
    expect(texts.some((t) => t.startsWith("并入附表 帮扶责任人结对.xlsx"))).toBe(true);
    expect(texts.some((t) => t.startsWith("另有1户不属方案所称的脱贫户"))).toBe(true);
  }, 60_000);
});

describe("bangfu check --json when the file cannot be checked", () => {
  test.each([
    ["a missing file", ["nothere.xlsx"], "file", /找不到文件：nothere\.xlsx/],
    ["a sheet without a ledger", ["@govybh", "--sheet", "不存在"], "ledgerNotFound", /没有名为“不存在”的工作表/],
    ["a bad date", ["@nationalMonitoring", "--as-of", "明天"], "usage", /--as-of/],
    ["no file at all", [], "usage", /请给出一个要检查的 \.xlsx 文件/],
  ])("%s: exit 2, one JSON error object on stdout, the message on stderr too", async (_what, args, kind, message) => {
    const argv = ["check", ...args.map((a) => (a.startsWith("@") ? file(a.slice(1)) : a)), "--json"];
    const run = await runCli(argv);
    expect(run.code).toBe(2);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual(["error"]);
    expect(json.error).toEqual({ kind, message: expect.stringMatching(message), exitCode: 2 });
    expect(run.stderr).toMatch(message);
  });
});

describe("rank counts the plan's 脱贫户 only", () => {
  test("a street's general household whose risk was removed is not ranked; with includeMonitored it is", () => {
    const ledger = readLedger(mainSheet(fixtures.nationalMonitoring));
    const policy = resolvePolicy(2025);
    const plain = rankStreets([{ ledger, source: "a.xlsx", fallbackName: "a" }], { policy, asOf: CHECK_DATE });
    const wide = rankStreets([{ ledger, source: "a.xlsx", fallbackName: "a" }], {
      policy,
      asOf: CHECK_DATE,
      scope: { includeMonitored: true },
    });
    expect(plain.streets[0].households).toBe(9);
    expect(wide.streets[0].households).toBe(10);
  });
});
