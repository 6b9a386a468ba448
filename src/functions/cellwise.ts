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
  // One array of arguments, refilled for each cell (a range of 100,000 cells makes no 100,000 arrays);
  // a single cell or a left-out argument is looked up once.
  const single = args.map(isSingle);
  const singleValue = args.map((arg) => cellAt(arg, 0, 0));
  const cells: unknown[] = new Array(args.length);
  const result: CellResult<E>[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const row: CellResult<E>[] = new Array(columns);
    for (let c = 0; c < columns; c++) {
      for (let k = 0; k < args.length; k++) cells[k] = single[k] ? singleValue[k] : (args[k] as readonly (readonly unknown[])[])[r][c];
      try {
        row[c] = compute(cells);
      } catch (error) {
        if (error instanceof InputError) row[c] = toCellError(error);
        else throw error;
      }
    }
    result[r] = row;
  }
  return result;
}

/**
 * A function of one or two cell values that remembers its last result: the argument given as a
 * single cell (a threshold, a date) is then read once per call, not once per cell of the range.
 * A value that throws is not remembered (it throws again for the next cell). Two fixed
 * parameters rather than a rest parameter: no array is made per cell.
 */
export function rememberLast<R>(fn: (first: unknown, second: unknown) => R): (first: unknown, second?: unknown) => R {
  let remembered = false;
  let lastFirst: unknown;
  let lastSecond: unknown;
  let result: R;
  return (first: unknown, second?: unknown): R => {
    if (remembered && first === lastFirst && second === lastSecond) return result;
    result = fn(first, second);
    lastFirst = first;
    lastSecond = second;
    remembered = true;
    return result;
  };
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
