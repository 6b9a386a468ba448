/**
 * A small typed fake of the Excel JavaScript API surface the adapter uses, with Office.js's
 * batching semantics: method calls and property assignments are queued and run, in order, at
 * context.sync(); a loaded property can be read only after the sync (reading it earlier
 * throws, as Office.js does); a failing command rejects the sync and the rest of the batch is
 * dropped (commands before it have run, as in Excel).
 *
 * Why not office-addin-mock for everything: the mock only returns objects seeded in advance
 * (no getRange(address) over computed cells, no worksheets.add, no *OrNullObject, no collections
 * with items/… loads, no custom XML parts or comments), applies writes immediately rather than
 * at sync, and cannot fail a sync with an Office error code. The read tests also run on
 * office-addin-mock (test/office/mock.test.ts) where it can model the calls.
 *
 * What it models beyond plain storage:
 * - Excel's coercion of typed text: a string written to a "General" cell that looks like a number
 *   becomes a number, one starting with "=" becomes a formula (so the writer's "@" matters);
 * - the 5 MB payload limit of Excel on the web, on requests (written values, formats, links,
 *   custom XML, and per-cell commands: fills, notes, comments) and responses (loaded values,
 *   fills, notes, comments, custom XML);
 * - no fill reported as #FFFFFF with pattern and tintAndShade null (office-js #4900);
 * - protected sheets (AccessDenied on any change), cell edit mode (every sync fails), notes
 *   missing before ExcelApi 1.18.
 */
import { columnLetter, columnNumber, quoteSheetName } from "../../src/ledger/cellRef";
import { boxAddress, parseBox, type CellBox } from "../../src/office/addresses";
import { toExcelSerial } from "../../src/values/dates";

export const FAKE_PAYLOAD_LIMIT = 5 * 1024 * 1024;
/**
 * Request bytes of one per-cell command (object path, method or property, framing) where the fake
 * models them: fill loads and assignments, notes and comments. Office.js sends each as an action
 * of about this size; bulk writes count their JSON instead.
 */
export const FAKE_COMMAND_BYTES = 60;

export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message };
  }
}

// ---------------------------------------------------------------- state

export interface FakeFill {
  readonly color: string;
}

export interface FakeCell {
  value: string | number | boolean;
  formula: string | null;
  numberFormat: string;
  fill: FakeFill | null;
  bold: boolean;
  fontColor: string | null;
  fontSize: number | null;
  underline: string | null;
  hyperlink: Excel.RangeHyperlink | null;
}

export interface FakeChart {
  type: string;
  seriesBy: string | undefined;
  title: string;
  legend: string | null;
  position: [string, string | undefined] | null;
  series: { name: string; values: string; xValues: string | null }[];
}

export interface FakeTable {
  address: string;
  hasHeaders: boolean;
  style: string | null;
  showBandedRows: boolean | null;
}

/** A very large sheet without storing its cells: value(row, column) over a box (1-based). */
export interface ComputedCells {
  readonly box: CellBox;
  value(row: number, column: number): string | number;
}

export interface FakeSheet {
  readonly id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  deleted: boolean;
  readonly cells: Map<string, FakeCell>;
  computed: ComputedCells | null;
  merges: CellBox[];
  readonly notes: Map<string, string>;
  frozenRows: number;
  readonly tables: FakeTable[];
  readonly charts: FakeChart[];
  readonly columnWidths: Map<number, number>;
  selection: string | null;
}

interface FakeName {
  readonly name: string;
  /** The sheet a range name refers to (by identity: follows renames), or null for a constant/broken one. */
  readonly sheet: FakeSheet | null;
  readonly cell: string;
  readonly comment: string | undefined;
}

export interface FakeComment {
  readonly id: string;
  readonly sheet: FakeSheet;
  readonly address: string;
  readonly content: string;
  deleted: boolean;
}

export interface SyncRecord {
  readonly commands: readonly string[];
  readonly calculationSuspended: boolean;
  readonly screenUpdatingSuspended: boolean;
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly error: string | null;
}

export interface SheetSeed {
  readonly name: string;
  /** cells[0][0] is at origin (default A1); "" is an empty cell. */
  readonly cells?: readonly (readonly (string | number | boolean)[])[];
  readonly origin?: { readonly row: number; readonly column: number };
  readonly formulas?: Readonly<Record<string, string>>;
  readonly fills?: Readonly<Record<string, string>>;
  readonly notes?: Readonly<Record<string, string>>;
  readonly merges?: readonly string[];
  readonly computed?: ComputedCells;
  readonly protected?: boolean;
  readonly visibility?: FakeSheet["visibility"];
}

const key = (row: number, column: number) => `${row},${column}`;

function emptyCell(): FakeCell {
  return {
    value: "",
    formula: null,
    numberFormat: "General",
    fill: null,
    bold: false,
    fontColor: null,
    fontSize: null,
    underline: null,
    hyperlink: null,
  };
}

function utf8Bytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? "", "utf8");
}

function normaliseColour(colour: string): string {
  const named: Record<string, string> = { yellow: "#FFFF00", white: "#FFFFFF", red: "#FF0000" };
  return (named[colour.toLowerCase()] ?? colour).toUpperCase();
}

