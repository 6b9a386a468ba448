/**
 * The host-neutral summary writer (src/xlsx/summaryWorkbook.ts): the offline page runs it on a
 * file's bytes and downloads what packageBytes gives; the command line streams the same package
 * to a file. Both must be the same workbook, and the core must need nothing of Node.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { addSummaryTabs, packageBytes, UnreadablePackageError, unreadableMessage } from "../../src/xlsx/summaryWorkbook";
import { writeSummaryWorkbook } from "../../src/xlsx/writeSummaries";
import { MEMORY_CHECK_ROWS, renderTabs, type TabTable } from "../../src/xlsx/renderTabs";
import { utf8OfPieces } from "../../src/xlsx/ooxml";
import { layoutSummary } from "../../src/host/summaryLayout";
import type { SummaryTable } from "../../src/summaries/model";
import { build, PERSON_ROWS } from "../summaries/fixtures";
import { useTempDir } from "../support/cli";
import { runtimeImports } from "../support/imports";
import { readSummaryWorkbook } from "../support/readBack";
import { writeRows } from "../support/workbooks";

jest.setTimeout(60_000);
const dir = useTempDir("bangfu-core-");

/** A small ledger workbook written by another program (exceljs). */
const ledgerFile = (name: string) => writeRows(path.join(dir(), name), { 台账: PERSON_ROWS });

const tablesOf = () => build(PERSON_ROWS).tables;

async function parts(bytes: Uint8Array | Buffer): Promise<[string, string][]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: [string, string][] = [];
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out.push([name, await zip.files[name].async("string")]);
  return out;
}

describe("与宿主无关的汇总写出", () => {
  test("the core and everything it runs use no Node API: only relative modules, jszip and fflate", () => {
    for (const entry of ["src/xlsx/summaryWorkbook.ts", "src/xlsx/renderTabs.ts"]) {
      const graph = runtimeImports(entry, ["jszip", "fflate"]);
      expect(graph.outside).toEqual([]);
    }
    expect(runtimeImports("src/xlsx/summaryWorkbook.ts", ["jszip", "fflate"]).files).toEqual(
      expect.arrayContaining([
        "src/xlsx/renderTabs.ts",
        "src/xlsx/mergePackage.ts",
        "src/xlsx/mergeStyles.ts",
        "src/xlsx/chartPart.ts",
        "src/xlsx/package.ts",
        "src/xlsx/zipWriter.ts",
      ]),
    );
  });

  test(
    "from the file's bytes (as the page has them) it builds the workbook the command line " + "writes, part for part and in the same order",
    async () => {
      const input = await ledgerFile("ledger.xlsx");
      const tables = tablesOf();
      const bytes = new Uint8Array(fs.readFileSync(input));
      const inPage = await packageBytes((await addSummaryTabs(bytes, tables)).zip);
      const written = path.join(dir(), "cli.xlsx");
      await writeSummaryWorkbook(input, written, tables);
      expect(await parts(inPage)).toEqual(await parts(fs.readFileSync(written)));
      // Read back by another reader: the same tabs.
      const pageFile = path.join(dir(), "page.xlsx");
      fs.writeFileSync(pageFile, inPage);
      expect((await readSummaryWorkbook(pageFile)).tabs.map((t) => t.name)).toEqual(tables.map((t) => t.title));
      // The input bytes were only read.
      expect(Buffer.from(bytes).equals(fs.readFileSync(input))).toBe(true);
    },
  );

  test("an ArrayBuffer works as well as bytes", async () => {
    const input = await ledgerFile("ledger-ab.xlsx");
    const buffer = fs.readFileSync(input);
    const arrayBuffer = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
    const built = await addSummaryTabs(arrayBuffer, tablesOf());
    expect(built.tabs.length).toBeGreaterThan(0);
  });

  test("bytes that are no package: UnreadablePackageError, worded for the file's name", async () => {
    const error = await addSummaryTabs(new TextEncoder().encode("不是 xlsx"), tablesOf()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadablePackageError);
    expect(unreadableMessage("台账.xlsx", error as UnreadablePackageError)).toMatch(
      /^无法读取文件 台账\.xlsx：.+。文件可能已损坏，或不是 Excel 2007 及以上版本的 \.xlsx 文件。$/,
    );
  });
});

describe("a tab's XML is made as it is written", () => {
  /** A findings-like table of `rows` body rows. */
  const longTable = (rows: number): TabTable => {
    const base = tablesOf().find((t) => t.key === "findings") as TabTable;
    return { ...base, rows: Array.from({ length: rows }, (_, i) => base.rows[i % base.rows.length]), totalRow: undefined };
  };

  test("the memory check runs while the pieces are made, every MEMORY_CHECK_ROWS rows, and what it throws stops the encoding", () => {
    let calls = 0;
    const rendered = renderTabs([longTable(10_000)], [], false, () => {
      calls += 1;
    });
    // Rendering adds the styles only: no row is made yet.
    expect(calls).toBe(0);
    const sheet = rendered.sheets[0];
    const text = new TextDecoder().decode(utf8OfPieces(sheet.pieces()));
    const { rowCount } = layoutSummary(longTable(10_000) as SummaryTable);
    expect(rowCount).toBeGreaterThan(10_000);
    expect((text.match(/<row /g) ?? []).length).toBeGreaterThan(10_000);
    expect(calls).toBe(Math.floor(rowCount / MEMORY_CHECK_ROWS));
    // Each call of pieces() starts again: the same text.
    expect(new TextDecoder().decode(utf8OfPieces(sheet.pieces()))).toBe(text);

    const stopping = renderTabs([longTable(10_000)], [], false, () => {
      throw new Error("内存将尽");
    });
    expect(() => utf8OfPieces(stopping.sheets[0].pieces())).toThrow("内存将尽");
  });
});
