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
 * The part is saved with the file, so marks can be cleared after closing and reopening. A part
 * that cannot be read (edited by hand) is never dropped silently: the user is told that its
 * fills cannot be restored, as in WPS (refuseBrokenRecord).
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
 * Many findings: every request stays under Excel on the web's 5 MB payload limit. The cells'
 * fills and notes are loaded in chunks (MARK_LOAD_CELLS cells a sync), the writes are queued as
 * commands with an estimated size and sent in batches of at most MARK_BUDGET_BYTES, and a batch
 * refused for its size is halved and sent again (a request refused for its size has run none of
 * its commands). A record too large for one request is kept in several parts of the same sheet.
 *
 * Syncs, notes: marking a sheet the first time takes 2 (ids, records, fills and notes of the
 * cells; then the batch) when the cells fit in one chunk and one batch, one more per further
 * chunk or batch; with earlier marks or comments on the sheet, up to 4, and one more to write the
 * final record when cells marked before are no longer marked. Clearing takes 1 when there is
 * nothing to clear, else 4 (ids; records; fills and notes of the marked cells; the batch) plus
 * chunks and batches as above. Comments are added in batches of their own; a comment Excel refuses
 * (a cell with a legacy note that the pre-1.18 API cannot see) costs the refused batch and one
 * sync that counts the comments, not a search through every comment.
 */
import type { Finding } from "../checks/types";
import type { CellRef } from "../ledger/model";
import { brokenRecordMessage, planMarks, textFingerprint, type PlannedMark } from "../host/marks";
import { hostError } from "../host/messages";
import { parseBox } from "./addresses";
import { columnLetter } from "../ledger/cellRef";
import { isPayloadTooLarge, officeErrorCodes } from "./errors";
import { READ_BLOCK_BUDGET_BYTES } from "./read";

/** Largest request a marking batch is sized for (well under the 5 MB limit). */
export const MARK_BUDGET_BYTES = READ_BLOCK_BUDGET_BYTES;
/** Cells whose fill and note are loaded in one sync (request and response about 300 bytes a cell). */
export const MARK_LOAD_CELLS = 5_000;
/** What one queued command is assumed to add to a request besides its text: the object path, the property, framing. */
export const COMMAND_BYTES = 120;

export const MARKS_NAMESPACE = "urn:bangfu:marks:1";

export type AnnotationKind = "note" | "comment";

export interface MarkOptions {
  /** How findings are annotated: notes (ExcelApi 1.18), comments (1.10), or not at all. */
  readonly annotation: AnnotationKind | "none";
  /** Fill pattern and tint can be read (ExcelApi 1.9); default true. Without them only the colour is kept. */
  readonly fillDetails?: boolean;
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
/** Before ExcelApi 1.9 a fill has only its colour. */
const FILL_COLOUR_ONLY = "color";

// ---------------------------------------------------------------- records

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

function unescapeXml(text: string): string {
  return text.replace(
    /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g,
    (_m, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
      if (hex) return String.fromCodePoint(parseInt(hex, 16));
      if (dec) return String.fromCodePoint(parseInt(dec, 10));
      return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[named as "amp"];
    },
  );
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

/** The sheet id a part names in its attribute, readable even when its record is not; null if none. */
export function sheetIdOfPart(xml: string): string | null {
  const m = /<marks\b[^>]*?\ssheetId="([^"]*)"/.exec(xml);
  return m ? unescapeXml(m[1]) : null;
}

// ---------------------------------------------------------------- fills

