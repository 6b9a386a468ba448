/**
 * The command line (issue 3 §3) on real .xlsx files written here with exceljs:
 * `bangfu check FILE.xlsx [--sheet NAME] [--as-of YYYY-MM-DD] [--policy FILE.json] [--json]`.
 */
import { CliRun, runCli, useTempDir } from "./support/cli";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { cleanHousehold, FULL_HEADER, letterOf, POLICY } from "./support/ledgerFixtures";

const REPO = path.resolve(__dirname, "..");
const dir = useTempDir("bangfu-cli-");

interface SheetSpec {
  readonly name: string;
  /** Rows from row 1; `null` leaves a row empty. */
  readonly rows: readonly (readonly unknown[] | null)[];
}

async function writeWorkbook(file: string, sheets: readonly SheetSpec[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const ws = workbook.addWorksheet(spec.name);
    spec.rows.forEach((row, i) => {
      if (row) ws.getRow(i + 1).values = [...row] as ExcelJS.CellValue[];
    });
  }
  const full = path.join(dir(), file);
  await workbook.xlsx.writeFile(full);
  return full;
}

function run(...argv: string[]): Promise<CliRun> {
  return runCli(argv);
}

const COVER: SheetSpec = { name: "封面", rows: [["某某街道脱贫户增收帮扶台账"], ["2025年度"], ["某某街道办事处"]] };

/**
 * Row 1 a title, row 2 the header, rows 3–4 a compliant household, rows 5–6 one that breaks M01 (no cadre, U5),
 * M02 (last visit 2025-05-01, V5) and M11 (a 100000 loan with risk compensation, AI5).
 */
const PROBLEM_ROWS = [
  ["2025年脱贫户增收帮扶台账"],
  [...FULL_HEADER],
  ...cleanHousehold("H001"),
  ...cleanHousehold("H002", { head: { 增收帮扶责任人: "", 最近走访日期: "2025-05-01", 齐鲁富民贷金额: 100000 } }),
];

/** Only a warning: H002's household bought no accident insurance (M09, J5). */
const WARNING_ROWS = [
  ["2025年脱贫户增收帮扶台账"],
  [...FULL_HEADER],
  ...cleanHousehold("H001"),
  ...cleanHousehold("H002", { head: { 意外伤害保险: "否" } }),
];

let problemFile: string;
let warningFile: string;
let cleanFile: string;

beforeAll(async () => {
  problemFile = await writeWorkbook("问题台账.xlsx", [COVER, { name: "台账", rows: PROBLEM_ROWS }]);
  warningFile = await writeWorkbook("warning.xlsx", [{ name: "台账", rows: WARNING_ROWS }]);
  cleanFile = await writeWorkbook("clean.xlsx", [{ name: "台账", rows: [[...FULL_HEADER], ...cleanHousehold("H001")] }]);
});

describe("文本输出：按规则分组，每条带单元格位置", () => {
  test("the fixture's columns: 增收帮扶责任人 is U, 最近走访日期 V, 富民贷风险补偿 AI", () => {
    expect([letterOf("增收帮扶责任人"), letterOf("最近走访日期"), letterOf("富民贷风险补偿"), letterOf("意外伤害保险")]).toEqual([
      "U",
      "V",
      "AI",
      "J",
    ]);
  });

  test("findings under their rule's heading, in catalogue order, each with 台账!cell; then the coverage", async () => {
    const { code, stdout } = await run("check", problemFile, "--as-of", "2025-06-30");
    expect(code).toBe(1);
    const lines = stdout.split("\n");
    const block = (id: string) => {
      const start = lines.findIndex((l) => l.startsWith(`[${id}] `));
      expect(start).toBeGreaterThan(-1);
      const end = lines.findIndex((l, i) => i > start && l === "");
      return lines.slice(start, end);
    };
    const m01 = block("M01");
    expect(m01[0]).toBe("[M01] 低收入户未明确增收帮扶责任人（方案二（一）3）：1 条");
    expect(m01).toHaveLength(2);
    expect(m01[1]).toContain("错误 台账!U5");
    expect(m01[1]).toContain("户编号 H002");
    const m02 = block("M02");
    expect(m02).toHaveLength(2);
    expect(m02[1]).toContain("台账!V5");
    expect(m02[1]).toContain("2025-05-01");
    const m11 = block("M11");
    expect(m11[1]).toContain("台账!AI5");
    expect(m11[1]).toContain("100,000元");
    const order = ["[M01]", "[M02]", "[M11]"].map((h) => lines.findIndex((l) => l.startsWith(h)));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(lines.filter((l) => l.startsWith("["))).toHaveLength(3);
    expect(stdout).toContain("结果：错误 3 条，警告 0 条，提示 0 条。");
    expect(stdout).toContain("工作表“台账”，表头在第2行，按人登记：2户、4人；检查日期 2025-06-30");
    expect(stdout).toContain("规则覆盖：运行 19 条，跳过 0 条。");
    expect(stdout).toContain("✓ M01 低收入户未明确增收帮扶责任人：1 条");
  });

  test("skipped rules are listed with the missing columns", async () => {
    const file = await writeWorkbook("minimal.xlsx", [
      {
        name: "台账",
        rows: [
          ["户编号", "户主姓名", "人均纯收入"],
          ["H001", "赵一", 12000],
        ],
      },
    ]);
    const { code, stdout } = await run("check", file, "--as-of", "2025-06-30");
    expect(code).toBe(0);
    expect(stdout).toContain("规则覆盖：运行 3 条，跳过 16 条。");
    expect(stdout).toMatch(/– M05 公益性岗位补贴低于当地小时最低工资标准：已跳过，缺少列：公益性岗位月工资、公益性岗位月工时/);
  });
});