/** The fake workbook: state, the context, and inspection helpers for tests. */
export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly names: FakeName[] = [];
  readonly comments: FakeComment[] = [];
  readonly xmlParts: { id: string; xml: string; deleted: boolean }[] = [];
  readonly syncs: SyncRecord[] = [];
  /** Every command run, e.g. "values 台账!A1:C3", "fill 台账!H12". */
  readonly log: string[] = [];
  cellEditMode = false;
  notesSupported = true;
  /** The workbook counts dates from 1904: DATE() and the serials of date cells are that system's. */
  date1904 = false;
  /** The payload limit of this workbook's requests and responses (Excel on the web: 5 MB). */
  payloadLimit = FAKE_PAYLOAD_LIMIT;
  /** getUsedRange calls: "valuesOnly" (ExcelApi 1.2) or "all". */
  readonly usedRangeCalls: string[] = [];
  /** Application.calculate calls, by type. */
  readonly calculations: string[] = [];
  activeSheet: FakeSheet | null = null;
  readonly context: FakeContext;
  private nextId = 1;

  constructor(seeds: readonly SheetSeed[] = []) {
    this.context = new FakeContext(this);
    for (const seed of seeds) this.addSheet(seed);
    this.activeSheet = this.sheets[0] ?? null;
  }

  id(prefix: string): string {
    return `${prefix}${this.nextId++}`;
  }

  addSheet(seed: SheetSeed): FakeSheet {
    const sheet = this.newSheet(seed.name);
    sheet.protected = seed.protected === true;
    sheet.visibility = seed.visibility ?? "Visible";
    sheet.computed = seed.computed ?? null;
    const top = seed.origin?.row ?? 1;
    const left = seed.origin?.column ?? 1;
    (seed.cells ?? []).forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === "") return;
        const cell = emptyCell();
        cell.value = value;
        sheet.cells.set(key(top + r, left + c), cell);
      }),
    );
    for (const [address, formula] of Object.entries(seed.formulas ?? {})) this.cell(sheet, address).formula = formula;
    for (const [address, colour] of Object.entries(seed.fills ?? {})) this.cell(sheet, address).fill = { color: normaliseColour(colour) };
    for (const [address, text] of Object.entries(seed.notes ?? {})) sheet.notes.set(address.toUpperCase(), text);
    sheet.merges = (seed.merges ?? []).map(parseBox);
    this.sheets.push(sheet);
    return sheet;
  }

  newSheet(name: string): FakeSheet {
    return {
      id: `{${this.id("SHEET-")}}`,
      name,
      visibility: "Visible",
      protected: false,
      deleted: false,
      cells: new Map(),
      computed: null,
      merges: [],
      notes: new Map(),
      frozenRows: 0,
      tables: [],
      charts: [],
      columnWidths: new Map(),
      selection: null,
    };
  }

  sheet(name: string): FakeSheet {
    const sheet = this.findSheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  findSheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => !s.deleted && s.name.toLowerCase() === name.toLowerCase());
  }

  /** The cell at an address (created empty when absent). */
  cell(sheet: FakeSheet, address: string): FakeCell {
    const box = parseBox(address);
    const k = key(box.top, box.left);
    let cell = sheet.cells.get(k);
    if (!cell) {
      cell = emptyCell();
      sheet.cells.set(k, cell);
    }
    return cell;
  }

  peek(sheet: FakeSheet, row: number, column: number): FakeCell | undefined {
    return sheet.cells.get(key(row, column));
  }

  valueAt(sheet: FakeSheet, row: number, column: number): string | number | boolean {
    const c = sheet.computed;
    if (c && row >= c.box.top && row <= c.box.bottom && column >= c.box.left && column <= c.box.right) return c.value(row, column);
    return sheet.cells.get(key(row, column))?.value ?? "";
  }

  /** Values of a box as Excel returns them. */
  values(sheet: FakeSheet, box: CellBox): (string | number | boolean)[][] {
    const out: (string | number | boolean)[][] = [];
    for (let r = box.top; r <= box.bottom; r++) {
      const row: (string | number | boolean)[] = [];
      for (let c = box.left; c <= box.right; c++) row.push(this.valueAt(sheet, r, c));
      out.push(row);
    }
    return out;
  }

  /** The used range of values (getUsedRange(true)): A1 for an empty sheet. */
  usedBox(sheet: FakeSheet): CellBox {
    let top = Infinity;
    let left = Infinity;
    let bottom = -Infinity;
    let right = -Infinity;
    const take = (r: number, c: number) => {
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    };
    for (const [k, cell] of sheet.cells) {
      if (cell.value === "" && cell.formula === null) continue;
      const [r, c] = k.split(",").map(Number);
      take(r, c);
    }
    if (sheet.computed) {
      take(sheet.computed.box.top, sheet.computed.box.left);
      take(sheet.computed.box.bottom, sheet.computed.box.right);
    }
    return top === Infinity ? { top: 1, left: 1, bottom: 1, right: 1 } : { top, left, bottom, right };
  }

  nameFormula(name: FakeName): string {
    if (name.sheet === null || name.sheet.deleted) return `=#REF!${name.cell}`;
    return `=${quoteSheetName(name.sheet.name)}!${name.cell}`;
  }

  /** Defined names as (name, formula). */
  definedNames(): { name: string; formula: string }[] {
    return this.names.map((n) => ({ name: n.name, formula: this.nameFormula(n) }));
  }

  addName(name: string, sheet: FakeSheet | null, cell = "$A$1"): void {
    this.names.push({ name, sheet, cell, comment: undefined });
  }

  visibleSheetNames(): string[] {
    return this.sheets.filter((s) => !s.deleted).map((s) => s.name);
  }

  /** An ExcelRun over this fake: the batch gets the context. */
  run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => batch(this.context.asContext());

  get syncCount(): number {
    return this.syncs.length;
  }
}

// ---------------------------------------------------------------- the context and batches

interface Command {
  readonly description: string | (() => string);
  readonly run: () => void;
  readonly requestBytes: number;
}

