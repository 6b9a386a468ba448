/**
 * The real-layout fixtures (test/support/realLedgers) through both paths a user has: the sheet's
 * cells handed over as a SheetInput (the pane, the page) and the fixture written to .xlsx and
 * read by the command line's streaming reader (checkFile). Every expectation in
 * test/support/realLedgers/expected.ts is asserted on both; JOINED ones with the side ledgers
 * joined, through the engine (checkSheets) and through `bangfu check … --with … --json`.
 * The fixtures themselves are checked too: they keep the real header strings and the placed
 * columns of the public code, they are deterministic.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { CheckReport } from "../../src/checks";
import { checkFile } from "../../src/cli/check";
import { checkSheet, checkSheets } from "../../src/engine/checkSheet";
import { FIELDS, Ledger, LedgerNotFoundError, SheetInput } from "../../src/ledger";
import { ALLPEOPLE_HEADER } from "../support/realLedgers/allpeople";
import {
  CHECK_DATE,
  columnOf,
  EXPECTED,
  Expectation,
  JOINED,
  mainSheet,
  RealLayoutFixture,
  realLayoutFixtures,
  toSheetInput,
  writeFixtureXlsx,
} from "../support/realLedgers";
import { NATIONAL_HEADER, NATIONAL_PLACED } from "../support/realLedgers/nationalMonitoring";
import { PAIRING_HEADER } from "../support/realLedgers/pairing";
import { SMALL_LOAN_HEADER } from "../support/realLedgers/smallLoan";
import { gb11643Check } from "../support/syntheticId";
import { withInlineStrings } from "../support/xlsxPackage";
import { unzipSync } from "fflate";

const SLOW = 120_000;
const REPO = path.join(__dirname, "..", "..");
const fixtures = realLayoutFixtures();

type Checked = { ledger: Ledger; report: CheckReport } | { notFound: LedgerNotFoundError };

function check(sheet: SheetInput): Checked {
  try {
    return checkSheet(sheet, { asOf: CHECK_DATE });
  } catch (error) {
    if (error instanceof LedgerNotFoundError) return { notFound: error };
    throw error;
  }
}

function sheetOf(fixture: RealLayoutFixture, index: number): SheetInput {
  return index === 0 ? mainSheet(fixture) : toSheetInput(fixture.sheets[index]);
}

/** The column a header text names (as written, or joined with its parents as the reader joins them). */
function columnNamed(ledger: Ledger, header: string) {
  const compact = (s: string) => s.replace(/\s+/g, "");
  return ledger.columns.find((c) => c.header === header) ?? ledger.columns.find((c) => compact(c.header) === compact(header));
}