describe("--json 输出", () => {
  test("exactly the documented keys; rows 1-based and column letters", async () => {
    const { code, stdout } = await run("check", problemFile, "--json", "--as-of", "2025-06-30");
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    // The keys, plus the check date, the policy year, the unconfirmed local parameters, why the
    // layout was read so, the households outside the plan's scope and the side ledgers joined.
    expect(Object.keys(json).sort()).toEqual(
      [
        "sheet",
        "headerRow",
        "layout",
        "layoutReason",
        "kind",
        "households",
        "persons",
        "outOfScope",
        "includeMonitored",
        "afterRemovalIncome",
        "joins",
        "rules",
        "findings",
        "asOf",
        "policyYear",
        "unconfirmedParameters",
      ].sort(),
    );
    expect(json).toMatchObject({ kind: "ledger", outOfScope: [], includeMonitored: false, afterRemovalIncome: [], joins: [] });
    expect(json.layoutReason).toMatch(/^按人登记/);
    expect(json).toMatchObject({
      sheet: "台账",
      headerRow: 2,
      layout: "person",
      households: 2,
      persons: 4,
      asOf: "2025-06-30",
      policyYear: 2025,
    });
    expect(json.unconfirmedParameters).toEqual(POLICY.unconfirmed);
    expect(json.rules).toHaveLength(19);
    for (const rule of json.rules) {
      expect(Object.keys(rule)).toEqual(expect.arrayContaining(["id", "clause", "severity", "status", "reason"]));
      expect(["ran", "skipped"]).toContain(rule.status);
    }
    expect(json.rules[0]).toMatchObject({ id: "D01", clause: "—", severity: "error", status: "ran", reason: null });
    for (const finding of json.findings) {
      expect(Object.keys(finding).sort()).toEqual(["clause", "column", "data", "household", "message", "row", "rule", "severity"]);
    }
    expect(json.findings).toEqual([
      {
        rule: "M01",
        severity: "error",
        clause: "二（一）3",
        household: "H002",
        row: 5,
        column: "U",
        message: expect.stringContaining("增收帮扶责任人"),
        data: { kind: "noCadre", perCapita: 10000, lowIncomeThreshold: 11000 },
      },
      {
        rule: "M02",
        severity: "error",
        clause: "二（一）3",
        household: "H002",
        row: 5,
        column: "V",
        message: expect.stringContaining("最近一次是2025-05-01"),
        data: {
          kind: "noRecentContact",
          lastContact: "2025-05-01",
          since: "2025-05-30",
          asOf: "2025-06-30",
          absentLongTerm: false,
          visitIntervalMonths: 1,
        },
      },
      {
        rule: "M11",
        severity: "error",
        clause: "二（七）14",
        household: "H002",
        row: 5,
        column: "AI",
        message: expect.stringContaining("100,000元"),
        data: { kind: "loanAboveLimit", loan: 100000, recorded: 1000, fuminLoanRiskCompensationLimit: 100000 },
      },
    ]);
  });

  test("a sheet-level finding has null row and column", async () => {
    const file = await writeWorkbook("no-income.xlsx", [
      {
        name: "台账",
        rows: [
          ["户编号", "户主姓名", "家庭人口数", "增收帮扶责任人"],
          ["H001", "赵一", 3, "钱干部"],
        ],
      },
    ]);
    const { code, stdout } = await run("check", file, "--json", "--as-of", "2025-06-30");
    expect(code).toBe(1);
    expect(JSON.parse(stdout).findings).toEqual([
      {
        rule: "D01",
        severity: "error",
        clause: "—",
        household: null,
        row: null,
        column: null,
        message: expect.stringContaining("人均纯收入"),
        data: { kind: "noIncomeColumns" },
      },
    ]);
  });

  test("a skipped rule in JSON carries its reason", async () => {
    const file = await writeWorkbook("minimal-json.xlsx", [
      {
        name: "台账",
        rows: [
          ["户编号", "户主姓名", "人均纯收入"],
          ["H001", "赵一", 12000],
        ],
      },
    ]);
    const json = JSON.parse((await run("check", file, "--json", "--as-of", "2025-06-30")).stdout);
    const m13 = json.rules.find((r: { id: string }) => r.id === "M13");
    expect(m13).toMatchObject({ id: "M13", clause: "一", severity: "error", status: "skipped" });
    expect(m13.reason).toContain("上年人均纯收入");
  });
});

