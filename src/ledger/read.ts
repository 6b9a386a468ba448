/**
 * Reading a ledger sheet into households and persons, host-neutral: the task pane,
 * the web page and the command line hand over a SheetInput and get the same Ledger.
 */
import { compactText, isBlank, parseResidentId, quote, roundToPrecision } from "../values";
import { columnNumber } from "./cellRef";
import { FIELDS, FieldKey } from "./fields";
import { amountScaleOf, duplicateColumnMessage, findHeader } from "./headers";
import {
  CellProblem,
  CellRef,
  ColumnInfo,
  FieldCells,
  FieldValues,
  HouseholdRecord,
  Ledger,
  LedgerNotFoundError,
  PersonRecord,
  ReadOptions,
  SheetInput,
} from "./model";
import { cellText, isNoMarker, plainValue, readFieldCell, splitMeasures } from "./values";

type MutableValues = { -readonly [K in keyof FieldValues]: FieldValues[K] };
type MutableCells = { -readonly [K in keyof FieldCells]: FieldCells[K] };

/** One data row as read. */
interface RowRead {
  readonly row: number;
  readonly values: FieldValues;
  readonly cells: FieldCells;
  readonly key: string;
  /** Key used to group rows into households (headName keys are qualified by town and village). */
  readonly groupKey: string;
  readonly isHead: boolean;
  readonly measures: readonly string[];
}

const HEAD_RELATION = /^(户主|本人|户主本人|本人\(户主\)|户主\(本人\))$/;

/** 与户主关系 names the head himself or herself: 户主, 本人, 户主(本人) … */
export function isHeadRelation(relation: string): boolean {
  return HEAD_RELATION.test(compactText(relation));
}

/** The head's name: the 户主姓名 column, else the member whose relation is the head. */
export function headNameOf(household: HouseholdRecord): string | null {
  return household.values.headName ?? household.members.find((m) => m.values.relation !== undefined && isHeadRelation(m.values.relation))?.values.name ?? null;
}

const SUMMARY_LABEL = /^.{0,12}(合计|总计|小计)[:：]?$/;
const FOOTER_LABEL = /^(注|备注|说明)[:：、.\d]|^(填表|填报|制表|审核|统计|单位负责|负责|联系|经办)(人|日期|时间|电话|单位)?[:：]/;

/**
 * Read a ledger from a sheet: find the header, match columns, read every data row, and group
 * rows into households. Throws LedgerNotFoundError (Chinese message) when the sheet holds no ledger.
 *
 * Choices the column list leaves open:
 * - a row counts only when a recognised column holds something (a pre-numbered 序号 alone is blank);
 * - 合计/总计/小计 rows, note rows (注：…, 填表人：…) and a column-numbering row (1, 2, 3 …) under the header are skipped;
 * - person layout: a row with a blank key joins the household of the row above (members often leave
 *   户编号 blank), unless it is a head (与户主关系 户主) or nothing precedes it: then it is a household of
 *   its own with key "" and a CellProblem on the key cell;
 * - household layout: every row is a household; a blank key gives a CellProblem, and a key on two rows
 *   gives two households and a duplicate.
 */