export class FakeContext {
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  private commands: Command[] = [];
  calculationSuspended = false;
  screenUpdatingSuspended = false;
  responseBytes = 0;

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
    this.application = new FakeApplication(this);
  }

  /** The typed boundary: the helpers take an Excel.RequestContext. */
  asContext(): Excel.RequestContext {
    return this as unknown as Excel.RequestContext;
  }

  queue(description: string | (() => string), run: () => void, requestBytes = 0): void {
    this.commands.push({ description, run, requestBytes });
  }

  async sync(): Promise<void> {
    const commands = this.commands;
    this.commands = [];
    const calculationSuspended = this.calculationSuspended;
    const screenUpdatingSuspended = this.screenUpdatingSuspended;
    this.calculationSuspended = false;
    this.screenUpdatingSuspended = false;
    this.responseBytes = 0;
    const requestBytes = commands.reduce((s, c) => s + c.requestBytes, 0);
    const described: string[] = [];
    const record = (error: string | null) =>
      this.excel.syncs.push({
        commands: described,
        calculationSuspended,
        screenUpdatingSuspended,
        requestBytes,
        responseBytes: this.responseBytes,
        error,
      });
    await Promise.resolve();
    if (this.excel.cellEditMode) {
      record("InvalidOperationInCellEditMode");
      throw new FakeOfficeError(
        "InvalidOperationInCellEditMode",
        "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
      );
    }
    if (requestBytes > this.excel.payloadLimit) {
      record("RequestPayloadSizeLimitExceeded");
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${requestBytes} bytes).`,
      );
    }
    for (const command of commands) {
      try {
        command.run();
        const description = typeof command.description === "string" ? command.description : command.description();
        described.push(description);
        if (!description.startsWith("load")) this.excel.log.push(description);
      } catch (error) {
        record(error instanceof FakeOfficeError ? error.code : String(error));
        throw error;
      }
    }
    if (this.responseBytes > this.excel.payloadLimit) {
      record("ResponsePayloadSizeLimitExceeded");
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${this.responseBytes} bytes).`,
      );
    }
    record(null);
  }
}

class FakeApplication {
  constructor(private readonly ctx: FakeContext) {}
  calculate(type: string): void {
    this.ctx.queue(`calculate ${type}`, () => this.ctx.excel.calculations.push(type));
  }
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.calculationSuspended = true;
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.screenUpdatingSuspended = true;
  }
}

/** Load arguments as the adapter passes them: "a,b", ["a"], or "items/name,items/id". */
function loadPaths(props: string | string[] | undefined): string[] {
  const list = props === undefined ? [] : Array.isArray(props) ? props : [props];
  return list
    .flatMap((p) => p.split(","))
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

abstract class FakeObject {
  protected readonly loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: FakeContext) {}

  protected get excel(): FakeExcel {
    return this.ctx.excel;
  }

  protected read<T>(property: string): T {
    if (!this.loaded.has(property)) {
      throw new Error(`PropertyNotLoaded: ${this.constructor.name}.${property} was read before load() and context.sync()`);
    }
    return this.loaded.get(property) as T;
  }

  load(props?: string | string[]): this {
    const paths = loadPaths(props);
    this.ctx.queue(
      `load ${this.constructor.name} ${paths.join(",")}`,
      () => {
        this.beginLoad();
        for (const path of paths) this.loadPath(path);
      },
      this.loadRequestBytes,
    );
    return this;
  }

  /** What a load of this object adds to the request (an object path and property names). */
  protected readonly loadRequestBytes: number = 0;

  /** A collection forgets its items here, so that each load sees the workbook as it is then. */
  protected beginLoad(): void {}

  protected abstract loadPath(path: string): void;
}

function fail(code: string, message: string): never {
  throw new FakeOfficeError(code, message);
}

// ---------------------------------------------------------------- workbook

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly comments: FakeCommentCollection;
  readonly customXmlParts: FakeCustomXmlPartCollection;
  readonly functions: FakeFunctions;
  constructor(ctx: FakeContext) {
    this.functions = new FakeFunctions(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
    this.comments = new FakeCommentCollection(ctx, null);
    this.customXmlParts = new FakeCustomXmlPartCollection(ctx);
  }
  get application(): FakeApplication {
    return this.worksheets.context().application;
  }
  /** The active sheet's selection (its `selection` box, A1 when none). */
  getSelectedRange(): FakeRange {
    const sheet = this.worksheets.getActiveWorksheet();
    return new FakeRange(this.worksheets.context(), sheet, () => parseBox(sheet.resolve().selection ?? "A1"));
  }
}

/** workbook.functions (ExcelApi 1.2): DATE only, evaluated in the workbook's date system. */
class FakeFunctions {
  constructor(private readonly ctx: FakeContext) {}
  date(year: number, month: number, day: number): FakeFunctionResult {
    return new FakeFunctionResult(this.ctx, () => toExcelSerial({ year, month, day }, this.ctx.excel.date1904));
  }
}

/** A FunctionResult: value and error, readable after load() and sync. */
class FakeFunctionResult extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly evaluate: () => number,
  ) {
    super(ctx);
  }
  protected loadPath(path: string): void {
    if (path === "value") this.loaded.set("value", this.evaluate());
    else if (path === "error") this.loaded.set("error", null);
    else throw new Error(`fake: unsupported FunctionResult property ${path}`);
  }
  get value(): number {
    return this.read("value");
  }
  get error(): string | null {
    return this.read("error");
  }
}

class FakeWorksheetCollection extends FakeObject {
  private itemList: FakeWorksheet[] = [];
  context(): FakeContext {
    return this.ctx;
  }
  private stale = true;
  protected override beginLoad(): void {
    this.stale = true;
  }

  get items(): FakeWorksheet[] {
    return this.read<FakeWorksheet[]>("items");
  }

