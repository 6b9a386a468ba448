/**
 * Workbooks written by other programs than ours: Python's openpyxl and XlsxWriter (Debian's
 * python3-openpyxl and python3-xlsxwriter, which `npm test`'s pretest installs), for the cases
 * where that program's own output matters: absolute relationship targets, inline strings written
 * as character references, no shared-strings part, its 1904 date system, charts and drawings
 * under its own part names, formulas saved without results or with placeholder zeros.
 * Without them the tests that use them fail, they do not skip.
 */
import { spawnSync } from "node:child_process";

const found = new Map<string, string | null>();

/** A Python 3 that can import the module: Debian's first (a pyenv shim on PATH may lack it), else the one on PATH. */
function pythonWith(module: "openpyxl" | "xlsxwriter"): string {
  if (!found.has(module)) {
    const candidate = ["/usr/bin/python3", "python3"].find(
      (c) => spawnSync(c, ["-c", `import ${module}`], { encoding: "utf8" }).status === 0,
    );
    found.set(module, candidate ?? null);
  }
  const python = found.get(module);
  if (!python) {
    throw new Error(
      `找不到带 ${module} 的 Python 3，无法用另一个程序写出的工作簿检验。请安装：apt-get install -y python3-${module}（npm test 的 pretest 会自动安装）。`,
    );
  }
  return python;
}

export function pythonWithOpenpyxl(): string {
  return pythonWith("openpyxl");
}

/** Run a Python script with the module imported (openpyxl, or XlsxWriter as `xlsxwriter`); `file` is passed as sys.argv[1]. */
function runPython(module: "openpyxl" | "xlsxwriter", script: string, file: string): void {
  const result = spawnSync(pythonWith(module), ["-c", `import sys, ${module}\n${script}`, file], { encoding: "utf8", timeout: 60_000 });
  if (result.status !== 0) throw new Error(`${module} script failed (${result.status}): ${result.stderr}`);
}

export function runOpenpyxl(script: string, file: string): void {
  runPython("openpyxl", script, file);
}

/** XlsxWriter (Debian's python3-xlsxwriter): it saves 0 as every formula's result and asks for recalculation on opening. */
export function runXlsxWriter(script: string, file: string): void {
  runPython("xlsxwriter", script, file);
}

export interface OpenpyxlSheet {
  readonly name: string;
  /** Values; a string "date:YYYY-MM-DD" is written as a datetime cell. */
  readonly rows: readonly (readonly (string | number | null)[])[];
}

const WRITE_SHEETS = `
import json, sys, datetime, openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904
spec = json.load(sys.stdin)
wb = openpyxl.Workbook()
wb.remove(wb.active)
if spec.get("date1904"):
    wb.epoch = CALENDAR_MAC_1904
for sheet in spec["sheets"]:
    ws = wb.create_sheet(sheet["name"])
    for row in sheet["rows"]:
        out = []
        for v in row:
            if isinstance(v, str) and v.startswith("date:"):
                y, m, d = map(int, v[5:].split("-"))
                out.append(datetime.datetime(y, m, d))
            else:
                out.append(v)
        ws.append(out)
wb.save(spec["file"])
`;

/** Write sheets of plain values (and dates) with openpyxl, optionally in the 1904 date system. */
export function writeWithOpenpyxl(file: string, sheets: readonly OpenpyxlSheet[], options: { date1904?: boolean } = {}): void {
  const run = spawnSync(pythonWithOpenpyxl(), ["-c", WRITE_SHEETS], {
    input: JSON.stringify({ file, sheets, date1904: options.date1904 === true }),
    encoding: "utf8",
    timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(`openpyxl failed (${run.status}): ${run.stderr}`);
}

/**
 * A ledger 台账 with a bar chart of its incomes, and a sheet 统计 with a pie chart: two charts
 * and two drawings, as openpyxl names them (xl/charts/chart1.xml, chart2.xml …).
 */
export const LEDGER_WITH_CHARTS = `
from openpyxl.chart import BarChart, PieChart, Reference
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "台账"
ws.append(["户编号", "户主姓名", "村", "人均纯收入"])
for row in [["H01", "张一", "东村", 9000], ["H02", "李二", "西村", 12000], ["H03", "王三", "东村", 16000]]:
    ws.append(row)
bar = BarChart()
bar.title = "各户人均纯收入"
bar.add_data(Reference(ws, min_col=4, min_row=1, max_row=4), titles_from_data=True)
bar.set_categories(Reference(ws, min_col=2, min_row=2, max_row=4))
ws.add_chart(bar, "F2")
stats = wb.create_sheet("统计")
stats.append(["村", "户数"])
stats.append(["东村", 2])
stats.append(["西村", 1])
pie = PieChart()
pie.add_data(Reference(stats, min_col=2, min_row=1, max_row=3), titles_from_data=True)
pie.set_categories(Reference(stats, min_col=1, min_row=2, max_row=3))
stats.add_chart(pie, "D2")
wb.save(sys.argv[1])
`;
