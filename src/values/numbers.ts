import { InputError, quote } from "./errors";
import { compactText, isBlank } from "./text";

const CHINESE_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

// Optional sign, digits with or without correct thousands grouping, decimals,
// optional 万/亿 multiplier. "1.2万", "12,345.60", "-300".
const AMOUNT = /^([+-])?((?:\d{1,3}(?:,\d{3})+)|\d+)?(\.\d+)?(万|亿)?$/;

/**
 * Read a number the lenient way a ledger needs: numbers stored as text,
 * thousands separators, full-width digits, a currency sign or trailing 元,
 * and 万/亿 multipliers. Blank gives null ("no value").
 * Anything else throws an InputError naming the value and what it was meant to be.
 */
export function parseAmount(value: unknown, what: string): number | null {
  if (isBlank(value)) return null;
  if (typeof value === "number") {
    if (Number.isFinite(value)) return value;
    throw new InputError(`${what}不是有效数字：${quote(value)}`);
  }
  if (typeof value !== "string") {
    throw new InputError(`${what}应为数字，收到的是${quote(value)}`);
  }
  const text = compactText(value)
    .replace(/，/g, ",")
    // A currency sign before or after the minus sign: ¥-300, -¥300.
    .replace(/^([+-]?)[¥￥]/, "$1")
    .replace(/元$/, "");
  const match = AMOUNT.exec(text);
  if (!match || (match[2] === undefined && match[3] === undefined)) {
    throw new InputError(`无法把${quote(value)}识别为${what}（应为数字，如 12000、1.2万、12,000.50）`);
  }
  const [, sign, whole = "0", fraction = "", unit] = match;
  let number = Number(`${whole.replace(/,/g, "")}${fraction}`);
  if (unit) number = roundToPrecision(number * CHINESE_UNITS[unit]);
  return sign === "-" ? -number : number;
}

/** Like parseAmount, but also reads a percentage ("30%" → 0.3). */
export function parseRate(value: unknown, what: string): number | null {
  if (typeof value === "string") {
    const text = compactText(value);
    if (/%$/.test(text)) {
      const number = parseAmount(text.slice(0, -1), what);
      return number === null ? null : roundToPrecision(number / 100);
    }
  }
  return parseAmount(value, what);
}

/** A whole number, e.g. a household size or an age. */
export function parseWholeNumber(value: unknown, what: string): number | null {
  const number = parseAmount(value, what);
  if (number === null) return null;
  if (!Number.isInteger(number)) {
    throw new InputError(`${what}应为整数：${quote(value)}`);
  }
  return number;
}

/** Remove binary floating-point noise (1.2 × 10000 = 11999.999…) by rounding to 12 significant digits. */
export function roundToPrecision(value: number): number {
  return Number(value.toPrecision(12));
}

/** Round yuan to the fen (two decimals), half away from zero, immune to floating-point noise. */
export function roundToFen(yuan: number): number {
  const x = Math.abs(yuan * 100);
  // Noise at the 12th significant digit can only tip a value lying next to a half cent; below a
  // billion cents it moves x by less than 0.001, so elsewhere Math.round decides alone (and fast).
  const cents = x < 1e9 && Math.abs(x - Math.floor(x) - 0.5) > 1e-3 ? Math.round(x) : Math.round(Math.abs(roundToPrecision(yuan * 100)));
  const rounded = cents / 100;
  return yuan < 0 && rounded !== 0 ? -rounded : rounded;
}