  protected loadPath(path: string): void {
    if (!this.loaded.has("items") || this.stale) {
      this.stale = false;
      this.itemList = this.excel.sheets.filter((s) => !s.deleted).map((s) => FakeWorksheet.of(this.ctx, s));
      this.loaded.set("items", this.itemList);
    }
    const [head, property] = path.split("/");
    if (head !== "items" || !property) throw new Error(`fake: unsupported load ${path}`);
    for (const item of this.itemList) item.loadNow(property);
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(
      this.ctx,
      () => this.excel.findSheet(name) ?? fail("ItemNotFound", `The requested resource doesn't exist. (worksheet ${name})`),
    );
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.excel.activeSheet ?? fail("ItemNotFound", "no active sheet"));
  }

  add(name: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    this.ctx.queue(`addSheet ${name}`, () => {
      if (this.excel.findSheet(name)) fail("ItemAlreadyExists", `A sheet named ${name} already exists.`);
      created = this.excel.newSheet(name);
      this.excel.sheets.push(created);
    });
    return new FakeWorksheet(this.ctx, () => created ?? fail("GeneralException", "sheet not created yet"));
  }
}

class FakeWorksheet extends FakeObject {
  private cached: FakeSheet | null = null;
  readonly freezePanes: { freezeRows: (count: number) => void };
  readonly tables: { add: (address: string, hasHeaders: boolean) => FakeTableProxy };
  readonly charts: { add: (type: string, source: FakeRange, seriesBy?: string) => FakeChartProxy };

  constructor(
    ctx: FakeContext,
    private readonly resolver: () => FakeSheet,
  ) {
    super(ctx);
    this.freezePanes = {
      freezeRows: (count: number) => this.ctx.queue(`freezeRows ${count}`, () => (this.resolve().frozenRows = count)),
    };
    this.tables = {
      add: (address: string, hasHeaders: boolean) => {
        const table: FakeTable = { address, hasHeaders, style: null, showBandedRows: null };
        this.ctx.queue(`addTable ${address}`, () => this.writable().tables.push(table));
        return new FakeTableProxy(this.ctx, table);
      },
    };
    this.charts = {
      add: (type: string, source: FakeRange, seriesBy?: string) => {
        const chart: FakeChart = { type, seriesBy, title: "", legend: null, position: null, series: [] };
        this.ctx.queue(`addChart ${type}`, () => {
          chart.series.push({ name: "", values: boxAddress(source.box()), xValues: null });
          this.writable().charts.push(chart);
        });
        return new FakeChartProxy(this.ctx, chart);
      },
    };
  }

  static of(ctx: FakeContext, sheet: FakeSheet): FakeWorksheet {
    const ws = new FakeWorksheet(ctx, () => sheet);
    ws.cached = sheet;
    return ws;
  }

  resolve(): FakeSheet {
    if (!this.cached) this.cached = this.resolver();
    if (this.cached.deleted) fail("ItemNotFound", `The worksheet ${this.cached.name} was deleted.`);
    return this.cached;
  }

  writable(): FakeSheet {
    const sheet = this.resolve();
    if (sheet.protected) fail("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
    return sheet;
  }

  loadNow(property: string): void {
    const sheet = this.resolve();
    if (property === "name") this.loaded.set("name", sheet.name);
    else if (property === "id") this.loaded.set("id", sheet.id);
    else if (property === "visibility") this.loaded.set("visibility", sheet.visibility);
    else throw new Error(`fake: unsupported worksheet property ${property}`);
  }

  protected loadPath(path: string): void {
    this.loadNow(path);
  }

  get name(): string {
    return this.read("name");
  }
  get id(): string {
    return this.read("id");
  }
  get visibility(): string {
    return this.read("visibility");
  }

  get notes(): FakeNoteCollection {
    if (!this.excel.notesSupported) throw new FakeOfficeError("ApiNotFound", "Worksheet.notes needs ExcelApi 1.18");
    return new FakeNoteCollection(this.ctx, this);
  }

  get comments(): FakeCommentCollection {
    return new FakeCommentCollection(this.ctx, this);
  }

  /** The fake keeps no formatting-only cells: with or without valuesOnly (ExcelApi 1.2) the box is the same. */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    this.ctx.excel.usedRangeCalls.push(valuesOnly === true ? "valuesOnly" : "all");
    return new FakeRange(this.ctx, this, () => this.excel.usedBox(this.resolve()));
  }

  getRange(address: string): FakeRange {
    const whole = /^([A-Z]+):([A-Z]+)$/.exec(address);
    if (whole)
      return new FakeRange(
        this.ctx,
        this,
        () => ({ top: 1, left: columnNumber(whole[1]), bottom: 1048576, right: columnNumber(whole[2]) }),
        true,
      );
    const box = parseBox(address);
    return new FakeRange(this.ctx, this, () => box);
  }

  activate(): void {
    this.ctx.queue(`activate`, () => (this.excel.activeSheet = this.resolve()));
  }

  delete(): void {
    this.ctx.queue(`deleteSheet`, () => {
      const sheet = this.resolve();
      this.excel.log.push(`deleted ${sheet.name}`);
      sheet.deleted = true;
      if (this.excel.activeSheet === sheet) this.excel.activeSheet = this.excel.sheets.find((s) => !s.deleted) ?? null;
    });
  }
}

class FakeTableProxy {
  constructor(
    private readonly ctx: FakeContext,
    private readonly table: FakeTable,
  ) {}
  set style(value: string) {
    this.ctx.queue(`tableStyle ${value}`, () => (this.table.style = value));
  }
  set showBandedRows(value: boolean) {
    this.ctx.queue(`tableBanded`, () => (this.table.showBandedRows = value));
  }
}

class FakeChartSeries {
  constructor(
    private readonly ctx: FakeContext,
    private readonly chart: FakeChart,
    private readonly index: () => number,
  ) {}
  private get series() {
    const s = this.chart.series[this.index()];
    if (!s) fail("ItemNotFound", "no such series");
    return s;
  }
  set name(value: string) {
    this.ctx.queue(`seriesName ${value}`, () => (this.series.name = value));
  }
  setXAxisValues(range: FakeRange): void {
    this.ctx.queue(`seriesX`, () => (this.series.xValues = boxAddress(range.box())));
  }
  setValues(range: FakeRange): void {
    this.ctx.queue(`seriesValues`, () => (this.series.values = boxAddress(range.box())));
  }
}

