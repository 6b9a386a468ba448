/**
 * Marking findings on the ledger and clearing exactly those marks, through Office.js.
 *
 * A mark is a fill colour by severity (error #F8D7DA, warning #FFF3CD, info #D1ECF1) and a
 * note with the findings' text. Neither a value nor a formula of a ledger cell is ever written:
 * only `format.fill` and notes/comments are touched.
 *
 * Where the previous fills are kept: in a custom XML part of the workbook (one per marked
 * sheet, namespace MARKS_NAMESPACE), keyed by the worksheet's id so that renaming the sheet
 * does not lose them. Chosen over the add-in's document settings, which the pane saves with
 * Office.context.document.settings.saveAsync from its own in-memory copy (saving there could
 * overwrite marks written by another route), and over a very hidden sheet, which a
 * structure-protected workbook would refuse and which shows up to other tools as a sheet.
 * The part is saved with the file, so marks can be cleared after closing and reopening.
 *
 * Each record holds, per cell: the address, the previous fill (null: no fill), the fill
 * BANGFU set, and which annotation it added ("note" or "comment", null when the cell already
 * had one of the user's) with a fingerprint of its text. Clearing restores the previous fill
 * only where the cell still has BANGFU's colour (a fill the user set since is kept) and deletes
 * only annotations whose text still matches the fingerprint; nothing else is touched.
 *
 * "No fill" is recognised by pattern "None", or by a white colour with no tintAndShade
 * (Office.js reports #FFFFFF for both a white and an empty fill; office-js issues #4900, #6218).
 *
 * Notes (ExcelApi 1.18) are used where available; older Excel gets a comment instead (added in a
 * batch of their own: without the notes API a cell's legacy note cannot be seen beforehand and
 * Excel refuses a comment there, so such a cell is found and left with its fill only), and
 * without comments (ExcelApi 1.10) only the fill. A cell that already has the user's note or
 * comment keeps it and gets only the fill.
 *
 * Syncs, notes: marking a sheet the first time takes 2 (ids, records, fills and notes of the
 * cells; then the batch); with earlier marks or comments on the sheet, up to 4. Clearing takes 1
 * when there is nothing to clear, else 4 (ids; records; fills and notes of the marked cells; the
 * batch). Comments add one sync for their batch, and 3 per refused cell.
 */
import type { Finding } from "../checks/types";
import type { CellRef } from "../ledger/model";
import { planMarks, textFingerprint, type PlannedMark } from "../host/marks";
import { parseBox } from "./addresses";
import { columnLetter } from "../ledger/cellRef";
import { officeErrorCodes } from "./errors";

export const MARKS_NAMESPACE = "urn:bangfu:marks:1";

export type AnnotationKind = "note" | "comment";

export interface MarkOptions {
  /** How findings are annotated: notes (ExcelApi 1.18), comments (1.10), or not at all. */
  readonly annotation: AnnotationKind | "none";
}

/** A fill as Excel reports it; null in a record means no fill. */
export interface FillState {
  readonly color: string;
  readonly pattern?: string;
  readonly patternColor?: string;
  readonly tintAndShade?: number;
}

export interface MarkedCell {
  /** "H12". */
  readonly a: string;
  readonly prev: FillState | null;
  readonly fill: string;
  readonly ann: AnnotationKind | null;
  /** Fingerprint of the annotation's text. */
  readonly fp: string | null;
}

export interface MarkRecord {
  readonly version: 1;
  readonly sheetId: string;
  readonly sheetName: string;
  readonly cells: readonly MarkedCell[];
}

export interface MarkResult {
  readonly marked: number;
  /** Cells that got a note or comment. */
  readonly annotated: number;
  /** Cells left without one because the user's note or comment was there. */
  readonly keptUserAnnotations: number;
  readonly annotation: AnnotationKind | "none";
}

export interface ClearResult {
  readonly cleared: number;
  /** Cells whose fill the user had changed since marking: left as the user set it. */
  readonly keptUserFills: number;
}

const FILL_PROPERTIES = "color,pattern,patternColor,tintAndShade";

// ---------------------------------------------------------------- records

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

