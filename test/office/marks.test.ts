import type { Finding } from "../../src/checks/types";
import { clearMarks, markFindings, MARKS_NAMESPACE, recordFromXml, selectCell } from "../../src/office/marks";
import { brokenRecordMessage, SEVERITY_FILLS } from "../../src/host/marks";
import { HostError } from "../../src/host/types";
import { FakeExcel, type FakeSheet } from "./fakeExcel";

const finding = (rule: Finding["rule"], severity: Finding["severity"], cell: string | null, message: string): Finding => ({
  rule,
  severity,
  clause: "第二条",
  household: "H01",
  cell: cell === null ? null : { column: /^[A-Z]+/.exec(cell)![0], row: Number(/\d+$/.exec(cell)![0]) },
  message,
  data: { kind: "test" },
});

const FINDINGS: Finding[] = [
  finding("D03", "error", "C3", "证件号码校验位不对"),
  finding("M01", "warning", "C3", "人均纯收入低于监测线"),
  finding("M02", "warning", "D4", "上年收入缺失"),
  finding("M05", "info", "E5", "建议核实帮扶措施"),
  finding("D01", "error", null, "表头缺少户编号"),
];

/** The ledger: C3 yellow (the user's), D4 no fill, E5 with the user's note, F6 (not a finding) blue with a note; D4 holds a formula. */
function ledger(): FakeExcel {
  return new FakeExcel([
    {
      name: "台账",
      cells: [
        ["户编号", "姓名", "证件号码", "人均纯收入", "帮扶措施", "备注"],
        ["H01", "张三", "110101197001011234", 9000, "务工", ""],
        ["H01", "李四", "110101197001011235", 9000, "", ""],
        ["H02", "王五", "110101197001011236", 12000, "养殖", ""],
        ["H03", "赵六", "110101197001011237", 16000, "", "已核实"],
      ],
      origin: { row: 2, column: 1 },
      formulas: { D4: "=D3" },
      fills: { C3: "#FFFF00", F6: "#BDD7EE" },
      notes: { E5: "用户自己的批注", F6: "另一条用户批注" },
    },
  ]);
}

/** Every value and formula of the sheet, to compare before and after. */
function snapshot(excel: FakeExcel, sheet: FakeSheet): string {
  return JSON.stringify([...sheet.cells.entries()].map(([k, c]) => [k, c.value, c.formula, c.numberFormat]).sort());
}

const fillAt = (excel: FakeExcel, sheet: FakeSheet, address: string) => {
  const m = /^([A-Z])(\d+)$/.exec(address)!;
  return excel.peek(sheet, Number(m[2]), m[1].charCodeAt(0) - 64)?.fill?.color ?? null;
};

