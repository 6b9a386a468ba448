/**
 * The pane's logic without React: the policy file kept in the settings, column detection,
 * and a check run through a WorkbookHost with the saved settings.
 */
import { MemoryWorkbookHost } from "../../src/host/memoryHost";
import { EMPTY_SETTINGS } from "../../src/host/types";
import { parsePolicyFile, PolicyFileError } from "../../src/policy";
import { confirmParameter, detectColumns, localTimestamp, overridesOf, policyOf, runCheck, setParameter } from "../../src/taskpane/model";
import { AS_OF } from "../support/ledgerFixtures";
import { LEDGER_ROWS } from "./helpers";

describe("the policy file in the settings", () => {
  it("records confirmations and values per year, as a policy file the command line can read too", () => {
    let json = confirmParameter(null, 2025, "farmersIncomeGrowth");
    json = confirmParameter(json, 2025, "farmersIncomeGrowth"); // once only
    json = setParameter(json, 2025, "hourlyMinimumWage", 21);
    json = confirmParameter(json, 2024, "hourlyMinimumWage");
    const file = JSON.parse(json);
    expect(file.years).toEqual({
      "2025": { confirm: ["farmersIncomeGrowth"], hourlyMinimumWage: 21 },
      "2024": { confirm: ["hourlyMinimumWage"] },
    });
    expect(typeof file.description).toBe("string");
    const overrides = parsePolicyFile(json, "x");
    expect(overrides.years[2025]).toEqual({ values: { hourlyMinimumWage: 21 }, confirm: ["farmersIncomeGrowth"] });
  });

  it("setting a value drops the parameter from confirm (a value confirms it)", () => {
    const json = setParameter(confirmParameter(null, 2025, "hourlyMinimumWage"), 2025, "hourlyMinimumWage", 20);
    expect(JSON.parse(json).years["2025"]).toEqual({ hourlyMinimumWage: 20 });
  });

  it("refuses a value out of range with the policy file's message", () => {
    expect(() => setParameter(null, 2025, "hourlyMinimumWage", -1)).toThrow(PolicyFileError);
  });

  it("resolves the settings' policy: their year or the check date's, with their file", () => {
    expect(overridesOf(EMPTY_SETTINGS)).toBeUndefined();
    expect(policyOf(EMPTY_SETTINGS, AS_OF).year).toBe(2025);
    const settings = { ...EMPTY_SETTINGS, policyYear: 2024, policyJson: setParameter(null, 2024, "hourlyMinimumWage", 22) };
    expect(policyOf(settings, AS_OF).values.hourlyMinimumWage).toBe(22);
    expect(() => policyOf({ ...EMPTY_SETTINGS, policyJson: "{" }, AS_OF)).toThrow(PolicyFileError);
  });
});

describe("column detection for the mapping editor", () => {
  it("lists the header's columns with the field detection found", () => {
    const columns = detectColumns({ name: "台账", cells: LEDGER_ROWS });
    expect(columns.recognised).toBe(true);
    expect(columns.headerRow).toBe(2);
    expect(columns.columns[0]).toEqual({ letter: "A", header: "户编号", auto: "householdId", measureKind: null });
  });

  it("offers the fullest early row when no header is recognised", () => {
    const columns = detectColumns({ name: "x", cells: [["标题"], ["甲", "", "乙"], [1, 2, 3]], origin: { row: 3, column: 2 } });
    expect(columns).toEqual({
      sheet: "x",
      headerRow: 4,
      recognised: false,
      columns: [
        { letter: "B", header: "甲", auto: null, measureKind: null },
        { letter: "D", header: "乙", auto: null, measureKind: null },
      ],
    });
  });
});

describe("runCheck", () => {
  it("reads through the host, with progress, and checks with the saved mapping and policy year", async () => {
    const host = new MemoryWorkbookHost([{ name: "台账", cells: LEDGER_ROWS }], { progressRows: 3 });
    const progress: [number, number][] = [];
    const settings = { ...EMPTY_SETTINGS, policyYear: 2024, mappings: { 台账: { 增收帮扶责任人: null } } };
    const result = await runCheck(host, "台账", settings, AS_OF, (read, total) => progress.push([read, total]));
    expect(progress).toEqual([
      [3, 8],
      [6, 8],
      [8, 8],
    ]);
    expect(result.policy.year).toBe(2024);
    expect(result.report.rules.find((r) => r.id === "M01")?.status).toBe("skipped"); // the column is ignored
    expect(result.columns.columns.find((c) => c.header === "增收帮扶责任人")?.auto).toBe("supportCadre"); // detection alone
  });

  it("fails fast on an invalid policy file, before reading", async () => {
    const host = new MemoryWorkbookHost([{ name: "台账", cells: LEDGER_ROWS }]);
    await expect(runCheck(host, "台账", { ...EMPTY_SETTINGS, policyJson: "[]" }, AS_OF)).rejects.toThrow(PolicyFileError);
    expect(host.calls).not.toContain("readSheet(台账)");
  });
});

it("writes generation times as local ISO timestamps", () => {
  expect(localTimestamp(new Date(2025, 11, 5, 8, 7, 6))).toBe("2025-12-05T08:07:06");
});
