import { boxAddress, parseAreas, parseBox, quoteSheet, sheetOfReference } from "../../src/office/addresses";

describe("addresses as Office.js hands them over", () => {
  test("areas with plain, quoted and escaped sheet names", () => {
    expect(parseAreas("Sheet1!A1:B4, Sheet1!D1:D4")).toEqual([
      { top: 1, left: 1, bottom: 4, right: 2 },
      { top: 1, left: 4, bottom: 4, right: 4 },
    ]);
    expect(parseAreas("'村, 组''s 台账'!$B$3:$AA$10, '村, 组''s 台账'!C1")).toEqual([
      { top: 3, left: 2, bottom: 10, right: 27 },
      { top: 1, left: 3, bottom: 1, right: 3 },
    ]);
    expect(parseBox("台账A1!B3")).toEqual({ top: 3, left: 2, bottom: 3, right: 2 });
    expect(parseAreas("")).toEqual([]);
    expect(() => parseBox("#REF!")).toThrow("无法识别");
  });

  test("building addresses and references", () => {
    expect(boxAddress({ top: 3, left: 2, bottom: 1002, right: 41 })).toBe("B3:AO1002");
    expect(boxAddress({ top: 7, left: 8, bottom: 7, right: 8 })).toBe("H7");
    expect(quoteSheet("O'Brien 台账")).toBe("'O''Brien 台账'");
    expect(sheetOfReference("='汇总-分层(2)'!$A$1")).toBe("汇总-分层(2)");
    expect(sheetOfReference("=Sheet1!$A$1")).toBe("Sheet1");
    expect(sheetOfReference("='O''Brien'!$A$1")).toBe("O'Brien");
    expect(sheetOfReference("=#REF!$A$1")).toBeNull();
  });
});
