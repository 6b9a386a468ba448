/** WPS over the fake ET behind the host contract (test/host/contract.ts). */
import { columnLetter, sheetOfReference } from "../../src/ledger/cellRef";
import { markerName } from "../../src/summaries/model";
import { WpsWorkbookHost } from "../../src/wps/host";
import { shownGrid, type ContractFactory } from "../host/contract";
import { FakeEt } from "./fakeEt";

export const openWpsWorkbook: ContractFactory = (seed) => {
  const et = new FakeEt(
    seed.sheets.map((s) => ({
      name: s.name,
      cells: s.cells,
      origin: s.origin,
      fills: s.fills,
      notes: s.notes,
      formulas: s.formulas,
      merges: s.merges,
      protected: s.protected,
      visible: s.hidden ? 0 : -1,
    })),
    { activeSheet: seed.active },
  );
  const open = () => new WpsWorkbookHost(et.app, { read: { blockRows: 2, pause: async () => undefined } });
  return {
    host: open(),
    reopen: open,
    fill: (sheet, address) => et.fill(sheet, address),
    note: (sheet, address) => et.note(sheet, address),
    content: (sheet) => et.contentSnapshot(sheet),
    tab: (sheet) => {
      const s = et.sheet(sheet);
      const box = et.usedBox(s);
      return shownGrid(box.bottom, box.right, (r, c) => ({
        value: et.valueAt(s, r, c),
        numberFormat: et.peek(s, `${columnLetter(c)}${r}`)?.numberFormat,
      }));
    },
    frozenRows: (sheet) => et.sheet(sheet).frozen?.rows ?? 0,
    marker: (key) => {
      const name = et.definedNames().find((n) => n.name === markerName(key));
      return name ? sheetOfReference(name.refersTo) : null;
    },
    pointMarker: (key, sheet) => {
      const i = et.names.findIndex((n) => n.name === markerName(key));
      if (i >= 0) et.names.splice(i, 1);
      et.names.push({ name: markerName(key), sheet: et.sheet(sheet), cell: "$A$1", visible: true });
    },
    selection: () => (et.active?.selection ? { sheet: et.active.name, cell: et.active.selection } : null),
    select: async (sheet, address) => {
      et.active = et.sheet(sheet);
      et.active.selection = address;
    },
    formula: (sheet, address) => et.peek(et.sheet(sheet), address)?.formula ?? null,
    recalculations: () => et.calculations.filter((call) => call === "CalculateFull").length,
  };
};
