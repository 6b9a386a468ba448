/**
 * A ledger read from rows as they stream in (an .xlsx sheet read part by part): the first rows
 * are kept until the header can be found, then every row goes straight into the LedgerBuilder
 * and is dropped. A sheet whose first rows hold no ledger is refused early, so the reader can
 * stop reading it and move on to the next sheet.
 */
import { LedgerBuilder } from "./build";
import { findHeader, HEADER_SEARCH_ROWS } from "./headers";
import { FormulaCells, Ledger, LedgerNotFoundError, MergedRange, ReadOptions, RowFormulas, SheetFormulaCells } from "./model";

/** Rows the header finder sees: the header may start on row 15 and, as a two-row header, end on row 16. */
export const LEDGER_PROBE_ROWS = HEADER_SEARCH_ROWS + 1;

export interface LedgerStreamOptions extends ReadOptions {
  /**
   * The sheet was named by the user: a header without data rows is read as an empty ledger
   * instead of being passed over as an empty template.
   */
  readonly named?: boolean;
}

const NO_CELLS: FormulaCells = { count: 0, cells: [] };

export class LedgerStream {
  private readonly probe: unknown[][] = [];
  /** The probe rows' formula cells as the reader gave them, by row index (rare: most rows have none). */
  private readonly probeFormulas = new Map<number, RowFormulas>();
  private builder: LedgerBuilder | null = null;
  private decided = false;
  /** Why the sheet is no ledger (Chinese), once that is known. */
  refusal: string | null = null;

  constructor(
    readonly sheetName: string,
    private readonly options: LedgerStreamOptions = {},
  ) {}

  /** Columns the builder reads (0-based), once the header is known; null before (read every column). */
  wantedColumns(): Uint8Array | null {
    if (!this.builder) return null;
    const columns = this.builder.wantedColumns();
    const mask = new Uint8Array((columns[columns.length - 1] ?? 0) + 1);
    for (const c of columns) mask[c] = 1;
    return mask;
  }

  /**
   * One sheet row (1-based; cells[0] is column A; `formulas` as a file reader gives them). Returns
   * false once the sheet is refused.
   */
  row(rowNumber: number, cells: readonly unknown[], width: number, formulas?: RowFormulas): boolean {
    if (!this.decided) {
      if (rowNumber <= LEDGER_PROBE_ROWS) {
        while (this.probe.length < rowNumber - 1) this.probe.push([]);
        if (formulas && (formulas.uncomputed.length > 0 || formulas.zeroResults.length > 0))
          this.probeFormulas.set(this.probe.length, { uncomputed: [...formulas.uncomputed], zeroResults: [...formulas.zeroResults] });
        this.probe.push(cells.slice(0, width));
        return true;
      }
      if (!this.decide()) return false;
    }
    (this.builder as LedgerBuilder).addRow(rowNumber, cells, formulas);
    return true;
  }

  /** The data rows' formula cells whose saved result is missing or possibly a placeholder (none before the header is found). */
  formulaCells(): SheetFormulaCells {
    return this.builder ? this.builder.formulaCells() : { uncomputed: NO_CELLS, zeroResults: NO_CELLS };
  }

  /** Find the header in the rows kept; false (and `refusal`) when there is none. */
  private decide(): boolean {
    this.decided = true;
    try {
      const sheet = { name: this.sheetName, cells: this.probe };
      const header = findHeader(sheet, this.options);
      this.builder = new LedgerBuilder(this.sheetName, header);
      for (let r = header.dataStartIndex; r < this.probe.length; r++) this.builder.addRow(r + 1, this.probe[r], this.probeFormulas.get(r));
    } catch (error) {
      if (!(error instanceof LedgerNotFoundError)) throw error;
      this.refusal = error.message;
    }
    this.probe.length = 0;
    this.probeFormulas.clear();
    return this.refusal === null;
  }

  /**
   * The ledger, after the last row. Throws LedgerNotFoundError when the sheet holds none,
   * including a sheet that ends within its first rows with a header and no data row (an empty
   * template) unless the sheet was named.
   */
  finish(merges: readonly MergedRange[] = []): Ledger {
    const short = !this.decided;
    if (!this.decided) this.decide();
    if (this.refusal !== null || !this.builder) throw new LedgerNotFoundError(this.sheetName, this.refusal ?? "");
    const ledger = this.builder.finish(merges);
    if (short && ledger.households.length === 0 && !this.options.named) {
      this.refusal = `工作表“${this.sheetName}”只有表头，没有数据行（如要检查它，请用 --sheet 指定）`;
      throw new LedgerNotFoundError(this.sheetName, this.refusal);
    }
    return ledger;
  }
}