function assertExpectation(result: Checked, e: Expectation): void {
  if (e.kind === "found") {
    expect("ledger" in result).toBe(e.found);
    return;
  }
  if (!("ledger" in result)) throw new Error(`expected a ledger, got: ${result.notFound.message}`);
  const { ledger, report } = result;
  const household = (key: string) => {
    const found = ledger.households.find((h) => h.key === key);
    if (!found) throw new Error(`no household ${key}`);
    return found;
  };
  switch (e.kind) {
    case "headerRows":
      expect([ledger.headerRow, ledger.headerLastRow]).toEqual([e.first, e.last]);
      break;
    case "layout":
      expect(ledger.layout).toBe(e.layout);
      expect(report.layoutReason).toMatch(e.layout === "person" ? /^按人登记/ : /^(按户登记|帮扶责任人结对表|贷款台账)/);
      break;
    case "households":
      expect(report.households).toBe(e.count);
      expect(ledger.households).toHaveLength(e.count);
      break;
    case "persons":
      expect(report.persons).toBe(e.count);
      break;
    case "field": {
      const column = columnNamed(ledger, e.header);
      expect({ header: e.header, found: column !== undefined }).toEqual({ header: e.header, found: true });
      const actual = column?.measureKind ? `kind:${column.measureKind}` : (column?.field ?? null);
      expect({ header: e.header, field: actual }).toEqual({ header: e.header, field: e.field });
      break;
    }
    case "ruleRuns": {
      const outcome = report.rules.find((r) => r.id === e.rule);
      expect({ rule: e.rule, status: outcome?.status }).toEqual({ rule: e.rule, status: e.runs ? "ran" : "skipped" });
      break;
    }
    case "finding": {
      const matching = report.findings.filter(
        (x) =>
          (e.rule === "any" || x.rule === e.rule) &&
          (e.household === null || x.household === e.household) &&
          (e.severity === undefined || x.severity === e.severity),
      );
      const shown = matching.map((x) => `${x.rule} ${x.household}: ${x.message}`);
      if (e.fires)
        expect({ rule: e.rule, household: e.household, findings: shown.length > 0 }).toEqual({
          rule: e.rule,
          household: e.household,
          findings: true,
        });
      else
        expect({ rule: e.rule, household: e.household, findings: shown }).toEqual({ rule: e.rule, household: e.household, findings: [] });
      break;
    }
    case "findingsFor": {
      const keys = report.findings
        .filter((x) => x.rule === e.rule && (e.severity === undefined || x.severity === e.severity))
        .map((x) => x.household);
      expect({ rule: e.rule, households: [...new Set(keys)].sort() }).toEqual({ rule: e.rule, households: [...e.households].sort() });
      break;
    }
    case "scope":
      expect({ household: e.household, outOfScope: report.outOfScope.some((o) => o.household === e.household) }).toEqual({
        household: e.household,
        outOfScope: !e.inScope,
      });
      break;
    case "afterRemovalIncome": {
      expect(report.afterRemovalIncome).toContain(e.household);
      expect(household(e.household).values.afterRemovalPerCapitaIncome).toBe(e.perCapita);
      break;
    }
    case "value": {
      const h = household(e.household);
      const values = e.member === null ? h.values : h.members[e.member].values;
      expect({ household: e.household, member: e.member, [e.field]: (values as Record<string, unknown>)[e.field] }).toEqual({
        household: e.household,
        member: e.member,
        [e.field]: e.value,
      });
      break;
    }
    case "joinedInto": {
      const source = fixtures[e.side].fileName;
      const keys = ledger.households.filter((h) => Object.values(h.sources ?? {}).includes(source)).map((h) => h.key);
      expect({ side: e.side, households: keys.sort() }).toEqual({ side: e.side, households: [...e.households].sort() });
      break;
    }
  }
}

function describeExpectation(e: Expectation): string {
  switch (e.kind) {
    case "found":
      return e.found ? "is read as a ledger" : "is not taken for a ledger";
    case "headerRows":
      return `header on rows ${e.first}–${e.last}`;
    case "layout":
      return `${e.layout} layout`;
    case "households":
      return `${e.count} households`;
    case "persons":
      return `${e.count} persons`;
    case "field":
      return `${e.header} → ${e.field ?? "not used"}`;
    case "ruleRuns":
      return `${e.rule} runs`;
    case "finding":
      return `${e.rule} ${e.fires ? "fires" : "is silent"} for ${e.household ?? "the sheet"}${e.severity ? ` (${e.severity})` : ""}`;
    case "findingsFor":
      return `${e.rule}${e.severity ? ` ${e.severity}` : ""} exactly for ${e.households.length} household(s)`;
    case "scope":
      return `${e.household} ${e.inScope ? "in" : "out of"} scope`;
    case "afterRemovalIncome":
      return `${e.household} tiered by 风险消除后家庭人均纯收入`;
    case "value":
      return `${e.household}${e.member === null ? "" : ` member ${e.member}`} ${e.field}`;
    case "joinedInto":
      return `${e.side} joined into ${e.households.length} household(s)`;
  }
}

