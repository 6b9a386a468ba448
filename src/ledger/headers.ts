/**
 * Finding the header of a ledger and matching its cells to fields
 * (../shared/LEDGER-COLUMNS.md): title rows above, two-row headers under merged parents.
 */
import { InputError, toHalfWidth } from "../values";
import { columnLetter } from "./cellRef";
import { aliasHeader, FIELDS, FIELD_KEYS, FieldKey, MEASURE_KIND_ALIASES, MEASURE_KIND_COLUMNS } from "./fields";
import { ColumnInfo, LedgerNotFoundError, MergedRange, ReadOptions, SheetInput } from "./model";
import { cellText, plainValue } from "./values";

/** How many rows from the top may hold the header. */
export const HEADER_SEARCH_ROWS = 15;
/** Fields of which a header must have at least one: without them the rows cannot be told apart. */
export const KEY_FIELDS: readonly FieldKey[] = ["householdId", "personId", "headId", "headPersonNo", "headName", "perCapitaIncome"];
const MIN_RECOGNISED = 3;

const UNIT = "(?:万?元|人|口|户|个?月|年|岁|周岁|天|日|小时|时|h|%|‰|亩|个|次|项|份|平方米|㎡|m2|kg|公斤|斤)";
// A trailing unit in brackets: (元), (元/月), (元/人·年), (单位:元).
const TRAILING_UNIT = new RegExp(`\\((?:单位:?)?${UNIT}(?:[/·]${UNIT})*\\)$`, "i");
// A trailing note of the values allowed: (是/否), (是或否).
const TRAILING_YES_NO = /\(是[/或、]否\)$/;
// Numbering before a header, as forms copied from web pages carry it: "5、", "其中:(1)", "（2）", "①".
const LEADING_NUMBER = /^(?:其中[:：]?)?(?:\d{1,2}[、.．](?!\d)|\(\d{1,2}\)|[①-⑳])+/;

/**
 * The form in which headers are compared: half-width, no white space or line breaks,
 * no trailing unit in brackets, no leading or trailing * markers, lower case.
 * 人均纯收入（元） → 人均纯收入; "*户 编 号" → 户编号.
 */
export function normalizeHeader(text: unknown): string {
  let s = cellText(text)
    .replace(/[\s\u200b\ufeff]+/g, "")
    .replace(/[【〔［]/g, "(")
    .replace(/[】〕］]/g, ")")
    .replace(/\[/g, "(")
    .replace(/]/g, ")");
  for (;;) {
    const next = s
      .replace(/^\*+|\*+$/g, "")
      .replace(TRAILING_UNIT, "")
      .replace(TRAILING_YES_NO, "")
      .replace(LEADING_NUMBER, "");
    if (next === s || next === "") break;
    s = next;
  }
  return s.toLowerCase();
}

/**
 * How many yuan one unit of an amount column stands for: 10000 when its header, or the parent
 * over it in a two-row header, gives the unit 万元 in brackets (贷款金额（万元）, 收入情况(单位:万元)/工资性收入);
 * 1 otherwise. normalizeHeader drops the unit for matching, so the reader must scale the values.
 */
export function amountScaleOf(header: string): number {
  const text = toHalfWidth(header).replace(/\s+/g, "");
  return /[(【〔\[](?:单位:?)?万元[)】〕\]/·]/.test(text) ? 10_000 : 1;
}

interface AliasMatch {
  readonly field: FieldKey;
  /** Position of the alias in its field's list: the canonical spelling wins when two columns match one field. */
  readonly rank: number;
}

const ALIAS_INDEX: ReadonlyMap<string, AliasMatch> = (() => {
  const index = new Map<string, AliasMatch>();
  for (const field of FIELD_KEYS) {
    FIELDS[field].aliases.forEach((entry, rank) => {
      const alias = aliasHeader(entry);
      const key = normalizeHeader(alias);
      const seen = index.get(key);
      if (seen && seen.field !== field) throw new Error(`alias ${alias} names both ${seen.field} and ${field}`);
      if (!seen) index.set(key, { field, rank });
    });
  }
  return index;
})();

