/**
 * A fake of WPS 表格's object model (ET) and of the WPS add-in root, for the WPS adapter's
 * tests and for the headless-browser test of the built add-in (it has no Node dependencies so
 * that it can be bundled for a page).
 *
 * No WPS runs on the build machines, so this models what Kingsoft documents (the VBA object
 * model ET implements, et-jsapi-declare 2.5, the wpsjs 2.2 templates) and what the issue lists
 * as ET's differences from Office.js. Where WPS's documentation is silent the fake follows the
 * documented VBA behaviour, and says so:
 * - `Value2` of one cell is a scalar, of a one-row range a 1-D array (option), of more a 2-D
 *   array; an empty cell is `undefined`; a formula error is its COM error number
 *   (-2146826281 for #DIV/0!); dates are serial numbers;
 * - `Item(i)` is 1-based and also takes a name; `Address()` is absolute ("$A$1:$C$3"),
 *   `Address(false, false)` relative;
 * - an empty sheet's UsedRange is A1; UsedRange also covers cells that only carry formatting;
 * - `Worksheets.Add()` without arguments inserts before the active sheet, and the new sheet
 *   becomes the active one;
 * - a string written to a General cell that looks like a number becomes a number, one starting
 *   with "=" a formula (so "@" formats matter); NumberFormat takes one string per range;
 * - Interior.Color is BGR and reads 16777215 (white) for a cell without fill; ColorIndex and
 *   Pattern read xlNone (-4142) then (VBA);
 * - `Worksheet.Delete()` asks the user unless DisplayAlerts is false; the fake's user keeps the
 *   sheet (VBA: Delete returns False); a protected sheet refuses changes to values and formats;
 *   a protected workbook structure refuses new sheets; `Range.Select()` needs the sheet active;
 *   `AddComment` fails on a cell that already has a note (VBA);
 * - a chart added with Shapes.AddChart2 starts with series from the current selection when the
 *   selection holds data (Excel does this; WPS is assumed to);
 * - `Formula` is shaped as `Value2`: a formula cell's text ("=…"), else the constant as text
 *   ("" for an empty cell); writing `Formula` or `Value2` takes a 2-D array of the range's size;
 * - `Application.Selection` is a Range (its first area through Areas.Item(1) when several are
 *   selected), or a shape when one is selected (no Areas);
 * - formulas are computed when written and by CalculateFull, but only HYPERLINK("…","text") and a
 *   single call of a registered custom function on literals and cell references (ET passes one cell
 *   as its Value2, a range as rows); `Calculate` recomputes what changed since, and the fake tracks
 *   no dependencies, so it leaves every result as it is (as Calculate does after a change that
 *   touches no cell, such as a new policy for the custom functions);
 * - PluginStorage keeps values as given, shared by every page of the add-in;
 * - several workbooks may be open (addWorkbook); Application.ActiveWorkbook is the active one,
 *   Worksheet.Parent a sheet's own workbook, and CalculateFull computes every open workbook;
 * - `Application.Caller()` (a method in ET's JavaScript API, a property with an index in VBA) is,
 *   as VBA documents it, the Range of the cell whose formula called a custom function while one
 *   runs, and the #REF! error value for any other caller (the fake gives its COM number);
 * - `AddCustomFunction` exists only when the build supports custom functions (12.1.0.20540+).
 *
 * Every property read or write and method call made through `app` counts as one bridge call
 * (`bridgeCalls`): reading a method without calling it does not count.
 */
import { columnLetter, columnNumber, sheetOfReference } from "../../src/ledger/cellRef";
import type { WpsApplication, WpsFunctionMetadata } from "../../src/wps/et";
import { bgrToHex, ET_ERROR_TEXTS, hexToBgr } from "../../src/wps/values";

export class EtError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EtError";
  }
}

