import { InputError, quote } from "./errors";
import { AGE_LIMIT, AMOUNT_LIMIT, AMOUNT_LIMIT_TEXT, MAX_HOUSEHOLD_SIZE } from "./limits";
import { compactText, isBlank } from "./text";

const CHINESE_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

// Optional sign, digits with or without correct thousands grouping, decimals,
// optional 万/亿 multiplier. "1.2万", "12,345.60", "-300".
const AMOUNT = /^([+-])?((?:\d{1,3}(?:,\d{3})+)|\d+)?(\.\d+)?(万|亿)?$/;

/**
 * Read a number the lenient way a ledger needs: numbers stored as text,
 * thousands separators, full-width digits, a currency sign or trailing 元,
 * and 万/亿 multipliers. Blank gives null ("no value").
 * Anything else throws an InputError naming the value and what it was meant to be; so does
 * a number whose absolute value reaches AMOUNT_LIMIT (a 400-digit text is not ∞).
 */
export function parseAmount(value: unknown, what: string, examples = "12000、1.2万、12,000.50"): number | null {
  if (isBlank(value)) return null;
  if (typeof value === "number") {
    if (Number.isFinite(value)) return withinLimit(value, value, what);
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
    throw new InputError(`无法把${quote(value)}识别为${what}（应为数字，如 ${examples}）`);
  }
  const [, sign, whole = "0", fraction = "", unit] = match;
  let number = Number(`${whole.replace(/,/g, "")}${fraction}`);
  if (unit) number = roundToPrecision(number * CHINESE_UNITS[unit]);
  return withinLimit(sign === "-" ? -number : number, value, what);
}

function withinLimit(number: number, original: unknown, what: string): number {
  if (Math.abs(number) < AMOUNT_LIMIT) return number;
  throw new InputError(`${what}${quote(original)}超出可计算范围：绝对值应小于${AMOUNT_LIMIT_TEXT}，请核对是否录错或放错了列`);
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
  // A count or an age: amounts (1.2万, 12,000.50) are no example of one.
  const number = parseAmount(value, what, "3、12");
  if (number === null) return null;
  if (!Number.isInteger(number)) {
    throw new InputError(`${what}应为整数：${quote(value)}`);
  }
  return number;
}

/** 家庭人口数: a whole number from 1 to MAX_HOUSEHOLD_SIZE. Blank gives null. */
export function parseHouseholdSize(value: unknown, what: string): number | null {
  const size = parseWholeNumber(value, what);
  if (size === null) return null;
  if (size <= 0) throw new InputError(`${what}应大于0：${quote(value)}`);
  if (size > MAX_HOUSEHOLD_SIZE)
    throw new InputError(`${what}${quote(value)}不合常理：一户最多按${MAX_HOUSEHOLD_SIZE}人计，请核对是否录错或放错了列`);
  return size;
}

/** An age in full years (周岁): a whole number from 0 to below AGE_LIMIT. Blank gives null. */
export function parseAgeInYears(value: unknown, what: string): number | null {
  const age = parseWholeNumber(value, what);
  if (age === null) return null;
  if (age < 0) throw new InputError(`${what}不能为负数：${quote(value)}`);
  if (age >= AGE_LIMIT) throw new InputError(`${what}${quote(value)}不合常理：应小于${AGE_LIMIT}岁，请核对是否录错`);
  return age;
}

/** Remove binary floating-point noise (1.2 × 10000 = 11999.999…) by rounding to 12 significant digits. */
export function roundToPrecision(value: number): number {
  return Number(value.toPrecision(12));
}

/**
 * Round yuan to the fen (two decimals), half away from zero, immune to floating-point noise.
 * The noise is removed at 15 significant digits (not roundToPrecision's 12), so the fen stay
 * exact for amounts up to 10^13 yuan: 12 digits dropped the fen of amounts above 10^10 yuan.
 */
export function roundToFen(yuan: number): number {
  const x = Math.abs(yuan * 100);
  // Noise at the 15th significant digit can only tip a value lying next to a half cent; below a
  // billion cents it moves x by less than 0.001, so elsewhere Math.round decides alone (and fast).
  const cents =
    x < 1e9 && Math.abs(x - Math.floor(x) - 0.5) > 1e-3 ? Math.round(x) : Math.round(Math.abs(Number((yuan * 100).toPrecision(15))));
  const rounded = cents / 100;
  return yuan < 0 && rounded !== 0 ? -rounded : rounded;
}

const CHINESE_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  壹: 1,
  一: 1,
  贰: 2,
  二: 2,
  两: 2,
  叁: 3,
  三: 3,
  肆: 4,
  四: 4,
  伍: 5,
  五: 5,
  陆: 6,
  六: 6,
  柒: 7,
  七: 7,
  捌: 8,
  八: 8,
  玖: 9,
  九: 9,
};
const CHINESE_SMALL_UNITS: Record<string, number> = { 拾: 10, 十: 10, 佰: 100, 百: 100, 仟: 1000, 千: 1000 };
const CHINESE_BIG_UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8 };
/** The financial forms (大写): only a text that uses one of them is read as a Chinese numeral. */
const FINANCIAL = /[壹贰叁肆伍陆柒捌玖拾佰仟]/;

/**
 * A whole amount written in Chinese numerals, as a receipt writes it (财务大写): 壹万贰仟 → 12000,
 * 叁仟零伍拾元整 → 3050. Only texts using the financial forms are read; null for anything else
 * (so 三 alone, or a name, is never taken for a number).
 */
export function parseChineseAmount(value: unknown): number | null {
  if (typeof value !== "string") return null;
  const text = compactText(value).replace(/(元|圆)整?$|整$/, "");
  if (text === "" || !FINANCIAL.test(text)) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in CHINESE_DIGITS) {
      if (digit !== null && digit !== 0 && CHINESE_DIGITS[ch] !== 0) return null; // two digits in a row: not a numeral
      digit = CHINESE_DIGITS[ch];
    } else if (ch in CHINESE_SMALL_UNITS) {
      section += (digit ?? 1) * CHINESE_SMALL_UNITS[ch];
      digit = null;
    } else if (ch in CHINESE_BIG_UNITS) {
      // 亿 scales all before it; 万 only the section since the last big unit (壹亿贰万 = 100020000).
      if (CHINESE_BIG_UNITS[ch] === 1e8) total = (total + section + (digit ?? 0)) * 1e8;
      else total += (section + (digit ?? 0)) * 1e4;
      section = 0;
      digit = null;
    } else {
      return null;
    }
  }
  const number = total + section + (digit ?? 0);
  return Number.isFinite(number) && number < AMOUNT_LIMIT ? number : null;
}