const MEASURE_KIND_INDEX: ReadonlyMap<string, string> = (() => {
  const index = new Map<string, string>(MEASURE_KIND_COLUMNS.map((kind) => [normalizeHeader(kind), kind]));
  for (const kind of MEASURE_KIND_COLUMNS) {
    for (const alias of MEASURE_KIND_ALIASES[kind] ?? []) {
      const key = normalizeHeader(aliasHeader(alias));
      if (ALIAS_INDEX.has(key) || (index.has(key) && index.get(key) !== kind))
        throw new Error(`measure-kind alias ${aliasHeader(alias)} names something else too`);
      index.set(key, kind);
    }
  }
  return index;
})();

/** The field a header names by its aliases, or null. */
export function matchField(header: unknown): FieldKey | null {
  return ALIAS_INDEX.get(normalizeHeader(header))?.field ?? null;
}

/** The measure kind a header names (产业帮扶 …), or null. */
export function matchMeasureKind(header: unknown): string | null {
  return MEASURE_KIND_INDEX.get(normalizeHeader(header)) ?? null;
}

/** A user mapping with normalised header keys; an unknown field name is refused. */
function normalizeMapping(mapping: ReadOptions["mapping"]): Map<string, FieldKey | null> {
  const out = new Map<string, FieldKey | null>();
  for (const [header, field] of Object.entries(mapping ?? {})) {
    if (field !== null && !(field in FIELDS)) {
      throw new InputError(`列映射中“${header}”对应的字段“${String(field)}”不存在（可用字段：${FIELD_KEYS.join("、")}）`);
    }
    out.set(normalizeHeader(header), field);
  }
  return out;
}

/** The header of a ledger sheet and what each column holds. */
export interface HeaderInfo {
  /** Indexes into SheetInput.cells of the first and last header rows. */
  readonly firstRowIndex: number;
  readonly lastRowIndex: number;
  /** The same as sheet rows (1-based, as Excel shows them). */
  readonly headerRow: number;
  readonly headerLastRow: number;
  /** Index into SheetInput.cells of the first row after the header. */
  readonly dataStartIndex: number;
  readonly columns: readonly ColumnInfo[];
  /** Columns that name a field another column already supplies: not used, and reported. */
  readonly duplicateColumns: readonly DuplicateColumn[];
  /** The text of the rows above the header (titles, export lines), joined by spaces. */
  readonly titleText: string;
}

/** A second column for one field: which column is used instead, and why. */
export interface DuplicateColumn {
  readonly field: FieldKey;
  /** The column ignored and the sheet row of its header cell. */
  readonly ignored: ColumnInfo;
  readonly headerRow: number;
  /** The column the field is read from. */
  readonly used: ColumnInfo;
  readonly reason: "userMapping" | "canonical" | "leftmost";
}

/** One column of a candidate header: the text written and the text it is matched on. */
interface HeaderCell {
  readonly header: string;
  readonly matchText: string;
  /** The match text is the top row's (a header standing alone, or merged down over both rows). */
  readonly fromTop?: boolean;
}

type HeaderDepth = 1 | 2 | 3;

interface Candidate {
  readonly top: number;
  readonly rows: HeaderDepth;
  readonly columns: readonly ColumnInfo[];
  readonly score: number;
  /** Recognised columns whose header stands in the top row of a two-row reading. */
  readonly topRecognised: number;
  readonly hasKey: boolean;
  readonly duplicates: readonly {
    readonly field: FieldKey;
    readonly ignored: number;
    readonly used: number;
    readonly fromTop: boolean;
    readonly reason: DuplicateColumn["reason"];
  }[];
}

/**
 * Find the header among the first 15 rows: the row (or pair of rows, for a header with
 * merged parents over children) whose cells match the most fields. Throws
 * LedgerNotFoundError, in Chinese, when the sheet is empty or nothing looks like a ledger header.
 */