/** The .xlsx files of every fixture, written once for the file paths below. */
let dir: string;
const fromFile = new Map<string, Checked>();
const fileOf = (id: string) => path.join(dir, fixtures[id].fileName);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "bangfu-real-layouts-"));
  for (const fixture of Object.values(fixtures)) await writeFixtureXlsx(fixture, fileOf(fixture.id));
  for (const group of EXPECTED) {
    const fixture = fixtures[group.fixture];
    try {
      fromFile.set(
        `${group.fixture}:${group.sheet}`,
        await checkFile(fileOf(group.fixture), { asOf: CHECK_DATE, sheetName: fixture.sheets[group.sheet].name }),
      );
    } catch (error) {
      if (!(error instanceof LedgerNotFoundError)) throw error;
      fromFile.set(`${group.fixture}:${group.sheet}`, { notFound: error });
    }
  }
}, SLOW);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("real export layouts, every expectation", () => {
  for (const group of EXPECTED) {
    const fixture = fixtures[group.fixture];
    const sheetName = fixture.sheets[group.sheet].name;
    describe(`${group.fixture} (${fixture.source.repo}) · ${sheetName}`, () => {
      const inMemory = check(sheetOf(fixture, group.sheet));
      const cases = group.expectations.map((e, i) => [i, describeExpectation(e), e] as const);
      test.each(cases)("cells: %s %s", (_i, _label, e) => assertExpectation(inMemory, e));
      test.each(cases)(".xlsx: %s %s", (_i, _label, e) => assertExpectation(fromFile.get(`${group.fixture}:${group.sheet}`) as Checked, e));
    });
  }
});

describe("side ledgers joined to the main one", () => {
  for (const joined of JOINED) {
    describe(`${joined.main} with ${joined.sides.join(", ")}`, () => {
      const sides = joined.sides.map((id) => ({ sheet: mainSheet(fixtures[id]), source: fixtures[id].fileName }));
      const result: Checked = checkSheets(mainSheet(fixtures[joined.main]), sides, { asOf: CHECK_DATE });
      test.each(joined.expectations.map((e, i) => [i, describeExpectation(e), e] as const))("%s %s", (_i, _label, e) =>
        assertExpectation(result, e),
      );
    });
  }

  test(
    "bangfu check … --with … --json: the same findings as the engine, and the report names each side ledger and what it gave",
    () => {
      for (const joined of JOINED) {
        const args = [
          path.join(REPO, "bin", "bangfu.js"),
          "check",
          fileOf(joined.main),
          ...joined.sides.flatMap((id) => ["--with", fileOf(id)]),
          "--as-of",
          "2025-12-15",
          "--json",
        ];
        const run = spawnSync(process.execPath, args, { encoding: "utf8" });
        expect(run.status === 0 || run.status === 1).toBe(true);
        const json = JSON.parse(run.stdout);
        const sides = joined.sides.map((id) => ({ sheet: mainSheet(fixtures[id]), source: fixtures[id].fileName }));
        const engine = checkSheets(mainSheet(fixtures[joined.main]), sides, { asOf: CHECK_DATE });
        const brief = (f: { rule: string; household: string | null; message: string }) => `${f.rule}|${f.household}|${f.message}`;
        expect(json.findings.map(brief)).toEqual(engine.report.findings.map(brief));
        expect(json.joins.map((j: { source: string; role: string; households: number }) => [j.source, j.role, j.households])).toEqual(
          engine.report.joins.map((j) => [j.source, j.role, j.households]),
        );
        for (const id of joined.sides) expect(json.joins.map((j: { source: string }) => j.source)).toContain(fixtures[id].fileName);
      }
    },
    SLOW,
  );
});

