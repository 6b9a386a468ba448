/**
 * Building a Ledger one data row at a time, from any host: a SheetInput's rows (readLedger) or
 * rows streamed out of an .xlsx file (./stream.ts). Each row is read into typed field values as
 * it arrives and the row's cells are not kept; cell references are computed from the row and
 * the column when a finding asks for them. The layout (person or household) is decided at the
 * end from the evidence gathered (./layout.ts), then rows are grouped into households.
 */
import { CivilDate, compactText, isBlank, parseResidentId, quote, roundToPrecision } from "../values";
import { columnNumber } from "./cellRef";
import { FIELD_KEYS, FIELDS, FieldKey } from "./fields";
import { amountScaleOf, duplicateColumnMessage, HeaderInfo } from "./headers";
import { decideLayout, isHeadRelation, LayoutDecision } from "./layout";
import type {
  CellProblem,
  CellRef,
  ColumnInfo,
  FieldCells,
  FieldValues,
  HouseholdRecord,
  Ledger,
  LedgerKind,
  MergedRange,
  FormulaCells,
  PersonRecord,
  RowFormulas,
  SheetFormulaCells,
} from "./model";
import { LedgerNotFoundError } from "./model";
import {
  CellReading,
  cellText,
  countedHouseholdSize,
  disabilityCardGrade,
  isNoMarker,
  plainValue,
  readFieldCell,
  splitMeasures,
} from "./values";

type MutableValues = { -readonly [K in keyof FieldValues]: FieldValues[K] };
type Letters = { [K in FieldKey]?: string };

const NO_MEASURES: readonly string[] = Object.freeze([]);
const NO_FORMULAS: RowFormulas = Object.freeze({ uncomputed: [], zeroResults: [] });
/** Formula cells named in a message; the rest are counted. */
const FORMULA_CELLS_NAMED = 5;

/** Formula cells of data rows, counted, the first few kept. */
class FormulaCellTally implements FormulaCells {
  count = 0;
  readonly cells: { cell: CellRef; header: string }[] = [];

  add(row: number, column: ColumnInfo): void {
    this.count += 1;
    if (this.cells.length < FORMULA_CELLS_NAMED) this.cells.push({ cell: { row, column: column.letter }, header: column.header });
  }
}

/**
 * A row's values start as a copy of a template holding the ledger's fields, all absent: one
 * compact object shape for every row. (Adding twenty fields one by one to {} would turn each
 * row's object into a slow dictionary; JSON.parse builds the template with fast properties, and
 * a copy keeps them.)
 */