export function findHeader(sheet: SheetInput, options: ReadOptions = {}): HeaderInfo {
  const mapping = normalizeMapping(options.mapping);
  const origin = { row: sheet.origin?.row ?? 1, column: sheet.origin?.column ?? 1 };
  const limit = Math.min(sheet.cells.length, HEADER_SEARCH_ROWS);
  const texts: string[][] = [];
  for (let r = 0; r < Math.min(sheet.cells.length, limit + 1); r++) texts.push(Array.from(sheet.cells[r] ?? [], headerText));
  if (texts.every((row) => row.every((t) => t === "")) && isEmptySheet(sheet)) {
    throw new LedgerNotFoundError(sheet.name, `工作表“${sheet.name}”是空的`);
  }
  const merges = (sheet.merges ?? []).map((m) => ({
    top: m.top - origin.row,
    bottom: m.bottom - origin.row,
    left: m.left - origin.column,
    right: m.right - origin.column,
  }));

  let best = null as Candidate | null;
  let bestSeen = null as Candidate | null;
  const consider = (candidate: Candidate) => {
    if (candidate.score >= MIN_RECOGNISED && candidate.hasKey && (!best || better(candidate, best))) best = candidate;
  };
  for (let r = 0; r < limit; r++) {
    const single = evaluate(singleRow(texts[r], r > 0 ? texts[r - 1] : null), 1, r, origin.column, mapping);
    if (!bestSeen || single.score > bestSeen.score) bestSeen = single;
    consider(single);
    const pair = r + 1 < texts.length ? twoRows(texts[r], texts[r + 1], r, merges) : null;
    if (pair) {
      const two = evaluate(pair, 2, r, origin.column, mapping);
      // A second row counts only when the top row holds headers of its own (a title row is no
      // parent row) and the children add columns (a data row under a header adds none).
      if (two.topRecognised > 0 && two.score > single.score) {
        consider(two);
        // A third level: children under some of the second row's parents (培训/农业实用技术培训/培训时间).
        const triple = r + 2 < texts.length ? thirdRow(pair.cells, texts[r + 1], texts[r + 2], r + 1, merges) : null;
        if (triple) {
          const three = evaluate(triple, 3, r, origin.column, mapping);
          if (three.score >= two.score) consider(three);
        }
      }
    }
  }
  if (!best) {
    let message = `在工作表“${sheet.name}”的前${HEADER_SEARCH_ROWS}行中没有找到台账表头（需要户编号、证件号码、人均纯收入等列）`;
    if (bestSeen && bestSeen.score > 0) {
      const names = bestSeen.columns.filter((c) => c.field !== null || c.measureKind !== null).map((c) => c.header.replace(/\s+/g, ""));
      message += `；第${origin.row + bestSeen.top}行只认出了：${names.join("、")}`;
    }
    throw new LedgerNotFoundError(sheet.name, message);
  }
  const lastRowIndex = best.top + best.rows - 1;
  const { top } = best;
  const columns = reinterpretColumns(best.columns);
  return {
    firstRowIndex: best.top,
    lastRowIndex,
    headerRow: origin.row + best.top,
    headerLastRow: origin.row + lastRowIndex,
    dataStartIndex: lastRowIndex + 1,
    columns,
    titleText: texts
      .slice(0, top)
      .flatMap((row) => row.filter((t) => t !== ""))
      .join(" "),
    duplicateColumns: best.duplicates.map((d) => ({
      field: d.field,
      ignored: columns[d.ignored],
      headerRow: origin.row + (d.fromTop ? top : lastRowIndex),
      used: columns[d.used],
      reason: d.reason,
    })),
  };
}

/**
 * What a column holds in the export it comes from, where its header alone says something else:
 * - in a pairing export (帮扶开始时间 / 帮扶结束时间, no member ID), 姓名 is the cadre's name
 *   (帮扶责任人结对查询: the household is named by 户主姓名 and 户主证件号码);
 * - in a loan export (贷款人身份证 beside a plain 身份证号), the plain 身份证号 is the head's:
 *   the household is named by the head, the borrower by the 贷款人 columns.
 * A column the user mapped keeps the user's field.
 */
