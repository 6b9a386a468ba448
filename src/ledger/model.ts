import type { IncomeTier } from "../formulas";
import type { CivilDate, DisabilityGrade } from "../values";
import type { FieldKey, FieldType, FIELDS } from "./fields";

/** A sheet as any host hands it over: rows of cell values, and merged areas where the host knows them. */
export interface SheetInput {
  readonly name: string;
  /** cells[0] is sheet row `origin.row`; cells[r][0] is sheet column `origin.column`. */
  readonly cells: readonly (readonly unknown[])[];
  /** 1-based sheet coordinates of cells[0][0]; default A1. */
  readonly origin?: { readonly row: number; readonly column: number };
  readonly merges?: readonly MergedRange[];
  /**
   * The workbook counts dates from 1904, and the cells hold its serial numbers as Excel's
   * range.values and ET's Value2 give them: a serial in a date column is read 1,462 days later.
   * The .xlsx reader converts date cells to the 1900 system itself and leaves this unset.
   */
  readonly date1904?: boolean;
}

/** A merged area, 1-based sheet coordinates, inclusive. */
export interface MergedRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A cell as Excel shows it: 1-based row, column letters. */
export interface CellRef {
  readonly row: number;
  readonly column: string;
}

/** 劳动技能 as the national system counts it: able (技能, 普通), weak (弱劳动力或半劳动力: still labour), unable (丧失, 无). */
export type LaborAbility = "able" | "weak" | "unable";

type ValueOfType<T extends FieldType> = T extends "text" | "idNumber"
  ? string
  : T extends "integer" | "amount"
    ? number
    : T extends "date"
      ? CivilDate
      : T extends "yesNo" | "coverage" | "student"
        ? boolean
        : T extends "disability"
          ? DisabilityGrade
          : T extends "labor"
            ? LaborAbility
            : T extends "tier"
              ? IncomeTier
              : never;

/** The type a field's cells are read into. */
export type FieldValue<K extends FieldKey> = ValueOfType<(typeof FIELDS)[K]["type"]>;

/** Values read from a row (or a household's rows); a field is absent when its cell is blank or unreadable. */
export type FieldValues = { [K in FieldKey]?: FieldValue<K> };

/** Where each value was read from, so a finding can point at the cell. */
export type FieldCells = { [K in FieldKey]?: CellRef };

/**
 * A row's formula cells whose saved result is not to be taken as their value, as a file reader
 * finds them (0-based column indexes). Excel and WPS hand the hosts calculated values: none there.
 */
export interface RowFormulas {
  /** No result saved (a program that does not calculate wrote the formula): blank among the row's cells. */
  readonly uncomputed: readonly number[];
  /**
   * A saved result of 0 in a workbook that asks to be recalculated on opening (calcPr
   * fullCalcOnLoad): 0 among the row's cells, and possibly a placeholder (XlsxWriter saves 0 for every formula).
   */
  readonly zeroResults: readonly number[];
}

/** Data cells of the columns read that hold such formulas: how many, and the first few with their column's header. */
export interface FormulaCells {
  readonly count: number;
  readonly cells: readonly { readonly cell: CellRef; readonly header: string }[];
}

/** A sheet's data cells of each kind of RowFormulas. */
export interface SheetFormulaCells {
  readonly uncomputed: FormulaCells;
  readonly zeroResults: FormulaCells;
}

export interface ColumnInfo {
  /** Index into a row of SheetInput.cells. */
  readonly index: number;
  /** Sheet column letters, e.g. "H". */
  readonly letter: string;
  /** The header as written; a two-row header joins parent and child: "收入情况/工资性收入". */
  readonly header: string;
  /** The field it was matched to, or null for a column kept as it is. */
  readonly field: FieldKey | null;
  /** For a measure-kind column (产业帮扶 …), the kind. */
  readonly measureKind: string | null;
  /** How the match was made. */
  readonly matchedBy: "alias" | "userMapping" | null;
}

/** A cell the reader could not use. D03 / D04 report these. */
export interface CellProblem {
  readonly cell: CellRef;
  readonly field: FieldKey;
  readonly value: unknown;
  /** idNumber, unreadable: the value is not used; note: read, but not as written (a misspelling, 大写 numerals). */
  readonly kind: "idNumber" | "unreadable" | "note";
  /** Chinese, names the value and what was expected. */
  readonly message: string;
}

