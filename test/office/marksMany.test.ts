/**
 * Marking many findings: 20,000 marked cells against the fake with Excel on the web's 5 MB
 * payload limit (requests and responses), notes and comments, and a batch refused for its size.
 */
import type { Finding } from "../../src/checks/types";
import { SEVERITY_FILLS } from "../../src/host/marks";
import { clearMarks, markFindings, recordFromXml } from "../../src/office/marks";
import { FakeExcel } from "./fakeExcel";

jest.setTimeout(120_000);

const CELLS = 20_000;
const ROWS = CELLS / 2;

/** Two findings a row in columns C and D, rows 2 … 10,001, with messages as long as real ones. */
function findings(): Finding[] {
  const out: Finding[] = [];
  for (let row = 2; row < ROWS + 2; row++) {
    for (const column of ["C", "D"]) {
      out.push({
        rule: column === "C" ? "D03" : "M02",
        severity: column === "C" ? "error" : "warning",
        clause: "二（一）3",
        household: `H${row}`,
        cell: { row, column },
        message: `户编号 3704021010040${row}（户主 张三），成员 李四（第${row}行）：身份证号校验位错误，最后一位应为“3”，请核对号码是否录错。`,
        data: column === "C" ? { kind: "invalidIdNumber", value: null, problem: "校验位错误" } : { kind: "noRecentContact" },
      });
    }
  }
  return out;
}

function workbook(): FakeExcel {
  return new FakeExcel([
    {
      name: "台账",
      cells: [["户编号", "姓名", "证件号码", "人均纯收入"]],
      // A few of the user's own fills and notes among the marked cells.
      fills: { C10: "#FFFF00", D500: "#BDD7EE" },
      notes: { C20: "用户自己的批注", D7000: "另一条" },
    },
  ]);
}

function expectWithinLimit(excel: FakeExcel): void {
  for (const sync of excel.syncs) {
    expect(sync.requestBytes).toBeLessThanOrEqual(excel.payloadLimit);
    expect(sync.responseBytes).toBeLessThanOrEqual(excel.payloadLimit);
  }
}

describe("20,000 marked cells", () => {
  it("marks with notes in payload-sized batches and clears exactly", async () => {
    const excel = workbook();
    const sheet = excel.sheet("台账");
    const context = excel.context.asContext();
    const result = await markFindings(context, "台账", findings(), { annotation: "note" });
    expect(result).toEqual({ marked: CELLS, annotated: CELLS - 2, keptUserAnnotations: 2, annotation: "note" });
    expect(excel.syncs.filter((s) => s.error !== null)).toEqual([]);
    expectWithinLimit(excel);
    // The notes alone are about 6.5 MB: more than one request, and far fewer syncs than cells.
    expect(excel.syncCount).toBeGreaterThan(4);
    expect(excel.syncCount).toBeLessThan(30);
    expect(excel.cell(sheet, "D10001").fill?.color).toBe(SEVERITY_FILLS.warning);
    expect(sheet.notes.get("C20")).toBe("用户自己的批注");
    expect(sheet.notes.get("C9999")).toContain("第9999行");
    // The record is split over several parts, together naming every cell.
    const parts = excel.xmlParts.filter((p) => !p.deleted);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.flatMap((p) => recordFromXml(p.xml)!.cells).length).toBe(CELLS);

    const marked = excel.syncCount;
    const cleared = await clearMarks(context, "台账");
    expect(cleared).toEqual({ cleared: CELLS, keptUserFills: 0 });
    expect(excel.syncs.filter((s) => s.error !== null)).toEqual([]);
    expectWithinLimit(excel);
    expect(excel.syncCount - marked).toBeLessThan(30);
    expect(excel.cell(sheet, "C10").fill?.color).toBe("#FFFF00");
    expect(excel.cell(sheet, "D500").fill?.color).toBe("#BDD7EE");
    expect(excel.cell(sheet, "C11").fill).toBeNull();
    expect([...sheet.notes.entries()].sort()).toEqual([
      ["C20", "用户自己的批注"],
      ["D7000", "另一条"],
    ]);
    expect(excel.xmlParts.filter((p) => !p.deleted)).toEqual([]);
  });

  it("a batch refused for its size is sent again in halves", async () => {
    const excel = workbook();
    excel.payloadLimit = 1_500_000; // smaller than the batches are sized for (a record part, 1 MB, still fits)
    const result = await markFindings(excel.context.asContext(), "台账", findings(), { annotation: "note" });
    expect(result.marked).toBe(CELLS);
    const refused = excel.syncs.filter((s) => s.error === "RequestPayloadSizeLimitExceeded");
    expect(refused.length).toBeGreaterThan(0);
    expect(
      excel.syncs.filter(
        (s) => s.error !== null && s.error !== "RequestPayloadSizeLimitExceeded" && s.error !== "ResponsePayloadSizeLimitExceeded",
      ),
    ).toEqual([]);
    expect(excel.sheet("台账").notes.size).toBe(CELLS);
  });

  it("without the notes API: comments; each refused cell costs its refused batch and one count, not 3 syncs", async () => {
    const excel = workbook();
    excel.notesSupported = false;
    const result = await markFindings(excel.context.asContext(), "台账", findings(), { annotation: "comment" });
    // C20 and D7000 hold legacy notes the pre-1.18 API cannot see: Excel refuses a comment there.
    expect(result).toEqual({ marked: CELLS, annotated: CELLS - 2, keptUserAnnotations: 2, annotation: "comment" });
    expect(excel.comments.filter((c) => !c.deleted)).toHaveLength(CELLS - 2);
    expectWithinLimit(excel);
    const refusedBatches = excel.syncs.filter((s) => s.error === "InvalidOperation");
    expect(refusedBatches).toHaveLength(2);
    const counts = excel.syncs.filter(
      (s) => s.error === null && s.commands.length === 1 && s.commands[0] === "load FakeCommentCollection items/id",
    );
    expect(counts).toHaveLength(2);
  });
});