interface Box {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface FakeFill {
  color: number;
  pattern: number;
  patternColor?: number;
  tintAndShade?: number;
}

export interface CellState {
  value: string | number | boolean | undefined;
  /** "#DIV/0!" for a formula error. */
  error: string | null;
  formula: string | null;
  numberFormat: string;
  fill: FakeFill | null;
  bold: boolean;
  fontColor: number | null;
  fontSize: number | null;
  underline: number | null;
  hAlign: number | null;
  vAlign: number | null;
  wrap: boolean;
  borders: Record<number, number>;
  comment: string | null;
}

export interface ChartState {
  chartType: number;
  left: number;
  top: number;
  hasTitle: boolean;
  title: string;
  hasLegend: boolean;
  legendPosition: number | null;
  series: { name: string; values: string | null; xValues: string | null; deleted: boolean }[];
  via: "AddChart2" | "ChartObjects";
}

export interface SheetState {
  name: string;
  visible: number;
  protected: boolean;
  deleted: boolean;
  readonly cells: Map<number, CellState>;
  computed: ComputedCells | null;
  merges: Box[];
  frozen: { rows: number; columns: number } | null;
  readonly columnWidths: Map<number, number>;
  readonly charts: ChartState[];
  autoFilter: string | null;
  /** "A1", "B2:C5", or several areas "B2:C5,E7". */
  selection: string | null;
}

export interface ComputedCells {
  readonly box: Box;
  /** A cell's value; undefined for an empty cell (as under a merged area). */
  value(row: number, column: number): string | number | undefined;
}

export interface NameState {
  name: string;
  sheet: SheetState | null;
  cell: string;
  visible: boolean;
}

export interface EtSheetSeed {
  readonly name: string;
  /** cells[0][0] at origin (default A1); null or "" is an empty cell. */
  readonly cells?: readonly (readonly (string | number | boolean | null)[])[];
  readonly origin?: { readonly row: number; readonly column: number };
  readonly formulas?: Readonly<Record<string, string>>;
  /** Formula errors by address: "#DIV/0!" … */
  readonly errors?: Readonly<Record<string, string>>;
  readonly fills?: Readonly<Record<string, string>>;
  readonly notes?: Readonly<Record<string, string>>;
  readonly merges?: readonly string[];
  readonly computed?: ComputedCells;
  readonly protected?: boolean;
  readonly visible?: number;
}

export interface FakeEtOptions {
  /** AddCustomFunction is there (WPS 12.1.0.20540+); default true. */
  readonly customFunctions?: boolean;
  /** A one-row range's Value2 is a 1-D array; default true. */
  readonly oneDimensionalRows?: boolean;
  /** Which chart API the build has; default both. */
  readonly charts?: "both" | "chartObjectsOnly" | "none";
  readonly protectStructure?: boolean;
  /** The workbook counts dates from 1904 (Workbook.Date1904); default false. */
  readonly date1904?: boolean;
  /** The active sheet at the start (default the first visible). */
  readonly activeSheet?: string;
  /** No workbook is open (ActiveWorkbook is null). */
  readonly noWorkbook?: boolean;
}

const MAX_COLUMNS = 16384;
const key = (row: number, column: number) => row * (MAX_COLUMNS + 1) + column;
const rowOf = (k: number) => Math.floor(k / (MAX_COLUMNS + 1));
const columnOf = (k: number) => k % (MAX_COLUMNS + 1);
const XL_NONE = -4142;
const XL_SOLID = 1;
const WHITE = 0xffffff;
const ERROR_CODES = new Map([...ET_ERROR_TEXTS].map(([code, text]) => [text, code]));
const DEFAULT_WIDTH = 8.43;
const ROW_HEIGHT = 13.5;

function emptyCell(): CellState {
  return {
    value: undefined,
    error: null,
    formula: null,
    numberFormat: "General",
    fill: null,
    bold: false,
    fontColor: null,
    fontSize: null,
    underline: null,
    hAlign: null,
    vAlign: null,
    wrap: false,
    borders: {},
    comment: null,
  };
}

function isBlankCell(cell: CellState): boolean {
  return (
    cell.value === undefined &&
    cell.error === null &&
    cell.formula === null &&
    cell.numberFormat === "General" &&
    cell.fill === null &&
    !cell.bold &&
    cell.fontColor === null &&
    cell.fontSize === null &&
    cell.underline === null &&
    cell.comment === null
  );
}

/** "A1", "$A$1", "A1:C3", "$B$2:$D$9" → box. */
export function parseAddress(address: string): Box {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(address.trim());
  if (!m) throw new EtError(`无效的单元格引用：${address}`);
  const left = columnNumber(m[1]);
  const top = Number(m[2]);
  const right = m[3] ? columnNumber(m[3]) : left;
  const bottom = m[4] ? Number(m[4]) : top;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

function formatAddress(box: Box, absolute: boolean): string {
  const d = absolute ? "$" : "";
  const a = `${d}${columnLetter(box.left)}${d}${box.top}`;
  const b = `${d}${columnLetter(box.right)}${d}${box.bottom}`;
  return a === b ? a : `${a}:${b}`;
}

const NUMBER_TEXT = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i;

// ---------------------------------------------------------------- bridge counting

/** The fake objects reached through the bridge. */
abstract class FakeCom {
  constructor(protected readonly et: FakeEt) {}
}

const PROXIES = new WeakMap<object, object>();
const TARGETS = new WeakMap<object, object>();

function unwrap(value: unknown): unknown {
  return typeof value === "object" && value !== null ? (TARGETS.get(value) ?? value) : value;
}

function bridged<T extends object>(et: FakeEt, target: T): T {
  const known = PROXIES.get(target);
  if (known) return known as T;
  const wrap = (value: unknown): unknown => (value instanceof FakeCom ? bridged(et, value) : value);
  const proxy = new Proxy(target, {
    get(t, prop) {
      if (typeof prop === "symbol") return Reflect.get(t, prop, t);
      const value = Reflect.get(t, prop, t);
      if (typeof value === "function") {
        return (...args: unknown[]) => {
          et.bridge(`${t.constructor.name}.${prop}()`);
          return wrap((value as (...a: unknown[]) => unknown).apply(t, args.map(unwrap)));
        };
      }
      if (prop === "then" || prop === "toJSON" || prop === "constructor") return value;
      et.bridge(`${t.constructor.name}.${prop}`);
      return wrap(value);
    },
    set(t, prop, value) {
      et.bridge(`${t.constructor.name}.${String(prop)}=`);
      return Reflect.set(t, prop, unwrap(value), t);
    },
  });
  PROXIES.set(target, proxy);
  TARGETS.set(proxy, target);
  return proxy;
}

// ---------------------------------------------------------------- the model

/** One open workbook: its sheets, defined names and active sheet. */
export interface WorkbookState {
  readonly name: string;
  readonly sheets: SheetState[];
  readonly names: NameState[];
  active: SheetState | null;
  protectStructure: boolean;
  date1904: boolean;
}

/** VBA's #REF! error value, as ET passes an error: its COM number. */
const REF_ERROR = -2146826265;

export class FakeEt {
  /** The open workbooks, in the order they were opened; the first is 台账.xlsx. */
  readonly workbooks: WorkbookState[] = [];
  /** The active workbook. */
  current: WorkbookState;
  /** The cell whose formula is being computed (Application.Caller), while a custom function runs from a cell. */
  caller: { readonly sheet: SheetState; readonly row: number; readonly column: number } | null = null;
  readonly pluginStorage = new Map<string, unknown>();
  readonly taskPanes: FakeTaskPane[] = [];
  readonly functions = new Map<string, { fn: (...args: unknown[]) => unknown; metadata: WpsFunctionMetadata | undefined }>();
  /** Confirmation prompts WPS would have shown (Delete with DisplayAlerts on). */
  readonly prompts: string[] = [];
  displayAlerts = true;
  screenUpdating = true;
  workbookOpen: boolean;
  bridgeCalls = 0;
  /** When set, every bridge call is recorded here. */
  log: string[] | null = null;
  paneHooks: TaskPaneHooks | null = null;
  /** Application.Calculate / CalculateFull calls, in order. */
  readonly calculations: ("Calculate" | "CalculateFull")[] = [];
  /** A chart or shape is selected instead of cells. */
  shapeSelected = false;
  /** The Application / wps object as an add-in page sees it. */
  readonly app: WpsApplication;
  readonly options: Required<Omit<FakeEtOptions, "activeSheet" | "protectStructure" | "noWorkbook" | "date1904">>;
  private nextPaneId = 1;

  constructor(seeds: readonly EtSheetSeed[] = [], options: FakeEtOptions = {}) {
    this.options = {
      customFunctions: options.customFunctions ?? true,
      oneDimensionalRows: options.oneDimensionalRows ?? true,
      charts: options.charts ?? "both",
    };
    this.workbookOpen = options.noWorkbook !== true;
    this.current = this.openWorkbook("台账.xlsx", seeds, options);
    this.app = bridged(this, new FakeApplication(this)) as unknown as WpsApplication;
  }

  // The active workbook's parts, as the single-workbook fake had them.
  get sheets(): SheetState[] {
    return this.current.sheets;
  }
  get names(): NameState[] {
    return this.current.names;
  }
  get active(): SheetState | null {
    return this.current.active;
  }
  set active(sheet: SheetState | null) {
    this.current.active = sheet;
  }
  get protectStructure(): boolean {
    return this.current.protectStructure;
  }
  set protectStructure(value: boolean) {
    this.current.protectStructure = value;
  }

  /** Open another workbook and make it the active one (as opening a file does). */
  addWorkbook(
    name: string,
    seeds: readonly EtSheetSeed[] = [],
    options: Pick<FakeEtOptions, "activeSheet" | "protectStructure" | "date1904"> = {},
  ): WorkbookState {
    if (this.workbooks.some((w) => w.name.toLowerCase() === name.toLowerCase()))
      throw new Error(`a workbook named ${name} is open already`);
    this.current = this.openWorkbook(name, seeds, options);
    return this.current;
  }

  /** Make an open workbook the active one (the user switches windows). */
  activateWorkbook(name: string): void {
    const found = this.workbooks.find((w) => w.name.toLowerCase() === name.toLowerCase());
    if (!found) throw new Error(`no workbook ${name}`);
    this.current = found;
  }

  private openWorkbook(
    name: string,
    seeds: readonly EtSheetSeed[],
    options: Pick<FakeEtOptions, "activeSheet" | "protectStructure" | "date1904">,
  ): WorkbookState {
    const workbook: WorkbookState = {
      name,
      sheets: [],
      names: [],
      active: null,
      protectStructure: options.protectStructure === true,
      date1904: options.date1904 === true,
    };
    this.workbooks.push(workbook);
    const previous = this.current as WorkbookState | undefined;
    this.current = workbook;
    for (const seed of seeds) this.addSheet(seed);
    workbook.active = (options.activeSheet ? this.sheet(options.activeSheet) : workbook.sheets.find((s) => s.visible === -1)) ?? null;
    if (previous) this.current = previous;
    return workbook;
  }

  /** The workbook a sheet belongs to. */
  workbookOf(sheet: SheetState): WorkbookState {
    const found = this.workbooks.find((w) => w.sheets.includes(sheet));
    if (!found) throw new Error(`sheet ${sheet.name} belongs to no workbook`);
    return found;
  }

  bridge(what: string): void {
    this.bridgeCalls++;
    this.log?.push(what);
  }

  // ---------------------------------------------------------------- seeding and inspection

  addSheet(seed: EtSheetSeed): SheetState {
    const sheet = this.newSheet(seed.name);
    sheet.visible = seed.visible ?? -1;
    sheet.protected = seed.protected === true;
    sheet.computed = seed.computed ?? null;
    const top = seed.origin?.row ?? 1;
    const left = seed.origin?.column ?? 1;
    (seed.cells ?? []).forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null || value === "") return;
        this.cellAt(sheet, top + r, left + c).value = value;
      }),
    );
    const at = (address: string) => {
      const box = parseAddress(address);
      return this.cellAt(sheet, box.top, box.left);
    };
    for (const [address, formula] of Object.entries(seed.formulas ?? {})) at(address).formula = formula;
    for (const [address, error] of Object.entries(seed.errors ?? {})) {
      if (!ERROR_CODES.has(error)) throw new Error(`unknown error ${error}`);
      at(address).error = error;
    }
    for (const [address, colour] of Object.entries(seed.fills ?? {})) at(address).fill = { color: hexToBgr(colour), pattern: XL_SOLID };
    for (const [address, text] of Object.entries(seed.notes ?? {})) at(address).comment = text;
    sheet.merges = (seed.merges ?? []).map(parseAddress);
    this.sheets.push(sheet);
    return sheet;
  }

  newSheet(name: string): SheetState {
    return {
      name,
      visible: -1,
      protected: false,
      deleted: false,
      cells: new Map(),
      computed: null,
      merges: [],
      frozen: null,
      columnWidths: new Map(),
      charts: [],
      autoFilter: null,
      // A new sheet has A1 selected.
      selection: "A1",
    };
  }

  /** Live sheets in tab order (hidden ones too), of the active workbook unless another is named. */
  liveSheets(workbook: WorkbookState = this.current): SheetState[] {
    return workbook.sheets.filter((s) => !s.deleted);
  }

  sheet(name: string): SheetState {
    const found = this.liveSheets().find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  }

  visibleSheetNames(): string[] {
    return this.liveSheets()
      .filter((s) => s.visible === -1)
      .map((s) => s.name);
  }

  /** The cell (created empty when absent). */
  cellAt(sheet: SheetState, row: number, column: number): CellState {
    const k = key(row, column);
    let cell = sheet.cells.get(k);
    if (!cell) {
      cell = emptyCell();
      sheet.cells.set(k, cell);
    }
    return cell;
  }

  peek(sheet: SheetState, address: string): CellState | undefined {
    const box = parseAddress(address);
    return sheet.cells.get(key(box.top, box.left));
  }

  /** A cell's fill as "#RRGGBB", or null. */
  fill(sheet: string, address: string): string | null {
    const fill = this.peek(this.sheet(sheet), address)?.fill;
    return fill ? bgrToHex(fill.color) : null;
  }

  note(sheet: string, address: string): string | null {
    return this.peek(this.sheet(sheet), address)?.comment ?? null;
  }

  /** Value2 as stored: value, or the error's text. */
  valueAt(sheet: SheetState, row: number, column: number): string | number | boolean | undefined {
    const c = sheet.computed;
    if (c && row >= c.box.top && row <= c.box.bottom && column >= c.box.left && column <= c.box.right) return c.value(row, column);
    const cell = sheet.cells.get(key(row, column));
    return cell?.error ?? cell?.value;
  }

  /** Raw Value2 of a cell: errors as their COM numbers. */
  rawValue(sheet: SheetState, row: number, column: number): unknown {
    const c = sheet.computed;
    if (c && row >= c.box.top && row <= c.box.bottom && column >= c.box.left && column <= c.box.right) return c.value(row, column);
    const cell = sheet.cells.get(key(row, column));
    if (!cell) return undefined;
    return cell.error !== null ? ERROR_CODES.get(cell.error) : cell.value;
  }

  /** Formula as ET gives it for one cell: the formula, else the constant (an error as its text) as text, "" when empty. */
  formulaAt(sheet: SheetState, row: number, column: number): string {
    const formula = sheet.cells.get(key(row, column))?.formula;
    if (formula) return formula;
    const value = this.valueAt(sheet, row, column);
    return value === undefined ? "" : String(value);
  }

  /** What a formula computes to in the fake (see the header); undefined for the formulas it does not evaluate. */
  compute(
    sheet: SheetState,
    formula: string,
    at?: { readonly row: number; readonly column: number },
  ): { value: string | number | boolean | undefined; error: string | null } {
    const link = hyperlinkText(formula);
    if (link !== undefined) return { value: link, error: null };
    const call = /^=\s*([A-Za-z_][\w]*\.[A-Za-z_][\w]*)\s*\(([\s\S]*)\)\s*$/.exec(formula);
    const entry = call ? this.functions.get(call[1].toUpperCase()) : undefined;
    if (!call || !entry) return { value: undefined, error: null };
    const args: unknown[] = [];
    for (const text of splitArguments(call[2])) {
      const arg = this.argument(sheet, text);
      if (arg === UNREADABLE) return { value: undefined, error: null };
      args.push(arg);
    }
    let result: unknown;
    this.caller = at ? { sheet, row: at.row, column: at.column } : null;
    try {
      result = entry.fn(...args);
    } catch {
      return { value: undefined, error: "#VALUE!" }; // WPS shows an error when an add-in function throws
    } finally {
      this.caller = null;
    }
    const first = Array.isArray(result) ? (Array.isArray(result[0]) ? result[0][0] : result[0]) : result;
    if (typeof first === "string" || typeof first === "number" || typeof first === "boolean")
      return { value: first === "" ? undefined : first, error: null };
    return { value: undefined, error: null };
  }

  /** An argument as ET passes it: a literal, one cell's Value2, a range's rows; undefined when left out. */
  private argument(sheet: SheetState, text: string): unknown {
    const t = text.trim();
    if (t === "") return undefined;
    const quoted = /^"((?:[^"]|"")*)"$/.exec(t);
    if (quoted) return quoted[1].replace(/""/g, '"');
    if (NUMBER_TEXT.test(t)) return Number(t);
    if (!/^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/.test(t)) return UNREADABLE;
    const box = parseAddress(t);
    if (box.top === box.bottom && box.left === box.right && !t.includes(":")) return this.rawValue(sheet, box.top, box.left);
    const rows: unknown[][] = [];
    for (let r = box.top; r <= box.bottom; r++) {
      const row: unknown[] = [];
      for (let c = box.left; c <= box.right; c++) row.push(this.rawValue(sheet, r, c));
      rows.push(row);
    }
    return rows;
  }

  /** Recompute every formula of every sheet of every open workbook (CalculateFull). */
  calculateFull(): void {
    for (const workbook of this.workbooks) {
      for (const sheet of this.liveSheets(workbook)) {
        for (const [k, cell] of sheet.cells) {
          if (cell.formula === null) continue;
          const result = this.compute(sheet, cell.formula, { row: rowOf(k), column: columnOf(k) });
          cell.value = result.value;
          cell.error = result.error;
        }
      }
    }
  }

  /** Values and formulas of every cell: compare before and after to show a sheet was not written. */
  contentSnapshot(sheet: string): string {
    const s = this.sheet(sheet);
    const entries = [...s.cells]
      .filter(([, c]) => c.value !== undefined || c.formula !== null || c.error !== null)
      .map(([k, c]) => [k, c.value, c.formula, c.error, c.numberFormat]);
    return JSON.stringify(entries.sort((a, b) => (a[0] as number) - (b[0] as number)));
  }

  /** Defined names as (name, RefersTo). */
  definedNames(): { name: string; refersTo: string }[] {
    return this.names.map((n) => ({ name: n.name, refersTo: refersTo(n) }));
  }

  /** The used box (UsedRange): values, formulas and formatted cells; A1 for an empty sheet. */
  usedBox(sheet: SheetState): Box {
    let top = Infinity;
    let left = Infinity;
    let bottom = -Infinity;
    let right = -Infinity;
    const take = (r: number, c: number) => {
      if (r < top) top = r;
      if (c < left) left = c;
      if (r > bottom) bottom = r;
      if (c > right) right = c;
    };
    for (const [k, cell] of sheet.cells) if (!isBlankCell(cell)) take(rowOf(k), columnOf(k));
    if (sheet.computed) {
      take(sheet.computed.box.top, sheet.computed.box.left);
      take(sheet.computed.box.bottom, sheet.computed.box.right);
    }
    return top === Infinity ? { top: 1, left: 1, bottom: 1, right: 1 } : { top, left, bottom, right };
  }

  /** Call a registered custom function as WPS would, with the arguments given (no calling cell: Caller is #REF!). */
  callFunction(qualifiedName: string, ...args: unknown[]): unknown {
    const entry = this.functions.get(qualifiedName.toUpperCase());
    if (!entry) throw new Error(`no function ${qualifiedName}`);
    return entry.fn(...args);
  }

  /** Call a registered custom function from a cell of an open workbook: Application.Caller is that cell while it runs. */
  callFunctionFrom(
    cell: { readonly workbook: string; readonly sheet: string; readonly address: string },
    qualifiedName: string,
    ...args: unknown[]
  ): unknown {
    const workbook = this.workbooks.find((w) => w.name.toLowerCase() === cell.workbook.toLowerCase());
    const sheet = workbook ? this.liveSheets(workbook).find((s) => s.name.toLowerCase() === cell.sheet.toLowerCase()) : undefined;
    if (!sheet) throw new Error(`no sheet ${cell.workbook}!${cell.sheet}`);
    const box = parseAddress(cell.address);
    this.caller = { sheet, row: box.top, column: box.left };
    try {
      return this.callFunction(qualifiedName, ...args);
    } finally {
      this.caller = null;
    }
  }

  assertEditable(sheet: SheetState): void {
    if (sheet.protected) throw new EtError("不能更改受保护的工作表中的单元格或图表。请先撤销工作表保护。");
  }

  sheetIndex(sheet: SheetState): number {
    return this.liveSheets().indexOf(sheet) + 1;
  }

  removeSheet(sheet: SheetState): void {
    const live = this.liveSheets();
    const index = live.indexOf(sheet);
    sheet.deleted = true;
    if (this.active === sheet) {
      const rest = this.liveSheets().filter((s) => s.visible === -1);
      this.active = rest[Math.min(index, rest.length - 1)] ?? null;
    }
  }

  newPaneId(): number {
    return this.nextPaneId++;
  }
}

