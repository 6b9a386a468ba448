/**
 * The sample ledgers of examples/ (issue 3 §4): they are what scripts/make-examples.ts writes,
 * `bangfu check` reads them as the intended layouts, every rule D02–D06 and M01–M13 fires on them
 * (each at the defect planted for it), every rule runs on at least one of them, most households
 * are clean, and the only faulty ID numbers are the planted ones.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { RULE_IDS } from "../src/checks";
import { checkFile, CheckedFile } from "../src/cli/check";
import type { Io } from "../src/cli/io";
import { checkCharacter, CivilDate, isValidCivilDate, parseDate } from "../src/values";
import { runDemo } from "../scripts/demo";
import {
  EXAMPLE_FILES,
  EXAMPLES_AS_OF,
  ExampleKind,
  GeneratedExamples,
  HOUSEHOLD_SHEET,
  PERSON_SHEET,
  writeExamples,
} from "../scripts/make-examples";

const EXAMPLES_DIR = path.join(__dirname, "..", "examples");
const KINDS = Object.keys(EXAMPLE_FILES) as ExampleKind[];
const committed = (kind: ExampleKind) => path.join(EXAMPLES_DIR, EXAMPLE_FILES[kind]);
const AS_OF = parseDate(EXAMPLES_AS_OF, "检查日期") as CivilDate;
const SLOW = 60_000;

let tempDir: string;
let generated: GeneratedExamples;
const checked = {} as Record<ExampleKind, CheckedFile>;

beforeAll(async () => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "bangfu-examples-"));
  generated = await writeExamples(tempDir);
  for (const kind of KINDS) checked[kind] = await checkFile(committed(kind), { asOf: AS_OF });
}, SLOW);

afterAll(() => {
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
});

/** What a reader of the workbook sees: sheets, merges, widths, frozen panes and every cell's value and format. */
async function contentOf(file: string): Promise<unknown> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets.map((ws) => {
    const cells: [string, unknown, string | undefined, boolean | undefined][] = [];
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value = cell.value instanceof Date ? { date: cell.value.toISOString() } : cell.value;
        cells.push([cell.address, value, cell.numFmt, cell.font?.bold]);
      }),
    );
    const widths = Array.from({ length: ws.columnCount }, (_, i) => ws.getColumn(i + 1).width);
    return { name: ws.name, merges: [...ws.model.merges].sort(), widths, views: ws.views, cells };
  });
}