export function readLedger(sheet: SheetInput, options: ReadOptions = {}): Ledger {
  const header = findHeader(sheet, options);
  const { columns } = header;
  const fieldColumns: { [K in FieldKey]?: ColumnInfo } = {};
  for (const column of columns) if (column.field !== null) fieldColumns[column.field] = column;

  const keyField: FieldKey | null = fieldColumns.householdId ? "householdId" : fieldColumns.headName ? "headName" : null;
  if (keyField === null) {
    throw new LedgerNotFoundError(
      sheet.name,
      `工作表“${sheet.name}”第${header.headerRow}行的表头中没有“户编号”列（也没有“户主姓名”列），无法把各行归到户：请添加“户编号”列（也可写作 户码、户号），或在列映射中指定哪一列是户编号`,
    );
  }

  const origin = { row: sheet.origin?.row ?? 1, column: sheet.origin?.column ?? 1 };
  const fieldCols = columns.filter((c): c is ColumnInfo & { field: FieldKey } => c.field !== null);
  const kindCols = columns.filter((c) => c.measureKind !== null);
  const usedCols = columns.filter((c) => c.field !== null || c.measureKind !== null);
  const keyColumn = fieldColumns[keyField] as ColumnInfo;
  // A second column for a field is not read: say which column is and why (D04).
  const problems: CellProblem[] = header.duplicateColumns.map((d) => ({ cell: { row: d.headerRow, column: d.ignored.letter }, field: d.field, value: null, kind: "unreadable", message: duplicateColumnMessage(d) }));
  const rows: RowRead[] = [];
  // Amount columns whose header gives 万元: their values are scaled to yuan.
  const scales = new Map<number, number>();
  for (const column of fieldCols) {
    const scale = FIELDS[column.field].type === "amount" ? amountScaleOf(column.header) : 1;
    if (scale !== 1) scales.set(column.index, scale);
  }

  for (let r = header.dataStartIndex; r < sheet.cells.length; r++) {
    const cells = sheet.cells[r] ?? [];
    if (!usedCols.some((c) => !isBlank(plainValue(cells[c.index])))) continue;
    if (isSummaryRow(cells)) continue;
    const keyBlank = isBlank(plainValue(cells[keyColumn.index]));
    if (keyBlank && isFooterRow(cells)) continue;
    if (r === header.dataStartIndex && isNumberingRow(cells)) continue;
    rows.push(readRow(cells, origin.row + r, fieldCols, kindCols, keyField, problems, scales));
  }

  // A 户主证件号码 column holds the head's ID on a household row: it does not make the ledger person-level.
  const personColumn = fieldColumns.personId;
  const membersListed = personColumn !== undefined && !/户主/.test(personColumn.header);
  const layout: Ledger["layout"] = membersListed && (fieldColumns.relation || hasRepeatedKey(rows, "householdId")) ? "person" : "household";
  const keyRef = (row: number): CellRef => ({ row, column: keyColumn.letter });
  const blankKeyProblem = (row: number, detail: string): CellProblem => ({
    cell: keyRef(row),
    field: keyField,
    value: null,
    kind: "unreadable",
    message: `第${row}行有数据，但${FIELDS[keyField].label}为空：${detail}，请补填${FIELDS[keyField].label}`,
  });

  // Group rows into households, in order of first appearance.
  const groups: RowRead[][] = [];
  if (layout === "person") {
    const byKey = new Map<string, RowRead[]>();
    let current: RowRead[] | null = null;
    for (const row of rows) {
      if (row.key !== "") {
        let group = byKey.get(row.groupKey);
        if (!group) {
          group = [];
          byKey.set(row.groupKey, group);
          groups.push(group);
        }
        group.push(row);
        current = group;
      } else if (current && !row.isHead) {
        current.push(row);
      } else {
        problems.push(blankKeyProblem(row.row, "该行按单独一户检查"));
        current = [row];
        groups.push(current);
      }
    }
  } else {
    for (const row of rows) {
      if (row.key === "") problems.push(blankKeyProblem(row.row, "该行按单独一户检查"));
      groups.push([row]);
    }
  }

  const households = groups.map((group) => buildHousehold(group));
  const duplicates =
    layout === "person"
      ? findDuplicates(rows, "personId", (row) => personKeyOf(row, sheet, fieldColumns.personId, origin.row))
      : findDuplicates(rows, keyField, (row) => (row.key === "" ? null : { key: row.key, group: row.groupKey, cell: keyRef(row.row) }));
  const personCount =
    layout === "person"
      ? rows.length
      : households.reduce((sum, h) => sum + (h.values.householdSize ?? 1), 0);
  problems.sort((a, b) => a.cell.row - b.cell.row || columnNumber(a.cell.column) - columnNumber(b.cell.column));

  return {
    sheetName: sheet.name,
    headerRow: header.headerRow,
    headerLastRow: header.headerLastRow,
    columns,
    fieldColumns,
    layout,
    keyField,
    households,
    personCount,
    problems,
    duplicates,
  };
}