describe("the expectation table", () => {
  test("names existing fixtures, sheets and fields", () => {
    for (const group of EXPECTED) {
      expect(fixtures[group.fixture]?.sheets[group.sheet]).toBeDefined();
      for (const e of group.expectations)
        if (e.kind === "field" && e.field !== null && !e.field.startsWith("kind:")) expect(Object.keys(FIELDS)).toContain(e.field);
    }
    for (const joined of JOINED) for (const id of [joined.main, ...joined.sides]) expect(fixtures[id]).toBeDefined();
  });

  test("every fixture and every sheet of it has expectations, and every finding says why", () => {
    for (const [id, fixture] of Object.entries(fixtures))
      fixture.sheets.forEach((_, i) =>
        expect({ id, sheet: i, covered: EXPECTED.some((g) => g.fixture === id && g.sheet === i) }).toEqual({ id, sheet: i, covered: true }),
      );
    for (const group of [...EXPECTED, ...JOINED])
      for (const e of group.expectations)
        if (
          "note" in e &&
          e.kind !== "field" &&
          e.kind !== "found" &&
          e.kind !== "ruleRuns" &&
          e.kind !== "headerRows" &&
          e.kind !== "layout" &&
          e.kind !== "households" &&
          e.kind !== "persons"
        )
          expect(e.note.trim()).not.toBe("");
  });
});

describe("the fixtures keep the real layouts", () => {
  test("监测对象信息: 177 columns, header row 3, the columns the fuping rules place by letter are at those letters", () => {
    const sheet = fixtures.nationalMonitoring.sheets[0];
    expect(sheet.rows[2]).toEqual(NATIONAL_HEADER);
    expect(NATIONAL_HEADER).toHaveLength(177);
    for (const [letter, header] of Object.entries(NATIONAL_PLACED))
      expect({ letter, header: NATIONAL_HEADER[columnOf(letter) - 1] }).toEqual({ letter, header });
  });

  test("帮扶责任人结对查询 has no 户编号 and names the cadre 姓名; one household has an old and a new cadre", () => {
    expect(PAIRING_HEADER).not.toContain("户编号");
    expect(PAIRING_HEADER).toEqual(expect.arrayContaining(["姓名", "户主个人编号", "户主证件号码", "帮扶开始时间", "帮扶结束时间"]));
    const rows = fixtures.pairing.sheets[0].rows.slice(3);
    const headIds = rows.map((r) => r[PAIRING_HEADER.indexOf("户主证件号码")]);
    expect(new Set(headIds).size).toBe(headIds.length - 1);
  });

  test('小额信贷: title, group row, header on row 3; every value but 序号 ends with a space; empty values are "null "', () => {
    const rows = fixtures.smallLoan.sheets[0].rows;
    expect(rows[0][0]).toBe("金融扶贫小额信贷");
    expect(rows[1].filter((v) => v !== null)).toEqual(["基本情况", "原贷款情况", "扶贫小额信贷", "创业贷款", "生源地贷款", "其他类型贷款"]);
    expect(rows[2]).toEqual(SMALL_LOAN_HEADER);
    expect(SMALL_LOAN_HEADER).toEqual(expect.arrayContaining(["累计贴息金额（元）", "贷款余额（万元）", "偿还贷款金额", "还款时间"]));
    for (const row of rows.slice(3)) {
      for (const value of row.slice(1)) expect(String(value)).toMatch(/ $/);
      expect(row).toContain("null ");
    }
  });

  test("allpeople: 70 headers on row 3, 搬迁人员姓名 with its trailing space, 户主身份证号 twice, 填表说明 and group rows merged", () => {
    const sheet = fixtures.allpeople.sheets[0];
    expect(ALLPEOPLE_HEADER).toHaveLength(70);
    expect(sheet.rows[2]).toEqual(ALLPEOPLE_HEADER);
    expect(ALLPEOPLE_HEADER.filter((h) => h === "户主身份证号")).toHaveLength(2);
    expect(ALLPEOPLE_HEADER).toContain("搬迁人员姓名 ");
    expect(String(sheet.rows[0][0])).toMatch(/^填表说明：/);
    expect(sheet.merges).toEqual(expect.arrayContaining(["A1:X1", "BD1:BR1", "A2:X2", "BD2:BR2"]));
  });

  test("govybh: the member template's type-marker row under the header", () => {
    const rows = fixtures.govybh.sheets[0].rows;
    expect(rows[1].filter((v) => v !== null)).toEqual(["N", "N"]);
    expect(rows[1][4]).toBe("N");
    expect(fixtures.govybh.sheets[1].rows[0]).toEqual(
      expect.arrayContaining(["5、家庭年人均纯收入(元)", "(2)工资性收入(元)", "其中:(1)家庭经营性收入(元)"]),
    );
  });

  test("every 18-character ID in the fixtures has a valid GB 11643 check character (残疾人证号 carry two digits more)", () => {
    let seen = 0;
    for (const fixture of Object.values(fixtures)) {
      for (const sheet of fixture.sheets) {
        for (const row of sheet.rows) {
          for (const value of row) {
            const m = typeof value === "string" ? /^(\d{17}[\dX])(\d{2})? ?$/.exec(value) : null;
            if (!m || !/^\d{6}(19|20)\d{6}/.test(m[1])) continue;
            seen += 1;
            expect(m[1][17]).toBe(gb11643Check(m[1].slice(0, 17)));
          }
        }
      }
    }
    expect(seen).toBeGreaterThan(100);
  });

  test("the generators are deterministic", () => {
    expect(realLayoutFixtures()).toEqual(realLayoutFixtures());
  });
});

