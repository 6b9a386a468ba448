/**
 * A ledger read from rows as they stream in (an .xlsx sheet read part by part): the first rows
 * are kept until the header can be found, then every row goes straight into the LedgerBuilder
 * and is dropped. A sheet whose first rows hold no ledger is refused early, so the reader can
 * stop reading it and move on to the next sheet.
 */
import { LedgerBuilder } from "./build";
import { findHeader, HEADER_SEARCH_ROWS } from "./headers";
import { Ledger, LedgerNotFoundError, MergedRange, ReadOptions, UncomputedFormulas } from "./model";

/** Rows the header finder sees: the header may start on row 15 and, as a two-row header, end on row 16. */
export const LEDGER_PROBE_ROWS = HEADER_SEARCH_ROWS + 1;

export interface LedgerStreamOptions extends ReadOptions {
  /**
   * The sheet was named by the user: a header without data rows is read as an empty ledger
   * instead of being passed over as an empty template.
   */
  readonly named?: boolean;
}

export class LedgerStream {
  private readonly probe: unknown[][] = [];
  /** The probe rows' uncomputed formula cells, by row index (rare: most rows have none). */
  private readonly probeUncomputed = new Map<number, number[]>();
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
   * One sheet row (1-based; cells[0] is column A; `uncomputed`: its formula cells without a saved
   * result, as RowHandler gives them). Returns false once the sheet is refused.
   */
  row(rowNumber: number, cells: readonly unknown[], width: number, uncomputed: readonly number[] = []): boolean {
    if (!this.decided) {
      if (rowNumber <= LEDGER_PROBE_ROWS) {
        while (this.probe.length < rowNumber - 1) this.probe.push([]);
        if (uncomputed.length > 0) this.probeUncomputed.set(this.probe.length, [...uncomputed]);
        this.probe.push(cells.slice(0, width));
        return true;
      }
      if (!this.decide()) return false;
    }
    (this.builder as LedgerBuilder).addRow(rowNumber, cells, uncomputed);
    return true;
  }

  /** Data cells of the columns read that hold a formula without its result (none before the header is found). */
  uncomputedFormulas(): UncomputedFormulas {
    return this.builder ? this.builder.uncomputedFormulas() : { count: 0, cells: [] };
  }

  /** Find the header in the rows kept; false (and `refusal`) when there is none. */
  private decide(): boolean {
    this.decided = true;
    try {
      const sheet = { name: this.sheetName, cells: this.probe };
      const header = findHeader(sheet, this.options);
      this.builder = new LedgerBuilder(this.sheetName, header);
      for (let r = header.dataStartIndex; r < this.probe.length; r++)
        this.builder.addRow(r + 1, this.probe[r], this.probeUncomputed.get(r));
    } catch (error) {
      if (!(error instanceof LedgerNotFoundError)) throw error;
      this.refusal = error.message;
    }
    this.probe.length = 0;
    this.probeUncomputed.clear();
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