function readRow(
  cells: readonly unknown[],
  row: number,
  fieldCols: readonly (ColumnInfo & { field: FieldKey })[],
  kindCols: readonly ColumnInfo[],
  keyField: FieldKey,
  problems: CellProblem[],
  scales: ReadonlyMap<number, number>,
): RowRead {
  const values: MutableValues = {};
  const refs: MutableCells = {};
  const set = values as Record<FieldKey, unknown>;
  for (const column of fieldCols) {
    const raw = cells[column.index];
    const reading = readFieldCell(column.field, raw);
    if (reading.status === "blank") continue;
    const ref = { row, column: column.letter };
    if (reading.status === "ok") {
      set[column.field] = scaled(reading.value, raw, scales.get(column.index));
      refs[column.field] = ref;
      // Excel keeps 15 significant digits: a longer 户编号 typed as a number has lost its tail, and
      // households may have merged. The key is still used (it is all there is), but it is reported.
      if (column.field === "householdId" && typeof plainValue(raw) === "number" && Math.abs(plainValue(raw) as number) >= 1e15) {
        problems.push({
          cell: ref,
          field: column.field,
          value: plainValue(raw),
          kind: "unreadable",
          message: `户编号${quote(plainValue(raw))}被存成了数字，超过15位的末几位已丢失，不同的户可能被并为一户：请把该列设为“文本”格式后重新录入`,
        });
      }
    } else {
      problems.push({ cell: ref, field: column.field, value: plainValue(raw), kind: reading.kind, message: reading.message });
    }
  }
  if (values.birthDate === undefined && values.personId !== undefined) {
    values.birthDate = parseResidentId(values.personId).birthDate;
    refs.birthDate = refs.personId;
  }
  const measures: string[] = [];
  if (refs.measures) for (const part of splitMeasures(values.measures)) addOnce(measures, part);
  for (const column of kindCols) {
    if (!isNoMarker(cells[column.index])) addOnce(measures, column.measureKind as string);
  }
  const key = (values[keyField] as string | undefined) ?? "";
  // Head names repeat across villages; qualify them so two heads of the same name stay apart.
  const groupKey = keyField === "headName" ? `${values.town ?? ""}\u0000${values.village ?? ""}\u0000${key}` : key;
  const isHead = values.relation !== undefined && isHeadRelation(values.relation);
  return { row, values, cells: refs, key, groupKey, isHead, measures };
}

/** A number read under a 万元 header, in yuan; a value that carries its own 万/亿 ("0.5万") is already in yuan. */
function scaled(value: unknown, raw: unknown, scale: number | undefined): unknown {
  if (scale === undefined || typeof value !== "number") return value;
  const text = plainValue(raw);
  if (typeof text === "string" && /[万亿]/.test(text)) return value;
  return roundToPrecision(value * scale);
}

function buildHousehold(group: readonly RowRead[]): HouseholdRecord {
  // Household values come from the head's row first, then the other rows in sheet order.
  const ordered = [...group.filter((r) => r.isHead), ...group.filter((r) => !r.isHead)];
  const values: MutableValues = {};
  const cells: MutableCells = {};
  const set = values as Record<FieldKey, unknown>;
  const get = (row: RowRead, field: FieldKey) => (row.values as Record<FieldKey, unknown>)[field];
  for (const row of ordered) {
    for (const field of Object.keys(row.values) as FieldKey[]) {
      if (FIELDS[field].level !== "household" || set[field] !== undefined) continue;
      set[field] = get(row, field);
      cells[field] = row.cells[field];
    }
  }
  const measures: string[] = [];
  for (const row of group) for (const m of row.measures) addOnce(measures, m);
  const members: PersonRecord[] = group.map((r) => ({ row: r.row, values: r.values, cells: r.cells }));
  const key = group.find((r) => r.key !== "")?.key ?? "";
  return { key, rows: group.map((r) => r.row), values, cells, members, measures };
}

interface KeyedCell {
  readonly key: string;
  readonly group: string;
  readonly cell: CellRef;
}