class FakeChartProxy {
  readonly title: { text: string };
  readonly legend: { position: string };
  readonly series: { getItemAt: (i: number) => FakeChartSeries; add: (name?: string) => FakeChartSeries };
  constructor(
    private readonly ctx: FakeContext,
    private readonly chart: FakeChart,
  ) {
    const queue = ctx.queue.bind(ctx);
    this.title = {
      set text(value: string) {
        queue(`chartTitle ${value}`, () => (chart.title = value));
      },
      get text(): string {
        throw new Error("fake: chart title not loadable");
      },
    };
    this.legend = {
      set position(value: string) {
        queue(`legend ${value}`, () => (chart.legend = value));
      },
      get position(): string {
        throw new Error("fake: legend not loadable");
      },
    };
    this.series = {
      getItemAt: (i: number) => new FakeChartSeries(ctx, chart, () => i),
      add: (name?: string) => {
        let index = -1;
        ctx.queue(`addSeries ${name ?? ""}`, () => {
          chart.series.push({ name: name ?? "", values: "", xValues: null });
          index = chart.series.length - 1;
        });
        return new FakeChartSeries(ctx, chart, () => index);
      },
    };
  }
  setPosition(start: string, end?: string): void {
    this.ctx.queue(`chartPosition ${start}:${end ?? ""}`, () => (this.chart.position = [start, end]));
  }
}

// ---------------------------------------------------------------- ranges

class FakeRange extends FakeObject {
  readonly format: FakeRangeFormat;
  private resolvedBox: CellBox | null = null;

  constructor(
    ctx: FakeContext,
    readonly worksheet: FakeWorksheet,
    private readonly boxResolver: () => CellBox,
    readonly wholeColumns = false,
  ) {
    super(ctx);
    this.format = new FakeRangeFormat(ctx, this);
  }

  box(): CellBox {
    if (!this.resolvedBox) this.resolvedBox = this.boxResolver();
    return this.resolvedBox;
  }

  label(): string {
    return `${this.worksheet.resolve().name}!${this.wholeColumns ? `${columnLetter(this.box().left)}:${columnLetter(this.box().right)}` : boxAddress(this.box())}`;
  }

  /** Each cell of the range (created when absent) with its position. */
  forEachCell(write: (cell: FakeCell, row: number, column: number) => void): void {
    const sheet = this.worksheet.writable();
    const box = this.box();
    for (let r = box.top; r <= box.bottom; r++) {
      for (let c = box.left; c <= box.right; c++) {
        let cell = sheet.cells.get(key(r, c));
        if (!cell) {
          cell = emptyCell();
          sheet.cells.set(key(r, c), cell);
        }
        write(cell, r, c);
      }
    }
  }

  protected loadPath(path: string): void {
    const sheet = this.worksheet.resolve();
    const box = this.box();
    switch (path) {
      case "address":
        this.loaded.set("address", `${quoteSheetName(sheet.name)}!${boxAddress(box)}`);
        break;
      case "rowCount":
        this.loaded.set("rowCount", box.bottom - box.top + 1);
        break;
      case "columnCount":
        this.loaded.set("columnCount", box.right - box.left + 1);
        break;
      case "values": {
        const values = this.excel.values(sheet, box);
        this.ctx.responseBytes += utf8Bytes(values);
        this.loaded.set("values", values);
        break;
      }
      case "formulas": {
        const formulas: (string | number | boolean)[][] = [];
        for (let r = box.top; r <= box.bottom; r++) {
          const row: (string | number | boolean)[] = [];
          for (let c = box.left; c <= box.right; c++) row.push(sheet.cells.get(key(r, c))?.formula ?? this.excel.valueAt(sheet, r, c));
          formulas.push(row);
        }
        this.ctx.responseBytes += utf8Bytes(formulas);
        this.loaded.set("formulas", formulas);
        break;
      }
      default:
        throw new Error(`fake: unsupported range property ${path}`);
    }
  }