function reinterpretColumns(columns: readonly ColumnInfo[]): readonly ColumnInfo[] {
  const has = (field: FieldKey) => columns.some((c) => c.field === field);
  const rename = (list: readonly ColumnInfo[], from: FieldKey, to: FieldKey) =>
    list.map((c) => (c.field === from && c.matchedBy === "alias" ? { ...c, field: to } : c));
  let out = columns;
  if ((has("supportStart") || has("supportEnd")) && has("name") && !has("supportCadre") && !has("personId"))
    out = rename(out, "name", "supportCadre");
  if (has("borrowerId") && has("personId") && !has("headId")) out = rename(out, "personId", "headId");
  return out;
}

/**
 * Why a column was not used although its header names a field, in Chinese: which column is read
 * instead and why (the column mapping, the canonical spelling, or the leftmost of equals).
 */
export function duplicateColumnMessage(d: DuplicateColumn): string {
  const label = FIELDS[d.field].label;
  const why =
    d.reason === "userMapping"
      ? `列映射指定了${d.used.letter}列`
      : d.reason === "canonical"
        ? `“${d.used.header}”是该字段更常用的写法`
        : `两列写法同样常用，取靠左的一列`;
  return (
    `${d.ignored.letter}列“${d.ignored.header}”与${d.used.letter}列“${d.used.header}”都是“${label}”：` +
    `本次检查使用${d.used.letter}列（${why}），没有使用${d.ignored.letter}列的数据。` +
    `如应使用${d.ignored.letter}列，请在列映射中指定，或删去、改名其中一列`
  );
}

/**
 * More recognised columns win. On a tie the two-row reading wins (a host that repeats merged
 * values makes the child row look like a whole header by itself), then the earlier row.
 */
function better(a: Candidate, b: Candidate): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.rows !== b.rows) return a.rows > b.rows;
  return a.top < b.top;
}

/** A header cell as written, trimmed (full-width brackets and line breaks kept for display). */
function headerText(value: unknown): string {
  const v = plainValue(value);
  if (v === null || v === undefined) return "";
  const text = v instanceof Date ? cellText(v) : String(v);
  return text.trim() === "" || cellText(text) === "" ? "" : text.trim();
}

function isEmptySheet(sheet: SheetInput): boolean {
  return sheet.cells.every((row) => (row ?? []).every((v) => cellText(v) === ""));
}

function singleRow(row: readonly string[], above: readonly string[] | null): { cells: HeaderCell[]; groups?: string[]; rows: 1 } {
  const cells = trimTrailingBlanks(row.map((t) => ({ header: t, matchText: t })));
  const groups = above ? groupRow(above, cells.length) : null;
  return groups ? { cells, groups, rows: 1 } : { cells, rows: 1 };
}

/** Longest text of a group name in a group row (a 填表说明 row is no group row). */
const GROUP_NAME_MAX = 20;

/**
 * The group of each column when the row above a one-row header is a group row (基本情况 ·
 * 扶贫小额信贷 · 创业贷款 …, each over several columns): a few short texts, none a header of its
 * own; a column belongs to the nearest group name at or left of it. Null for any other row.
 */
function groupRow(above: readonly string[], width: number): string[] | null {
  let names = 0;
  for (let c = 0; c < width; c++) {
    const text = above[c] ?? "";
    if (text === "") continue;
    if (text.length > GROUP_NAME_MAX || ALIAS_INDEX.has(normalizeHeader(text)) || MEASURE_KIND_INDEX.has(normalizeHeader(text)))
      return null;
    names += 1;
  }
  if (names < 2 || names * 2 > width) return null;
  const groups: string[] = [];
  let current = "";
  for (let c = 0; c < width; c++) {
    if ((above[c] ?? "") !== "") current = above[c];
    groups.push(current);
  }
  return groups;
}

/**
 * A third header row under a two-row reading: each of its texts stands under a parent of the
 * second row that spans several columns (a merged area, or a cell followed by blanks), and the
 * texts there become children: 培训/农业实用技术培训 over 培训时间 and 培训内容. Columns with
 * nothing in the third row keep their two-row header (merged down). Null when the row is no
 * such row (a data row has values under single columns).
 */