describe("written to .xlsx, each sheet reads back as in memory", () => {
  test("checkFile finds the same header rows, layout, households, persons and findings as checkSheet on the cells", () => {
    for (const group of EXPECTED) {
      const summary = (c: Checked) =>
        "ledger" in c
          ? {
              id: group.fixture,
              headerRow: c.ledger.headerRow,
              last: c.ledger.headerLastRow,
              layout: c.ledger.layout,
              households: c.report.households,
              persons: c.report.persons,
              findings: c.report.findings.map((x) => `${x.rule}|${x.household}|${x.cell?.column}${x.cell?.row}|${x.message}`),
            }
          : { id: group.fixture, notFound: true };
      expect(summary(fromFile.get(`${group.fixture}:${group.sheet}`) as Checked)).toEqual(
        summary(check(sheetOf(fixtures[group.fixture], group.sheet))),
      );
    }
  });
});

describe("written with inline strings, as Apache POI's streaming writer writes, each sheet reads the same", () => {
  test(
    "checkFile finds the same header rows, households, persons and findings (cell for cell) as on the shared-strings file",
    async () => {
      for (const group of EXPECTED) {
        const fixture = fixtures[group.fixture];
        const inline = path.join(dir, `inline-${fixture.fileName}`);
        const converted = withInlineStrings(fs.readFileSync(fileOf(group.fixture)));
        fs.writeFileSync(inline, converted);
        expect(Object.keys(unzipSync(converted))).not.toContain("xl/sharedStrings.xml");
        const summary = (c: Checked) =>
          "ledger" in c
            ? {
                headerRow: c.ledger.headerRow,
                layout: c.ledger.layout,
                households: c.report.households,
                persons: c.report.persons,
                findings: c.report.findings.map((x) => `${x.rule}|${x.household}|${x.cell?.column}${x.cell?.row}|${x.message}`),
              }
            : { notFound: true };
        let fromInline: Checked;
        try {
          fromInline = await checkFile(inline, { asOf: CHECK_DATE, sheetName: fixture.sheets[group.sheet].name });
        } catch (error) {
          if (!(error instanceof LedgerNotFoundError)) throw error;
          fromInline = { notFound: error };
        }
        expect({ id: group.fixture, ...summary(fromInline) }).toEqual({
          id: group.fixture,
          ...summary(fromFile.get(`${group.fixture}:${group.sheet}`) as Checked),
        });
      }
    },
    SLOW,
  );
});