  get address(): string {
    return this.read("address");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get values(): (string | number | boolean)[][] {
    return this.read("values");
  }
  get formulas(): (string | number | boolean)[][] {
    return this.read("formulas");
  }

  private grid<T>(value: T | T[][], what: string): (r: number, c: number) => T {
    const box = this.box();
    if (!Array.isArray(value)) return () => value;
    const rows = box.bottom - box.top + 1;
    const columns = box.right - box.left + 1;
    if (value.length !== rows || value.some((row) => row.length !== columns)) {
      fail("InvalidArgument", `The number of rows or columns in the ${what} array doesn't match the size of the range ${boxAddress(box)}.`);
    }
    return (r, c) => value[r - box.top][c - box.left];
  }

  set values(value: (string | number | boolean)[][]) {
    this.ctx.queue(
      () => `values ${this.label()}`,
      () => {
        const at = this.grid(value, "values");
        this.forEachCell((cell, r, c) => {
          const v = at(r, c);
          cell.formula = null;
          if (typeof v === "string" && cell.numberFormat !== "@") {
            // Excel reads typed text: numbers become numbers, "=…" a formula.
            if (v.startsWith("=") && v.length > 1) {
              cell.formula = v;
              cell.value = "#FORMULA";
              return;
            }
            if (/^[+-]?\d+(\.\d+)?$/.test(v.trim())) {
              cell.value = Number(v);
              return;
            }
          }
          cell.value = v;
        });
      },
      utf8Bytes(value),
    );
  }

  set formulas(value: (string | number | boolean)[][]) {
    this.ctx.queue(
      () => `formulas ${this.label()}`,
      () => {
        const at = this.grid(value, "formulas");
        this.forEachCell((cell, r, c) => {
          const v = at(r, c);
          cell.formula = typeof v === "string" && v.startsWith("=") ? v : null;
          cell.value = cell.formula ? "#FORMULA" : v;
        });
      },
      utf8Bytes(value),
    );
  }

  set numberFormat(value: string[][]) {
    this.ctx.queue(
      () => `numberFormat ${this.label()}`,
      () => {
        const at = this.grid(value, "numberFormat");
        this.forEachCell((cell, r, c) => (cell.numberFormat = at(r, c)));
      },
      utf8Bytes(value),
    );
  }

  set hyperlink(value: Excel.RangeHyperlink) {
    this.ctx.queue(
      () => `hyperlink ${this.label()}`,
      () => this.forEachCell((cell) => (cell.hyperlink = { ...value })),
      utf8Bytes(value),
    );
  }

  getRow(index: number): FakeRange {
    return new FakeRange(this.ctx, this.worksheet, () => {
      const box = this.box();
      return { top: box.top + index, left: box.left, bottom: box.top + index, right: box.right };
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return new FakeRange(this.ctx, this.worksheet, () => {
      const box = this.box();
      const bottom = box.bottom + deltaRows;
      if (bottom > 1048576) fail("InvalidArgument", "outside the grid");
      return { top: box.top, left: box.left, bottom, right: box.right + deltaColumns };
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this);
  }

  select(): void {
    this.ctx.queue(
      () => `select ${this.label()}`,
      () => {
        this.worksheet.resolve().selection = boxAddress(this.box());
      },
    );
  }
}

class FakeRangeAreas extends FakeObject {
  private nullObject: boolean | undefined;
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
    this.ctx.queue("resolve mergedAreas", () => {
      this.nullObject = this.areas().length === 0;
    });
  }
  private areas(): CellBox[] {
    const sheet = this.range.worksheet.resolve();
    const box = this.range.box();
    return sheet.merges.filter((m) => m.top <= box.bottom && m.bottom >= box.top && m.left <= box.right && m.right >= box.left);
  }
  get isNullObject(): boolean {
    if (this.nullObject === undefined) throw new Error("PropertyNotLoaded: isNullObject before sync");
    return this.nullObject;
  }
  protected loadPath(path: string): void {
    if (path !== "address") throw new Error(`fake: unsupported RangeAreas property ${path}`);
    const sheet = this.range.worksheet.resolve();
    this.loaded.set(
      "address",
      this.areas()
        .map((m) => `${quoteSheetName(sheet.name)}!${boxAddress(m)}`)
        .join(", "),
    );
  }
  get address(): string {
    if (this.nullObject) throw new Error("fake: reading address of a null object");
    return this.read("address");
  }
}

class FakeRangeFormat {
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;
  readonly borders: { getItem: (name: string) => { style: string } };
  constructor(
    private readonly ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    this.fill = new FakeRangeFill(ctx, range);
    this.font = new FakeRangeFont(ctx, range);
    const queue = ctx.queue.bind(ctx);
    this.borders = {
      getItem: (name: string) => ({
        set style(value: string) {
          queue(
            () => `border ${name} ${value} ${range.label()}`,
            () => range.worksheet.writable(),
          );
        },
        get style(): string {
          throw new Error("fake: border not loadable");
        },
      }),
    };
  }
  set columnWidth(points: number) {
    this.ctx.queue(
      () => `columnWidth ${this.range.label()} ${points}`,
      () => {
        const sheet = this.range.worksheet.writable();
        const box = this.range.box();
        for (let c = box.left; c <= box.right; c++) sheet.columnWidths.set(c, points);
      },
    );
  }
  set horizontalAlignment(value: string) {
    this.ctx.queue(`align ${value}`, () => this.range.worksheet.writable());
  }
  set verticalAlignment(value: string) {
    this.ctx.queue(`valign ${value}`, () => this.range.worksheet.writable());
  }
  set wrapText(value: boolean) {
    this.ctx.queue(`wrap ${value}`, () => this.range.worksheet.writable());
  }
}

class FakeRangeFill extends FakeObject {
  protected override readonly loadRequestBytes = FAKE_COMMAND_BYTES;
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  protected loadPath(path: string): void {
    this.ctx.responseBytes += 24;
    const box = this.range.box();
    const sheet = this.range.worksheet.resolve();
    const fill = sheet.cells.get(key(box.top, box.left))?.fill ?? null;
    switch (path) {
      case "color":
        this.loaded.set("color", fill ? fill.color : "#FFFFFF");
        break;
      case "pattern":
        // As office-js #4900 reports: null for a solid fill and for none alike.
        this.loaded.set("pattern", null);
        break;
      case "patternColor":
        this.loaded.set("patternColor", "#000000");
        break;
      case "tintAndShade":
        this.loaded.set("tintAndShade", fill ? 0 : null);
        break;
      default:
        throw new Error(`fake: unsupported fill property ${path}`);
    }
  }
  get color(): string {
    return this.read("color");
  }
  set color(value: string) {
    this.ctx.queue(
      () => `fill ${this.range.label()} ${value}`,
      () => this.range.forEachCell((cell) => (cell.fill = { color: normaliseColour(value) })),
      FAKE_COMMAND_BYTES + value.length,
    );
  }
  get pattern(): string | null {
    return this.read("pattern");
  }
  set pattern(value: string | null) {
    this.ctx.queue(
      () => `fillPattern ${this.range.label()} ${value}`,
      () => this.range.worksheet.writable(),
    );
  }
  get patternColor(): string {
    return this.read("patternColor");
  }
  set patternColor(value: string) {
    this.ctx.queue(`fillPatternColor ${value}`, () => this.range.worksheet.writable());
  }
  get tintAndShade(): number | null {
    return this.read("tintAndShade");
  }
  set tintAndShade(value: number | null) {
    this.ctx.queue(`fillTint ${value}`, () => this.range.worksheet.writable());
  }
  clear(): void {
    this.ctx.queue(
      () => `fillClear ${this.range.label()}`,
      () => this.range.forEachCell((cell) => (cell.fill = null)),
      FAKE_COMMAND_BYTES,
    );
  }
}

class FakeRangeFont {
  constructor(
    private readonly ctx: FakeContext,
    private readonly range: FakeRange,
  ) {}
  set bold(value: boolean) {
    this.ctx.queue(
      () => `bold ${this.range.label()}`,
      () => this.range.forEachCell((cell) => (cell.bold = value)),
    );
  }
  set color(value: string) {
    this.ctx.queue(
      () => `fontColor ${this.range.label()} ${value}`,
      () => this.range.forEachCell((cell) => (cell.fontColor = value)),
    );
  }
  set size(value: number) {
    this.ctx.queue(
      () => `fontSize ${this.range.label()} ${value}`,
      () => this.range.forEachCell((cell) => (cell.fontSize = value)),
    );
  }
  set underline(value: string) {
    this.ctx.queue(
      () => `underline ${this.range.label()}`,
      () => this.range.forEachCell((cell) => (cell.underline = value)),
    );
  }
}

// ---------------------------------------------------------------- names

class FakeNamedItem extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly resolver: () => FakeName,
  ) {
    super(ctx);
  }
  protected loadPath(path: string): void {
    const item = this.resolver();
    if (path === "name") this.loaded.set("name", item.name);
    else if (path === "formula") this.loaded.set("formula", this.excel.nameFormula(item));
    else throw new Error(`fake: unsupported name property ${path}`);
  }
  loadNow(path: string): void {
    this.loadPath(path);
  }
  get name(): string {
    return this.read("name");
  }
  get formula(): string {
    return this.read("formula");
  }
  delete(): void {
    this.ctx.queue(`deleteName`, () => {
      const item = this.resolver();
      const names = this.excel.names;
      names.splice(names.indexOf(item), 1);
      this.excel.log.push(`nameDeleted ${item.name}`);
    });
  }
}

class FakeNamedItemCollection extends FakeObject {
  private itemList: FakeNamedItem[] = [];
  private stale = true;
  protected override beginLoad(): void {
    this.stale = true;
  }
  get items(): FakeNamedItem[] {
    return this.read("items");
  }
  protected loadPath(path: string): void {
    if (!this.loaded.has("items") || this.stale) {
      this.stale = false;
      this.itemList = this.excel.names.map((n) => new FakeNamedItem(this.ctx, () => n));
      this.loaded.set("items", this.itemList);
    }
    const [head, property] = path.split("/");
    if (head !== "items" || !property) throw new Error(`fake: unsupported load ${path}`);
    for (const item of this.itemList) item.loadNow(property);
  }
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(
      this.ctx,
      () => this.excel.names.find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? fail("ItemNotFound", `no name ${name}`),
    );
  }
  add(name: string, reference: FakeRange, comment?: string): FakeNamedItem {
    let created: FakeName | null = null;
    this.ctx.queue(`addName ${name}`, () => {
      if (this.excel.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) fail("ItemAlreadyExists", `name ${name} exists`);
      const box = reference.box();
      created = { name, sheet: reference.worksheet.resolve(), cell: `$${columnLetter(box.left)}$${box.top}`, comment };
      this.excel.names.push(created);
    });
    return new FakeNamedItem(this.ctx, () => created ?? fail("GeneralException", "name not created yet"));
  }
}

