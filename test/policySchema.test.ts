/**
 * docs/policy.schema.json and the policy file reader agree: a file the schema accepts is read,
 * a mistake the schema refuses is refused by the reader too (editors show the same problems the
 * command line would). The relations between parameters are the reader's alone.
 */
import * as path from "node:path";
import Ajv from "ajv";
import { SAMPLE_POLICY_FILE, SAMPLE_POLICY_PATH } from "../scripts/docs/parameters";
import { policySchema } from "../scripts/docs/schema";
import { parsePolicyFile, PolicyFileError } from "../src/policy";
import { runCli } from "./support/cli";

const validate = new Ajv({ allErrors: true }).compile(policySchema());

function readerAccepts(file: unknown): boolean {
  try {
    parsePolicyFile(JSON.stringify(file), "test.json");
    return true;
  } catch (error) {
    if (error instanceof PolicyFileError) return false;
    throw error;
  }
}

const GOOD: [string, unknown][] = [
  ["the sample file, with $schema", SAMPLE_POLICY_FILE],
  ["no year at all", { years: {} }],
  [
    "说明 instead of description, a local value confirmed",
    { 说明: "本地", years: { "2025": { confirm: ["hourlyMinimumWage", "farmersIncomeGrowth"] } } },
  ],
  [
    "an integer parameter, a share, the edges of the bounds",
    { years: { "2000": { filialMinAge: 65, courtyardSubsidyRate: 1, farmersIncomeGrowth: -1 }, "2100": { perCapitaTolerance: 0 } } },
  ],
];

const BAD: [string, unknown][] = [
  ["an unknown top-level key", { years: {}, parameters: {} }],
  ["no years", { description: "x" }],
  ["a two-digit year", { years: { "25": {} } }],
  ["a year before 2000", { years: { "1999": {} } }],
  ["a year after 2100", { years: { "2101": {} } }],
  ["an unknown parameter", { years: { "2025": { hourlyWage: 21 } } }],
  ["a number written as text", { years: { "2025": { hourlyMinimumWage: "21" } } }],
  ["zero where the minimum is exclusive", { years: { "2025": { lowIncomeThreshold: 0 } } }],
  ["above the maximum", { years: { "2025": { filialSevereDisabilityMaxGrade: 5 } } }],
  ["a fraction where an integer is needed", { years: { "2025": { filialMinAge: 60.5 } } }],
  ["a percentage written as a whole number", { years: { "2025": { farmersIncomeGrowth: 7 } } }],
  ["an unknown name to confirm", { years: { "2025": { confirm: ["minimumWage"] } } }],
  ["confirm not a list", { years: { "2025": { confirm: "hourlyMinimumWage" } } }],
  ["a year that is not an object", { years: { "2025": 11000 } }],
];

describe("policy.schema.json agrees with parsePolicyFile", () => {
  test.each(GOOD)("both accept: %s", (_name, file) => {
    expect({ schema: validate(file), errors: validate.errors ?? null }).toEqual({ schema: true, errors: null });
    expect(readerAccepts(file)).toBe(true);
  });

  test.each(BAD)("both refuse: %s", (_name, file) => {
    expect(validate(file)).toBe(false);
    expect(readerAccepts(file)).toBe(false);
  });

  test("the low-income threshold at or above the high one: only the reader can tell", () => {
    const file = { years: { "2025": { lowIncomeThreshold: 15000 } } };
    expect(validate(file)).toBe(true);
    expect(readerAccepts(file)).toBe(false);
  });

  test("the schema names every parameter with its Chinese label", () => {
    const year = (policySchema().definitions as { year: { properties: Record<string, { title?: string }> } }).year;
    expect(year.properties.hourlyMinimumWage.title).toBe("当地小时最低工资标准");
    expect(Object.keys(year.properties)).toContain("confirm");
  });
});

test("bangfu check --policy examples/policy-2025.json: its $schema is passed over and its values apply", async () => {
  const ledger = path.join(__dirname, "..", "examples", "国家系统导出-人员.xlsx");
  const run = await runCli([
    "check",
    ledger,
    "--json",
    "--as-of",
    "2025-12-15",
    "--policy",
    path.join(__dirname, "..", SAMPLE_POLICY_PATH),
  ]);
  expect(run.stderr).not.toMatch(/参数文件.*问题/);
  const json = JSON.parse(run.stdout) as {
    unconfirmedParameters: string[];
    findings: { rule: string; data: { hourlyMinimumWage?: number } }[];
  };
  expect(json.unconfirmedParameters).toEqual([]); // 2025 sets the wage and confirms the farmers' growth
  const m05 = json.findings.filter((f) => f.rule === "M05");
  expect(m05.length).toBeGreaterThan(0);
  for (const f of m05) expect(f.data.hourlyMinimumWage).toBe(21);
}, 60_000);