function refersTo(name: NameState): string {
  if (name.sheet === null || name.sheet.deleted) return `=#REF!${name.cell}`;
  return `='${name.sheet.name.replace(/'/g, "''")}'!${name.cell}`;
}

// ---------------------------------------------------------------- Application and the add-in root

class FakeApplication extends FakeCom {
  constructor(et: FakeEt) {
    super(et);
    if (et.options.customFunctions) {
      Object.defineProperty(this, "AddCustomFunction", {
        enumerable: true,
        configurable: true,
        value: (namespace: string, name: string, callback: (...args: unknown[]) => unknown, metadata?: WpsFunctionMetadata) => {
          if (typeof callback !== "function") throw new EtError("AddCustomFunction：第三个参数应为函数");
          et.functions.set(`${namespace}.${name}`.toUpperCase(), { fn: callback, metadata });
        },
      });
    }
  }
  get ActiveWorkbook(): FakeWorkbook | null {
    return this.et.workbookOpen ? new FakeWorkbook(this.et, this.et.current) : null;
  }
  /** The calling cell's Range while a custom function runs from a cell; #REF! otherwise (VBA). */
  Caller(Index?: unknown): FakeRange | number {
    void Index;
    const caller = this.et.caller;
    if (!caller) return REF_ERROR;
    const box = { top: caller.row, left: caller.column, bottom: caller.row, right: caller.column };
    return new FakeRange(this.et, caller.sheet, box);
  }
  get ActiveSheet(): FakeWorksheet | null {
    return this.et.active ? new FakeWorksheet(this.et, this.et.active) : null;
  }
  get ActiveWindow(): FakeWindow {
    return new FakeWindow(this.et);
  }
  get DisplayAlerts(): boolean {
    return this.et.displayAlerts;
  }
  set DisplayAlerts(value: boolean) {
    this.et.displayAlerts = value === true;
  }
  get ScreenUpdating(): boolean {
    return this.et.screenUpdating;
  }
  set ScreenUpdating(value: boolean) {
    this.et.screenUpdating = value === true;
  }
  get PluginStorage(): FakePluginStorage {
    return new FakePluginStorage(this.et);
  }
  get Selection(): FakeRange | FakeSelectedShape | null {
    const sheet = this.et.active;
    if (this.et.shapeSelected) return new FakeSelectedShape(this.et);
    if (!sheet) return null;
    const areas = (sheet.selection ?? "A1").split(",").map(parseAddress);
    return new FakeRange(this.et, sheet, areas[0], areas);
  }
  Calculate(): void {
    this.et.calculations.push("Calculate");
  }
  CalculateFull(): void {
    this.et.calculations.push("CalculateFull");
    this.et.calculateFull();
  }
  CreateTaskPane(url: string, title?: string): FakeTaskPane {
    const pane = new FakeTaskPane(this.et, this.et.newPaneId(), url, title ?? "");
    this.et.taskPanes.push(pane);
    this.et.paneHooks?.created?.(pane);
    return pane;
  }
  GetTaskPane(id: number): FakeTaskPane {
    const pane = this.et.taskPanes.find((p) => p.ID === Number(id) && !p.deleted);
    if (!pane) throw new EtError(`找不到任务窗格 ${id}`);
    return pane;
  }
}