describe("示例台账 examples/", () => {
  test("the committed files are byte for byte what scripts/make-examples.ts writes (npm run examples changes nothing)", () => {
    for (const kind of KINDS) expect(fs.readFileSync(committed(kind)).equals(fs.readFileSync(generated.files[kind]))).toBe(true);
  });

  test(
    "the committed files are what scripts/make-examples.ts writes (cell by cell)",
    async () => {
      for (const kind of KINDS) {
        expect(fs.existsSync(committed(kind))).toBe(true);
        const [regenerated, inRepo] = await Promise.all([contentOf(generated.files[kind]), contentOf(committed(kind))]);
        expect(inRepo).toEqual(regenerated);
      }
    },
    SLOW,
  );

  test("the person-level export and the household-level street ledger are read as such", () => {
    const person = checked.person.report;
    expect([person.sheet, person.headerRow, person.layout, person.households]).toEqual([
      PERSON_SHEET,
      3,
      "person",
      generated.households.person,
    ]);
    expect(person.households).toBe(60);
    expect(person.persons).toBeGreaterThan(150);
    expect(person.persons).toBeLessThan(190);

    const household = checked.household.report;
    // A two-row header: parents in row 2, their children in row 3.
    expect([household.sheet, household.headerRow, household.layout, household.households]).toEqual([
      HOUSEHOLD_SHEET,
      2,
      "household",
      generated.households.household,
    ]);
    expect(household.households).toBeGreaterThanOrEqual(38);
    expect(household.households).toBeLessThanOrEqual(45);
  });

  test("every rule D02–D06, M01–M13 has a finding in one of the two files", () => {
    const fired = new Set(KINDS.flatMap((kind) => checked[kind].report.findings.map((f) => f.rule)));
    const wanted = RULE_IDS.filter((id) => id !== "D01");
    expect(wanted.filter((id) => !fired.has(id))).toEqual([]);
  });

  test("every rule runs on at least one of the two files (none is skipped in both)", () => {
    const ran = new Set(KINDS.flatMap((kind) => checked[kind].report.rules.filter((r) => r.status === "ran").map((r) => r.id)));
    expect(RULE_IDS.filter((id) => !ran.has(id))).toEqual([]);
  });

  test("each planted defect is reported by its rule, at its household", () => {
    const missed = generated.planted.filter(
      (d) => !checked[d.file].report.findings.some((f) => f.rule === d.rule && f.household === d.household),
    );
    expect(missed).toEqual([]);
    // The plan covers every rule but the sheet-level D01.
    expect(new Set(generated.planted.map((d) => d.rule))).toEqual(new Set(RULE_IDS.filter((id) => id !== "D01")));
  });

  test("error-level findings occur only at planted defects, and at least 70% of households have none", () => {
    for (const kind of KINDS) {
      const { findings, households } = checked[kind].report;
      const planted = new Set(generated.planted.filter((d) => d.file === kind).map((d) => d.household));
      const withErrors = new Set(findings.filter((f) => f.severity === "error").map((f) => f.household ?? "(整表)"));
      expect({ kind, unplanned: [...withErrors].filter((h) => !planted.has(h)) }).toEqual({ kind, unplanned: [] });
      expect((households - withErrors.size) / households).toBeGreaterThanOrEqual(0.7);
    }
  });

  test(
    "ID numbers are written as text, synthetic (regions 370402–370404) and valid, except the planted D03 ones",
    async () => {
      const faulty: string[] = [];
      let count = 0;
      for (const kind of KINDS) {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(committed(kind));
        const ws = workbook.worksheets[0];
        const headerRow = kind === "person" ? 3 : 2;
        let idColumn = 0;
        ws.getRow(headerRow).eachCell((cell, column) => {
          if (cell.value === "证件号码" || cell.value === "户主证件号码") idColumn = column;
        });
        expect(idColumn).toBeGreaterThan(0);
        // Data start under the header (two rows in the street ledger); a merged area's other cells repeat its value: skipped.
        for (let r = headerRow + (kind === "household" ? 2 : 1); r <= ws.rowCount; r++) {
          const cell = ws.getRow(r).getCell(idColumn);
          if (cell.type === ExcelJS.ValueType.Merge || cell.value === null || cell.value === undefined) continue;
          const value = cell.value;
          count += 1;
          expect(typeof value).toBe("string");
          const id = String(value);
          const valid =
            /^37040[234]\d{11}[\dX]$/.test(id) &&
            isValidCivilDate(Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))) &&
            checkCharacter(id.slice(0, 17)) === id[17];
          if (!valid) faulty.push(id);
        }
      }
      expect(count).toBeGreaterThan(150 + 38);
      expect([...new Set(faulty)].sort()).toEqual([...generated.deliberateBadIds].sort());
      // Planted: a wrong check character, an impossible birth date, a digit left out.
      expect(generated.deliberateBadIds).toHaveLength(3);
    },
    SLOW,
  );

  test(
    "npm run demo checks both files, prints their reports and exits 0 despite the findings",
    async () => {
      let out = "";
      const io: Io = { stdout: (t) => void (out += t), stderr: () => undefined, stderrIsTTY: false };
      await expect(runDemo(io)).resolves.toBe(0);
      expect(out.match(/BANGFU 增收帮扶检查：/g)).toHaveLength(KINDS.length);
      expect(out).toContain(`${EXAMPLE_FILES.person}：工作表“${PERSON_SHEET}”`);
      expect(out).toContain(`${EXAMPLE_FILES.household}：工作表“${HOUSEHOLD_SHEET}”`);
      expect(out).toContain("规则覆盖");
    },
    SLOW,
  );
});