describe("退出码", () => {
  test("0 when there is no error-level finding, even with a warning", async () => {
    const { code, stdout } = await run("check", warningFile, "--json", "--as-of", "2025-06-30");
    expect(code).toBe(0);
    expect(JSON.parse(stdout).findings).toEqual([
      {
        rule: "M09",
        severity: "warning",
        clause: "二（七）15",
        household: "H002",
        row: 5,
        column: "J",
        message: expect.stringContaining("意外伤害"),
        data: { kind: "noAccidentInsurance" },
      },
    ]);
  });

  test("0 for a clean ledger", async () => {
    const { code, stdout } = await run("check", cleanFile, "--as-of", "2025-06-30");
    expect(code).toBe(0);
    expect(stdout).toContain("结果：错误 0 条，警告 0 条，提示 0 条。");
  });

  test("1 with one error-level finding", async () => {
    const file = await writeWorkbook("one-error.xlsx", [
      { name: "台账", rows: [[...FULL_HEADER], ...cleanHousehold("H001", { head: { 收入分层: "中等收入" } })] },
    ]);
    const { code, stdout } = await run("check", file, "--json", "--as-of", "2025-06-30");
    expect(code).toBe(1);
    expect(JSON.parse(stdout).findings.map((f: { rule: string; row: number; column: string }) => [f.rule, f.row, f.column])).toEqual([
      ["D06", 2, "S"],
    ]);
  });

  test("2 for a missing file: 找不到文件", async () => {
    const missing = path.join(dir(), "不存在.xlsx");
    const { code, stdout, stderr } = await run("check", missing);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("找不到文件");
    expect(stderr).toContain(missing);
  });

  test("2 for a text file renamed .xlsx: 不是 .xlsx", async () => {
    const fake = path.join(dir(), "notes.xlsx");
    fs.writeFileSync(fake, "户编号,人均纯收入\nH001,5000\n", "utf8");
    const { code, stdout, stderr } = await run("check", fake);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("不是 .xlsx");
  });

  test("2 for a workbook without a ledger sheet: the message says no 台账 was found and why", async () => {
    const file = await writeWorkbook("no-ledger.xlsx", [COVER, { name: "说明", rows: [["填表说明"], ["1. 人均纯收入按年计算"]] }]);
    const { code, stdout, stderr } = await run("check", file);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("没有找到台账");
    expect(stderr).toContain("封面");
    expect(stderr).toContain("说明");
  });

  test("2 for an unknown --sheet, listing the sheets there are", async () => {
    const { code, stdout, stderr } = await run("check", problemFile, "--sheet", "花名册");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("花名册");
    expect(stderr).toContain("“封面”");
    expect(stderr).toContain("“台账”");
  });
});