// ---------------------------------------------------------------- notes and comments

class FakeNote extends FakeObject {
  private nullObject: boolean | undefined;
  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeWorksheet,
    private readonly address: string,
  ) {
    super(ctx);
    ctx.queue(
      "resolve note",
      () => {
        this.nullObject = !this.sheet.resolve().notes.has(this.address);
      },
      FAKE_COMMAND_BYTES,
    );
  }
  get isNullObject(): boolean {
    if (this.nullObject === undefined) throw new Error("PropertyNotLoaded: isNullObject before sync");
    return this.nullObject;
  }
  protected loadPath(path: string): void {
    if (path !== "content") throw new Error(`fake: unsupported note property ${path}`);
    const content = this.sheet.resolve().notes.get(this.address) ?? null;
    this.ctx.responseBytes += utf8Bytes(content);
    this.loaded.set("content", content);
  }
  get content(): string {
    if (this.nullObject) throw new Error("fake: reading content of a null note");
    return this.read("content");
  }
  delete(): void {
    this.ctx.queue(
      `noteDeleted ${this.address}`,
      () => {
        const sheet = this.sheet.writable();
        if (!sheet.notes.delete(this.address)) fail("ItemNotFound", `no note at ${this.address}`);
      },
      FAKE_COMMAND_BYTES,
    );
  }
}

class FakeNoteCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: FakeWorksheet,
  ) {}
  getItemOrNullObject(address: string): FakeNote {
    return new FakeNote(this.ctx, this.sheet, address.toUpperCase());
  }
  add(cell: FakeRange, content: string): void {
    this.ctx.queue(
      () => `noteAdded ${cell.label()}`,
      () => {
        const sheet = this.sheet.writable();
        const box = cell.box();
        if (box.top !== box.bottom || box.left !== box.right) fail("InvalidCellAddress", "a note goes on one cell");
        const address = boxAddress(box);
        if (sheet.notes.has(address) || this.ctx.excel.comments.some((c) => !c.deleted && c.sheet === sheet && c.address === address)) {
          fail("InvalidOperation", `cell ${address} already has a note or comment`);
        }
        sheet.notes.set(address, content);
      },
      FAKE_COMMAND_BYTES + utf8Bytes(content),
    );
  }
}

