/** Small generated workbooks and a child-process runner for the misuse tests. */
import { spawnSync, SpawnSyncReturns } from "node:child_process";
import * as path from "node:path";
import ExcelJS from "exceljs";

export const REPO = path.resolve(__dirname, "..", "..");

/** A one-sheet ledger, household level: two households, one of them growing 10%. */
export const SMALL_LEDGER: readonly (readonly unknown[])[] = [
  ["户编号", "户主姓名", "乡镇", "人均纯收入", "上年人均纯收入", "增收帮扶责任人"],
  ["H001", "赵一", "东街道", 16500, 15000, "钱干部"],
  ["H002", "孙二", "东街道", 17600, 16000, "钱干部"],
];

/** Write rows into a one-sheet workbook named 台账. */
export async function writeLedger(file: string, rows: readonly (readonly unknown[])[] = SMALL_LEDGER, sheetName = "台账"): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(sheetName);
  rows.forEach((row, i) => {
    ws.getRow(i + 1).values = [...row] as ExcelJS.CellValue[];
  });
  await workbook.xlsx.writeFile(file);
  return file;
}

/**
 * `node bin/bangfu.js ARGV…` in a child process, killed after `timeoutMs`: for inputs that could
 * block or exhaust memory, so a regression fails the test instead of hanging the test run.
 */
export function runBin(argv: readonly string[], options: { cwd?: string; timeoutMs?: number } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [path.join(REPO, "bin", "bangfu.js"), ...argv], {
    cwd: options.cwd ?? REPO,
    encoding: "utf8",
    timeout: options.timeoutMs ?? 60_000,
    killSignal: "SIGKILL",
  });
}