describe("markFindings and clearMarks", () => {
  test("marks fill by severity and note, keeps the user's note, never writes a value or formula; clear restores exactly", async () => {
    const excel = ledger();
    const sheet = excel.sheet("台账");
    const before = snapshot(excel, sheet);
    const context = excel.context.asContext();

    const result = await markFindings(context, "台账", FINDINGS, { annotation: "note" });
    expect(result).toEqual({ marked: 3, annotated: 2, keptUserAnnotations: 1, annotation: "note" });
    expect(excel.syncCount).toBe(2);
    expect(fillAt(excel, sheet, "C3")).toBe(SEVERITY_FILLS.error);
    expect(fillAt(excel, sheet, "D4")).toBe(SEVERITY_FILLS.warning);
    expect(fillAt(excel, sheet, "E5")).toBe(SEVERITY_FILLS.info);
    expect(SEVERITY_FILLS).toEqual({ error: "#F8D7DA", warning: "#FFF3CD", info: "#D1ECF1" });
    expect(sheet.notes.get("C3")).toBe("BANGFU 检查：\n【错误】D03 证件号码校验位不对\n【警告】M01 人均纯收入低于监测线");
    expect(sheet.notes.get("D4")).toBe("BANGFU 检查：\n【警告】M02 上年收入缺失");
    expect(sheet.notes.get("E5")).toBe("用户自己的批注");
    expect(fillAt(excel, sheet, "F6")).toBe("#BDD7EE");
    // Previous fills are kept in a custom XML part, keyed by the sheet's id.
    expect(excel.xmlParts.filter((p) => !p.deleted)).toHaveLength(1);
    const record = recordFromXml(excel.xmlParts[0].xml)!;
    expect(excel.xmlParts[0].xml).toContain(`xmlns="${MARKS_NAMESPACE}"`);
    expect(record.sheetId).toBe(sheet.id);
    expect(record.cells.map((c) => [c.a, c.prev, c.ann])).toEqual([
      ["C3", { color: "#FFFF00" }, "note"],
      ["D4", null, "note"],
      ["E5", null, null],
    ]);

    const cleared = await clearMarks(context, "台账");
    expect(cleared).toEqual({ cleared: 3, keptUserFills: 0 });
    expect(excel.syncCount).toBe(2 + 4);
    expect(fillAt(excel, sheet, "C3")).toBe("#FFFF00"); // yellow again
    expect(fillAt(excel, sheet, "D4")).toBeNull(); // no fill again
    expect(fillAt(excel, sheet, "E5")).toBeNull();
    expect(fillAt(excel, sheet, "F6")).toBe("#BDD7EE");
    expect([...sheet.notes.entries()]).toEqual([
      ["E5", "用户自己的批注"],
      ["F6", "另一条用户批注"],
    ]);
    expect(excel.xmlParts.filter((p) => !p.deleted)).toHaveLength(0);

    // Values and formulas of every ledger cell are as they were; nothing ever wrote them.
    expect(snapshot(excel, sheet)).toBe(before);
    expect(excel.log.filter((l) => /^(values|formulas|numberFormat|hyperlink) /.test(l))).toEqual([]);
  });

  test("clearing with nothing marked takes one sync and changes nothing", async () => {
    const excel = ledger();
    expect(await clearMarks(excel.context.asContext(), "台账")).toEqual({ cleared: 0, keptUserFills: 0 });
    expect(excel.syncCount).toBe(1);
    expect(excel.log).toEqual([]);
  });

  test("marking twice keeps the original fills: clearing returns to the user's, not to BANGFU's", async () => {
    const excel = ledger();
    const sheet = excel.sheet("台账");
    const context = excel.context.asContext();
    await markFindings(context, "台账", FINDINGS, { annotation: "note" });
    // The second check finds C3 only as a warning, and D4 no longer.
    const syncsBefore = excel.syncCount;
    await markFindings(context, "台账", [finding("M01", "warning", "C3", "人均纯收入低于监测线")], { annotation: "note" });
    // ids and cells; the earlier record; the earlier record's cells; the batch; the record without D4 and E5.
    expect(excel.syncCount - syncsBefore).toBe(5);
    expect(fillAt(excel, sheet, "C3")).toBe(SEVERITY_FILLS.warning);
    expect(fillAt(excel, sheet, "D4")).toBeNull();
    expect(sheet.notes.get("C3")).toBe("BANGFU 检查：\n【警告】M01 人均纯收入低于监测线");
    expect(sheet.notes.has("D4")).toBe(false);
    expect(excel.xmlParts.filter((p) => !p.deleted)).toHaveLength(1);
    await clearMarks(context, "台账");
    expect(fillAt(excel, sheet, "C3")).toBe("#FFFF00");
    expect(fillAt(excel, sheet, "E5")).toBeNull();
    expect([...sheet.notes.keys()].sort()).toEqual(["E5", "F6"]);
  });

  test("a fill or note the user changed after marking is left as the user made it", async () => {
    const excel = ledger();
    const sheet = excel.sheet("台账");
    const context = excel.context.asContext();
    await markFindings(context, "台账", FINDINGS, { annotation: "note" });
    excel.cell(sheet, "D4").fill = { color: "#00B050" };
    sheet.notes.set("C3", "我改过这条批注");
    const result = await clearMarks(context, "台账");
    expect(result).toEqual({ cleared: 3, keptUserFills: 1 });
    expect(fillAt(excel, sheet, "D4")).toBe("#00B050");
    expect(fillAt(excel, sheet, "C3")).toBe("#FFFF00");
    expect(sheet.notes.get("C3")).toBe("我改过这条批注");
  });

  test("marks survive renaming the sheet (the record is keyed by the sheet's id)", async () => {
    const excel = ledger();
    const sheet = excel.sheet("台账");
    await markFindings(excel.context.asContext(), "台账", FINDINGS, { annotation: "note" });
    sheet.name = "台账（改名）";
    expect((await clearMarks(excel.context.asContext(), "台账（改名）")).cleared).toBe(3);
    expect(fillAt(excel, sheet, "C3")).toBe("#FFFF00");
  });

  test("without the notes API: comments, and clearing deletes only BANGFU's comments", async () => {
    const excel = ledger();
    excel.notesSupported = false;
    const sheet = excel.sheet("台账");
    excel.comments.push({ id: "USER-1", sheet, address: "B3", content: "用户的讨论", deleted: false });
    const context = excel.context.asContext();
    const result = await markFindings(
      context,
      "台账",
      [...FINDINGS, finding("M03", "info", "B3", "姓名有空格"), finding("M04", "info", "A6", "户编号重复")],
      { annotation: "comment" },
    );
    // B3 keeps the user's comment. E5's legacy note cannot be seen without the notes API: Excel refuses
    // the comment there, and the cell is marked by its fill only.
    expect(result).toEqual({ marked: 5, annotated: 3, keptUserAnnotations: 2, annotation: "comment" });
    // ids and comments, where they are, the marks batch, the comments batch (refused at E5), how many
    // comments there are now (1: it says which cell was refused), the comments after E5.
    expect(excel.syncs.map((s) => s.error)).toEqual([null, null, null, "InvalidOperation", null, null]);
    expect(sheet.notes.get("E5")).toBe("用户自己的批注");
    const live = () => excel.comments.filter((c) => !c.deleted).map((c) => [c.address, c.content.split("\n")[0]]);
    expect(live()).toEqual([
      ["B3", "用户的讨论"],
      ["C3", "BANGFU 检查："],
      ["D4", "BANGFU 检查："],
      ["A6", "BANGFU 检查："],
    ]);
    await clearMarks(context, "台账");
    expect(live()).toEqual([["B3", "用户的讨论"]]);
    expect(fillAt(excel, sheet, "C3")).toBe("#FFFF00");
    expect(fillAt(excel, sheet, "B3")).toBeNull();
  });

  test("annotation none: fills only", async () => {
    const excel = ledger();
    const sheet = excel.sheet("台账");
    const result = await markFindings(excel.context.asContext(), "台账", FINDINGS, { annotation: "none" });
    expect(result).toEqual({ marked: 3, annotated: 0, keptUserAnnotations: 0, annotation: "none" });
    expect([...sheet.notes.keys()].sort()).toEqual(["E5", "F6"]);
    expect(fillAt(excel, sheet, "D4")).toBe(SEVERITY_FILLS.warning);
  });

  test("a protected sheet fails with AccessDenied and nothing is changed", async () => {
    const excel = ledger();
    const sheet = excel.sheet("台账");
    sheet.protected = true;
    const before = snapshot(excel, sheet);
    await expect(markFindings(excel.context.asContext(), "台账", FINDINGS, { annotation: "note" })).rejects.toMatchObject({
      code: "AccessDenied",
    });
    expect(fillAt(excel, sheet, "C3")).toBe("#FFFF00");
    expect(fillAt(excel, sheet, "D4")).toBeNull();
    expect(snapshot(excel, sheet)).toBe(before);
  });

  test("a record whose sheet was deleted is dropped the next time", async () => {
    const excel = ledger();
    excel.addSheet({ name: "旧表", cells: [["x"]] });
    await markFindings(excel.context.asContext(), "旧表", [finding("D03", "error", "A1", "x")], { annotation: "note" });
    excel.sheet("旧表").deleted = true;
    await markFindings(excel.context.asContext(), "台账", FINDINGS, { annotation: "note" });
    const live = excel.xmlParts.filter((p) => !p.deleted).map((p) => recordFromXml(p.xml)!.sheetName);
    expect(live).toEqual(["台账"]);
  });
});

