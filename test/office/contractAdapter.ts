/** Office.js over the fake Excel behind the host contract (test/host/contract.ts). */
import { columnNumber, sheetOfReference } from "../../src/ledger/cellRef";
import { ALL_CAPABILITIES } from "../../src/office/capabilities";
import { OfficeWorkbookHost } from "../../src/office/host";
import type { SettingsStore } from "../../src/office/settings";
import { markerName } from "../../src/summaries/model";
import { shownGrid, type ContractFactory } from "../host/contract";
import { FakeExcel } from "./fakeExcel";

export const openOfficeWorkbook: ContractFactory = (seed) => {
  const excel = new FakeExcel(
    seed.sheets.map((s) => ({
      name: s.name,
      cells: s.cells.map((row) => row.map((v) => v ?? "")),
      origin: s.origin,
      fills: s.fills,
      notes: s.notes,
      formulas: s.formulas,
      merges: s.merges,
      protected: s.protected,
      visibility: s.hidden ? "Hidden" : "Visible",
    })),
  );
  if (seed.active) excel.activeSheet = excel.sheet(seed.active);
  // Office.context.document.settings: kept with the document, so a later session sees them.
  const saved: Record<string, unknown> = {};
  const settings: SettingsStore = { get: (key) => saved[key], set: (key, value) => void (saved[key] = value), save: async () => undefined };
  // Microsoft 365: every requirement set (the versions below are tested in capabilities.test.ts).
  const open = () => new OfficeWorkbookHost({ run: excel.run, settings, annotation: "note", capabilities: ALL_CAPABILITIES });
  const cellAt = (sheet: string, address: string) =>
    excel.peek(excel.sheet(sheet), Number(address.replace(/\D+/g, "")), columnNumber(address.replace(/\d+/g, "")));
  return {
    host: open(),
    reopen: open,
    fill: (sheet, address) => cellAt(sheet, address)?.fill?.color.toUpperCase() ?? null,
    note: (sheet, address) => excel.sheet(sheet).notes.get(address) ?? null,
    content: (sheet) =>
      JSON.stringify(
        [...excel.sheet(sheet).cells]
          .filter(([, c]) => c.value !== "" || c.formula !== null)
          .map(([k, c]) => [k, c.value, c.formula])
          .sort(),
      ),
    tab: (sheet) => {
      const s = excel.sheet(sheet);
      const box = excel.usedBox(s);
      return shownGrid(box.bottom, box.right, (r, c) => ({
        value: excel.peek(s, r, c)?.value,
        numberFormat: excel.peek(s, r, c)?.numberFormat,
      }));
    },
    frozenRows: (sheet) => excel.sheet(sheet).frozenRows,
    marker: (key) => {
      const name = excel.definedNames().find((n) => n.name === markerName(key));
      return name ? sheetOfReference(name.formula) : null;
    },
    pointMarker: (key, sheet) => {
      const i = excel.names.findIndex((n) => n.name === markerName(key));
      if (i >= 0) excel.names.splice(i, 1);
      excel.addName(markerName(key), excel.sheet(sheet));
    },
    selection: () => (excel.activeSheet?.selection ? { sheet: excel.activeSheet.name, cell: excel.activeSheet.selection } : null),
    select: async (sheet, address) => {
      excel.activeSheet = excel.sheet(sheet);
      excel.activeSheet.selection = address;
    },
    formula: (sheet, address) => cellAt(sheet, address)?.formula ?? null,
    recalculations: () => excel.calculations.filter((type) => type === "Full").length,
  };
};