describe("选择工作表", () => {
  test("without --sheet the first ledger-looking sheet is checked and stderr names it", async () => {
    const { code, stdout, stderr } = await run("check", problemFile, "--json", "--as-of", "2025-06-30");
    expect(code).toBe(1);
    expect(JSON.parse(stdout).sheet).toBe("台账");
    expect(stderr).toContain("检查工作表“台账”");
    expect(stderr).toContain("已跳过：“封面”");
  });

  test("a cover sheet whose rows skip past the probe (a note far below the title) is still passed over", async () => {
    const cover: SheetSpec = {
      name: "封面",
      rows: [["某某街道脱贫户增收帮扶台账"], ["2025年度"], ...Array.from({ length: 25 }, () => null), ["制表：某某街道"]],
    };
    const file = await writeWorkbook("gap-cover.xlsx", [cover, { name: "台账", rows: PROBLEM_ROWS }]);
    const { code, stdout, stderr } = await run("check", file, "--json", "--as-of", "2025-06-30");
    expect({ code, stderr }).toEqual({ code: 1, stderr: expect.stringContaining("检查工作表“台账”") });
    expect(JSON.parse(stdout).sheet).toBe("台账");
  });

  test("a sheet with a ledger-like header but no household key (a roster) is passed over too", async () => {
    const roster: SheetSpec = {
      name: "花名册",
      rows: [
        ["证件号码", "姓名", "人均纯收入", "年龄"],
        ["370402197001011234", "赵一", 5000, 55],
      ],
    };
    const file = await writeWorkbook("roster-first.xlsx", [roster, { name: "台账", rows: PROBLEM_ROWS }]);
    const { code, stdout, stderr } = await run("check", file, "--json", "--as-of", "2025-06-30");
    expect({ code, stderr }).toEqual({ code: 1, stderr: expect.stringContaining("检查工作表“台账”（已跳过：“花名册”") });
    expect(JSON.parse(stdout).sheet).toBe("台账");
  });

  test("--sheet picks the named sheet", async () => {
    const file = await writeWorkbook("two-ledgers.xlsx", [
      {
        name: "2024台账",
        rows: [
          ["户编号", "户主姓名", "人均纯收入", "增收帮扶责任人"],
          ["H001", "赵一", 5000, ""],
        ],
      },
      {
        name: "2025台账",
        rows: [
          ["户编号", "户主姓名", "人均纯收入", "增收帮扶责任人"],
          ["H001", "赵一", 12000, ""],
        ],
      },
    ]);
    const first = await run("check", file, "--json", "--as-of", "2025-06-30");
    expect(JSON.parse(first.stdout).sheet).toBe("2024台账");
    expect(first.code).toBe(1);
    const named = await run("check", file, "--sheet", "2025台账", "--json", "--as-of", "2025-06-30");
    expect(JSON.parse(named.stdout)).toMatchObject({ sheet: "2025台账", findings: [] });
    expect(named.code).toBe(0);
  });
});