class FakeCommentProxy extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly resolver: () => FakeComment,
  ) {
    super(ctx);
  }
  protected loadPath(path: string): void {
    const comment = this.resolver();
    if (path === "id") this.loaded.set("id", comment.id);
    else if (path === "content") {
      this.ctx.responseBytes += utf8Bytes(comment.content);
      this.loaded.set("content", comment.content);
    } else throw new Error(`fake: unsupported comment property ${path}`);
  }
  loadNow(path: string): void {
    this.loadPath(path);
  }
  get id(): string {
    return this.read("id");
  }
  get content(): string {
    return this.read("content");
  }
  getLocation(): FakeRange {
    return new FakeRange(this.ctx, new FakeWorksheet(this.ctx, () => this.resolver().sheet), () => parseBox(this.resolver().address));
  }
  delete(): void {
    this.ctx.queue(`commentDeleted`, () => {
      const comment = this.resolver();
      if (comment.sheet.protected) fail("AccessDenied", "protected");
      if (comment.deleted) fail("ItemNotFound", "comment already deleted");
      comment.deleted = true;
    });
  }
}

class FakeCommentCollection extends FakeObject {
  private itemList: FakeCommentProxy[] = [];
  private stale = true;
  protected override beginLoad(): void {
    this.stale = true;
  }
  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeWorksheet | null,
  ) {
    super(ctx);
  }
  get items(): FakeCommentProxy[] {
    return this.read("items");
  }
  protected loadPath(path: string): void {
    if (!this.loaded.has("items") || this.stale) {
      this.stale = false;
      const sheet = this.sheet?.resolve() ?? null;
      this.itemList = this.excel.comments
        .filter((c) => !c.deleted && (sheet === null || c.sheet === sheet))
        .map((c) => new FakeCommentProxy(this.ctx, () => c));
      this.loaded.set("items", this.itemList);
    }
    const [head, property] = path.split("/");
    if (head !== "items" || !property) throw new Error(`fake: unsupported load ${path}`);
    for (const item of this.itemList) item.loadNow(property);
  }
  add(cell: FakeRange, content: string): FakeCommentProxy {
    let created: FakeComment | null = null;
    this.ctx.queue(
      () => `commentAdded ${cell.label()}`,
      () => {
        const sheet = cell.worksheet.writable();
        const address = boxAddress(cell.box());
        if (sheet.notes.has(address) || this.excel.comments.some((c) => !c.deleted && c.sheet === sheet && c.address === address)) {
          fail("InvalidOperation", `cell ${address} already has a note or comment`);
        }
        created = { id: this.excel.id("COMMENT-"), sheet, address, content, deleted: false };
        this.excel.comments.push(created);
      },
      FAKE_COMMAND_BYTES + utf8Bytes(content),
    );
    return new FakeCommentProxy(this.ctx, () => created ?? fail("GeneralException", "comment not created yet"));
  }
}

// ---------------------------------------------------------------- custom XML parts

class FakeClientResult<T> {
  private result: { value: T } | null = null;
  set(value: T): void {
    this.result = { value };
  }
  get value(): T {
    if (!this.result) throw new Error("PropertyNotLoaded: ClientResult.value before sync");
    return this.result.value;
  }
}

class FakeCustomXmlPart extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly resolver: () => { id: string; xml: string; deleted: boolean },
  ) {
    super(ctx);
  }
  protected loadPath(path: string): void {
    if (path !== "id") throw new Error(`fake: unsupported part property ${path}`);
    this.loaded.set("id", this.resolver().id);
  }
  loadNow(path: string): void {
    this.loadPath(path);
  }
  get id(): string {
    return this.read("id");
  }
  getXml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.ctx.queue("load getXml", () => {
      const xml = this.resolver().xml;
      this.ctx.responseBytes += Buffer.byteLength(xml);
      result.set(xml);
    });
    return result;
  }
  setXml(xml: string): void {
    this.ctx.queue("setXml", () => (this.resolver().xml = xml), Buffer.byteLength(xml));
  }
  delete(): void {
    this.ctx.queue("deletePart", () => {
      const part = this.resolver();
      if (part.deleted) fail("ItemNotFound", "part already deleted");
      part.deleted = true;
    });
  }
}

class FakeCustomXmlPartCollection {
  constructor(private readonly ctx: FakeContext) {}
  add(xml: string): FakeCustomXmlPart {
    let created: { id: string; xml: string; deleted: boolean } | null = null;
    this.ctx.queue(
      "addPart",
      () => {
        created = { id: this.ctx.excel.id("PART-"), xml, deleted: false };
        this.ctx.excel.xmlParts.push(created);
      },
      Buffer.byteLength(xml),
    );
    return new FakeCustomXmlPart(this.ctx, () => created ?? fail("GeneralException", "part not created yet"));
  }
  getByNamespace(namespace: string): FakeScopedParts {
    return new FakeScopedParts(this.ctx, namespace);
  }
}

class FakeScopedParts extends FakeObject {
  private itemList: FakeCustomXmlPart[] = [];
  private stale = true;
  protected override beginLoad(): void {
    this.stale = true;
  }
  constructor(
    ctx: FakeContext,
    private readonly namespace: string,
  ) {
    super(ctx);
  }
  get items(): FakeCustomXmlPart[] {
    return this.read("items");
  }
  protected loadPath(path: string): void {
    if (!this.loaded.has("items") || this.stale) {
      this.stale = false;
      this.itemList = this.excel.xmlParts
        .filter((p) => !p.deleted && p.xml.includes(`xmlns="${this.namespace}"`))
        .map((p) => new FakeCustomXmlPart(this.ctx, () => p));
      this.loaded.set("items", this.itemList);
    }
    const [head, property] = path.split("/");
    if (head !== "items" || !property) throw new Error(`fake: unsupported load ${path}`);
    for (const item of this.itemList) item.loadNow(property);
  }
}