class FakePluginStorage extends FakeCom {
  setItem(key: string, value: unknown): void {
    this.et.pluginStorage.set(String(key), value);
  }
  getItem(key: string): unknown {
    return this.et.pluginStorage.has(String(key)) ? this.et.pluginStorage.get(String(key)) : null;
  }
  removeItem(key: string): void {
    this.et.pluginStorage.delete(String(key));
  }
  clear(): void {
    this.et.pluginStorage.clear();
  }
  get length(): number {
    return this.et.pluginStorage.size;
  }
}

/** A chart or picture as the selection: a drawing object, with no cells. */
class FakeSelectedShape extends FakeCom {
  get Name(): string {
    return "图表 1";
  }
}

/** What a page embedding the fake does with task panes (the browser test shows them as frames). */
export interface TaskPaneHooks {
  created?(pane: FakeTaskPane): void;
  navigated?(pane: FakeTaskPane): void;
  shown?(pane: FakeTaskPane, visible: boolean): void;
}

export class FakeTaskPane extends FakeCom {
  private visible = false;
  DockPosition = 0;
  Width = 300;
  deleted = false;
  readonly navigations: string[] = [];
  constructor(
    et: FakeEt,
    readonly ID: number,
    public url: string,
    readonly title: string,
  ) {
    super(et);
  }
  get Visible(): boolean {
    return this.visible;
  }
  set Visible(value: boolean) {
    this.visible = value === true;
    this.et.paneHooks?.shown?.(this, this.visible);
  }
  Navigate(url: string): void {
    this.url = url;
    this.navigations.push(url);
    this.et.paneHooks?.navigated?.(this);
  }
  Delete(): void {
    this.deleted = true;
  }
}

