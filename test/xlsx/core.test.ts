/**
 * The reader's core runs in a browser: nothing it imports, directly or through other modules,
 * uses Node's APIs; and it reads a workbook handed over as a Blob (what a file input gives).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { blobSource, openXlsx, readLedgers } from "../../src/xlsx/core";
import { buildXlsx } from "../support/xlsxPackage";

const SRC = path.join(__dirname, "..", "..", "src");

/** Every source file the module imports, transitively (relative imports only; packages listed apart). */
function importGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']/gm)) {
      const spec = m[1] ?? m[2];
      if (!spec.startsWith(".")) {
        packages.add(spec);
        continue;
      }
      const base = path.resolve(path.dirname(file), spec);
      const candidates = [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")];
      const found = candidates.find((c) => fs.existsSync(c));
      if (!found) throw new Error(`unresolved import ${spec} in ${file}`);
      visit(found);
    }
  };
  visit(entry);
  return { files, packages };
}

test("the core imports no Node module and uses no Node global", () => {
  const { files, packages } = importGraph(path.join(SRC, "xlsx", "core.ts"));
  expect([...packages].sort()).toEqual(["fflate"]);
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    expect({ file: path.relative(SRC, file), nodeApis: text.match(/\b(Buffer|process|require|__dirname|setImmediate)\b/g) ?? [] }).toEqual({
      file: path.relative(SRC, file),
      nodeApis: [],
    });
  }
  // The reader's own modules, and not the command line's edge.
  const names = [...files].map((f) => path.relative(SRC, f));
  expect(names).toEqual(
    expect.arrayContaining([
      "xlsx/zip.ts",
      "xlsx/sheetXml.ts",
      "xlsx/workbook.ts",
      "xlsx/readLedgers.ts",
      "ledger/build.ts",
      "ledger/stream.ts",
    ]),
  );
  expect(names).not.toContain("xlsx/readWorkbook.ts");
});

test("a workbook handed over as a Blob is read through fflate, part by part", async () => {
  const bytes = buildXlsx({
    sheets: [
      { name: "说明", rows: [["填表说明"]] },
      {
        name: "台账",
        rows: [
          ["户编号", "户主姓名", "人均纯收入"],
          ["H1", "张三", 12000],
          ["H2", "李四", "9,000"],
        ],
      },
    ],
  });
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>]);
  const { ledgers, scanned } = await readLedgers(await openXlsx(blobSource(blob), { label: "台账.xlsx" }));
  expect(ledgers.map((l) => l.sheetName)).toEqual(["台账"]);
  expect(ledgers[0].households.map((h) => h.values.perCapitaIncome)).toEqual([12000, 9000]);
  expect(scanned[0]).toMatchObject({ name: "说明", hidden: false });
});
