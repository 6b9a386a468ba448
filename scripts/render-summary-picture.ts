/**
 * Renders the README's picture of a generated tab: 汇总-分层 of the person-level sample with its chart,
 * written by the .xlsx writer, printed to PDF by LibreOffice and turned into a PNG by pdftoppm.
 * Usage: npx tsx scripts/render-summary-picture.ts  (needs soffice and pdftoppm)
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { checkFile } from "../src/cli/check";
import { buildSummaries } from "../src/summaries";
import { civilDate } from "../src/values";
import { writeNewSummaryWorkbook } from "../src/xlsx/writeSummaries";

async function main(): Promise<void> {
  const root = path.resolve(__dirname, "..");
  const asOf = civilDate(2025, 12, 15);
  const checked = await checkFile(path.join(root, "examples", "国家系统导出-人员.xlsx"), { asOf });
  const tables = buildSummaries(checked.ledger, checked.report, {
    policy: checked.policy,
    asOf,
    generatedAt: "2025-12-15T09:00:00+08:00",
    tabs: ["tiers"],
  });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "bangfu-picture-"));
  const xlsx = path.join(work, "summary-tiers.xlsx");
  await writeNewSummaryWorkbook(xlsx, tables);
  execFileSync("soffice", ["--headless", `-env:UserInstallation=file://${work}/profile`, "--convert-to", "pdf", "--outdir", work, xlsx], {
    stdio: "ignore",
  });
  const target = path.join(root, "docs", "screenshots", "summary-tiers");
  execFileSync("pdftoppm", [
    "-png",
    "-r",
    "110",
    "-f",
    "1",
    "-l",
    "1",
    "-x",
    "60",
    "-y",
    "70",
    "-W",
    "1160",
    "-H",
    "540",
    "-singlefile",
    path.join(work, "summary-tiers.pdf"),
    target,
  ]);
  console.log(`wrote ${target}.png`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