// ---------------------------------------------------------------- workbook, sheets, names

class FakeWorkbook extends FakeCom {
  constructor(
    et: FakeEt,
    readonly state: WorkbookState,
  ) {
    super(et);
  }
  get Name(): string {
    return this.state.name;
  }
  get Worksheets(): FakeSheets {
    return new FakeSheets(this.et, this.state);
  }
  get Sheets(): FakeSheets {
    return new FakeSheets(this.et, this.state);
  }
  get Names(): FakeNames {
    return new FakeNames(this.et);
  }
  get ActiveSheet(): FakeWorksheet | null {
    return this.state.active ? new FakeWorksheet(this.et, this.state.active) : null;
  }
  get ProtectStructure(): boolean {
    return this.state.protectStructure;
  }
  get Date1904(): boolean {
    return this.state.date1904;
  }
}

class FakeSheets extends FakeCom {
  constructor(
    et: FakeEt,
    private readonly workbook: WorkbookState,
  ) {
    super(et);
  }
  get Count(): number {
    return this.et.liveSheets(this.workbook).length;
  }
  Item(index: number | string): FakeWorksheet {
    const live = this.et.liveSheets(this.workbook);
    const sheet = typeof index === "number" ? live[index - 1] : live.find((s) => s.name.toLowerCase() === String(index).toLowerCase());
    if (!sheet) throw new EtError(`下标越界：${index}`);
    return new FakeWorksheet(this.et, sheet);
  }
  Add(Before?: FakeWorksheet, After?: FakeWorksheet): FakeWorksheet {
    const workbook = this.workbook;
    if (workbook.protectStructure) throw new EtError("工作簿结构受保护，不能插入工作表。");
    const live = this.et.liveSheets(workbook);
    let name = "";
    for (let n = live.length + 1; ; n++) {
      name = `Sheet${n}`;
      if (!live.some((s) => s.name.toLowerCase() === name.toLowerCase())) break;
    }
    const sheet = this.et.newSheet(name);
    const anchor = After ?? Before ?? (workbook.active ? new FakeWorksheet(this.et, workbook.active) : null);
    const at = anchor ? workbook.sheets.indexOf(anchor.state) + (After ? 1 : 0) : workbook.sheets.length;
    workbook.sheets.splice(at, 0, sheet);
    workbook.active = sheet;
    return new FakeWorksheet(this.et, sheet);
  }
}

class FakeNames extends FakeCom {
  get Count(): number {
    return this.et.names.length;
  }
  Item(index: number | string): FakeName {
    const name =
      typeof index === "number"
        ? this.et.names[index - 1]
        : this.et.names.find((n) => n.name.toLowerCase() === String(index).toLowerCase());
    if (!name) throw new EtError(`找不到名称：${index}`);
    return new FakeName(this.et, name);
  }
  Add(Name: string, RefersTo: string, Visible?: boolean): FakeName {
    if (!/^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(Name)) throw new EtError(`名称无效：${Name}`);
    const target = sheetOfReference(RefersTo);
    const sheet = target === null ? null : (this.et.liveSheets().find((s) => s.name.toLowerCase() === target.toLowerCase()) ?? null);
    if (target !== null && sheet === null) throw new EtError(`引用无效：${RefersTo}`);
    const cell = /!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/i.exec(RefersTo)?.[1] ?? "$A$1";
    const state: NameState = { name: Name, sheet, cell, visible: Visible !== false };
    const existing = this.et.names.findIndex((n) => n.name.toLowerCase() === Name.toLowerCase());
    if (existing >= 0) this.et.names.splice(existing, 1, state);
    else this.et.names.push(state);
    return new FakeName(this.et, state);
  }
}

class FakeName extends FakeCom {
  constructor(
    et: FakeEt,
    private readonly state: NameState,
  ) {
    super(et);
  }
  get Name(): string {
    return this.state.name;
  }
  get RefersTo(): string {
    return refersTo(this.state);
  }
  get Visible(): boolean {
    return this.state.visible;
  }
  Delete(): void {
    const i = this.et.names.indexOf(this.state);
    if (i >= 0) this.et.names.splice(i, 1);
  }
}

class FakeWindow extends FakeCom {
  private static split = new WeakMap<FakeEt, { row: number; column: number; scrollRow: number; scrollColumn: number }>();
  private get s() {
    let s = FakeWindow.split.get(this.et);
    if (!s) {
      s = { row: 0, column: 0, scrollRow: 1, scrollColumn: 1 };
      FakeWindow.split.set(this.et, s);
    }
    return s;
  }
  get FreezePanes(): boolean {
    return this.et.active?.frozen != null;
  }
  set FreezePanes(value: boolean) {
    const sheet = this.et.active;
    if (!sheet) throw new EtError("没有活动工作表");
    sheet.frozen = value ? { rows: this.s.row, columns: this.s.column } : null;
  }
  get SplitRow(): number {
    return this.s.row;
  }
  set SplitRow(value: number) {
    this.s.row = Number(value);
  }
  get SplitColumn(): number {
    return this.s.column;
  }
  set SplitColumn(value: number) {
    this.s.column = Number(value);
  }
  get ScrollRow(): number {
    return this.s.scrollRow;
  }
  set ScrollRow(value: number) {
    this.s.scrollRow = Number(value);
  }
  get ScrollColumn(): number {
    return this.s.scrollColumn;
  }
  set ScrollColumn(value: number) {
    this.s.scrollColumn = Number(value);
  }
}

// ---------------------------------------------------------------- worksheet

class FakeWorksheet extends FakeCom {
  constructor(
    et: FakeEt,
    readonly state: SheetState,
  ) {
    super(et);
    if (et.options.charts !== "none") {
      Object.defineProperty(this, "ChartObjects", {
        enumerable: true,
        configurable: true,
        value: () => new FakeChartObjects(et, this.live()),
      });
    }
  }
  private live(): SheetState {
    if (this.state.deleted) throw new EtError("对象已被删除");
    return this.state;
  }
  get Name(): string {
    return this.live().name;
  }
  set Name(value: string) {
    const name = String(value);
    if (name === "" || name.length > 31 || /[[\]:*?/\\]/.test(name)) throw new EtError(`工作表名称无效：${name}`);
    if (this.et.liveSheets(this.workbook).some((s) => s !== this.state && s.name.toLowerCase() === name.toLowerCase()))
      throw new EtError(`工作表名称已存在：${name}`);
    this.live().name = name;
  }
  /** The workbook that holds the sheet (VBA: Worksheet.Parent). */
  get Parent(): FakeWorkbook {
    return new FakeWorkbook(this.et, this.workbook);
  }
  private get workbook(): WorkbookState {
    return this.et.workbookOf(this.state);
  }
  get Index(): number {
    return this.et.sheetIndex(this.live());
  }
  get Visible(): number {
    return this.live().visible;
  }
  set Visible(value: number | boolean) {
    const v = value === true ? -1 : value === false ? 0 : Number(value);
    const workbook = this.workbook;
    if (v !== -1 && this.et.liveSheets(workbook).filter((s) => s.visible === -1 && s !== this.state).length === 0)
      throw new EtError("工作簿中至少要有一个可见的工作表。");
    this.live().visible = v;
    if (v !== -1 && workbook.active === this.state) workbook.active = this.et.liveSheets(workbook).find((s) => s.visible === -1) ?? null;
  }
  get ProtectContents(): boolean {
    return this.live().protected;
  }
  get UsedRange(): FakeRange {
    return new FakeRange(this.et, this.live(), this.et.usedBox(this.live()));
  }
  Range(Cell1: string): FakeRange {
    return new FakeRange(this.et, this.live(), parseAddress(String(Cell1)));
  }
  Activate(): void {
    if (this.live().visible !== -1) throw new EtError("不能激活隐藏的工作表。");
    this.workbook.active = this.state;
  }
  Delete(): boolean {
    const sheet = this.live();
    if (this.et.displayAlerts) {
      this.et.prompts.push(`删除工作表“${sheet.name}”？`);
      return false; // the user keeps the sheet
    }
    if (this.et.protectStructure) throw new EtError("工作簿结构受保护，不能删除工作表。");
    if (this.et.liveSheets().filter((s) => s.visible === -1 && s !== sheet).length === 0)
      throw new EtError("工作簿中至少要有一个可见的工作表。");
    this.et.removeSheet(sheet);
    return true;
  }
  get Shapes(): FakeShapes {
    return new FakeShapes(this.et, this.live());
  }
}