export function fillState(fill: Excel.RangeFill, details = true): FillState | null {
  const color = typeof fill.color === "string" ? fill.color : "";
  // Before ExcelApi 1.9 only the colour exists (and was loaded).
  const pattern = details ? (fill.pattern as string | null | undefined) : undefined;
  const tint = details ? (fill.tintAndShade as number | null | undefined) : undefined;
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
  /** This sheet's record (from one or more parts), if it has one. */
  readonly mine: { readonly parts: readonly Excel.CustomXmlPart[]; readonly record: MarkRecord } | null;
  /** Parts whose sheet no longer exists (its fills went with it). */
  readonly stale: readonly Excel.CustomXmlPart[];
  /**
   * Parts that cannot be read and name this sheet or no sheet: the fills they kept are lost, which
   * the user is told (refuseBrokenRecord). A damaged part of another sheet waits for that sheet.
   */
  readonly broken: { readonly parts: readonly Excel.CustomXmlPart[]; readonly thisSheet: boolean };
  readonly fills: Map<string, Excel.RangeFill>;
  readonly notes: Map<string, Excel.Note>;
  /** Comments by cell address; null when comments were not loaded. */
  comments: Map<string, CommentAt[]> | null;
  /** The fill properties this Excel can load. */
  readonly fillProperties: string;
}

/**
 * Load what marking or clearing needs: the sheet's id, its record, and for the given cells
 * their fills (and notes, when `notes`); comments of the sheet when `comments`.
 * Sync 1: ids, parts, the cells; sync 2 (only when there are parts or comments): the parts'
 * XML and where the comments are.
 */
async function loadSheetState(
  context: Excel.RequestContext,
  sheetName: string,
  cells: readonly string[],
  notes: boolean,
  comments: boolean,
  fillDetails = true,
): Promise<SheetState> {
  const fillProperties = fillDetails ? FILL_PROPERTIES : FILL_COLOUR_ONLY;
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.load("id,name");
  const allSheets = context.workbook.worksheets;
  allSheets.load("items/id");
  const parts = context.workbook.customXmlParts.getByNamespace(MARKS_NAMESPACE);
  parts.load("items/id");
  const fills = new Map<string, Excel.RangeFill>();
  const noteItems = new Map<string, Excel.Note>();
  queueCells(sheet, cells.slice(0, MARK_LOAD_CELLS), notes, fills, noteItems, fillProperties);
  // A collection reached from the sheet proxy and loaded on the next line (the rule takes it for a scalar property).
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
  const commentItems = comments ? sheet.comments : null;
  commentItems?.load("items/id,items/content");
  await context.sync();

  const xml = parts.items.map((part) => ({ part, xml: part.getXml() }));
  const located = commentItems ? commentItems.items.map((comment) => ({ comment, range: locate(comment) })) : [];
  if (xml.length > 0 || located.length > 0) await context.sync();

  const sheetIds = new Set(allSheets.items.map((s) => s.id));
  const mineParts: Excel.CustomXmlPart[] = [];
  const mineCells: MarkedCell[] = [];
  const stale: Excel.CustomXmlPart[] = [];
  const brokenParts: Excel.CustomXmlPart[] = [];
  let brokenHere = false;
  for (const { part, xml: result } of xml) {
    const record = recordFromXml(result.value);
    if (record === null) {
      const named = sheetIdOfPart(result.value);
      if (named !== null && named !== sheet.id && sheetIds.has(named)) continue;
      if (named !== null && !sheetIds.has(named)) stale.push(part);
      else {
        brokenParts.push(part);
        brokenHere ||= named === sheet.id;
      }
    } else if (!sheetIds.has(record.sheetId)) stale.push(part);
    else if (record.sheetId === sheet.id) {
      // A large record is kept in several parts: together they are the sheet's record.
      mineParts.push(part);
      mineCells.push(...record.cells);
    }
  }
  const state: SheetState = {
    sheet,
    sheetId: sheet.id,
    sheetName: sheet.name,
    mine:
      mineParts.length > 0
        ? { parts: mineParts, record: { version: 1, sheetId: sheet.id, sheetName: sheet.name, cells: mineCells } }
        : null,
    stale,
    broken: { parts: brokenParts, thisSheet: brokenHere },
    fills,
    notes: noteItems,
    comments: commentItems ? commentsByCell(located) : null,
    fillProperties,
  };
  const rest = cells.slice(MARK_LOAD_CELLS);
  await loadCells(context, state, rest, notes ? rest : []);
  return state;
}

