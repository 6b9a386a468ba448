/**
 * The part of WPS 表格's JavaScript object model (ET, "Et.*" in Kingsoft's et-jsapi-declare)
 * and of the WPS add-in root that BANGFU uses, as structural types. The object model is the
 * VBA one, reached synchronously: every property read or write and every method call crosses
 * from the add-in's browser into WPS (a "bridge call"), so the adapter reads whole 2-D
 * `Value2` blocks and never walks cells where it can avoid it.
 *
 * Our own declarations rather than et-jsapi-declare's: its licence forbids modifying it, so
 * it stays a devDependency; test/wps/declarations.test.ts checks at compile time that it names
 * every member used here, and that its Range, Worksheet and Names satisfy these types.
 * Names and enumeration values follow the VBA object model that ET implements.
 */

/** What `Value2` gives back: a scalar for one cell, 1-D or 2-D arrays for more (see ./values.ts). */
export type EtValue = unknown;

export interface EtCount {
  readonly Count: number;
}

export interface EtInterior {
  /** BGR colour number (red + green·256 + blue·65536); 16777215 (white) when the cell has no fill. */
  Color: unknown;
  /** xlColorIndexNone (-4142) when the cell has no fill. */
  ColorIndex: unknown;
  /** xlPatternNone (-4142) for no fill, xlPatternSolid (1) for a plain fill. */
  Pattern: unknown;
  PatternColor: unknown;
  TintAndShade: unknown;
}

export interface EtFont {
  Bold: unknown;
  /** BGR colour number. */
  Color: unknown;
  Size: unknown;
  Underline: unknown;
}

export interface EtBorder {
  LineStyle: unknown;
}

export interface EtBorders {
  Item(Index: number): EtBorder;
}

export interface EtComment {
  /** The note's text (with an argument: set it). */
  Text(Text?: string): string;
  Delete(): unknown;
}

/** The areas of a multi-area selection (one for a plain range). */
export interface EtAreas {
  readonly Count: number;
  Item(Index: number): EtRange;
}

export interface EtRange {
  readonly Row: number;
  readonly Column: number;
  readonly Rows: EtCount;
  readonly Columns: EtCount;
  /** "$A$1:$C$3" by default; Address(false, false) gives "A1:C3". */
  Address(RowAbsolute?: boolean, ColumnAbsolute?: boolean): string;
  Value2: EtValue;
  /** Formula text ("=…", English function names) of a formula cell, else the constant; shaped as Value2. */
  Formula: unknown;
  /** One format code for the whole range on write; null when the cells differ on read. */
  NumberFormat: unknown;
  readonly Interior: EtInterior;
  readonly Font: EtFont;
  readonly Borders: EtBorders;
  /** In characters of the default font, as Excel's column-width dialog. */
  ColumnWidth: unknown;
  HorizontalAlignment: unknown;
  VerticalAlignment: unknown;
  WrapText: unknown;
  /** true: all cells merged; false: none; null: some. */
  readonly MergeCells: unknown;
  readonly MergeArea: EtRange;
  /** The cell's note (a "comment" in the VBA model); null when it has none. */
  readonly Comment: EtComment | null;
  AddComment(Text?: string): EtComment;
  Select(): unknown;
  AutoFilter(): unknown;
  ClearContents(): unknown;
  /** Position in points from the sheet's top-left corner. */
  readonly Left: number;
  readonly Top: number;
  readonly Areas: EtAreas;
  readonly Worksheet: EtWorksheet;
}

export interface EtSeries {
  Name: unknown;
  Values: unknown;
  XValues: unknown;
  Delete(): unknown;
}

export interface EtSeriesCollection {
  readonly Count: number;
  Item(Index: number): EtSeries;
  NewSeries(): EtSeries;
}

export interface EtChart {
  ChartType: unknown;
  HasTitle: unknown;
  readonly ChartTitle: { Text: unknown };
  HasLegend: unknown;
  readonly Legend: { Position: unknown };
  SeriesCollection(): EtSeriesCollection;
}

export interface EtShapes {
  /** Since Excel 2013's model; older WPS builds may lack it (then ChartObjects().Add). */
  AddChart2?: (
    Style?: number,
    XlChartType?: number,
    Left?: number,
    Top?: number,
    Width?: number,
    Height?: number,
  ) => { readonly Chart: EtChart };
}

export interface EtChartObjects {
  Add(Left: number, Top: number, Width: number, Height: number): { readonly Chart: EtChart };
}

export interface EtWorksheet {
  Name: string;
  readonly Index: number;
  /** xlSheetVisible (-1), xlSheetHidden (0), xlSheetVeryHidden (2). */
  Visible: unknown;
  readonly ProtectContents: boolean;
  /** The used range; an empty sheet's is A1. */
  readonly UsedRange: EtRange;
  Range(Cell1: string): EtRange;
  Activate(): unknown;
  /** Asks the user to confirm unless Application.DisplayAlerts is false. */
  Delete(): unknown;
  readonly Shapes: EtShapes;
  /** The older chart API (the collection when called without an index); absent when the build draws no charts from scripts. */
  readonly ChartObjects?: () => unknown;
  /** The workbook that holds the sheet (VBA's Worksheet.Parent; declared as any). */
  readonly Parent: EtWorkbook;
}