function thirdRow(
  pair: readonly HeaderCell[],
  middle: readonly string[],
  below: readonly string[],
  middleRow: number,
  allMerges: readonly MergedRange[],
): { cells: HeaderCell[]; rows: 3 } | null {
  const merges = allMerges.filter((m) => m.top <= middleRow && m.bottom === middleRow && m.right > m.left);
  const width = Math.max(pair.length, below.length);
  const cells: HeaderCell[] = [];
  let children = 0;
  let parent: { header: string; start: number; end: number } | null = null;
  for (let c = 0; c < width; c++) {
    const cell = pair[c] ?? { header: "", matchText: "" };
    const b = below[c] ?? "";
    if ((middle[c] ?? "") !== "") {
      // A second-row cell opens a parent area: its merge, or itself and the blanks after it.
      const merge = merges.find((m) => m.left <= c && m.right >= c);
      let end = merge ? merge.right : c;
      if (!merge) while (end + 1 < width && (middle[end + 1] ?? "") === "" && (pair[end + 1]?.header ?? "") === "") end++;
      parent = { header: cell.header, start: c, end };
    } else if (parent && c > parent.end) {
      parent = null;
    }
    if (b === "") {
      cells.push(cell);
      continue;
    }
    if (!parent || parent.end === parent.start || /^[\d.,-]+$/.test(b)) return null;
    children += 1;
    cells.push({ header: `${parent.header}/${b}`, matchText: b });
  }
  return children > 0 ? { cells: trimTrailingBlanks(cells), rows: 3 } : null;
}

/**
 * Read rows `top` and `top + 1` as one header. A column takes the child below when the cell
 * above is a parent: part of a merged area spanning several columns of the top row, a cell whose
 * text differs from the non-blank cell below, or a blank continuing such a parent (hosts without
 * merge information leave the rest of a merged area blank); a blank above a non-blank cell also
 * takes the child. A header merged down over both rows (blank below, or the same text repeated)
 * counts once. Null unless the top row holds some header and some column takes a child.
 */
function twoRows(
  above: readonly string[],
  below: readonly string[],
  top: number,
  allMerges: readonly MergedRange[],
): { cells: HeaderCell[]; rows: 2 } | null {
  const merges = allMerges.filter((m) => m.top <= top && m.bottom >= top);
  const width = Math.max(above.length, below.length);
  const cells: HeaderCell[] = [];
  let parent: string | null = null; // the parent whose area the previous column belongs to
  let children = 0;
  let fromTop = 0;
  for (let c = 0; c < width; c++) {
    const a = above[c] ?? "";
    const b = below[c] ?? "";
    const merge = merges.find((m) => m.left <= c && m.right >= c);
    if (merge && merge.bottom > top) {
      // Merged down over both rows (perhaps over several columns too): one header, in the area's first cell.
      parent = null;
      const text = c === merge.left ? (above[merge.left] ?? "") : "";
      if (text !== "") fromTop += 1;
      cells.push({ header: text, matchText: text, fromTop: true });
      continue;
    }
    if (merge && merge.right > merge.left) {
      // A merged parent in the top row; hosts put its text in the first cell (some repeat it).
      const parentText = above[merge.left] || a;
      parent = parentText || null;
      if (b !== "") {
        children += 1;
        cells.push({ header: joinHeader(parentText, b), matchText: b });
      } else {
        const text = c === merge.left ? parentText : "";
        cells.push({ header: text, matchText: text, fromTop: true });
      }
      if (c === merge.left && parentText !== "") fromTop += 1;
      if (c === merge.right) parent = null; // the merge says where the parent ends
      continue;
    }
    if (a === "") {
      if (b !== "") children += 1;
      if (b !== "" && parent !== null) {
        cells.push({ header: joinHeader(parent, b), matchText: b });
      } else {
        parent = null;
        cells.push({ header: b, matchText: b });
      }
      continue;
    }
    fromTop += 1;
    if (b === "" || b === a) {
      parent = null;
      cells.push({ header: a, matchText: a, fromTop: true });
      continue;
    }
    parent = a;
    children += 1;
    cells.push({ header: joinHeader(a, b), matchText: b });
  }
  return children > 0 && fromTop > 0 ? { cells: trimTrailingBlanks(cells), rows: 2 } : null;
}

