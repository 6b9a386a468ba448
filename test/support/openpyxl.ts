/**
 * Workbooks written by the real openpyxl (Debian's python3-openpyxl; .ci/run installs it), for
 * the cases where that program's own output matters: absolute relationship targets, inline
 * strings written as character references, no shared-strings part, its 1904 date system.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";

/** A Python that can import openpyxl: Debian's first (a pyenv shim on PATH may lack it). */
function python(): string {
  for (const candidate of ["/usr/bin/python3", "python3"]) {
    if (candidate.startsWith("/") && !fs.existsSync(candidate)) continue;
    if (spawnSync(candidate, ["-c", "import openpyxl"]).status === 0) return candidate;
  }
  throw new Error("openpyxl is not installed: apt-get install python3-openpyxl (.ci/run does)");
}

export interface OpenpyxlSheet {
  readonly name: string;
  /** Values; a string "date:YYYY-MM-DD" is written as a datetime cell. */
  readonly rows: readonly (readonly (string | number | null)[])[];
}

const SCRIPT = `
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

export function writeWithOpenpyxl(file: string, sheets: readonly OpenpyxlSheet[], options: { date1904?: boolean } = {}): void {
  const run = spawnSync(python(), ["-c", SCRIPT], { input: JSON.stringify({ file, sheets, date1904: options.date1904 === true }), encoding: "utf8" });
  if (run.status !== 0) throw new Error(`openpyxl failed: ${run.stderr}`);
}