function unescapeXml(text: string): string {
  return text.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (_m, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(parseInt(dec, 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[named as "amp"];
  });
}

export function recordToXml(record: MarkRecord): string {
  return `<marks xmlns="${MARKS_NAMESPACE}" sheetId="${escapeXml(record.sheetId)}">${escapeXml(JSON.stringify(record))}</marks>`;
}

/** The record in a part's XML; null for anything that is not one. */
export function recordFromXml(xml: string): MarkRecord | null {
  const m = /<marks\b[^>]*>([\s\S]*)<\/marks>/.exec(xml);
  if (!m) return null;
  try {
    const value = JSON.parse(unescapeXml(m[1])) as Partial<MarkRecord>;
    if (value.version !== 1 || typeof value.sheetId !== "string" || !Array.isArray(value.cells)) return null;
    return value as MarkRecord;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- fills

export function fillState(fill: Excel.RangeFill): FillState | null {
  const color = typeof fill.color === "string" ? fill.color : "";
  const pattern = fill.pattern as string | null | undefined;
  const tint = fill.tintAndShade as number | null | undefined;
  if (pattern === "None" || ((tint === null || tint === undefined) && (color.toUpperCase() === "#FFFFFF" || color === ""))) return null;
  const state: { color: string; pattern?: string; patternColor?: string; tintAndShade?: number } = { color };
  if (pattern && pattern !== "Solid") {
    state.pattern = pattern;
    if (typeof fill.patternColor === "string") state.patternColor = fill.patternColor;
  }
  if (typeof tint === "number" && tint !== 0) state.tintAndShade = tint;
  return state;
}

function sameColour(fill: FillState | null, colour: string): boolean {
  return fill !== null && fill.pattern === undefined && fill.color.toUpperCase() === colour.toUpperCase();
}

function applyFill(range: Excel.Range, state: FillState | null): void {
  const fill = range.format.fill;
  if (state === null) {
    fill.clear();
    return;
  }
  fill.color = state.color;
  if (state.pattern !== undefined) fill.pattern = state.pattern as Excel.FillPattern;
  if (state.patternColor !== undefined) fill.patternColor = state.patternColor;
  if (state.tintAndShade !== undefined) fill.tintAndShade = state.tintAndShade;
}

// ---------------------------------------------------------------- what the sheet holds

interface CommentAt {
  readonly comment: Excel.Comment;
  readonly content: string;
}

interface SheetState {
  readonly sheet: Excel.Worksheet;
  readonly sheetId: string;
  readonly sheetName: string;
  /** This sheet's record and its part, if it has one. */
  readonly mine: { readonly part: Excel.CustomXmlPart; readonly record: MarkRecord } | null;
  /** Parts whose sheet no longer exists, or that hold no record. */
  readonly stale: readonly Excel.CustomXmlPart[];
  readonly fills: Map<string, Excel.RangeFill>;
  readonly notes: Map<string, Excel.Note>;
  /** Comments by cell address; null when comments were not loaded. */
  comments: Map<string, CommentAt[]> | null;
}

/**
 * Load what marking or clearing needs: the sheet's id, its record, and for the given cells
 * their fills (and notes, when `notes`); comments of the sheet when `comments`.
 * Sync 1: ids, parts, the cells; sync 2 (only when there are parts or comments): the parts'
 * XML and where the comments are.
 */
async function loadSheetState(context: Excel.RequestContext, sheetName: string, cells: readonly string[], notes: boolean, comments: boolean): Promise<SheetState> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.load("id,name");
  const allSheets = context.workbook.worksheets;
  allSheets.load("items/id");
  const parts = context.workbook.customXmlParts.getByNamespace(MARKS_NAMESPACE);
  parts.load("items/id");
  const fills = new Map<string, Excel.RangeFill>();
  const noteItems = new Map<string, Excel.Note>();
  queueCells(sheet, cells, notes, fills, noteItems);
  const commentItems = comments ? sheet.comments : null;
  commentItems?.load("items/id,items/content");
  await context.sync();

  const xml = parts.items.map((part) => ({ part, xml: part.getXml() }));
  const located = commentItems ? commentItems.items.map((comment) => ({ comment, range: locate(comment) })) : [];
  if (xml.length > 0 || located.length > 0) await context.sync();

  const sheetIds = new Set(allSheets.items.map((s) => s.id));
  let mine: SheetState["mine"] = null;
  const stale: Excel.CustomXmlPart[] = [];
  for (const { part, xml: result } of xml) {
    const record = recordFromXml(result.value);
    if (record === null || !sheetIds.has(record.sheetId)) stale.push(part);
    else if (record.sheetId === sheet.id) {
      if (mine === null) mine = { part, record };
      else stale.push(part);
    }
  }
  return {
    sheet,
    sheetId: sheet.id,
    sheetName: sheet.name,
    mine,
    stale,
    fills,
    notes: noteItems,
    comments: commentItems ? commentsByCell(located) : null,
  };
}

function locate(comment: Excel.Comment): Excel.Range {
  const range = comment.getLocation();
  range.load("address");
  return range;
}

function commentsByCell(located: readonly { comment: Excel.Comment; range: Excel.Range }[]): Map<string, CommentAt[]> {
  const map = new Map<string, CommentAt[]>();
  for (const { comment, range } of located) {
    const box = parseBox(range.address);
    const address = `${columnLetter(box.left)}${box.top}`;
    const list = map.get(address) ?? [];
    list.push({ comment, content: comment.content });
    map.set(address, list);
  }
  return map;
}

/** Queue loads of fills (and notes) for cells not loaded yet; true when anything was queued. */
function queueCells(sheet: Excel.Worksheet, cells: readonly string[], notes: boolean, fills: Map<string, Excel.RangeFill>, noteItems: Map<string, Excel.Note>): boolean {
  let queued = false;
  for (const address of cells) {
    if (!fills.has(address)) {
      const fill = sheet.getRange(address).format.fill;
      fill.load(FILL_PROPERTIES);
      fills.set(address, fill);
      queued = true;
    }
    if (notes && !noteItems.has(address)) {
      const note = sheet.notes.getItemOrNullObject(address);
      note.load("content");
      noteItems.set(address, note);
      queued = true;
    }
  }
  return queued;
}

/**
 * Make sure the cells of an earlier record are loaded too (one more sync, or two when comments
 * must be located). Without the notes API (`notesApi` false) BANGFU's earlier notes cannot be
 * looked up, and are left.
 */
async function completeState(context: Excel.RequestContext, state: SheetState, record: MarkRecord | null, notesApi: boolean): Promise<void> {
  if (!record) return;
  const cells = record.cells.map((c) => c.a);
  const needNotes = notesApi ? record.cells.filter((c) => c.ann === "note").map((c) => c.a) : [];
  let queued = queueCells(state.sheet, cells, false, state.fills, state.notes);
  queued = queueCells(state.sheet, needNotes, true, state.fills, state.notes) || queued;
  let items: Excel.CommentCollection | null = null;
  if (state.comments === null && record.cells.some((c) => c.ann === "comment")) {
    items = state.sheet.comments;
    items.load("items/id,items/content");
    queued = true;
  }
  if (queued) await context.sync();
  if (items) {
    const located = items.items.map((comment) => ({ comment, range: locate(comment) }));
    if (located.length > 0) await context.sync();
    state.comments = commentsByCell(located);
  }
}

function noteAt(state: SheetState, address: string): Excel.Note | null {
  const note = state.notes.get(address);
  return note && !note.isNullObject ? note : null;
}

/** Queue deletion of the annotation BANGFU made on a cell, if it is still there as BANGFU wrote it. */
function deleteOwnAnnotation(state: SheetState, cell: MarkedCell): void {
  if (cell.ann === "note") {
    const note = noteAt(state, cell.a);
    if (note && textFingerprint(note.content) === cell.fp) note.delete();
  } else if (cell.ann === "comment") {
    for (const c of state.comments?.get(cell.a) ?? []) if (textFingerprint(c.content) === cell.fp) c.comment.delete();
  }
}

// ---------------------------------------------------------------- marking

export async function markFindings(context: Excel.RequestContext, sheetName: string, findings: readonly Finding[], options: MarkOptions): Promise<MarkResult> {
  const plan = planMarks(findings);
  const annotation = options.annotation;
  const state = await loadSheetState(
    context,
    sheetName,
    plan.map((m) => m.address),
    annotation === "note",
    annotation !== "none",
  );
  const old = state.mine?.record ?? null;
  await completeState(context, state, old, annotation === "note");

  const oldByCell = new Map((old?.cells ?? []).map((c) => [c.a, c]));
  const planned = new Set(plan.map((m) => m.address));
  const cells: MarkedCell[] = [];
  const toAnnotate: PlannedMark[] = [];
  let keptUserAnnotations = 0;
  for (const mark of plan) {
    const current = fillState(state.fills.get(mark.address)!);
    const before = oldByCell.get(mark.address);
    const prev = before && sameColour(current, before.fill) ? before.prev : current;
    let ann: AnnotationKind | null = null;
    if (annotation !== "none") {
      const ownNote = before?.ann === "note" && noteAt(state, mark.address) !== null && textFingerprint(noteAt(state, mark.address)!.content) === before.fp;
      const userNote = noteAt(state, mark.address) !== null && !ownNote;
      const userComment = (state.comments?.get(mark.address) ?? []).some((c) => !(before?.ann === "comment" && textFingerprint(c.content) === before.fp));
      if (!userNote && !userComment) {
        ann = annotation;
        toAnnotate.push(mark);
      } else keptUserAnnotations++;
    }
    cells.push({ a: mark.address, prev, fill: mark.fill, ann, fp: ann ? textFingerprint(mark.note) : null });
  }
  const record: MarkRecord = { version: 1, sheetId: state.sheetId, sheetName: state.sheetName, cells };

  // The record first: should a batch stop half-way, clearing still finds every cell it may have touched.
  writeRecord(context, state, cells.length > 0 ? record : null);
  for (const part of state.stale) part.delete();
  for (const before of old?.cells ?? []) {
    deleteOwnAnnotation(state, before);
    if (!planned.has(before.a)) {
      const current = fillState(state.fills.get(before.a)!);
      if (sameColour(current, before.fill)) applyFill(state.sheet.getRange(before.a), before.prev);
    }
  }
  for (const mark of plan) state.sheet.getRange(mark.address).format.fill.color = mark.fill;
  if (annotation === "note") for (const mark of toAnnotate) state.sheet.notes.add(state.sheet.getRange(mark.address), mark.note);
  await context.sync();
  const refused = annotation === "comment" && toAnnotate.length > 0 ? await addComments(context, state.sheet, toAnnotate) : 0;
  return { marked: cells.length, annotated: toAnnotate.length - refused, keptUserAnnotations: keptUserAnnotations + refused, annotation };
}

/**
 * Comments, in their own batch: without the notes API a cell's legacy note cannot be seen
 * beforehand, and Excel refuses a comment on a cell that has one. Commands run in order, so when
 * the batch fails, the comments before the refused cell are in place: find the first cell still
 * without BANGFU's comment (2 syncs), leave it out, and add the rest again. Returns the cells refused.
 */
async function addComments(context: Excel.RequestContext, sheet: Excel.Worksheet, marks: readonly PlannedMark[]): Promise<number> {
  let pending = [...marks];
  let refused = 0;
  while (pending.length > 0) {
    for (const mark of pending) context.workbook.comments.add(sheet.getRange(mark.address), mark.note);
    try {
      await context.sync();
      return refused;
    } catch (error) {
      if (officeErrorCodes(error).some((code) => FATAL_CODES.has(code))) throw error;
      const items = sheet.comments;
      items.load("items/id,items/content");
      await context.sync();
      const located = items.items.map((comment) => ({ comment, range: locate(comment) }));
      if (located.length > 0) await context.sync();
      const present = commentsByCell(located);
      const has = (mark: PlannedMark) => (present.get(mark.address) ?? []).some((c) => textFingerprint(c.content) === textFingerprint(mark.note));
      const culprit = pending.findIndex((mark) => !has(mark));
      // Every comment is there: the failure was not a refused cell.
      if (culprit < 0) throw error;
      refused++;
      pending = pending.slice(culprit + 1);
    }
  }
  return refused;
}

/** Failures that are not about one cell: reported, never worked around. */
const FATAL_CODES = new Set(["InvalidOperationInCellEditMode", "AccessDenied", "ItemNotFound", "RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);

function writeRecord(context: Excel.RequestContext, state: SheetState, record: MarkRecord | null): void {
  if (record === null) {
    state.mine?.part.delete();
  } else if (state.mine) {
    state.mine.part.setXml(recordToXml(record));
  } else {
    context.workbook.customXmlParts.add(recordToXml(record));
  }
}

// ---------------------------------------------------------------- clearing

export interface ClearOptions {
  /** The notes API (ExcelApi 1.18) is there; default true. Without it BANGFU's notes cannot be found and are left. */
  readonly notes?: boolean;
}

export async function clearMarks(context: Excel.RequestContext, sheetName: string, options: ClearOptions = {}): Promise<ClearResult> {
  const state = await loadSheetState(context, sheetName, [], false, false);
  const record = state.mine?.record ?? null;
  if (record === null && state.stale.length === 0) return { cleared: 0, keptUserFills: 0 };
  await completeState(context, state, record, options.notes !== false);
  let keptUserFills = 0;
  for (const part of state.stale) part.delete();
  for (const cell of record?.cells ?? []) {
    deleteOwnAnnotation(state, cell);
    const current = fillState(state.fills.get(cell.a)!);
    if (sameColour(current, cell.fill)) applyFill(state.sheet.getRange(cell.a), cell.prev);
    else keptUserFills++;
  }
  state.mine?.part.delete();
  await context.sync();
  return { cleared: record?.cells.length ?? 0, keptUserFills };
}

// ---------------------------------------------------------------- selecting

export async function selectCell(context: Excel.RequestContext, sheetName: string, cell: CellRef): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(`${cell.column.toUpperCase()}${cell.row}`).select();
  await context.sync();
}
