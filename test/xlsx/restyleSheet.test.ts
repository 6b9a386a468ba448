/**
 * A rendered tab's style indexes rewritten to the workbook's merged styles: the s= of cells and
 * rows, the style= of columns, the dxfId= of conditional formats — and nothing else, however
 * the text of a cell reads.
 */
import { restyleSheet } from "../../src/xlsx/mergeStyles";

const MAP = { xf: [0, 7, 9, 12], dxf: [4, 5] };

test("cells, rows, columns and conditional formats take the merged indexes", () => {
  const xml =
    `<worksheet><cols><col min="1" max="2" width="12" style="2"/></cols><sheetData>` +
    `<row r="1" s="3" customFormat="1"><c r="A1" s="1" t="inlineStr"><is><t>户</t></is></c><c r="B1"/></row>` +
    `<row r="2"><c r="A2" s="2"><v>5</v></c><c r="B2" t="n" s="3"><v>6</v></c></row>` +
    `</sheetData><conditionalFormatting sqref="B2"><cfRule type="cellIs" dxfId="1" priority="1"/></conditionalFormatting></worksheet>`;
  expect(restyleSheet(xml, MAP)).toBe(
    `<worksheet><cols><col min="1" max="2" width="12" style="9"/></cols><sheetData>` +
      `<row r="1" s="12" customFormat="1"><c r="A1" s="7" t="inlineStr"><is><t>户</t></is></c><c r="B1"/></row>` +
      `<row r="2"><c r="A2" s="9"><v>5</v></c><c r="B2" t="n" s="12"><v>6</v></c></row>` +
      `</sheetData><conditionalFormatting sqref="B2"><cfRule type="cellIs" dxfId="5" priority="1"/></conditionalFormatting></worksheet>`,
  );
});

test("text that looks like an attribute is left as written; an index the map lacks becomes 0", () => {
  const xml = `<sheetData><row r="1"><c r="A1" s="9" t="inlineStr"><is><t>备注 s="1" style="2"</t></is></c></row></sheetData>`;
  expect(restyleSheet(xml, MAP)).toBe(
    `<sheetData><row r="1"><c r="A1" s="0" t="inlineStr"><is><t>备注 s="1" style="2"</t></is></c></row></sheetData>`,
  );
});