// ---------------------------------------------------------------- range

class FakeRange extends FakeCom {
  constructor(
    et: FakeEt,
    readonly sheet: SheetState,
    /** The first area: what every property but Address and Areas works on (VBA). */
    readonly box: Box,
    private readonly areas: readonly Box[] = [box],
  ) {
    super(et);
  }
  private get rows(): number {
    return this.box.bottom - this.box.top + 1;
  }
  private get columns(): number {
    return this.box.right - this.box.left + 1;
  }
  private *each(): Generator<CellState> {
    for (let r = this.box.top; r <= this.box.bottom; r++)
      for (let c = this.box.left; c <= this.box.right; c++) yield this.et.cellAt(this.sheet, r, c);
  }
  /** The one value of every cell, or null when they differ. */
  private uniform<T>(read: (cell: CellState) => T): T | null {
    let first = true;
    let value: T | null = null;
    for (let r = this.box.top; r <= this.box.bottom; r++) {
      for (let c = this.box.left; c <= this.box.right; c++) {
        const v = read(this.sheet.cells.get(key(r, c)) ?? emptyCell());
        if (first) {
          value = v;
          first = false;
        } else if (v !== value) return null;
      }
    }
    return value;
  }
  private format(change: (cell: CellState) => void): void {
    this.et.assertEditable(this.sheet);
    for (const cell of this.each()) change(cell);
  }

  get Row(): number {
    return this.box.top;
  }
  get Column(): number {
    return this.box.left;
  }
  get Rows(): { Count: number } {
    return new FakeCount(this.et, this.rows);
  }
  get Columns(): { Count: number } {
    return new FakeCount(this.et, this.columns);
  }
  get Count(): number {
    return this.rows * this.columns;
  }
  Address(RowAbsolute?: boolean, ColumnAbsolute?: boolean): string {
    return this.areas.map((area) => formatAddress(area, RowAbsolute !== false && ColumnAbsolute !== false)).join(",");
  }
  get Areas(): FakeAreas {
    return new FakeAreas(this.et, this.sheet, this.areas);
  }
  get Worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.et, this.sheet);
  }
  Item(RowIndex: number, ColumnIndex = 1): FakeRange {
    const r = this.box.top + RowIndex - 1;
    const c = this.box.left + ColumnIndex - 1;
    return new FakeRange(this.et, this.sheet, { top: r, left: c, bottom: r, right: c });
  }

  get Value2(): unknown {
    if (this.rows === 1 && this.columns === 1) return this.et.rawValue(this.sheet, this.box.top, this.box.left);
    const out: unknown[][] = [];
    for (let r = this.box.top; r <= this.box.bottom; r++) {
      const row: unknown[] = new Array(this.columns);
      for (let c = this.box.left; c <= this.box.right; c++) row[c - this.box.left] = this.et.rawValue(this.sheet, r, c);
      out.push(row);
    }
    return this.rows === 1 && this.et.options.oneDimensionalRows ? out[0] : out;
  }
  set Value2(value: unknown) {
    this.et.assertEditable(this.sheet);
    this.assign(value, false);
  }
  get Formula(): unknown {
    if (this.rows === 1 && this.columns === 1) return this.et.formulaAt(this.sheet, this.box.top, this.box.left);
    const out: string[][] = [];
    for (let r = this.box.top; r <= this.box.bottom; r++) {
      const row: string[] = [];
      for (let c = this.box.left; c <= this.box.right; c++) row.push(this.et.formulaAt(this.sheet, r, c));
      out.push(row);
    }
    return this.rows === 1 && this.et.options.oneDimensionalRows ? out[0] : out;
  }
  set Formula(value: unknown) {
    this.et.assertEditable(this.sheet);
    this.assign(value, true);
  }
  private assign(value: unknown, formula: boolean): void {
    const grid = this.gridOf(value);
    for (let r = 0; r < this.rows; r++) {
      for (let c = 0; c < this.columns; c++) {
        const cell = this.et.cellAt(this.sheet, this.box.top + r, this.box.left + c);
        const at = { row: this.box.top + r, column: this.box.left + c };
        writeCell(cell, grid(r, c), formula, (text) => this.et.compute(this.sheet, text, at));
      }
    }
  }
  private gridOf(value: unknown): (r: number, c: number) => unknown {
    if (!Array.isArray(value)) return () => value; // a scalar goes into every cell (VBA)
    if (value.length > 0 && !Array.isArray(value[0])) {
      if (this.rows === 1 && value.length === this.columns) return (_r, c) => value[c];
      throw new EtError(`数组大小与区域不符：${value.length} 个值，区域 ${this.rows}×${this.columns}`);
    }
    if (value.length !== this.rows || value.some((row) => !Array.isArray(row) || row.length !== this.columns)) {
      throw new EtError(`数组大小与区域不符：区域 ${this.rows}×${this.columns}`);
    }
    return (r, c) => (value[r] as unknown[])[c];
  }

  get NumberFormat(): string | null {
    return this.uniform((cell) => cell.numberFormat);
  }
  set NumberFormat(value: unknown) {
    if (typeof value !== "string") throw new EtError("类型不匹配：NumberFormat 只接受一个格式字符串");
    this.format((cell) => (cell.numberFormat = value));
  }
  get Interior(): FakeInterior {
    return new FakeInterior(this.et, this);
  }
  get Font(): FakeFont {
    return new FakeFont(this.et, this);
  }
  get Borders(): FakeBorders {
    return new FakeBorders(this.et, this);
  }
  get ColumnWidth(): number | null {
    let width: number | null = null;
    for (let c = this.box.left; c <= this.box.right; c++) {
      const w = this.sheet.columnWidths.get(c) ?? DEFAULT_WIDTH;
      if (width !== null && w !== width) return null;
      width = w;
    }
    return width;
  }
  set ColumnWidth(value: number) {
    if (typeof value !== "number" || !(value >= 0 && value <= 255)) throw new EtError(`列宽无效：${String(value)}`);
    for (let c = this.box.left; c <= this.box.right; c++) this.sheet.columnWidths.set(c, value);
  }
  set HorizontalAlignment(value: number) {
    this.format((cell) => (cell.hAlign = value));
  }
  get HorizontalAlignment(): number | null {
    return this.uniform((cell) => cell.hAlign);
  }
  set VerticalAlignment(value: number) {
    this.format((cell) => (cell.vAlign = value));
  }
  get VerticalAlignment(): number | null {
    return this.uniform((cell) => cell.vAlign);
  }
  set WrapText(value: boolean) {
    this.format((cell) => (cell.wrap = value === true));
  }
  get WrapText(): boolean | null {
    return this.uniform((cell) => cell.wrap);
  }
  get MergeCells(): boolean | null {
    let inside = 0;
    for (let r = this.box.top; r <= this.box.bottom; r++) {
      for (let c = this.box.left; c <= this.box.right; c++)
        if (this.sheet.merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right)) inside++;
    }
    return inside === 0 ? false : inside === this.rows * this.columns ? true : null;
  }
  get MergeArea(): FakeRange {
    const m = this.sheet.merges.find(
      (a) => this.box.top >= a.top && this.box.top <= a.bottom && this.box.left >= a.left && this.box.left <= a.right,
    );
    return new FakeRange(this.et, this.sheet, m ?? { top: this.box.top, left: this.box.left, bottom: this.box.top, right: this.box.left });
  }
  get Comment(): FakeComment | null {
    const cell = this.sheet.cells.get(key(this.box.top, this.box.left));
    return cell?.comment != null ? new FakeComment(this.et, this.sheet, cell) : null;
  }
  AddComment(Text?: string): FakeComment {
    this.et.assertEditable(this.sheet);
    const cell = this.et.cellAt(this.sheet, this.box.top, this.box.left);
    if (cell.comment !== null) throw new EtError("应用程序定义或对象定义错误：单元格已有批注。");
    cell.comment = Text ?? "";
    return new FakeComment(this.et, this.sheet, cell);
  }
  Select(): boolean {
    if (this.et.active !== this.sheet) throw new EtError("Range 类的 Select 方法无效：工作表不是活动工作表。");
    this.sheet.selection = formatAddress(this.box, false);
    return true;
  }
  AutoFilter(): boolean {
    this.sheet.autoFilter = this.sheet.autoFilter === null ? formatAddress(this.box, false) : null;
    return true;
  }
  ClearContents(): boolean {
    this.et.assertEditable(this.sheet);
    for (const cell of this.each()) {
      cell.value = undefined;
      cell.formula = null;
      cell.error = null;
    }
    return true;
  }
  get Left(): number {
    let points = 0;
    for (let c = 1; c < this.box.left; c++) points += (this.sheet.columnWidths.get(c) ?? DEFAULT_WIDTH) * 7 * 0.75 + 3.75;
    return points;
  }
  get Top(): number {
    return (this.box.top - 1) * ROW_HEIGHT;
  }
}