describe("--as-of 与 --policy", () => {
  test("--as-of moves the month M02 looks at", async () => {
    const late = JSON.parse((await run("check", problemFile, "--json", "--as-of", "2025-06-30")).stdout);
    const early = JSON.parse((await run("check", problemFile, "--json", "--as-of", "2025-05-20")).stdout);
    const m02 = (json: { findings: { rule: string; household: string }[] }) =>
      json.findings.filter((f) => f.rule === "M02").map((f) => f.household);
    expect(m02(late)).toEqual(["H002"]);
    expect(m02(early)).toEqual([]);
    expect(early.asOf).toBe("2025-05-20");
  });

  test("--policy with a JSON file raising lowIncomeThreshold changes the tiers", async () => {
    const file = await writeWorkbook("tiers.xlsx", [
      {
        name: "台账",
        rows: [
          ["户编号", "户主姓名", "人均纯收入", "收入分层", "增收帮扶责任人"],
          ["H001", "赵一", 11500, "中等收入", ""],
        ],
      },
    ]);
    const policyFile = path.join(dir(), "policy.json");
    fs.writeFileSync(policyFile, JSON.stringify({ description: "测试", years: { "2025": { lowIncomeThreshold: 12000 } } }), "utf8");
    const shipped = await run("check", file, "--json", "--as-of", "2025-06-30");
    expect(shipped.code).toBe(0);
    expect(JSON.parse(shipped.stdout).findings).toEqual([]);
    const raised = await run("check", file, "--json", "--as-of", "2025-06-30", "--policy", policyFile);
    expect(raised.code).toBe(1);
    const findings = JSON.parse(raised.stdout).findings;
    expect(findings.map((f: { rule: string }) => f.rule)).toEqual(["D06", "M01"]);
    expect(findings[0].message).toContain("应属“低收入”");
  });

  test("--policy without an entry for the check year says so on stderr", async () => {
    const file = await writeWorkbook("tiers-2024.xlsx", [
      {
        name: "台账",
        rows: [
          ["户编号", "户主姓名", "人均纯收入"],
          ["H001", "赵一", 11500],
        ],
      },
    ]);
    const policyFile = path.join(dir(), "policy-2024.json");
    fs.writeFileSync(policyFile, JSON.stringify({ years: { "2024": { lowIncomeThreshold: 12000 } } }), "utf8");
    const result = await run("check", file, "--as-of", "2025-06-30", "--policy", policyFile);
    expect(result.stderr).toContain("没有2025年的参数（只有2024年）");
    const matching = await run("check", file, "--as-of", "2024-06-30", "--policy", policyFile);
    expect(matching.stderr).not.toContain("没有2024年的参数");
  });

  test("a bad policy file: exit 2 with every problem listed in Chinese", async () => {
    const file = await writeWorkbook("tiers2.xlsx", [
      {
        name: "台账",
        rows: [
          ["户编号", "户主姓名", "人均纯收入"],
          ["H001", "赵一", 11500],
        ],
      },
    ]);
    const policyFile = path.join(dir(), "bad-policy.json");
    fs.writeFileSync(policyFile, JSON.stringify({ years: { "2025": { lowIncomeThreshold: -5, lowIncomeThresold: 12000 } } }), "utf8");
    const { code, stdout, stderr } = await run("check", file, "--policy", policyFile, "--as-of", "2025-06-30");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(`参数文件 ${policyFile} 有 2 处问题`);
    expect(stderr).toContain("无法识别的参数“lowIncomeThresold”");
    expect(stderr).toContain("收到 -5");
  });

  test("a policy file that is not JSON, or missing: exit 2", async () => {
    const notJson = path.join(dir(), "policy.txt");
    fs.writeFileSync(notJson, "lowIncomeThreshold = 12000", "utf8");
    const bad = await run("check", cleanFile, "--policy", notJson);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("不是有效的 JSON");
    const missing = await run("check", cleanFile, "--policy", path.join(dir(), "none.json"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("文件不存在");
  });
});

describe("bin/bangfu.js", () => {
  test("node bin/bangfu.js check FILE --json: exit status and parseable JSON", () => {
    const result = spawnSync(
      process.execPath,
      [path.join(REPO, "bin", "bangfu.js"), "check", problemFile, "--json", "--as-of", "2025-06-30"],
      {
        cwd: REPO,
        encoding: "utf8",
      },
    );
    expect(result.stderr).toContain("检查工作表“台账”");
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.sheet).toBe("台账");
    expect(json.findings.map((f: { rule: string; row: number; column: string }) => `${f.rule}@${f.column}${f.row}`)).toEqual([
      "M01@U5",
      "M02@V5",
      "M11@AI5",
    ]);
  });

  test("a missing file exits 2 from the real process too", () => {
    const result = spawnSync(process.execPath, [path.join(REPO, "bin", "bangfu.js"), "check", path.join(dir(), "none.xlsx")], {
      cwd: REPO,
      encoding: "utf8",
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("找不到文件");
  });
});

describe("progress on stderr", () => {
  const runWith = (stderrIsTTY: boolean, ...argv: string[]) => runCli(argv, { stderrIsTTY });

  test("a large file shows rows read when stderr is a terminal, and nothing of it otherwise", async () => {
    const rows: unknown[][] = [["户编号", "户主姓名", "人均纯收入"]];
    for (let i = 1; i <= 12_000; i++) rows.push([`H${i}`, `户主${i}`, 12000]);
    const file = await writeWorkbook("large.xlsx", [{ name: "台账", rows }]);
    const terminal = await runWith(true, "check", file, "--as-of", "2025-06-30");
    expect(terminal.code).toBe(0);
    expect(terminal.stderr).toContain("已读取 5000 行");
    expect(terminal.stderr).toContain("已读取 10000 行");
    // The progress line is erased before the next message.
    expect(terminal.stderr).toMatch(/已读取 10000 行…\r\u001b\[K检查工作表/);
    const piped = await runWith(false, "check", file, "--as-of", "2025-06-30");
    expect(piped.stderr).not.toContain("已读取");
    // Writes and reads a 12,000-row workbook twice: about a second idle, many on a busy machine.
  }, 120_000);
});