function joinHeader(parent: string, child: string): string {
  return parent === "" ? child : `${parent}/${child}`;
}

function trimTrailingBlanks(cells: HeaderCell[]): HeaderCell[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1].header === "" && cells[end - 1].matchText === "") end--;
  return cells.slice(0, end);
}

/** Match a candidate header's columns; one column per field (user mapping first, then the canonical alias, then the leftmost). */
function evaluate(
  { cells, groups }: { cells: readonly HeaderCell[]; groups?: readonly string[] },
  rows: HeaderDepth,
  top: number,
  originColumn: number,
  mapping: Map<string, FieldKey | null>,
): Candidate {
  type Draft = { field: FieldKey | null; measureKind: string | null; matchedBy: ColumnInfo["matchedBy"]; rank: number };
  const drafts: Draft[] = cells.map((cell) => {
    const byChild = normalizeHeader(cell.matchText);
    const byWhole = normalizeHeader(cell.header);
    const mapped = mapping.has(byChild) ? mapping.get(byChild) : mapping.has(byWhole) ? mapping.get(byWhole) : undefined;
    if (mapped !== undefined) return { field: mapped, measureKind: null, matchedBy: "userMapping", rank: -1 };
    const alias = ALIAS_INDEX.get(byChild);
    if (alias) return { field: alias.field, measureKind: null, matchedBy: "alias", rank: alias.rank };
    const kind = MEASURE_KIND_INDEX.get(byChild);
    if (kind) return { field: null, measureKind: kind, matchedBy: "alias", rank: 0 };
    return { field: null, measureKind: null, matchedBy: null, rank: 0 };
  });

  const owner = new Map<FieldKey, number>();
  const contenders = new Map<FieldKey, number[]>();
  drafts.forEach((d, i) => {
    if (d.field === null) return;
    contenders.set(d.field, [...(contenders.get(d.field) ?? []), i]);
    const current = owner.get(d.field);
    if (current === undefined) {
      owner.set(d.field, i);
      return;
    }
    if (d.matchedBy === "userMapping" && drafts[current].matchedBy === "userMapping") {
      throw new InputError(`列映射把“${cells[current].header}”和“${cells[i].header}”两列都指定为“${FIELDS[d.field].label}”，请只保留一列`);
    }
    if (d.rank < drafts[current].rank) owner.set(d.field, i);
  });
  const duplicates: Candidate["duplicates"][number][] = [];
  // The group a column stands under (the parent of a header of several rows, or the group row
  // above a one-row header): the same header under another group is another thing (贷款金额 of a
  // 创业贷款 beside that of the 扶贫小额信贷), not a second column for the field.
  const groupOf = (i: number): string =>
    groups?.[i] ?? (cells[i].header.includes("/") ? cells[i].header.slice(0, cells[i].header.lastIndexOf("/")) : "");
  for (const [field, indexes] of contenders) {
    const used = owner.get(field) as number;
    for (const ignored of indexes.filter((i) => i !== used && groupOf(i) === groupOf(used))) {
      const reason =
        drafts[used].matchedBy === "userMapping" ? "userMapping" : drafts[used].rank < drafts[ignored].rank ? "canonical" : "leftmost";
      duplicates.push({ field, ignored, used, fromTop: cells[ignored].fromTop === true, reason });
    }
  }

  const columns: ColumnInfo[] = drafts.map((d, i) => {
    // A column that lost its field to a better match is kept as an unrecognised column.
    const field = d.field !== null && owner.get(d.field) === i ? d.field : null;
    const matchedBy = field === null && d.matchedBy === "alias" && d.measureKind === null ? null : d.matchedBy;
    return { index: i, letter: columnLetter(originColumn + i), header: cells[i].header, field, measureKind: d.measureKind, matchedBy };
  });
  const score = columns.filter((c) => c.field !== null || c.measureKind !== null).length;
  const topRecognised = columns.filter((c, i) => cells[i].fromTop && (c.field !== null || c.measureKind !== null)).length;
  const hasKey = KEY_FIELDS.some((f) => owner.has(f));
  return { top, rows, columns, score, topRecognised, hasKey, duplicates };
}
