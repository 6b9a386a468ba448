/**
 * LibreOffice headless for the tests that open workbooks in a real spreadsheet program. Without
 * LibreOffice these tests fail with how to install it; they never skip.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/** BANGFU_SOFFICE names the program (and, naming nothing, stands for "not installed"); else the usual places and PATH. */
export function findSoffice(): string | null {
  const named = process.env.BANGFU_SOFFICE;
  if (named !== undefined) return fs.existsSync(named) ? named : null;
  const candidates = [
    "/usr/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
  ];
  for (const candidate of candidates) if (candidate && fs.existsSync(candidate)) return candidate;
  const which = spawnSync("sh", ["-c", "command -v soffice || command -v libreoffice"], { encoding: "utf8" });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
}

export const SOFFICE = findSoffice();

export function soffice(): string {
  if (!SOFFICE) {
    throw new Error(
      "LibreOffice（soffice）未安装，无法用真实的电子表格程序检验生成的工作簿。\n" +
        "请安装：apt-get update && apt-get install -y libreoffice-calc fonts-noto-cjk（CI 的 .ci/run 会自动安装），或用 BANGFU_SOFFICE 指明 soffice 的路径。",
    );
  }
  return SOFFICE;
}

let profiles = 0;

export interface Conversion {
  readonly outDir: string;
  readonly files: string[];
  readonly ms: number;
}

/** soffice --headless --convert-to …, with its own profile; fails the test on a non-zero exit or no output. */
export function convertWithSoffice(file: string, to: string, workDir: string): Conversion {
  const outDir = fs.mkdtempSync(path.join(workDir, "out-"));
  const profile = path.join(workDir, `profile-${process.pid}-${profiles++}`);
  const started = Date.now();
  const result = spawnSync(
    soffice(),
    ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, "--convert-to", to, "--outdir", outDir, file],
    {
      encoding: "utf8",
      timeout: 180_000,
    },
  );
  const ms = Date.now() - started;
  const files = fs.readdirSync(outDir);
  if (result.status !== 0 || files.length === 0 || /\bError\b/i.test(result.stderr ?? "")) {
    throw new Error(
      `LibreOffice 转换 ${path.basename(file)} → ${to} 失败（退出码 ${result.status}，${result.signal ?? ""}）：\n${result.stdout}\n${result.stderr}`,
    );
  }
  return { outDir, files, ms };
}

/** RFC 4180 CSV rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
