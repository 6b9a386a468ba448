import { InputError } from "../values";

/** What Excel hands a matrix parameter: rows of cell values, or nothing when an optional argument is left out. */
export type MatrixArgument = readonly (readonly unknown[])[] | null | undefined;

/** One cell of a result: a value, or an error shown only in that cell. */
export type CellResult<E> = string | number | E;

/**
 * Apply a per-cell computation across arguments that may each be a range.
 * Ranges must share one shape; a single cell (or a left-out argument) is used for every cell.
 * An InputError from one cell becomes that cell's error via `toCellError`; any other
 * exception is a fault in BANGFU and propagates, so it is never hidden as a cell value.
 */
export function cellwise<E>(
  args: readonly MatrixArgument[],
  compute: (cells: unknown[]) => string | number,
  toCellError: (error: InputError) => E,
): CellResult<E>[][] {
  const { rows, columns } = commonShape(args);
  const result: CellResult<E>[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: CellResult<E>[] = [];
    for (let c = 0; c < columns; c++) {
      const cells = args.map((arg) => cellAt(arg, r, c));
      try {
        row.push(compute(cells));
      } catch (error) {
        if (error instanceof InputError) row.push(toCellError(error));
        else throw error;
      }
    }
    result.push(row);
  }
  return result;
}

function isSingle(arg: MatrixArgument): boolean {
  return !arg || arg.length === 0 || (arg.length === 1 && arg[0].length <= 1);
}

function commonShape(args: readonly MatrixArgument[]): { rows: number; columns: number } {
  let shape: { rows: number; columns: number } | null = null;
  for (const arg of args) {
    if (!arg || isSingle(arg)) continue;
    const current = { rows: arg.length, columns: arg[0].length };
    if (shape && (shape.rows !== current.rows || shape.columns !== current.columns)) {
      throw new InputError(`参数区域大小不一致：${shape.rows}行×${shape.columns}列 与 ${current.rows}行×${current.columns}列`);
    }
    shape = current;
  }
  return shape ?? { rows: 1, columns: 1 };
}

function cellAt(arg: MatrixArgument, row: number, column: number): unknown {
  if (!arg || arg.length === 0) return null;
  if (isSingle(arg)) return arg[0][0] ?? null;
  return arg[row][column];
}
