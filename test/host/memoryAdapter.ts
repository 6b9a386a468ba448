/** The in-memory workbook behind the host contract (test/host/contract.ts). */
import { columnNumber } from "../../src/ledger/cellRef";
import { MemoryWorkbookHost } from "../../src/host/memoryHost";
import { markerName } from "../../src/summaries/model";
import type { ContractFactory } from "./contract";

function box(address: string) {
  const [a, b = a] = address.split(":");
  const cell = (ref: string) => ({ row: Number(ref.replace(/\D+/g, "")), column: columnNumber(ref.replace(/\d+/g, "")) });
  const from = cell(a);
  const to = cell(b);
  return { top: from.row, left: from.column, bottom: to.row, right: to.column };
}

export const openMemoryWorkbook: ContractFactory = (seed) => {
  const host = new MemoryWorkbookHost(
    seed.sheets.map((s) => ({
      name: s.name,
      // What a spreadsheet hands over: "" for an empty cell.
      cells: s.cells.map((row) => row.map((v) => v ?? "")),
      origin: s.origin,
      fills: s.fills,
      notes: s.notes,
      formulas: s.formulas,
      merges: (s.merges ?? []).map(box),
      protected: s.protected,
      hidden: s.hidden,
    })),
    { activeSheet: seed.active },
  );
  return {
    host,
    reopen: () => host,
    fill: (sheet, address) => host.sheet(sheet)?.fills.get(address)?.toUpperCase() ?? null,
    note: (sheet, address) => host.sheet(sheet)?.notes.get(address) ?? null,
    content: (sheet) => JSON.stringify([host.sheet(sheet)?.cells, [...(host.sheet(sheet)?.formulas ?? [])]]),
    tab: (sheet) =>
      (host.sheet(sheet)?.cells ?? []).map((row) => row.map((v) => (v === "" || v === undefined ? null : (v as string | number)))),
    frozenRows: (sheet) => host.sheet(sheet)?.summary?.frozenRows ?? 0,
    marker: (key) => host.names.get(markerName(key)) ?? null,
    pointMarker: (key, sheet) => void host.names.set(markerName(key), sheet),
    selection: () =>
      host.selection ? { sheet: host.selection.sheet, cell: `${host.selection.cell.column}${host.selection.cell.row}` } : null,
    select: async (sheet, address) => {
      const b = box(address);
      await host.selectCell(sheet, { row: b.top, column: address.replace(/\d.*$/, "") });
      host.selectionSize = { rows: b.bottom - b.top + 1, columns: b.right - b.left + 1 };
    },
    formula: (sheet, address) => host.sheet(sheet)?.formulas.get(address) ?? null,
    recalculations: () => host.recalculations,
  };
};
