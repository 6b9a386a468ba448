/**
 * A summary workbook the zip format cannot hold without ZIP64 (4 GiB, 65,535 parts) is refused
 * with a Chinese message naming the file, by the command line and by the page, and the command
 * line leaves no half-written file. The writer's own refusal is tested in ./zipWriter.test.ts;
 * here it is made to refuse so that the callers' handling is seen without writing 4 GiB.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { EMPTY_SETTINGS } from "../../src/host/types";
import { SUMMARY_KEYS } from "../../src/summaries";
import { PageFileError } from "../../src/web/errors";
import { NamedBlob, PageSession } from "../../src/web/session";
import { SummaryWriteError, writeSummaryWorkbook } from "../../src/xlsx/writeSummaries";
import { TOO_LARGE_FOR_XLSX } from "../../src/xlsx/zipWriter";
import { build, PERSON_ROWS } from "../summaries/fixtures";
import { useTempDir } from "../support/cli";
import { writeRows } from "../support/workbooks";

jest.mock("../../src/xlsx/zipWriter", () => {
  const actual = jest.requireActual<typeof import("../../src/xlsx/zipWriter")>("../../src/xlsx/zipWriter");
  const refuse = async () => {
    throw new actual.ZipTooLargeError("more than 65535 entries");
  };
  return { ...actual, writeZip: refuse, zipBytes: refuse };
});

jest.setTimeout(60_000);
const dir = useTempDir("bangfu-too-large-");
const SAMPLE = path.join(__dirname, "..", "..", "examples", "国家系统导出-人员.xlsx");

test("bangfu summary: refused in Chinese, naming the output; no output and no temporary file left", async () => {
  const input = await writeRows(path.join(dir(), "台账.xlsx"), { 台账: PERSON_ROWS });
  const output = path.join(dir(), "台账-汇总.xlsx");
  const error = await writeSummaryWorkbook(input, output, build(PERSON_ROWS).tables).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SummaryWriteError);
  expect((error as Error).message).toBe(`无法写出 ${output}：${TOO_LARGE_FOR_XLSX}`);
  expect(fs.readdirSync(dir()).sort()).toEqual(["台账.xlsx"]);
});

test("the page: refused in Chinese, naming the file it would have downloaded", async () => {
  const session = new PageSession();
  await session.open(Object.assign(new Blob([fs.readFileSync(SAMPLE)]), { name: "国家系统导出-人员.xlsx" }) as NamedBlob);
  const error = await session
    .generate({ sheet: "脱贫人口明细", settings: EMPTY_SETTINGS, clock: new Date(2025, 11, 15, 9, 30), tabs: SUMMARY_KEYS, fullIds: false })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PageFileError);
  expect((error as Error).message).toBe(`无法生成“国家系统导出-人员-汇总.xlsx”：${TOO_LARGE_FOR_XLSX}。`);
});