/**
 * A record that cannot be read is not dropped silently: its parts (and, when it is this sheet's,
 * the rest of this sheet's record, now incomplete) are deleted and the user is told, with the
 * message WPS gives, that the previous fills cannot be restored. Nothing else is changed.
 */
async function refuseBrokenRecord(context: Excel.RequestContext, state: SheetState): Promise<void> {
  if (state.broken.parts.length === 0) return;
  const doomed = state.broken.thisSheet ? [...state.broken.parts, ...(state.mine?.parts ?? [])] : state.broken.parts;
  for (const part of doomed) part.delete();
  await context.sync();
  throw hostError("other", brokenRecordMessage(state.broken.thisSheet ? state.sheetName : null));
}

/**
 * Load the fills of `cells` and the notes of `noteCells` not loaded yet, MARK_LOAD_CELLS cells a
 * sync; a response refused for its size is loaded again in halves (loading changes nothing).
 */
async function loadCells(
  context: Excel.RequestContext,
  state: SheetState,
  cells: readonly string[],
  noteCells: readonly string[] = [],
): Promise<void> {
  const wantNote = new Set(noteCells);
  const todo = [...new Set([...cells, ...noteCells])].filter((a) => !state.fills.has(a) || (wantNote.has(a) && !state.notes.has(a)));
  let chunk = MARK_LOAD_CELLS;
  let start = 0;
  while (start < todo.length) {
    const part = todo.slice(start, start + chunk);
    const fills = new Map<string, Excel.RangeFill>();
    const noteItems = new Map<string, Excel.Note>();
    for (const address of part) {
      if (!state.fills.has(address)) queueCells(state.sheet, [address], false, fills, noteItems, state.fillProperties);
      if (wantNote.has(address) && !state.notes.has(address))
        queueCells(
          state.sheet,
          [address],
          true,
          new Map([[address, state.fills.get(address) ?? fills.get(address)!]]),
          noteItems,
          state.fillProperties,
        );
    }
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per batch, each batch bounded by the 5 MB request limit
      await context.sync();
    } catch (error) {
      if (isPayloadTooLarge(error) && part.length > 1) {
        chunk = Math.max(1, Math.floor(part.length / 2));
        continue;
      }
      throw error;
    }
    for (const [a, fill] of fills) state.fills.set(a, fill);
    for (const [a, note] of noteItems) state.notes.set(a, note);
    start += part.length;
  }
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
function queueCells(
  sheet: Excel.Worksheet,
  cells: readonly string[],
  notes: boolean,
  fills: Map<string, Excel.RangeFill>,
  noteItems: Map<string, Excel.Note>,
  fillProperties: string,
): boolean {
  let queued = false;
  for (const address of cells) {
    if (!fills.has(address)) {
      const fill = sheet.getRange(address).format.fill;
      fill.load(fillProperties);
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
async function completeState(
  context: Excel.RequestContext,
  state: SheetState,
  record: MarkRecord | null,
  notesApi: boolean,
): Promise<void> {
  if (!record) return;
  const cells = record.cells.map((c) => c.a);
  const needNotes = notesApi ? record.cells.filter((c) => c.ann === "note").map((c) => c.a) : [];
  await loadCells(context, state, cells, needNotes);
  if (state.comments === null && record.cells.some((c) => c.ann === "comment")) {
    const items = state.sheet.comments;
    items.load("items/id,items/content");
    await context.sync();
    const located = items.items.map((comment) => ({ comment, range: locate(comment) }));
    if (located.length > 0) await context.sync();
    state.comments = commentsByCell(located);
  }
}

function noteAt(state: SheetState, address: string): Excel.Note | null {
  const note = state.notes.get(address);
  return note && !note.isNullObject ? note : null;
}

/** Deletion of the annotation BANGFU made on a cell, if it is still there as BANGFU wrote it. */
function deleteOwnAnnotation(state: SheetState, cell: MarkedCell): Command[] {
  if (cell.ann === "note") {
    const note = noteAt(state, cell.a);
    if (note && textFingerprint(note.content) === cell.fp) return [{ bytes: COMMAND_BYTES, run: () => note.delete() }];
  } else if (cell.ann === "comment") {
    return (state.comments?.get(cell.a) ?? [])
      .filter((c) => textFingerprint(c.content) === cell.fp)
      .map((c) => ({ bytes: COMMAND_BYTES, run: () => c.comment.delete() }));
  }
  return [];
}

// ---------------------------------------------------------------- batches

/** A command to queue, with the bytes it is assumed to add to the request. */
interface Command {
  readonly bytes: number;
  readonly run: () => void;
}

/** Bytes of a text in UTF-8 (what it adds to a request), without TextEncoder (absent in some hosts' engines and in jsdom). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * Queue and sync the commands in batches of at most `budget` estimated bytes. A batch refused
 * for its size (no command of it has run) is sent again in halves. Returns the syncs made.
 */
async function runBatches(context: Excel.RequestContext, commands: readonly Command[], budget = MARK_BUDGET_BYTES): Promise<number> {
  let syncs = 0;
  let limit = budget;
  let start = 0;
  while (start < commands.length) {
    let end = start;
    let used = 0;
    while (end < commands.length && (end === start || used + commands[end].bytes <= limit)) used += commands[end++].bytes;
    for (let i = start; i < end; i++) commands[i].run();
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per batch, each batch bounded by the 5 MB request limit
      await context.sync();
      syncs++;
    } catch (error) {
      if (isPayloadTooLarge(error) && end - start > 1) {
        limit = Math.max(1, Math.floor(used / 2));
        continue;
      }
      throw error;
    }
    start = end;
  }
  return syncs;
}

function fillCommand(state: SheetState, address: string, fill: FillState | null): Command {
  return { bytes: COMMAND_BYTES + address.length + 24, run: () => applyFill(state.sheet.getRange(address), fill) };
}

// ---------------------------------------------------------------- marking

export async function markFindings(
  context: Excel.RequestContext,
  sheetName: string,
  findings: readonly Finding[],
  options: MarkOptions,
): Promise<MarkResult> {
  const plan = planMarks(findings);
  const annotation = options.annotation;
  const state = await loadSheetState(
    context,
    sheetName,
    plan.map((m) => m.address),
    annotation === "note",
    annotation !== "none",
    options.fillDetails !== false,
  );
  await refuseBrokenRecord(context, state);
  const old = state.mine?.record ?? null;
  await completeState(context, state, old, annotation === "note");

  const oldByCell = new Map((old?.cells ?? []).map((c) => [c.a, c]));
  const planned = new Set(plan.map((m) => m.address));
  const cells: MarkedCell[] = [];
  const toAnnotate: PlannedMark[] = [];
  let keptUserAnnotations = 0;
  for (const mark of plan) {
    const current = fillState(state.fills.get(mark.address)!, state.fillProperties !== FILL_COLOUR_ONLY);
    const before = oldByCell.get(mark.address);
    const prev = before && sameColour(current, before.fill) ? before.prev : current;
    let ann: AnnotationKind | null = null;
    if (annotation !== "none") {
      const ownNote =
        before?.ann === "note" &&
        noteAt(state, mark.address) !== null &&
        textFingerprint(noteAt(state, mark.address)!.content) === before.fp;
      const userNote = noteAt(state, mark.address) !== null && !ownNote;
      const userComment = (state.comments?.get(mark.address) ?? []).some(
        (c) => !(before?.ann === "comment" && textFingerprint(c.content) === before.fp),
      );
      if (!userNote && !userComment) {
        ann = annotation;
        toAnnotate.push(mark);
      } else keptUserAnnotations++;
    }
    cells.push({ a: mark.address, prev, fill: mark.fill, ann, fp: ann ? textFingerprint(mark.note) : null });
  }
  const record: MarkRecord = { version: 1, sheetId: state.sheetId, sheetName: state.sheetName, cells };
  // Cells marked before and no longer: until their fills are restored, the record must still name them.
  const leaving = (old?.cells ?? []).filter((c) => !planned.has(c.a));

  const commands: Command[] = [];
  // The record first: should a batch stop half-way, clearing still finds every cell it may have touched.
  const interim = recordCommands(context, state.mine?.parts ?? [], { ...record, cells: [...cells, ...leaving] });
  commands.push(...interim.commands);
  for (const part of state.stale) commands.push({ bytes: COMMAND_BYTES, run: () => part.delete() });
  for (const before of old?.cells ?? []) {
    commands.push(...deleteOwnAnnotation(state, before));
    if (!planned.has(before.a)) {
      const current = fillState(state.fills.get(before.a)!, state.fillProperties !== FILL_COLOUR_ONLY);
      if (sameColour(current, before.fill)) commands.push(fillCommand(state, before.a, before.prev));
    }
  }
  for (const mark of plan) commands.push(fillCommand(state, mark.address, { color: mark.fill }));
  if (annotation === "note") {
    for (const mark of toAnnotate) {
      commands.push({
        bytes: COMMAND_BYTES + mark.address.length + utf8Length(mark.note),
        run: () => state.sheet.notes.add(state.sheet.getRange(mark.address), mark.note),
      });
    }
  }
  await runBatches(context, commands);
  // Now that their fills are restored, the record without them.
  if (leaving.length > 0) await runBatches(context, recordCommands(context, interim.parts, record).commands);
  const refused =
    annotation === "comment" && toAnnotate.length > 0 ? await addComments(context, state.sheet, toAnnotate, state.comments) : 0;
  return { marked: cells.length, annotated: toAnnotate.length - refused, keptUserAnnotations: keptUserAnnotations + refused, annotation };
}

/**
 * Comments, in batches of their own: without the notes API a cell's legacy note cannot be seen
 * beforehand, and Excel refuses a comment on a cell that has one. Commands run in order, so when a
 * batch fails on a refused cell, the comments before it are in place: one sync counts the sheet's
 * comments, which says how many were added and so which cell was refused; it is left out, and the
 * rest are added. Returns the cells refused.
 */
async function addComments(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  marks: readonly PlannedMark[],
  known: Map<string, CommentAt[]> | null,
): Promise<number> {
  let count = known ? [...known.values()].reduce((n, list) => n + list.length, 0) : await countComments(context, sheet);
  let pending = [...marks];
  let refused = 0;
  let limit = MARK_BUDGET_BYTES;
  while (pending.length > 0) {
    let end = 0;
    let used = 0;
    while (end < pending.length && (end === 0 || used + commentBytes(pending[end]) <= limit)) used += commentBytes(pending[end++]);
    const batch = pending.slice(0, end);
    for (const mark of batch) context.workbook.comments.add(sheet.getRange(mark.address), mark.note);
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per batch, each batch bounded by the 5 MB request limit
      await context.sync();
      count += batch.length;
      pending = pending.slice(end);
      continue;
    } catch (error) {
      if (isPayloadTooLarge(error) && batch.length > 1) {
        limit = Math.max(1, Math.floor(used / 2));
        continue;
      }
      if (officeErrorCodes(error).some((code) => FATAL_CODES.has(code))) throw error;
      const now = await countComments(context, sheet);
      const added = now - count;
      // Every comment of the batch is there, or the count makes no sense: not a refused cell.
      if (added < 0 || added >= batch.length) throw error;
      count = now;
      refused++;
      pending = pending.slice(added + 1);
    }
  }
  return refused;
}

function commentBytes(mark: PlannedMark): number {
  return COMMAND_BYTES + mark.address.length + utf8Length(mark.note);
}

async function countComments(context: Excel.RequestContext, sheet: Excel.Worksheet): Promise<number> {
  const items = sheet.comments;
  items.load("items/id");
  await context.sync();
  return items.items.length;
}

/** Failures that are not about one cell: reported, never worked around. */
const FATAL_CODES = new Set([
  "InvalidOperationInCellEditMode",
  "AccessDenied",
  "ItemNotFound",
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
]);

/** Records of at most this size go in one part; a larger one is split by cells into several. */
export const RECORD_PART_BYTES = 1_000_000;

/** The record as parts of at most RECORD_PART_BYTES each (one part for any ordinary sheet). */
export function recordParts(record: MarkRecord, maxBytes = RECORD_PART_BYTES): string[] {
  const parts: string[] = [];
  let cells: MarkedCell[] = [];
  let size = 0;
  for (const cell of record.cells) {
    const bytes = utf8Length(escapeXml(JSON.stringify(cell))) + 1;
    if (cells.length > 0 && size + bytes > maxBytes) {
      parts.push(recordToXml({ ...record, cells }));
      cells = [];
      size = 0;
    }
    cells.push(cell);
    size += bytes;
  }
  if (cells.length > 0 || parts.length === 0) parts.push(recordToXml({ ...record, cells }));
  return parts;
}

/**
 * Commands that replace the sheet's record parts with `record` (null or no cells: delete them);
 * `parts` holds the parts that carry the record once the commands have run.
 */
function recordCommands(
  context: Excel.RequestContext,
  existing: readonly Excel.CustomXmlPart[],
  record: MarkRecord | null,
): { commands: Command[]; parts: Excel.CustomXmlPart[] } {
  const xml = record === null || record.cells.length === 0 ? [] : recordParts(record);
  const parts: Excel.CustomXmlPart[] = [];
  const commands: Command[] = xml.map((text, i) => {
    const part = existing[i];
    const bytes = COMMAND_BYTES + utf8Length(text);
    if (part) {
      parts.push(part);
      return { bytes, run: () => part.setXml(text) };
    }
    return { bytes, run: () => void parts.push(context.workbook.customXmlParts.add(text)) };
  });
  for (const part of existing.slice(xml.length)) commands.push({ bytes: COMMAND_BYTES, run: () => part.delete() });
  return { commands, parts };
}

// ---------------------------------------------------------------- clearing

export interface ClearOptions {
  /** The notes API (ExcelApi 1.18) is there; default true. Without it BANGFU's notes cannot be found and are left. */
  readonly notes?: boolean;
  /** Fill pattern and tint can be read and set (ExcelApi 1.9); default true. */
  readonly fillDetails?: boolean;
}

export async function clearMarks(context: Excel.RequestContext, sheetName: string, options: ClearOptions = {}): Promise<ClearResult> {
  const state = await loadSheetState(context, sheetName, [], false, false, options.fillDetails !== false);
  await refuseBrokenRecord(context, state);
  const record = state.mine?.record ?? null;
  if (record === null && state.stale.length === 0) return { cleared: 0, keptUserFills: 0 };
  await completeState(context, state, record, options.notes !== false);
  let keptUserFills = 0;
  const commands: Command[] = [];
  for (const part of state.stale) commands.push({ bytes: COMMAND_BYTES, run: () => part.delete() });
  for (const cell of record?.cells ?? []) {
    commands.push(...deleteOwnAnnotation(state, cell));
    const current = fillState(state.fills.get(cell.a)!, state.fillProperties !== FILL_COLOUR_ONLY);
    if (sameColour(current, cell.fill)) commands.push(fillCommand(state, cell.a, cell.prev));
    else keptUserFills++;
  }
  // The record last: should a batch stop half-way, clearing again finds the cells not yet cleared.
  for (const part of state.mine?.parts ?? []) commands.push({ bytes: COMMAND_BYTES, run: () => part.delete() });
  await runBatches(context, commands);
  return { cleared: record?.cells.length ?? 0, keptUserFills };
}

// ---------------------------------------------------------------- selecting

export async function selectCell(context: Excel.RequestContext, sheetName: string, cell: CellRef): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(`${cell.column.toUpperCase()}${cell.row}`).select();
  await context.sync();
}
