/** `check --json` writes its report in pieces; the text is exactly JSON.stringify(…, null, 2) of the report. */
import { checkSheet } from "../src/engine/checkSheet";
import { reportToJson, writeReportJson } from "../src/cli/format";
import { AS_OF, sheet } from "./support/ledgerFixtures";

function report(households: number) {
  const rows: unknown[][] = [["户编号", "户主姓名", "人均纯收入", "增收帮扶责任人"]];
  // Low-income households without a cadre: one M01 finding each.
  for (let i = 0; i < households; i++) rows.push([`H${i}`, `户主"${i}"`, 9000, ""]);
  return checkSheet(sheet(rows), { asOf: AS_OF });
}

test.each([0, 1, 1000, 2500])("%i households without a cadre: the pieces make the whole JSON", async (n) => {
  const { report: r, policy } = report(n);
  let text = "";
  await writeReportJson(r, policy, (piece) => void (text += piece));
  expect(text).toBe(`${JSON.stringify(reportToJson(r, policy), null, 2)}\n`);
  expect((JSON.parse(text) as { findings: unknown[] }).findings.length).toBe(r.findings.length);
});

test("a writer that makes the pieces wait gets them one at a time, in order", async () => {
  const { report: r, policy } = report(2500);
  const pieces: string[] = [];
  let pending = 0;
  await writeReportJson(r, policy, async (piece) => {
    expect(pending).toBe(0); // the previous piece was let through before this one came
    pending += 1;
    pieces.push(piece);
    await new Promise((resolve) => setImmediate(resolve));
    pending -= 1;
  });
  expect(pieces.length).toBe(2 + Math.ceil(2500 / 1000)); // head, three parts of findings, end
  expect(pieces.join("")).toBe(`${JSON.stringify(reportToJson(r, policy), null, 2)}\n`);
});