export interface EtSheets {
  readonly Count: number;
  /** 1-based index, or the sheet's name. */
  Item(Index: number | string): EtWorksheet;
  /** Without arguments the new sheet goes before the active one; it becomes the active sheet. */
  Add(Before?: EtWorksheet, After?: EtWorksheet): EtWorksheet;
}

export interface EtName {
  readonly Name: string;
  /** "='汇总-分层'!$A$1"; "=#REF!$A$1" once the sheet is gone (declared as string | boolean). */
  readonly RefersTo: unknown;
  Delete(): unknown;
}

export interface EtNames {
  readonly Count: number;
  Item(Index: number | string): EtName;
  Add(Name: string, RefersTo: string, Visible?: boolean): EtName;
}

export interface EtWorkbook {
  readonly Name: string;
  readonly Worksheets: EtSheets;
  readonly Names: EtNames;
  readonly ActiveSheet: EtWorksheet | null;
  readonly ProtectStructure: boolean;
  /** True when the workbook's dates count from 1904 (VBA's Workbook.Date1904). */
  readonly Date1904: unknown;
}

export interface EtWindow {
  FreezePanes: unknown;
  SplitRow: unknown;
  SplitColumn: unknown;
  ScrollRow: unknown;
  ScrollColumn: unknown;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  readonly ActiveWindow: EtWindow | null;
  DisplayAlerts: unknown;
  ScreenUpdating: unknown;
  /** A Range when cells are selected; a shape or chart object otherwise. */
  readonly Selection: unknown;
  /** Recalculates the formulas marked for calculation (those whose inputs changed). */
  Calculate(): unknown;
  /** Recalculates every formula of every open workbook, whether or not its inputs changed. */
  CalculateFull(): unknown;
  /**
   * VBA's Application.Caller, a method in ET's JavaScript API (et-jsapi-declare: Caller(Index?)):
   * for a custom function entered in a cell, the Range of that cell; for other callers a text or
   * the #REF! error value. Kingsoft does not document it for add-in functions: read defensively.
   */
  Caller(Index?: unknown): unknown;
}

// ---------------------------------------------------------------- the add-in root

export interface WpsTaskPane {
  readonly ID: number;
  Visible: boolean;
  Navigate(url: string): unknown;
  DockPosition: unknown;
  Width: unknown;
}

/** Shared by every page of one add-in (the ribbon's page and the task pane); not saved. */
export interface WpsPluginStorage {
  setItem(key: string, value: string | number | boolean): void;
  getItem(key: string): unknown;
  removeItem(key: string): void;
}

export type WpsFunctionType = string;

export interface WpsFunctionMetadata {
  readonly description?: string;
  readonly result: { readonly type?: WpsFunctionType };
  readonly parameters: { readonly name?: string; readonly type?: WpsFunctionType; readonly description?: string }[];
}

export interface WpsRibbonUi {
  Invalidate(): void;
  InvalidateControl(ControlID: string): void;
}

export interface WpsAddinRoot {
  CreateTaskPane(url: string, title?: string): WpsTaskPane;
  GetTaskPane(id: number): WpsTaskPane;
  readonly PluginStorage: WpsPluginStorage;
  /** WPS 12.1.0.20540 and later; absent before. Synchronous functions only. */
  readonly AddCustomFunction?: (
    namespace: string,
    name: string,
    callback: (...args: unknown[]) => unknown,
    metadata?: WpsFunctionMetadata,
  ) => void;
}

/** `wps` / `Application` in a WPS 表格 add-in page: the ET Application and the add-in root in one object. */
export type WpsApplication = EtApplication & WpsAddinRoot;

// ---------------------------------------------------------------- enumerations (VBA values)

export const XL_SHEET_VISIBLE = -1;
export const XL_SHEET_HIDDEN = 0;
export const XL_SHEET_VERY_HIDDEN = 2;
/** xlNone / xlColorIndexNone / xlPatternNone. */
export const XL_NONE = -4142;
export const XL_PATTERN_SOLID = 1;
export const XL_CENTER = -4108;
export const XL_CONTINUOUS = 1;
export const XL_EDGE_TOP = 8;
export const XL_EDGE_BOTTOM = 9;
export const XL_UNDERLINE_SINGLE = 2;
export const XL_COLUMN_CLUSTERED = 51;
export const XL_COLUMN_STACKED = 53;
export const XL_LEGEND_BOTTOM = -4107;
/** Interior.Color of a cell without fill. */
export const WHITE_BGR = 0xffffff;
/** msoCTPDockPositionRight. */
export const DOCK_RIGHT = 2;
