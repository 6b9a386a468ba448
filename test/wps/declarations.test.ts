/**
 * Kingsoft's own declarations of the ET object model (et-jsapi-declare 2.5, a devDependency
 * only: its licence forbids modifying it) against the structural types the WPS adapter is
 * written to (src/wps/et.ts): every member the adapter uses exists under that name in Kingsoft's
 * declarations, and where their types are precise enough, theirs satisfy ours. The compiler does
 * the checking (npm run typecheck); the test keeps the file a test.
 *
 * Where they differ the adapter follows the VBA model and is defensive: Sheets.Item is declared
 * to return a worksheet or a sheets collection, ChartObjects() a collection or one chart object,
 * Name.RefersTo a string or a boolean.
 */
/// <reference types="et-jsapi-declare" />
import type * as Ours from "../../src/wps/et";

/** The members ours names that theirs lacks: never when all exist. */
type Missing<O, T> = Exclude<keyof O, keyof T>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

const membersExist: [
  Same<Missing<Ours.EtRange, Et.Range>, never>,
  Same<Missing<Ours.EtAreas, Et.Areas>, never>,
  Same<Missing<Ours.EtInterior, Et.Interior>, never>,
  Same<Missing<Ours.EtFont, Et.Font>, never>,
  Same<Missing<Ours.EtBorders, Et.Borders>, never>,
  Same<Missing<Ours.EtBorder, Et.Border>, never>,
  Same<Missing<Ours.EtComment, Et.Comment>, never>,
  Same<Missing<Ours.EtWorksheet, Et.Worksheet>, never>,
  Same<Missing<Ours.EtSheets, Et.Sheets>, never>,
  Same<Missing<Ours.EtName, Et.Name>, never>,
  Same<Missing<Ours.EtNames, Et.Names>, never>,
  Same<Missing<Ours.EtWorkbook, Et.Workbook>, never>,
  Same<Missing<Ours.EtWindow, Et.Window>, never>,
  Same<Missing<Ours.EtApplication, Et.Application>, never>,
  Same<Missing<Ours.EtChart, Et.Chart>, never>,
  Same<Missing<Ours.EtSeries, Et.Series>, never>,
  Same<Missing<Ours.EtSeriesCollection, Et.SeriesCollection>, never>,
  Same<Missing<Ours.EtShapes, Et.Shapes>, never>,
  Same<Missing<Ours.EtChartObjects, Et.ChartObjects>, never>,
  Same<Missing<Ours.WpsTaskPane, WPS.CustomTaskpane>, never>,
  Same<Missing<Ours.WpsPluginStorage, WPS.PluginStorage>, never>,
  Same<Missing<Ours.WpsAddinRoot, WPS.AddonRoot & WPS.EtAddonRoot>, never>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];

// Precise enough to be checked whole.
const range: Ours.EtRange = null as unknown as Et.Range;
const worksheet: Ours.EtWorksheet = null as unknown as Et.Worksheet;
const names: Ours.EtNames = null as unknown as Et.Names;
const root: Ours.WpsAddinRoot = null as unknown as WPS.AddonRoot & WPS.EtAddonRoot;

test("et-jsapi-declare names every member the adapter uses (checked at compile time)", () => {
  expect(membersExist.every(Boolean)).toBe(true);
  expect([range, worksheet, names, root]).toEqual([null, null, null, null]);
});
