/**
 * The worker's side of the page's memory guard (./memoryBudget.ts): the reader's own memory check
 * (`OpenOptions.checkMemory`, called every 2,048 rows and after each piece of the shared strings)
 * counts the rows held against the budget the page sent and stops the reading with a Chinese
 * message in the reader's words. A summary, which costs more than the check it is built from, is
 * weighed once the check's rows and findings are known, before anything is built.
 */
import { HostError } from "../host/types";
import { formatMegabytes, ReadPoint, readPointWhere, WorkbookFileError } from "../xlsx/core";
import { MemoryBudget, summaryBytes } from "./memoryBudget";

/**
 * The reader stopped at the page's budget. A WorkbookFileError, so that the reader passes it on
 * as it is; it reaches the page as the host's "too much data" failure (asHostError).
 */
export class MemoryBudgetError extends WorkbookFileError {
  constructor(message: string) {
    super(message);
    this.name = "MemoryBudgetError";
  }
}

const count = (n: number) => n.toLocaleString("en-US");

/**
 * Rows held by the sheets of one check. A sheet read whole is kept while the next (a side ledger)
 * is read, so the rows of each count against the one budget.
 */
export class RowBudget {
  budget: MemoryBudget | null = null;
  private held = 0;
  private current = 0;

  /** A new check: the previous one's ledgers are let go. */
  start(): void {
    this.held = 0;
    this.current = 0;
  }

  /** The sheet just read stays held. */
  keep(): void {
    this.held += this.current;
    this.current = 0;
  }

  /** Rows held by the sheets read since start (counted every 2,048 rows). */
  get rows(): number {
    return this.held + this.current;
  }

  /** The reader's memory check for a file (OpenOptions.checkMemory): throws a MemoryBudgetError over the budget. */
  check(label: string): (at: ReadPoint) => void {
    return (at) => {
      if ("sheet" in at) this.current = at.row;
      const budget = this.budget;
      if (budget === null || ("sheet" in at ? this.rows <= budget.rows : at.sharedStrings <= budget.sharedStrings)) return;
      const others = "sheet" in at && this.held > 0 ? `（连同已读入的其他工作表共 ${count(this.rows)} 行）` : "";
      throw new MemoryBudgetError(
        `${label} ${readPointWhere(at)}${others}已接近浏览器给本页面的内存上限（约 ${formatMegabytes(budget.heapLimit)}，约可检查 ` +
          `${count(budget.rows)} 行台账），再读下去页面会崩溃，因此停止读取。请按乡镇或村把台账拆成几个文件分别检查；` +
          `或在内存更大的电脑上检查，或用命令行 bangfu check（可给它更多内存）`,
      );
    };
  }

  /**
   * Before a summary is built from a check of `rows` rows (side ledgers included) and `findings`
   * findings. Not the reader's: the page's "too much data" failure at once.
   */
  assertSummary(label: string, sheet: string, rows: number, findings: number, withSides: boolean): void {
    const budget = this.budget;
    if (budget === null) return;
    const need = summaryBytes(rows, findings);
    if (need <= budget.heapLimit) return;
    throw new HostError(
      "payloadTooLarge",
      `${label} 的工作表“${sheet}”${withSides ? "（连同附表）" : ""}约 ${count(rows)} 行、${count(findings)} 条问题，生成汇总估计要用约 ${formatMegabytes(need)} 内存，` +
        `超过浏览器给本页面的内存上限（约 ${formatMegabytes(budget.heapLimit)}），继续会使页面崩溃，因此没有生成（检查结果不受影响）。` +
        `请按乡镇或村把台账拆成几个文件分别生成汇总；或在内存更大的电脑上生成，或用命令行 bangfu summary（可给它更多内存）`,
    );
  }
}

/** The page shows a stop at the budget as the host's "too much data" failure (Excel's pane says it of Excel). */
export function asHostError(error: unknown): unknown {
  return error instanceof MemoryBudgetError ? new HostError("payloadTooLarge", error.message) : error;
}