class FakeAreas extends FakeCom {
  constructor(
    et: FakeEt,
    private readonly sheet: SheetState,
    private readonly areas: readonly Box[],
  ) {
    super(et);
  }
  get Count(): number {
    return this.areas.length;
  }
  Item(Index: number): FakeRange {
    const area = this.areas[Index - 1];
    if (!area) throw new EtError(`下标越界：${Index}`);
    return new FakeRange(this.et, this.sheet, area);
  }
}

/** What a cell holds after a value is written to it (Excel's and, by assumption, ET's rules). */
function writeCell(
  cell: CellState,
  value: unknown,
  asFormula: boolean,
  compute: (formula: string) => { value: CellState["value"]; error: string | null },
): void {
  cell.error = null;
  cell.formula = null;
  if (value === undefined || value === null || value === "") {
    cell.value = undefined;
    return;
  }
  if (typeof value === "number" || typeof value === "boolean") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new EtError("数值无效");
    cell.value = value;
    return;
  }
  if (typeof value !== "string") throw new EtError(`类型不匹配：${Object.prototype.toString.call(value)}`);
  if (cell.numberFormat === "@" && !asFormula) {
    cell.value = value;
    return;
  }
  if (value.startsWith("=")) {
    cell.formula = value;
    const result = compute(value);
    cell.value = result.value;
    cell.error = result.error;
    return;
  }
  cell.value = NUMBER_TEXT.test(value) ? Number(value) : value;
}

const UNREADABLE = Symbol("unreadable argument");