function valuesTemplate(fields: readonly FieldKey[]): MutableValues {
  const template = JSON.parse(`{${fields.map((f) => `"${f}":null`).join(",")}}`) as Record<string, unknown>;
  for (const f of fields) template[f] = undefined;
  return template as MutableValues;
}
// The label may carry a count after a colon or in brackets: 总计：2户5人, 合计（6户）.
const SUMMARY_LABEL = /^.{0,12}(合计|总计|小计)([:：(（].*)?$/;
const FOOTER_LABEL = /^(注|备注|说明)[:：、.\d]|^(填表|填报|制表|审核|统计|单位负责|负责|联系|经办)(人|日期|时间|电话|单位)?[:：]/;
/** Readings cached per column: categorical values repeat (是/否, 普通劳动力, a village's name, a visit date). */
const CACHE_LIMIT = 4096;

/** One data row, read: a person of the ledger (in a household-level ledger, the household row). */
class RowRecord implements PersonRecord {
  key = "";
  /** Key used to group rows into households (headName keys are qualified by town and village). */
  groupKey = "";
  isHead = false;
  measures: readonly string[] = NO_MEASURES;
  /** The birth date came from the ID number: its cell is the ID's. */
  birthFromId = false;
  /** An ID number that did not validate, as written (compacted): duplicates are still found. */
  rawId: string | null = null;
  /** A household key that did not read (an invalid head's ID), as written: rows are still grouped by it. */
  rawKey: string | null = null;
  constructor(
    readonly row: number,
    readonly values: MutableValues,
    readonly letters: Letters,
  ) {}

  get cells(): FieldCells {
    return new RowCells(this) as unknown as FieldCells;
  }
}

function cellOfRecord(record: RowRecord, field: FieldKey): CellRef | undefined {
  if ((record.values as Record<FieldKey, unknown>)[field] === undefined) return undefined;
  const letter = field === "birthDate" && record.birthFromId ? (record.letters.personId ?? record.letters.headId) : record.letters[field];
  return letter === undefined ? undefined : { row: record.row, column: letter };
}

/** A row's cells, computed on demand: `cells.perCapitaIncome` is {row, column} when the row has that value. */
class RowCells {
  constructor(readonly record: RowRecord) {}
}

/** A household's cells: each household value's cell is that of the member row it was taken from (the head's first). */
class HouseholdCells {
  constructor(readonly members: readonly RowRecord[]) {}
}

for (const field of FIELD_KEYS) {
  Object.defineProperty(RowCells.prototype, field, {
    enumerable: true,
    get(this: RowCells) {
      return cellOfRecord(this.record, field);
    },
  });
  Object.defineProperty(HouseholdCells.prototype, field, {
    enumerable: true,
    get(this: HouseholdCells) {
      for (const heads of [true, false]) {
        for (const member of this.members) {
          if (member.isHead !== heads) continue;
          const cell = cellOfRecord(member, field);
          if (cell) return cell;
        }
      }
      return undefined;
    },
  });
}

type ColumnReader = (raw: unknown) => CellReading<FieldKey>;

/** Reads one column's cells by its field's type, scaling 万元 amounts, remembering repeated values. */
function columnReader(field: FieldKey, header: string, date1904: boolean): ColumnReader {
  const type = FIELDS[field].type;
  const scale = type === "amount" ? amountScaleOf(header) : 1;
  const read = (raw: unknown): CellReading<FieldKey> => {
    const reading = readFieldCell(field, raw, date1904);
    if (scale === 1 || reading.status !== "ok") return reading;
    return { ...reading, value: scaled(reading.value, raw, scale) as never };
  };
  // IDs and names rarely repeat: not worth remembering. Amounts and counts repeat as numbers
  // (0, a household's per-capita income on each member's row), seldom as text.
  if (type === "idNumber" || type === "text") return read;
  const numbersOnly = type === "amount" || type === "integer";
  const cache = new Map<unknown, CellReading<FieldKey>>();
  return (raw) => {
    const hit = cache.get(raw);
    if (hit !== undefined) return hit;
    const reading = read(raw);
    if (cache.size < CACHE_LIMIT && (typeof raw === "number" || (!numbersOnly && typeof raw === "string"))) cache.set(raw, reading);
    return reading;
  };
}

/** A number read under a 万元 header, in yuan; a value that carries its own 万/亿 ("0.5万") is already in yuan. */
function scaled(value: unknown, raw: unknown, scale: number): unknown {
  if (typeof value !== "number") return value;
  const text = plainValue(raw);
  if (typeof text === "string" && /[万亿]/.test(text)) return value;
  return roundToPrecision(value * scale);
}

/** Fields that, without income columns, make a sheet a pairing export or a loan ledger. */
const PAIRING_FIELDS: readonly FieldKey[] = ["supportStart", "supportEnd"];
const LOAN_FIELDS: readonly FieldKey[] = ["borrowerId", "smallLoanAmount", "smallLoanBalance", "smallLoanRepaidAmount"];
const INCOME_FIELDS: readonly FieldKey[] = [
  "perCapitaIncome",
  "netIncome",
  "wageIncome",
  "businessIncome",
  "transferIncome",
  "propertyIncome",
];
/** The columns rows are grouped into households by, in order of preference. */
const KEY_ORDER: readonly FieldKey[] = ["householdId", "headId", "headPersonNo", "headName"];

/** A second column for a field: whether it holds data the used column does not (only then is it reported). */
interface DuplicateWatch {
  readonly ignored: number;
  readonly used: number;
  differs: boolean;
}

export class LedgerBuilder {
  private readonly fieldCols: readonly (ColumnInfo & { field: FieldKey })[];
  private readonly readers: readonly ColumnReader[];
  private readonly kindCols: readonly ColumnInfo[];
  private readonly usedCols: readonly ColumnInfo[];
  private keyField: FieldKey;
  private readonly keyColumn: ColumnInfo;
  private readonly fieldColumns: { [K in FieldKey]?: ColumnInfo } = {};
  private readonly letters: Letters = {};
  private readonly originColumn: number;
  private readonly firstDataRow: number;
  private readonly records: RowRecord[] = [];
  private readonly problems: CellProblem[] = [];
  private readonly measureParts = new Map<string, readonly string[]>();
  private readonly birthDates = new Map<string, CivilDate>();
  private readonly rowTemplate: MutableValues;
  private householdTemplate: MutableValues;
  private householdFields: readonly FieldKey[];
  private readonly kind: LedgerKind;
  private readonly duplicateWatch: readonly DuplicateWatch[];
  /** Where a disability grade may be read besides 残疾等级: a 残疾人证号 in the ID column or in 残疾证号. */
  private readonly gradeSources: readonly number[];
  /** No member IDs, but the head's: the head's birth date is read from it. */
  private readonly birthFromHead: boolean;
  /** Columns whose field the rows showed to be another (moveField), by index. */
  private readonly movedColumns = new Map<number, ColumnInfo>();
  private readonly uncomputed = new FormulaCellTally();
  private readonly zeroResults = new FormulaCellTally();

  /** Throws LedgerNotFoundError when the header has no household key. */
  constructor(
    readonly sheetName: string,
    readonly header: HeaderInfo,
    origin: { readonly row: number; readonly column: number } = { row: 1, column: 1 },
    /** The sheet's serial numbers count from 1904 (SheetInput.date1904). */
    date1904 = false,
  ) {
    const { columns } = header;
    for (const column of columns) if (column.field !== null) this.fieldColumns[column.field] = column;
    const has = (f: FieldKey) => this.fieldColumns[f] !== undefined;
    const income = INCOME_FIELDS.some(has);
    this.kind = !income && PAIRING_FIELDS.some(has) ? "pairing" : !income && LOAN_FIELDS.some(has) ? "loans" : "ledger";
    // A side ledger of persons without income (产业发展政策保障: one row per 搬迁人员身份证号) is keyed by the person.
    const keyField = KEY_ORDER.find(has) ?? (has("personId") && !income ? "personId" : null);
    if (keyField === null) {
      throw new LedgerNotFoundError(
        sheetName,
        `工作表“${sheetName}”第${header.headerRow}行的表头中没有“户编号”列（也没有户主证件号码、户主姓名列），无法把各行归到户：请添加“户编号”列（也可写作 户码、户号），或在列映射中指定哪一列是户编号`,
      );
    }
    this.keyField = keyField;
    this.keyColumn = this.fieldColumns[keyField] as ColumnInfo;
    this.originColumn = origin.column;
    this.firstDataRow = origin.row + header.dataStartIndex;
    this.fieldCols = columns.filter((c): c is ColumnInfo & { field: FieldKey } => c.field !== null);
    this.readers = this.fieldCols.map((c) => columnReader(c.field, c.header, date1904));
    this.kindCols = columns.filter((c) => c.measureKind !== null);
    this.usedCols = columns.filter((c) => c.field !== null || c.measureKind !== null);
    // A second column for a field is not read; it is reported (D04) only when it holds data the used one does not.
    this.duplicateWatch = header.duplicateColumns.map((d) => ({ ignored: d.ignored.index, used: d.used.index, differs: false }));
    for (const column of this.fieldCols) this.letters[column.field] = column.letter;
    if (this.letters.birthDate === undefined && this.letters.personId !== undefined) this.letters.birthDate = this.letters.personId;
    const rowFields = this.fieldCols.map((c) => c.field);
    this.birthFromHead = !this.fieldColumns.personId && this.fieldColumns.headId !== undefined;
    if ((this.fieldColumns.personId || this.birthFromHead) && !this.fieldColumns.birthDate) rowFields.push("birthDate");
    if (this.birthFromHead && this.letters.birthDate === undefined) this.letters.birthDate = this.letters.headId;
    this.gradeSources = this.fieldColumns.disability
      ? []
      : [this.fieldColumns.personId, this.fieldColumns.disabilityCardNo]
          .filter((c): c is ColumnInfo => c !== undefined)
          .map((c) => c.index);
    if (this.gradeSources.length > 0) {
      rowFields.push("disability");
      this.letters.disability = (this.fieldColumns.disabilityCardNo ?? this.fieldColumns.personId)?.letter;
    }
    this.rowTemplate = valuesTemplate(rowFields);
    this.householdFields = rowFields.filter((f) => FIELDS[f].level === "household");
    this.householdTemplate = valuesTemplate(this.householdFields);
  }

  /**
   * The columns (indexes into a row) the builder looks at: the recognised ones, plus the first
   * columns where 合计 and note rows put their label. A streaming reader may skip the others.
   */
  wantedColumns(): number[] {
    const used = this.usedCols.map((c) => c.index);
    const first = Math.min(...used);
    const out = new Set<number>(used);
    for (const d of this.duplicateWatch) out.add(d.ignored);
    for (let i = 0; i < Math.max(3, first + 1); i++) out.add(i);
    return [...out].sort((a, b) => a - b);
  }

  /** Formula cells of the data rows, in the columns read, whose saved result is missing or possibly a placeholder (RowFormulas). */
  formulaCells(): SheetFormulaCells {
    return { uncomputed: this.uncomputed, zeroResults: this.zeroResults };
  }

  /**
   * Read one data row (1-based sheet row; cells[i] is column origin + i). The cells are not kept.
   * `formulas`: its formula cells whose saved result is not to be taken as read (a file reader's).
   */
  addRow(sheetRow: number, cells: readonly unknown[], formulas: RowFormulas = NO_FORMULAS): void {
    let any = false;
    for (const c of this.usedCols) {
      if (!isBlank(plainValue(cells[c.index]))) {
        any = true;
        break;
      }
    }
    if (!any || isSummaryRow(cells)) return;
    // A note or signature line, its label under the table or in the key column itself (a ledger whose first column is 户编号).
    const key = cells[this.keyColumn.index];
    if (isFooterRow(cells) && (isBlank(plainValue(key)) || isFooterText(key))) return;
    if (sheetRow === this.firstDataRow && (isNumberingRow(cells) || isTypeMarkerRow(cells))) return;
    if (formulas.uncomputed.length > 0) this.tally(this.uncomputed, sheetRow, formulas.uncomputed);
    if (formulas.zeroResults.length > 0) this.tally(this.zeroResults, sheetRow, formulas.zeroResults);
    this.records.push(this.readRow(cells, sheetRow));
  }

  private tally(tally: FormulaCellTally, row: number, indexes: readonly number[]): void {
    for (const index of indexes) {
      const column = this.usedCols.find((c) => c.index === index);
      if (column) tally.add(row, column);
    }
  }

  private readRow(cells: readonly unknown[], row: number): RowRecord {
    const values: MutableValues = { ...this.rowTemplate };
    const set = values as Record<FieldKey, unknown>;
    const record = new RowRecord(row, values, this.letters);
    for (let i = 0; i < this.fieldCols.length; i++) {
      const column = this.fieldCols[i];
      const raw = cells[column.index];
      if (raw === undefined || raw === null || raw === "") continue;
      const reading = this.readers[i](raw);
      if (reading.status === "blank") continue;
      if (reading.status === "ok") {
        set[column.field] = reading.value;
        // Excel keeps 15 significant digits: a longer 户编号 typed as a number has lost its tail, and
        // households may have merged. The key is still used (it is all there is), but it is reported.
        if (column.field === "householdId" && typeof plainValue(raw) === "number" && Math.abs(plainValue(raw) as number) >= 1e15) {
          this.problems.push({
            cell: { row, column: column.letter },
            field: column.field,
            value: plainValue(raw),
            kind: "unreadable",
            message: `户编号${quote(plainValue(raw))}被存成了数字，超过15位的末几位已丢失，不同的户可能被并为一户：请把该列设为“文本”格式后重新录入`,
          });
        }
        if (reading.note !== undefined)
          this.problems.push({
            cell: { row, column: column.letter },
            field: column.field,
            value: plainValue(raw),
            kind: "note",
            message: reading.note,
          });
      } else {
        this.problems.push({
          cell: { row, column: column.letter },
          field: column.field,
          value: plainValue(raw),
          kind: reading.kind,
          message: reading.message,
        });
        if (column.field === "personId") record.rawId = compactText(plainValue(raw)).toUpperCase();
        if (column.field === this.keyField) record.rawKey = compactText(plainValue(raw)).toUpperCase();
      }
    }
    // The grade a 残疾人证号 carries (ID + category + grade), where no 残疾等级 column says it.
    for (const index of this.gradeSources) {
      if (values.disability !== undefined) break;
      const grade = disabilityCardGrade(plainValue(cells[index]));
      if (grade !== null) values.disability = grade;
    }
    for (const d of this.duplicateWatch) if (!d.differs) d.differs = holdsOther(cells[d.ignored], cells[d.used]);
    if (values.birthDate === undefined) {
      // The birth date in the ID number: the member's, or in a ledger without member IDs the head's (kept for the head's row only).
      const id = values.personId ?? (this.birthFromHead ? values.headId : undefined);
      if (id !== undefined) {
        values.birthDate = this.birthDateOf(id);
        record.birthFromId = true;
      }
    }
    // The parts of a measures text are shared by every row with that text; kind columns add to a copy.
    let measures: readonly string[] = values.measures !== undefined ? this.splitMeasures(values.measures) : NO_MEASURES;
    for (const column of this.kindCols) {
      if (isNoMarker(cells[column.index]) || measures.includes(column.measureKind as string)) continue;
      measures = [...measures, column.measureKind as string];
    }
    record.measures = measures;
    this.keyOf(record);
    return record;
  }

  /** The birth date in a validated ID number; one object per date, shared (dates repeat). */
  private birthDateOf(id: string): CivilDate {
    const key = id.length === 18 ? id.slice(6, 14) : `19${id.slice(6, 12)}`;
    let date = this.birthDates.get(key);
    if (date === undefined) {
      date = parseResidentId(id).birthDate;
      this.birthDates.set(key, date);
    }
    return date;
  }

  private splitMeasures(text: string): readonly string[] {
    let parts = this.measureParts.get(text);
    if (parts === undefined) {
      parts = splitMeasures(text);
      if (this.measureParts.size < CACHE_LIMIT) this.measureParts.set(text, parts);
    }
    return parts;
  }

  private keyOf(record: RowRecord): void {
    const values = record.values;
    const key = ((values as Record<FieldKey, unknown>)[this.keyField] as string | undefined) ?? record.rawKey ?? "";
    record.key = key;
    // Head names repeat across villages; qualify them so two heads of the same name stay apart.
    record.groupKey = this.keyField === "headName" ? `${values.town ?? ""}\u0000${values.village ?? ""}\u0000${key}` : key;
    record.isHead = values.relation !== undefined ? isHeadRelation(values.relation) : values.isHead === true;
  }

  /** A merged area's value applies to every data row it covers, in the area's first column. */
  private applyMerges(merges: readonly MergedRange[]): void {
    const records = this.records;
    const byColumn = new Map<number, ColumnInfo>();
    for (const c of this.usedCols) byColumn.set(c.index, c);
    const at = (row: number): number => {
      let lo = 0;
      let hi = records.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (records[mid].row < row) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    for (const merge of merges) {
      if (merge.bottom <= merge.top || merge.top < this.firstDataRow) continue;
      const column = byColumn.get(merge.left - this.originColumn);
      if (!column) continue;
      const start = at(merge.top);
      const top = records[start];
      if (!top || top.row !== merge.top) continue;
      for (let i = start + 1; i < records.length && records[i].row <= merge.bottom; i++) {
        const record = records[i];
        if (column.field !== null) {
          const field = column.field;
          const value = (top.values as Record<FieldKey, unknown>)[field];
          const own = record.values as Record<FieldKey, unknown>;
          if (value === undefined || own[field] !== undefined) continue;
          own[field] = value;
          if (field === "measures") record.measures = mergeMeasures(record.measures, this.splitMeasures(value as string));
          this.keyOf(record);
        } else if (column.measureKind !== null && top.measures.includes(column.measureKind)) {
          record.measures = mergeMeasures(record.measures, [column.measureKind]);
        }
      }
    }
  }

  /** The evidence of the rows for the layout decision (./layout.ts). */
  private evidence(): Parameters<typeof decideLayout>[0] {
    const { records, fieldColumns } = this;
    let memberRelations = 0;
    let headRelations = 0;
    let notHeadFlags = 0;
    let sizeAboveOne = false;
    let repeatedKey = false;
    let headNamesDiffer = false;
    const firstOfKey = new Map<string, RowRecord>();
    // Whether 户主姓名 varies within a household matters only without a 姓名 column; else the first repeat settles it.
    const watchHeadNames = fieldColumns.headName !== undefined && fieldColumns.name === undefined;
    for (const record of records) {
      const v = record.values;
      if (v.relation !== undefined) {
        if (record.isHead) headRelations += 1;
        else memberRelations += 1;
      }
      if (v.isHead === false) notHeadFlags += 1;
      if ((v.householdSize ?? 0) > 1 || (v.currentHouseholdSize ?? 0) > 1) sizeAboveOne = true;
      if (record.key === "" || (repeatedKey && (!watchHeadNames || headNamesDiffer))) continue;
      const first = firstOfKey.get(record.groupKey);
      if (first === undefined) {
        firstOfKey.set(record.groupKey, record);
        continue;
      }
      repeatedKey = true;
      if (v.headName !== undefined && first.values.headName !== undefined && v.headName !== first.values.headName) headNamesDiffer = true;
    }
    const personColumn = fieldColumns.personId && this.keyField !== "personId" ? fieldColumns.personId.header.replace(/\s+/g, "") : null;
    return {
      kind: this.kind,
      keyLabel: (fieldColumns[this.keyField]?.header ?? FIELDS[this.keyField].label).replace(/\s+/g, ""),
      personColumn,
      nameColumn: fieldColumns.name !== undefined,
      personFields: this.fieldCols.filter(
        (c) => FIELDS[c.field].level === "person" && c.field !== "personId" && c.field !== "name" && c.field !== "relation",
      ).length,
      memberRelations,
      headRelations,
      notHeadFlags,
      repeatedKey,
      sizeAboveOne,
      headNamesDifferWithinKey: headNamesDiffer,
    };
  }

  /**
   * A column read as one field that the rows show to be another (a household ledger's 身份证号 is
   * the head's; a template's 户主姓名 holds members' names): its values, cells and problems move.
   */
  private moveField(from: FieldKey, to: FieldKey): void {
    const column = this.fieldColumns[from];
    if (!column || this.fieldColumns[to]) return;
    const moved: ColumnInfo = { ...column, field: to };
    this.fieldColumns[to] = moved;
    delete this.fieldColumns[from];
    // A birth date read from the ID keeps its cell: cellOfRecord falls back to the head's ID column.
    this.letters[to] = this.letters[from];
    delete this.letters[from];
    for (const record of this.records) {
      const values = record.values as Record<FieldKey, unknown>;
      values[to] = values[from];
      values[from] = undefined;
    }
    for (let i = 0; i < this.problems.length; i++)
      if (this.problems[i].field === from) this.problems[i] = { ...this.problems[i], field: to };
    if (this.keyField === from) this.keyField = to;
    const fields = [...this.householdFields];
    if (FIELDS[to].level === "household" && !fields.includes(to)) fields.push(to);
    this.householdFields = fields.filter((f) => f !== from);
    this.householdTemplate = valuesTemplate(this.householdFields);
    this.movedColumns.set(column.index, moved);
  }

  /** Group the rows into households and hand over the ledger. */
  finish(merges: readonly MergedRange[] = []): Ledger {
    if (merges.length > 0) this.applyMerges(merges);
    const decision: LayoutDecision = decideLayout(this.evidence());
    if (decision.idColumnIsHeads) this.moveField("personId", "headId");
    if (decision.headNameIsMembers) this.moveField("headName", "name");
    if (decision.idColumnIsHeads || decision.headNameIsMembers) for (const record of this.records) this.keyOf(record);
    // The head's ID gives the head's birth date, not the other members'.
    if (this.birthFromHead && decision.layout === "person") {
      for (const record of this.records) {
        if (record.birthFromId && !record.isHead) {
          record.values.birthDate = undefined;
          record.birthFromId = false;
        }
      }
    }
    const { records, problems, keyField, fieldColumns } = this;
    const keyColumn = fieldColumns[keyField] ?? this.keyColumn;
    const layout = decision.layout;
    // A second column reported only when it holds data the used one does not have.
    this.header.duplicateColumns.forEach((d, i) => {
      if (this.duplicateWatch[i].differs)
        problems.push({
          cell: { row: d.headerRow, column: d.ignored.letter },
          field: d.field,
          value: null,
          kind: "unreadable",
          message: duplicateColumnMessage(d),
        });
    });
    const keyRef = (row: number): CellRef => ({ row, column: keyColumn.letter });
    const blankKeyProblem = (row: number): CellProblem => ({
      cell: keyRef(row),
      field: keyField,
      value: null,
      kind: "unreadable",
      message: `第${row}行有数据，但${FIELDS[keyField].label}为空：该行按单独一户检查，请补填${FIELDS[keyField].label}`,
    });

    // Group rows into households, in order of first appearance.
    const groups: RowRecord[][] = [];
    if (decision.repeats !== "duplicates") {
      const byKey = new Map<string, RowRecord[]>();
      let current: RowRecord[] | null = null;
      for (const row of records) {
        if (row.key !== "") {
          let group = byKey.get(row.groupKey);
          if (!group) {
            group = [];
            byKey.set(row.groupKey, group);
            groups.push(group);
          }
          group.push(row);
          current = group;
        } else if (current && !row.isHead && decision.repeats === "members") {
          current.push(row);
        } else {
          problems.push(blankKeyProblem(row.row));
          current = [row];
          groups.push(current);
        }
      }
    } else {
      for (const row of records) {
        if (row.key === "") problems.push(blankKeyProblem(row.row));
        groups.push([row]);
      }
    }

    const households = groups.map((group) =>
      buildHousehold(decision.repeats === "history" ? currentFirst(group) : group, this.householdFields, this.householdTemplate),
    );
    const personColumn = fieldColumns.personId;
    // Repeated keys are duplicates only when the evidence says so (pairing history and member rows are not).
    const duplicates =
      layout === "person"
        ? personColumn
          ? findDuplicates(records, "personId", personColumn.letter, personKeyOf, (row) => personKeyOf(row) as string)
          : []
        : decision.repeats === "duplicates"
          ? findDuplicates(
              records,
              keyField,
              keyColumn.letter,
              (row) => (row.key === "" ? null : row.groupKey),
              (row) => row.key,
            )
          : [];
    const personCount = layout === "person" ? records.length : households.reduce((sum, h) => sum + countedHouseholdSize(h.values), 0);
    problems.sort((a, b) => a.cell.row - b.cell.row || columnNumber(a.cell.column) - columnNumber(b.cell.column));
    const columns =
      this.movedColumns.size === 0 ? this.header.columns : this.header.columns.map((c) => this.movedColumns.get(c.index) ?? c);

    return {
      sheetName: this.sheetName,
      headerRow: this.header.headerRow,
      headerLastRow: this.header.headerLastRow,
      columns,
      fieldColumns,
      layout,
      layoutReason: decision.reason,
      kind: this.kind,
      titleText: this.header.titleText,
      keyField,
      households,
      personCount,
      problems,
      duplicates,
    };
  }
}

/** Of a household's pairing rows, the current one first: no end date, then the latest start. */
function currentFirst(group: RowRecord[]): RowRecord[] {
  if (group.length < 2) return group;
  const rank = (r: RowRecord) => (r.values.supportEnd === undefined ? 1 : 0);
  const day = (r: RowRecord) => {
    const d = r.values.supportStart;
    return d === undefined ? 0 : d.year * 10_000 + d.month * 100 + d.day;
  };
  let best = group[0];
  for (const r of group) if (rank(r) > rank(best) || (rank(r) === rank(best) && day(r) > day(best))) best = r;
  return [best, ...group.filter((r) => r !== best)];
}

/** The cell of a second column holds something other than the used column's cell. */
function holdsOther(ignored: unknown, used: unknown): boolean {
  const a = plainValue(ignored);
  if (isBlank(a)) return false;
  return compactText(cellText(a)) !== compactText(cellText(plainValue(used)));
}

function mergeMeasures(own: readonly string[], more: readonly string[]): readonly string[] {
  const out = [...own];
  for (const m of more) addOnce(out, m);
  return out;
}

function buildHousehold(group: RowRecord[], householdFields: readonly FieldKey[], template: MutableValues): HouseholdRecord {
  // Household values come from the head's row first, then the other rows in sheet order; a
  // coverage (低保, 特困) held by any member covers the household (person-level exports list it per member).
  const values: MutableValues = { ...template };
  const set = values as Record<FieldKey, unknown>;
  for (const field of householdFields) {
    let value: unknown;
    for (const row of group) if (row.isHead && (value = (row.values as Record<FieldKey, unknown>)[field]) !== undefined) break;
    if (value === undefined)
      for (const row of group) if (!row.isHead && (value = (row.values as Record<FieldKey, unknown>)[field]) !== undefined) break;
    if (
      value === false &&
      FIELDS[field].type === "coverage" &&
      group.some((row) => (row.values as Record<FieldKey, unknown>)[field] === true)
    )
      value = true;
    if (value !== undefined) set[field] = value;
  }
  let measures: readonly string[] = group[0].measures;
  if (group.some((row) => row.measures !== measures)) {
    const all: string[] = [];
    for (const row of group) for (const m of row.measures) addOnce(all, m);
    measures = all;
  }
  measures = withHeldMeasures(group, values, measures);
  const key = group.find((r) => r.key !== "")?.key ?? "";
  return {
    key,
    rows: group.map((r) => r.row),
    values,
    cells: new HouseholdCells(group) as unknown as FieldCells,
    members: group,
    measures,
  };
}

/**
 * Measures that columns other than the measure columns show: a public-welfare post a member
 * holds (公益性岗位 护林员, action 四), a basic-living guarantee (兜底保障类型 低保金, action 九).
 */
function withHeldMeasures(group: readonly RowRecord[], values: FieldValues, measures: readonly string[]): readonly string[] {
  let out: string[] | null = null;
  const add = (measure: string) => {
    if ((out ?? measures).includes(measure)) return;
    out ??= [...measures];
    out.push(measure);
  };
  for (const row of group) {
    const post = row.values.welfarePost;
    if (post !== undefined && !isNoMarker(post)) add(`公益性岗位：${post}`);
  }
  if (values.securityType !== undefined && !isNoMarker(values.securityType)) add(`兜底保障：${values.securityType}`);
  return out ?? measures;
}

/**
 * Rows whose group (an ID number, a household key) repeats, with every cell of the column in
 * which it does, in order of the group's first row. No object per row: a group is remembered by
 * the index of its first row.
 */
function findDuplicates(
  rows: readonly RowRecord[],
  field: FieldKey,
  column: string,
  groupOf: (row: RowRecord) => string | null,
  keyOf: (row: RowRecord) => string,
): Ledger["duplicates"] {
  const firstOf = new Map<string, number>();
  let later: Map<number, number[]> | null = null;
  for (let i = 0; i < rows.length; i++) {
    const group = groupOf(rows[i]);
    if (group === null) continue;
    const first = firstOf.get(group);
    if (first === undefined) {
      firstOf.set(group, i);
      continue;
    }
    later ??= new Map();
    const list = later.get(first);
    if (list) list.push(i);
    else later.set(first, [i]);
  }
  if (later === null) return [];
  const repeated = later;
  return [...repeated.keys()]
    .sort((a, b) => a - b)
    .map((first) => ({
      key: keyOf(rows[first]),
      field,
      cells: [first, ...(repeated.get(first) as number[])].map((i) => ({ row: rows[i].row, column })),
    }));
}

/** A person's ID for duplicate detection: the validated number, or the text as written when invalid. */
function personKeyOf(row: RowRecord): string | null {
  const id = row.values.personId;
  if (id !== undefined) return id;
  return row.rawId === null || row.rawId === "" ? null : row.rawId;
}

function addOnce(list: string[], item: string): void {
  if (!list.includes(item)) list.push(item);
}

/** A 合计 / 总计 / 小计 row: one of its first non-blank cells says so. */
function isSummaryRow(cells: readonly unknown[]): boolean {
  let seen = 0;
  for (let i = 0; i < cells.length; i++) {
    const value = cells[i];
    if (value === undefined || value === null || typeof value === "number") {
      if (typeof value === "number" && ++seen >= 3) return false;
      continue;
    }
    const text = cellText(value);
    if (text === "") continue;
    // 合计, 总计 and 小计 all end in 计: most cells are settled without the pattern.
    if (text.includes("计") && typeof plainValue(value) === "string" && SUMMARY_LABEL.test(compactText(text))) return true;
    if (++seen >= 3) return false;
  }
  return false;
}

/** A note or signature line under the table (注：…, 填表人：…): its first non-blank cell says so. */
function isFooterRow(cells: readonly unknown[]): boolean {
  for (const value of cells) {
    const text = cellText(value);
    if (text !== "") return FOOTER_LABEL.test(compactText(text));
  }
  return false;
}

/** A cell holding a note's or a signature's label (no household key reads 说明：… or 填表人：…). */
function isFooterText(value: unknown): boolean {
  const text = cellText(value);
  return text !== "" && FOOTER_LABEL.test(compactText(text));
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

/**
 * The type-marker row some templates keep under the header: only single letters (N for a
 * number column, S, D, C) in a few cells, read by the system that fills the template.
 */
function isTypeMarkerRow(cells: readonly unknown[]): boolean {
  let markers = 0;
  for (const value of cells) {
    const text = cellText(value);
    if (text === "") continue;
    if (!/^[NSDC]$/.test(text)) return false;
    markers += 1;
  }
  return markers > 0;
}