function findDuplicates(rows: readonly RowRead[], field: FieldKey, keyOf: (row: RowRead) => KeyedCell | null): Ledger["duplicates"] {
  const seen = new Map<string, { key: string; cells: CellRef[] }>();
  for (const row of rows) {
    const keyed = keyOf(row);
    if (!keyed) continue;
    const entry = seen.get(keyed.group);
    if (entry) entry.cells.push(keyed.cell);
    else seen.set(keyed.group, { key: keyed.key, cells: [keyed.cell] });
  }
  return [...seen.values()].filter((e) => e.cells.length > 1).map((e) => ({ key: e.key, field, cells: e.cells }));
}

/** A person's ID for duplicate detection: the validated number, or the text as written when invalid. */
function personKeyOf(row: RowRead, sheet: SheetInput, column: ColumnInfo | undefined, originRow: number): KeyedCell | null {
  if (!column) return null;
  if (row.values.personId !== undefined) return { key: row.values.personId, group: row.values.personId, cell: row.cells.personId as CellRef };
  const raw = plainValue(sheet.cells[row.row - originRow]?.[column.index]);
  if (isBlank(raw)) return null;
  const text = compactText(raw).toUpperCase();
  return { key: text, group: text, cell: { row: row.row, column: column.letter } };
}

function hasRepeatedKey(rows: readonly RowRead[], field: FieldKey): boolean {
  const seen = new Set<unknown>();
  for (const row of rows) {
    const value = (row.values as Record<FieldKey, unknown>)[field];
    if (value === undefined) continue;
    if (seen.has(value)) return true;
    seen.add(value);
  }
  return false;
}

function addOnce(list: string[], item: string): void {
  if (!list.includes(item)) list.push(item);
}

/** A 合计 / 总计 / 小计 row: one of its first non-blank cells says so. */
function isSummaryRow(cells: readonly unknown[]): boolean {
  let seen = 0;
  for (const value of cells) {
    const text = cellText(value);
    if (text === "") continue;
    if (typeof plainValue(value) === "string" && SUMMARY_LABEL.test(compactText(text))) return true;
    if (++seen >= 3) return false;
  }
  return false;
}

/** A note or signature line under the table (注：…, 填表人：…). */
function isFooterRow(cells: readonly unknown[]): boolean {
  for (const value of cells) {
    const text = cellText(value);
    if (text !== "") return FOOTER_LABEL.test(compactText(text));
  }
  return false;
}

/** The column-numbering row some forms put under the header: 1, 2, 3 … (or 甲, 乙, then 1, 2 …). */
function isNumberingRow(cells: readonly unknown[]): boolean {
  const numbers: number[] = [];
  for (const value of cells) {
    const text = cellText(value);
    if (text === "" || /^[甲乙丙丁]$/.test(text)) continue;
    if (!/^\d{1,3}$/.test(text)) return false;
    numbers.push(Number(text));
  }
  return numbers.length >= 3 && numbers.every((n, i) => i === 0 || n === numbers[i - 1] + 1);
}

/** The first sheet holding a ledger, and why each sheet before it was passed over. */
export interface LedgerSheetChoice {
  readonly sheet: SheetInput;
  readonly ledger: Ledger;
  readonly rejected: readonly { readonly sheetName: string; readonly reason: string }[];
}

/**
 * Read the first sheet that holds a ledger. Throws LedgerNotFoundError, in Chinese, when the
 * workbook has no sheet or no sheet holds a ledger (the message gives each sheet's reason).
 */
export function findLedgerSheet(sheets: readonly SheetInput[], options: ReadOptions = {}): LedgerSheetChoice {
  if (sheets.length === 0) throw new LedgerNotFoundError("", "工作簿中没有工作表");
  const rejected: { sheetName: string; reason: string }[] = [];
  for (const sheet of sheets) {
    try {
      return { sheet, ledger: readLedger(sheet, options), rejected };
    } catch (error) {
      if (!(error instanceof LedgerNotFoundError)) throw error;
      rejected.push({ sheetName: sheet.name, reason: error.message });
    }
  }
  if (sheets.length === 1) throw new LedgerNotFoundError(sheets[0].name, rejected[0].reason);
  const reasons = rejected.map((r) => `\n- ${r.reason}`).join("");
  throw new LedgerNotFoundError("", `工作簿的${sheets.length}个工作表中都没有找到台账：${reasons}`);
}