/** A formula's arguments, split at the commas outside quotes and parentheses. */
function splitArguments(text: string): string[] {
  if (text.trim() === "") return [];
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "(") depth++;
    else if (!quoted && ch === ")") depth--;
    else if (!quoted && depth === 0 && ch === ",") {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/** HYPERLINK("…","text") shows its text. */
function hyperlinkText(formula: string): string | undefined {
  const m = /^=HYPERLINK\(\s*"((?:[^"]|"")*)"\s*,\s*"((?:[^"]|"")*)"\s*\)$/i.exec(formula);
  return m ? m[2].replace(/""/g, '"') : undefined;
}

class FakeCount extends FakeCom {
  constructor(
    et: FakeEt,
    readonly Count: number,
  ) {
    super(et);
  }
}

class FakeInterior extends FakeCom {
  constructor(
    et: FakeEt,
    private readonly range: FakeRange,
  ) {
    super(et);
  }
  private read<T>(f: (fill: FakeFill | null) => T): T | null {
    const sheet = this.range.sheet;
    let value: T | null = null;
    let first = true;
    for (let r = this.range.box.top; r <= this.range.box.bottom; r++) {
      for (let c = this.range.box.left; c <= this.range.box.right; c++) {
        const v = f(sheet.cells.get(key(r, c))?.fill ?? null);
        if (first) {
          value = v;
          first = false;
        } else if (v !== value) return null;
      }
    }
    return value;
  }
  private write(change: (cell: CellState) => void): void {
    this.et.assertEditable(this.range.sheet);
    for (let r = this.range.box.top; r <= this.range.box.bottom; r++)
      for (let c = this.range.box.left; c <= this.range.box.right; c++) change(this.et.cellAt(this.range.sheet, r, c));
  }
  get Color(): number | null {
    return this.read((fill) => (fill ? fill.color : WHITE));
  }
  set Color(value: number) {
    if (typeof value !== "number") throw new EtError("类型不匹配：Color 应为数字");
    this.write((cell) => {
      cell.fill = { ...(cell.fill ?? { pattern: XL_SOLID }), color: value };
    });
  }
  get ColorIndex(): number | null {
    return this.read((fill) => (fill ? 0 : XL_NONE));
  }
  set ColorIndex(value: number) {
    if (value !== XL_NONE) throw new EtError("假对象只支持 ColorIndex = xlNone");
    this.write((cell) => (cell.fill = null));
  }
  get Pattern(): number | null {
    return this.read((fill) => (fill ? fill.pattern : XL_NONE));
  }
  set Pattern(value: number) {
    this.write((cell) => {
      if (value === XL_NONE) cell.fill = null;
      else cell.fill = { ...(cell.fill ?? { color: WHITE }), pattern: value };
    });
  }
  get PatternColor(): number | null {
    return this.read((fill) => fill?.patternColor ?? 0);
  }
  set PatternColor(value: number) {
    this.write((cell) => {
      if (cell.fill) cell.fill.patternColor = value;
    });
  }
  get TintAndShade(): number | null {
    return this.read((fill) => fill?.tintAndShade ?? 0);
  }
  set TintAndShade(value: number) {
    this.write((cell) => {
      if (cell.fill) cell.fill.tintAndShade = value;
    });
  }
}

class FakeFont extends FakeCom {
  constructor(
    et: FakeEt,
    private readonly range: FakeRange,
  ) {
    super(et);
  }
  private write(change: (cell: CellState) => void): void {
    this.et.assertEditable(this.range.sheet);
    for (let r = this.range.box.top; r <= this.range.box.bottom; r++)
      for (let c = this.range.box.left; c <= this.range.box.right; c++) change(this.et.cellAt(this.range.sheet, r, c));
  }
  private first(): CellState {
    return this.et.cellAt(this.range.sheet, this.range.box.top, this.range.box.left);
  }
  get Bold(): boolean {
    return this.first().bold;
  }
  set Bold(value: boolean) {
    this.write((cell) => (cell.bold = value === true));
  }
  get Color(): number {
    return this.first().fontColor ?? 0;
  }
  set Color(value: number) {
    this.write((cell) => (cell.fontColor = value));
  }
  get Size(): number {
    return this.first().fontSize ?? 11;
  }
  set Size(value: number) {
    this.write((cell) => (cell.fontSize = value));
  }
  get Underline(): number {
    return this.first().underline ?? XL_NONE;
  }
  set Underline(value: number) {
    this.write((cell) => (cell.underline = value));
  }
}

class FakeBorders extends FakeCom {
  constructor(
    et: FakeEt,
    private readonly range: FakeRange,
  ) {
    super(et);
  }
  Item(Index: number): FakeBorder {
    return new FakeBorder(this.et, this.range, Index);
  }
}

class FakeBorder extends FakeCom {
  constructor(
    et: FakeEt,
    private readonly range: FakeRange,
    private readonly edge: number,
  ) {
    super(et);
  }
  set LineStyle(value: number) {
    this.et.assertEditable(this.range.sheet);
    for (let r = this.range.box.top; r <= this.range.box.bottom; r++)
      for (let c = this.range.box.left; c <= this.range.box.right; c++) this.et.cellAt(this.range.sheet, r, c).borders[this.edge] = value;
  }
  get LineStyle(): number {
    return this.et.cellAt(this.range.sheet, this.range.box.top, this.range.box.left).borders[this.edge] ?? XL_NONE;
  }
}

class FakeComment extends FakeCom {
  constructor(
    et: FakeEt,
    private readonly sheet: SheetState,
    private readonly cell: CellState,
  ) {
    super(et);
  }
  Text(Text?: string): string {
    if (Text !== undefined) {
      this.et.assertEditable(this.sheet);
      this.cell.comment = Text;
    }
    return this.cell.comment ?? "";
  }
  Delete(): void {
    this.et.assertEditable(this.sheet);
    this.cell.comment = null;
  }
}

// ---------------------------------------------------------------- charts

class FakeShapes extends FakeCom {
  constructor(
    et: FakeEt,
    private readonly sheet: SheetState,
  ) {
    super(et);
    if (et.options.charts === "both") {
      Object.defineProperty(this, "AddChart2", {
        enumerable: true,
        configurable: true,
        value: (_style?: number, type?: number, left?: number, top?: number) =>
          newChart(et, sheet, type ?? 51, left ?? 0, top ?? 0, "AddChart2"),
      });
    }
  }
  get Count(): number {
    return this.sheet.charts.length;
  }
}

class FakeChartObjects extends FakeCom {
  constructor(
    et: FakeEt,
    private readonly sheet: SheetState,
  ) {
    super(et);
  }
  Add(Left: number, Top: number): FakeShape {
    return newChart(this.et, this.sheet, 51, Left, Top, "ChartObjects");
  }
}

function newChart(et: FakeEt, sheet: SheetState, type: number, left: number, top: number, via: ChartState["via"]): FakeShape {
  et.assertEditable(sheet);
  const chart: ChartState = {
    chartType: type,
    left,
    top,
    hasTitle: false,
    title: "",
    hasLegend: true,
    legendPosition: null,
    series: [],
    via,
  };
  // Excel plots the selection when it holds data; the fake does the same (one series per column).
  if (via === "AddChart2" && sheet.selection) {
    const box = parseAddress(sheet.selection.split(",")[0]);
    let hasData = false;
    for (let r = box.top; r <= box.bottom && !hasData; r++)
      for (let c = box.left; c <= box.right; c++) if (et.valueAt(sheet, r, c) !== undefined) hasData = true;
    if (hasData) {
      for (let c = box.left; c <= box.right; c++) {
        chart.series.push({
          name: `系列${c - box.left + 1}`,
          values: formatAddress({ top: box.top, left: c, bottom: box.bottom, right: c }, false),
          xValues: null,
          deleted: false,
        });
      }
    }
  }
  sheet.charts.push(chart);
  return new FakeShape(et, chart);
}

class FakeShape extends FakeCom {
  constructor(
    et: FakeEt,
    private readonly chart: ChartState,
  ) {
    super(et);
  }
  get Chart(): FakeChart {
    return new FakeChart(this.et, this.chart);
  }
}

class FakeChart extends FakeCom {
  constructor(
    et: FakeEt,
    private readonly chart: ChartState,
  ) {
    super(et);
  }
  get ChartType(): number {
    return this.chart.chartType;
  }
  set ChartType(value: number) {
    this.chart.chartType = value;
  }
  get HasTitle(): boolean {
    return this.chart.hasTitle;
  }
  set HasTitle(value: boolean) {
    this.chart.hasTitle = value === true;
  }
  get ChartTitle(): FakeChartTitle {
    if (!this.chart.hasTitle) throw new EtError("图表没有标题：请先设置 HasTitle = true。");
    return new FakeChartTitle(this.et, this.chart);
  }
  get HasLegend(): boolean {
    return this.chart.hasLegend;
  }
  set HasLegend(value: boolean) {
    this.chart.hasLegend = value === true;
  }
  get Legend(): FakeLegend {
    if (!this.chart.hasLegend) throw new EtError("图表没有图例");
    return new FakeLegend(this.et, this.chart);
  }
  SeriesCollection(): FakeSeriesCollection {
    return new FakeSeriesCollection(this.et, this.chart);
  }
}

class FakeChartTitle extends FakeCom {
  constructor(
    et: FakeEt,
    private readonly chart: ChartState,
  ) {
    super(et);
  }
  get Text(): string {
    return this.chart.title;
  }
  set Text(value: string) {
    this.chart.title = String(value);
  }
}

class FakeLegend extends FakeCom {
  constructor(
    et: FakeEt,
    private readonly chart: ChartState,
  ) {
    super(et);
  }
  get Position(): number | null {
    return this.chart.legendPosition;
  }
  set Position(value: number) {
    this.chart.legendPosition = value;
  }
}

class FakeSeriesCollection extends FakeCom {
  constructor(
    et: FakeEt,
    private readonly chart: ChartState,
  ) {
    super(et);
  }
  private live() {
    return this.chart.series.filter((s) => !s.deleted);
  }
  get Count(): number {
    return this.live().length;
  }
  Item(Index: number): FakeSeries {
    const series = this.live()[Index - 1];
    if (!series) throw new EtError(`没有第 ${Index} 个系列`);
    return new FakeSeries(this.et, series);
  }
  NewSeries(): FakeSeries {
    const series = { name: `系列${this.chart.series.length + 1}`, values: null, xValues: null, deleted: false };
    this.chart.series.push(series);
    return new FakeSeries(this.et, series);
  }
}

class FakeSeries extends FakeCom {
  constructor(
    et: FakeEt,
    private readonly series: ChartState["series"][number],
  ) {
    super(et);
  }
  get Name(): string {
    return this.series.name;
  }
  set Name(value: string) {
    this.series.name = String(value);
  }
  private static address(value: unknown): string {
    if (value instanceof FakeRange) return `${value.sheet.name}!${value.Address(false, false)}`;
    throw new EtError("系列的值应为单元格区域");
  }
  get Values(): string | null {
    return this.series.values;
  }
  set Values(value: unknown) {
    this.series.values = FakeSeries.address(value);
  }
  get XValues(): string | null {
    return this.series.xValues;
  }
  set XValues(value: unknown) {
    this.series.xValues = FakeSeries.address(value);
  }
  Delete(): void {
    this.series.deleted = true;
  }
}
