/**
 * Formula text as Excel hands it to add-ins (English function names, comma separators): find the
 * BANGFU calls in it and replace them with native expressions (./native.ts), and move cell
 * references by whole rows and columns (filling a formula down a selection).
 */
import type { Policy } from "../policy";
import { assertFormulaLength, isNativeFunctionId, nativeExpression, NativeFormulaError, type NativeArgument } from "./native";

/**
 * A BANGFU call as typed (BANGFU.TIER), or as Excel stores and shows it while the add-in is not
 * registered: _xldudf_BANGFU_TIER (the namespace's dot becomes "_"; OfficeDev/office-js issues
 * #3558, #5611), possibly after an external-reference prefix [n]! (#2568).
 */
const CALL = /(?:\[\d+\]!)?(?:BANGFU\.|_xldudf_BANGFU_)([A-Z_][A-Z0-9_.]*)\s*\(/iy;

interface Call {
  readonly start: number;
  /** Index just after the closing parenthesis. */
  readonly end: number;
  readonly name: string;
  readonly args: string[];
}

/** Index after the string literal starting at `i` ("" escapes a quote). */
function skipString(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length) {
    if (text[j] === '"') {
      if (text[j + 1] === '"') j += 2;
      else return j + 1;
    } else j++;
  }
  throw new NativeFormulaError(`公式中的引号没有成对：${text}`);
}

/** The arguments of the call whose "(" is at `open`, and the index after its ")". */
function readArguments(text: string, open: number): { args: string[]; end: number } {
  const args: string[] = [];
  let depth = 0;
  let from = open + 1;
  let i = open + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      i = skipString(text, i);
      continue;
    }
    if (ch === "(" || ch === "{") depth++;
    else if (ch === ")" || ch === "}") {
      if (depth === 0) {
        args.push(text.slice(from, i));
        return { args: args.length === 1 && args[0].trim() === "" ? [] : args, end: i + 1 };
      }
      depth--;
    } else if (ch === "," && depth === 0) {
      args.push(text.slice(from, i));
      from = i + 1;
    }
    i++;
  }
  throw new NativeFormulaError(`公式中的括号没有成对：${text}`);
}

/** Top-level BANGFU calls of a formula (any of the forms of CALL), left to right (nested calls stay inside their arguments). */
function findCalls(text: string): Call[] {
  const calls: Call[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      i = skipString(text, i);
      continue;
    }
    CALL.lastIndex = i;
    const before = i === 0 ? "" : text[i - 1];
    // Not the tail of a longer name, nor a name qualified by some other workbook (Book.xlam!BANGFU.…).
    const m = /[A-Za-z0-9_.!\]]/.test(before) ? null : CALL.exec(text);
    if (m) {
      const open = i + m[0].length - 1;
      const { args, end } = readArguments(text, open);
      calls.push({ start: i, end, name: m[1].toUpperCase(), args });
      i = end;
      continue;
    }
    i++;
  }
  return calls;
}

export function hasBangfuCall(formula: unknown): boolean {
  return typeof formula === "string" && formula.startsWith("=") && findCalls(formula).length > 0;
}

const RANGE = /^((?:'[^']+'|[^!'(),]+)!)?(\$?)([A-Z]{1,3})(\$?)(\d+):(\$?)([A-Z]{1,3})(\$?)(\d+)$/i;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function columnLetters(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Rows × columns of a range argument ("R4:R120"), or null for anything else. */
function rangeShape(arg: string): { rows: number; columns: number } | null {
  const m = RANGE.exec(arg.trim());
  if (!m) return null;
  return { rows: Math.abs(Number(m[9]) - Number(m[5])) + 1, columns: Math.abs(columnNumber(m[7]) - columnNumber(m[3])) + 1 };
}

/**
 * The shape a formula's BANGFU calls spill to: null when no argument is a range (one cell), else
 * the common shape of the range arguments. Ranges of different shapes are refused, as the
 * functions refuse them.
 */
export function bangfuSpillShape(formula: string): { rows: number; columns: number } | null {
  let shape: { rows: number; columns: number } | null = null;
  const visit = (text: string) => {
    for (const call of findCalls(text)) {
      for (const arg of call.args) {
        const s = rangeShape(arg);
        if (s && !(s.rows === 1 && s.columns === 1)) {
          if (shape && (shape.rows !== s.rows || shape.columns !== s.columns))
            throw new NativeFormulaError(`公式中的区域参数大小不一致：${formula}`);
          shape = s;
        } else visit(arg);
      }
    }
  };
  visit(formula);
  return shape;
}

/** The cell of a range argument at (row, column) from its top left, keeping $ and the sheet. */
function cellOfRange(arg: string, row: number, column: number): string {
  const m = RANGE.exec(arg.trim());
  if (!m) return arg;
  const [, sheet = "", c$, c, r$, r] = m;
  return `${sheet}${c$}${columnLetters(columnNumber(c) + column)}${r$}${Number(r) + row}`;
}

/**
 * The formula with every BANGFU call replaced by its native expression under `policy`. For a
 * formula that spills (a range argument), `at` picks the cell of the spill area to write: range
 * arguments become their cell at that offset.
 */
export function convertBangfuFormula(formula: string, policy: Policy, at: { row: number; column: number } = { row: 0, column: 0 }): string {
  const convert = (text: string): string => {
    let out = "";
    let last = 0;
    for (const call of findCalls(text)) {
      if (!isNativeFunctionId(call.name)) throw new NativeFormulaError(`BANGFU.${call.name} 不是 BANGFU 的函数，无法转换`);
      const args: NativeArgument[] = call.args.map((arg) => {
        if (arg.trim() === "") return null;
        const shape = rangeShape(arg);
        if (shape && !(shape.rows === 1 && shape.columns === 1)) return cellOfRange(arg, at.row, at.column);
        return convert(arg);
      });
      out += text.slice(last, call.start) + `(${nativeExpression(call.name, args, policy)})`;
      last = call.end;
    }
    return out + text.slice(last);
  };
  const converted = convert(formula);
  // A whole-cell call needs no outer parentheses.
  return assertFormulaLength(converted.replace(/^=\((.*)\)$/s, (whole, inner: string) => (balanced(inner) ? `=${inner}` : whole)));
}

/** Parentheses outside strings balance (so that stripping an outer pair keeps the meaning). */
function balanced(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') {
      i = skipString(text, i) - 1;
      continue;
    }
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth < 0) return false;
  }
  return depth === 0;
}

const REFERENCE = /(?<![A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g;

/** Relative references moved by rows and columns ($-anchored parts stay); strings are left alone. */
export function shiftReferences(expression: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return expression;
  let out = "";
  let i = 0;
  while (i < expression.length) {
    const quote = expression.indexOf('"', i);
    const end = quote < 0 ? expression.length : quote;
    out += expression.slice(i, end).replace(REFERENCE, (_m, c$: string, c: string, r$: string, r: string) => {
      const column = c$ ? c : columnLetters(columnNumber(c) + columns);
      const row = r$ ? r : String(Number(r) + rows);
      return `${c$}${column}${r$}${row}`;
    });
    if (quote < 0) break;
    const after = skipString(expression, quote);
    out += expression.slice(quote, after);
    i = after;
  }
  return out;
}
