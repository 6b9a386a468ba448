/**
 * `--policy FILE` is checked before it is read: a device (/dev/zero), a FIFO, a folder or a file
 * over the 1 MB limit is refused at once with the limit stated; UTF-16 with a BOM is read;
 * JSON mistakes and 1e999 are reported in Chinese, with the place and the value as written.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { jsonSyntaxProblem, parsePolicyFile, POLICY_FILE_MAX_BYTES, PolicyFileError } from "../../src/policy";
import { runCli, useTempDir } from "../support/cli";
import { thrown } from "../support/thrown";
import { runBin, writeLedger } from "./fixtures";

const dir = useTempDir("bangfu-policy-");
const POLICY = { description: "本地参数", years: { "2025": { hourlyMinimumWage: 21, confirm: ["farmersIncomeGrowth"] } } };
let ledger = "";

beforeAll(async () => {
  ledger = await writeLedger(path.join(dir(), "台账.xlsx"));
});

/** The problems of the PolicyFileError a text gives. */
function problemsOf(text: string): readonly string[] {
  const error = thrown(() => parsePolicyFile(text, "p.json"));
  expect(error).toBeInstanceOf(PolicyFileError);
  return (error as PolicyFileError).problems;
}

describe("what --policy names is checked before it is read (in a child process, killed if it blocks)", () => {
  test("/dev/zero: refused as a device at once, not read until memory runs out", () => {
    const result = runBin(["check", ledger, "--as-of", "2025-06-30", "--policy", "/dev/zero"], { timeoutMs: 60_000 });
    expect(result.signal).toBeNull();
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("不是普通文件（是一个设备）");
  }, 90_000);

  test("a FIFO: refused as a pipe, not waited on", () => {
    const fifo = path.join(dir(), "policy.fifo");
    execFileSync("mkfifo", [fifo]);
    const result = runBin(["check", ledger, "--as-of", "2025-06-30", "--policy", fifo], { timeoutMs: 60_000 });
    expect(result.signal).toBeNull();
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("不是普通文件（是一个管道）");
  }, 90_000);
});

describe("limits and kinds, in process", () => {
  test("a file over 1 MB is refused by its size, which the message states with the limit", async () => {
    const huge = path.join(dir(), "huge.json");
    fs.writeFileSync(huge, "");
    fs.truncateSync(huge, 3 * 1024 * 1024); // sparse: no 3 MB written
    const result = await runCli(["check", ledger, "--policy", huge]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("文件有 3 MB，超过上限 1 MB");
    expect(POLICY_FILE_MAX_BYTES).toBe(1024 * 1024);
  });

  test("a folder is refused as a folder", async () => {
    const result = await runCli(["check", ledger, "--policy", dir()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/是一个文件夹|这是一个文件夹/);
  });

  test("a text over the limit handed to parsePolicyFile (the task pane's saved copy) is refused too", () => {
    expect(problemsOf(" ".repeat(POLICY_FILE_MAX_BYTES + 1))[0]).toContain("超过上限 1 MB");
  });
});

describe("encodings", () => {
  const text = JSON.stringify(POLICY, null, 2);

  test.each<[string, Buffer]>([
    ["UTF-16 LE with a BOM (Notepad's Unicode)", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])],
    ["UTF-16 BE with a BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()])],
    ["UTF-8 with a BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")])],
  ])("%s is read: the wage it sets is used", async (_label, bytes) => {
    const file = path.join(dir(), `enc-${bytes[0]}-${bytes[1]}.json`);
    fs.writeFileSync(file, bytes);
    const result = await runCli(["check", ledger, "--as-of", "2025-06-30", "--policy", file, "--json"]);
    expect(result.stderr).not.toContain("JSON");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).unconfirmedParameters).toEqual([]);
  });

  test("GBK bytes (not UTF-8) are refused with how to re-save", async () => {
    const file = path.join(dir(), "gbk.json");
    // "说明" in GBK is C B5 B5 C3 / 0xCB 0xB5 0xC3 0xF7: invalid as UTF-8.
    fs.writeFileSync(
      file,
      Buffer.concat([Buffer.from('{"description":"'), Buffer.from([0xcb, 0xb5, 0xc3, 0xf7]), Buffer.from('","years":{}}')]),
    );
    const result = await runCli(["check", ledger, "--policy", file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("不是 UTF-8 编码");
  });
});

describe("JSON mistakes are explained in Chinese with their place; no English from JSON.parse", () => {
  test.each<[string, string, string]>([
    ["a trailing comma", '{\n  "years": {\n    "2025": { "hourlyMinimumWage": 21, }\n  }\n}', "第3行第40列的“}”前多了一个逗号"],
    ["Chinese quotes", '{"years": {"2025": {“hourlyMinimumWage”: 21}}}', "中文标点““”"],
    ["a full-width comma", '{"years": {"2025": {"hourlyMinimumWage": 21，"confirm": []}}}', "中文标点“，”"],
    ["a missing comma", '{"description": "x"\n "years": {}}', "第2行第2列前一项后面缺少英文逗号"],
    ["a comment", '{\n// 本地参数\n"years": {}}', "第2行第1列有注释"],
    ["an unquoted name", "{years: {}}", "应为用英文双引号括起的参数名"],
    ["a missing colon", '{"years" {}}', "参数名后面缺少英文冒号"],
    ["a missing bracket", '{"years": {"2025": {}}', "文件意外结束"],
    ["something after the object", '{"years": {}} x', "后面还有多余的内容"],
    ["an empty file", "", "文件意外结束"],
  ])("%s", (_label, text, expected) => {
    const [problem] = problemsOf(text);
    expect(problem).toContain("不是有效的 JSON");
    expect(problem).toContain(expected);
    expect(problem).not.toMatch(/Unexpected|Expected|position|JSON at/);
  });

  test("jsonSyntaxProblem says something Chinese even for a message it does not know", () => {
    expect(jsonSyntaxProblem("{", new Error("something else"))).toBe("内容不符合 JSON 格式，请对照 README 中的示例检查括号、引号和逗号");
  });
});

describe("1e999 is reported as written, not as null", () => {
  test("the literal and the accepted range are named", () => {
    const [problem] = problemsOf('{"years": {"2025": {"lowIncomeThreshold": 1e999}}}');
    expect(problem).toContain("1e999");
    expect(problem).toContain("超出可表示的范围");
    expect(problem).toContain("0 至 1000000");
    expect(problem).not.toContain("null");
  });

  test("-1e999 and an already parsed ∞ too", () => {
    expect(problemsOf('{"years": {"2025": {"hourlyMinimumWage": -1e999}}}')[0]).toContain("-1e999");
    const parsed = thrown(() => parsePolicyFile({ years: { "2025": { hourlyMinimumWage: Infinity } } }, "settings")) as PolicyFileError;
    expect(parsed.problems[0]).toContain("超出可表示的范围");
    expect(parsed.problems[0]).not.toContain("null");
  });
});