export interface PersonRecord {
  readonly row: number;
  readonly values: FieldValues;
  readonly cells: FieldCells;
}

export interface HouseholdRecord {
  /** The household key as written (户编号; see Ledger.keyField). */
  readonly key: string;
  /** Sheet rows of the household, in sheet order. */
  readonly rows: readonly number[];
  /** Household-level values: from the household row, or the first member row that has them. */
  readonly values: FieldValues;
  readonly cells: FieldCells;
  /** Members: one per person row; in a household-level ledger, the household row itself. */
  readonly members: readonly PersonRecord[];
  /** Measures: parts of the free-text measures column plus the names of applied measure-kind columns. */
  readonly measures: readonly string[];
  /** Rows of side ledgers joined to the household that are records of their own (loans): rules that look at each record see them. */
  readonly records?: readonly JoinedRecord[];
  /** Values (and measures, under "measures") joined from side ledgers: field → the side ledger they came from. */
  readonly sources?: { readonly [K in FieldKey]?: string };
}

/** A row of a side ledger joined to a household of the main ledger (a loan of the household). */
export interface JoinedRecord extends PersonRecord {
  /** The side ledger, as the user names it (file, or file / sheet). */
  readonly source: string;
}

/** What a ledger's rows are, as its columns say: a ledger of households, a pairing export (帮扶责任人结对), a loan ledger (小额信贷). */
export type LedgerKind = "ledger" | "pairing" | "loans";

/** How a side ledger was joined to the main one, for the report (which facts came from which file). */
export interface JoinInfo {
  /** The side ledger as the user named it: the file, or the file and sheet. */
  readonly source: string;
  readonly sheetName: string;
  /** What the side ledger gives: last year's income, the current support cadre, loans, or more facts of this year. */
  readonly role: "lastYear" | "pairing" | "loans" | "supplement";
  /** Chinese: why it was taken for that (e.g. "标题写明2024年"). */
  readonly roleReason: string;
  /** Chinese labels of the keys that matched, e.g. ["户编号"]. */
  readonly keys: readonly string[];
  /** Households of the side ledger joined, and those the main ledger does not have (their keys, the first few). */
  readonly matched: number;
  readonly unmatched: number;
  readonly unmatchedKeys: readonly string[];
  /** Main-ledger households that received a fact. */
  readonly households: number;
  /** The facts taken, as fields of the main ledger (measures as "measures"). */
  readonly fields: readonly FieldKey[];
  /** Cells of the side ledger that could not be read (its own D03/D04): not used; checking it alone lists them. */
  readonly unreadable: number;
}

export interface Ledger {
  readonly sheetName: string;
  /** First and last sheet rows of the header (equal for a one-row header). */
  readonly headerRow: number;
  readonly headerLastRow: number;
  readonly columns: readonly ColumnInfo[];
  /** The column each recognised field was found in. */
  readonly fieldColumns: { readonly [K in FieldKey]?: ColumnInfo };
  readonly layout: "person" | "household";
  /** Chinese: the evidence the layout was decided on, for the report. */
  readonly layoutReason: string;
  readonly kind: LedgerKind;
  /** The text of the rows above the header (titles, export lines), for the year a ledger is of. */
  readonly titleText: string;
  /** Field used as the household key (householdId, or a fallback for hand-kept ledgers). */
  readonly keyField: FieldKey;
  readonly households: readonly HouseholdRecord[];
  readonly personCount: number;
  readonly problems: readonly CellProblem[];
  /** Side ledgers joined to this one (engine/join.ts), and the fields they gave that no column of this sheet holds. */
  readonly joins?: readonly JoinInfo[];
  readonly joinedFields?: readonly FieldKey[];
  /** Rows that share a person key (D02) or, in a household-level ledger, a household key. */
  readonly duplicates: readonly { readonly key: string; readonly field: FieldKey; readonly cells: readonly CellRef[] }[];
}

/** The sheet holds no recognisable ledger; `message` says why in Chinese. */
export class LedgerNotFoundError extends Error {
  constructor(
    readonly sheetName: string,
    message: string,
  ) {
    super(message);
    this.name = "LedgerNotFoundError";
  }
}

export interface ReadOptions {
  /** Header text → field (or null to ignore a column); overrides detection. */
  readonly mapping?: Readonly<Record<string, FieldKey | null>>;
}