describe("a mark record that cannot be read", () => {
  const live = (excel: FakeExcel) => excel.xmlParts.filter((p) => !p.deleted);
  /** Damage a part's JSON (as a hand edit would), keeping or dropping its sheetId attribute. */
  const damage = (part: { xml: string }, keepSheetId = true) => {
    part.xml = keepSheetId
      ? part.xml.replace(/>\{.*<\/marks>$/s, ">{damaged</marks>")
      : `<marks xmlns="${MARKS_NAMESPACE}">{damaged</marks>`;
  };

  test(
    "clearing says that the saved fills are lost (the message WPS gives) before the record is " +
      "dropped; the marked cells are left as they are",
    async () => {
      const excel = ledger();
      const sheet = excel.sheet("台账");
      await markFindings(excel.context.asContext(), "台账", FINDINGS, { annotation: "note" });
      damage(live(excel)[0]);
      const failure = clearMarks(excel.context.asContext(), "台账");
      await expect(failure).rejects.toBeInstanceOf(HostError);
      await expect(failure).rejects.toMatchObject({ kind: "other", message: brokenRecordMessage("台账") });
      expect(brokenRecordMessage("台账")).toMatch(/“台账”标记记录已损坏.*无法据此恢复原来的填充色和批注.*该记录已删除/);
      expect(live(excel)).toHaveLength(0);
      expect(fillAt(excel, sheet, "C3")).toBe(SEVERITY_FILLS.error);
      // Said once: the next clear finds nothing to clear.
      expect(await clearMarks(excel.context.asContext(), "台账")).toEqual({ cleared: 0, keptUserFills: 0 });
    },
  );

  test("marking says so too, instead of marking over fills it can no longer restore", async () => {
    const excel = ledger();
    const sheet = excel.sheet("台账");
    await markFindings(excel.context.asContext(), "台账", FINDINGS, { annotation: "note" });
    damage(live(excel)[0]);
    await expect(markFindings(excel.context.asContext(), "台账", FINDINGS, { annotation: "note" })).rejects.toMatchObject({
      kind: "other",
      message: brokenRecordMessage("台账"),
    });
    expect(live(excel)).toHaveLength(0);
    expect(fillAt(excel, sheet, "D4")).toBe(SEVERITY_FILLS.warning);
  });

  test("another sheet's damaged record is left for that sheet; one that names no sheet is reported and dropped", async () => {
    const excel = ledger();
    excel.addSheet({ name: "附表", cells: [["x"]] });
    await markFindings(excel.context.asContext(), "附表", [finding("D03", "error", "A1", "x")], { annotation: "note" });
    damage(live(excel)[0]);
    await markFindings(excel.context.asContext(), "台账", FINDINGS, { annotation: "note" });
    expect(live(excel)).toHaveLength(2);
    await expect(clearMarks(excel.context.asContext(), "附表")).rejects.toMatchObject({ message: brokenRecordMessage("附表") });
    expect(live(excel).map((p) => recordFromXml(p.xml)?.sheetName)).toEqual(["台账"]);

    damage(live(excel)[0], false);
    await expect(clearMarks(excel.context.asContext(), "台账")).rejects.toMatchObject({ message: brokenRecordMessage(null) });
    expect(live(excel)).toHaveLength(0);
  });
});

describe("selectCell", () => {
  test("activates the sheet and selects the cell in one sync", async () => {
    const excel = ledger();
    excel.addSheet({ name: "汇总" });
    excel.activeSheet = excel.sheet("汇总");
    await selectCell(excel.context.asContext(), "台账", { row: 12, column: "h" });
    expect(excel.activeSheet?.name).toBe("台账");
    expect(excel.sheet("台账").selection).toBe("H12");
    expect(excel.syncCount).toBe(1);
  });
});

test("clearing where the notes API is missing restores fills and leaves BANGFU's notes (they cannot be found)", async () => {
  const excel = ledger();
  const sheet = excel.sheet("台账");
  await markFindings(excel.context.asContext(), "台账", FINDINGS, { annotation: "note" });
  excel.notesSupported = false;
  expect(await clearMarks(excel.context.asContext(), "台账", { notes: false })).toEqual({ cleared: 3, keptUserFills: 0 });
  expect(fillAt(excel, sheet, "C3")).toBe("#FFFF00");
  expect(sheet.notes.has("C3")).toBe(true);
});
