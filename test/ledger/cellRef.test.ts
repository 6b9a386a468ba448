import { columnLetter, columnNumber, formatCellRef, quoteSheetName } from "../../src/ledger";

describe("column letters", () => {
  it.each([
    [1, "A"],
    [8, "H"],
    [26, "Z"],
    [27, "AA"],
    [52, "AZ"],
    [53, "BA"],
    [702, "ZZ"],
    [703, "AAA"],
    [16384, "XFD"],
  ])("%i → %s and back", (n, letters) => {
    expect(columnLetter(n)).toBe(letters);
    expect(columnNumber(letters)).toBe(n);
    expect(columnNumber(letters.toLowerCase())).toBe(n);
  });

  it("round-trips every column of a wide sheet", () => {
    for (let n = 1; n <= 2000; n++) expect(columnNumber(columnLetter(n))).toBe(n);
  });

  it("refuses what is not a column", () => {
    expect(() => columnLetter(0)).toThrow(RangeError);
    expect(() => columnLetter(1.5)).toThrow(RangeError);
    expect(() => columnNumber("A1")).toThrow(RangeError);
  });
});

describe("formatCellRef", () => {
  it("writes plain sheet names as they are", () => {
    expect(formatCellRef("台账", { row: 12, column: "H" })).toBe("台账!H12");
    expect(formatCellRef("Sheet1", { row: 1, column: "A" })).toBe("Sheet1!A1");
    expect(formatCellRef("脱贫户_2024", { row: 3, column: "AA" })).toBe("脱贫户_2024!AA3");
  });

  it("quotes names as Excel does", () => {
    expect(formatCellRef("2024 台账", { row: 12, column: "H" })).toBe("'2024 台账'!H12");
    expect(quoteSheetName("2024台账")).toBe("'2024台账'");
    expect(quoteSheetName("台账-东村")).toBe("'台账-东村'");
    expect(quoteSheetName("台账(一)")).toBe("'台账(一)'");
    expect(quoteSheetName("O'Neil")).toBe("'O''Neil'");
    expect(quoteSheetName("AB12")).toBe("'AB12'");
    expect(quoteSheetName("R1C1")).toBe("'R1C1'");
  });

  it("gives the bare address without a sheet name", () => {
    expect(formatCellRef("", { row: 5, column: "C" })).toBe("C5");
  });
});
