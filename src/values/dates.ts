import { InputError, quote } from "./errors";
import { EARLIEST_BIRTH_YEAR } from "./limits";
import { compactText, isBlank, toHalfWidth } from "./text";

/**
 * A calendar date without time or time zone. Ledger dates are civil dates;
 * carrying them as JS Dates invites off-by-one-day errors across time zones.
 */
export interface CivilDate {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number; // 1–31
}

const MS_PER_DAY = 86_400_000;
// Excel's day 0 is 1899-12-30 once the fictitious 1900-02-29 (serial 60) is skipped.
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** The years a date may fall in: wider than any ledger needs, narrow enough to catch a typo. */
const FIRST_YEAR = 1800;
const LAST_YEAR = 2200;

export function isValidCivilDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  if (Number.isInteger(month) && month >= 1 && month <= 12) return MONTH_DAYS[month - 1];
  return new Date(Date.UTC(year, month, 0)).getUTCDate(); // a month outside 1–12 rolls over, as Date does
}

export function civilDate(year: number, month: number, day: number): CivilDate {
  if (!isValidCivilDate(year, month, day)) {
    throw new InputError(`日期不存在：${year}年${month}月${day}日`);
  }
  return { year, month, day };
}

/**
 * A workbook in the 1904 date system (old Excel for Mac workbooks; a workbook option) counts its
 * serial numbers from 1904-01-01: its serial + DAYS_1904_TO_1900 is the same day in the 1900
 * system that Excel for Windows, WPS and LibreOffice use by default.
 */
export const DAYS_1904_TO_1900 = 1462;

export function fromExcelSerial(serial: number, date1904 = false): CivilDate {
  const whole = Math.floor(date1904 ? serial + DAYS_1904_TO_1900 : serial);
  // Serials below 61 sit before Excel's phantom leap day and are one day off.
  const days = whole < 61 ? whole + 1 : whole;
  return utcDay(new Date(EXCEL_EPOCH_UTC + days * MS_PER_DAY));
}

function utcDay(date: Date): CivilDate {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The serial number a cell holds for the date, in the 1900 system or (date1904) the 1904 one. */
export function toExcelSerial(date: CivilDate, date1904 = false): number {
  const days = Math.round((Date.UTC(date.year, date.month - 1, date.day) - EXCEL_EPOCH_UTC) / MS_PER_DAY);
  if (date1904) return days - DAYS_1904_TO_1900;
  return days < 61 ? days - 1 : days;
}

const LAST_SERIAL = toExcelSerial({ year: LAST_YEAR, month: 12, day: 31 });

export function fromJsDate(date: Date): CivilDate {
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}

/** Today and the span of clock time it lasts (local midnight to midnight). */
let current: { readonly date: CivilDate; readonly from: number; readonly until: number } | null = null;

/**
 * Today's date on this computer's clock. Called once per ID number or age cell (a range of
 * 100,000 cells, a ledger of a million rows): the date is kept until the clock leaves its day,
 * so a runtime left open past midnight still moves on to the next day.
 */
export function today(): CivilDate {
  const now = Date.now();
  if (current === null || now < current.from || now >= current.until) {
    const date = fromJsDate(new Date(now));
    current = {
      date,
      from: new Date(date.year, date.month - 1, date.day).getTime(),
      until: new Date(date.year, date.month - 1, date.day + 1).getTime(),
    };
  }
  return current.date;
}

export function compareDates(a: CivilDate, b: CivilDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function formatDate(date: CivilDate): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** The same day `months` months earlier, clamped to the month's last day (03-31 minus 1 month → 02-28). */
export function subtractMonths(date: CivilDate, months: number): CivilDate {
  const index = date.year * 12 + (date.month - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/**
 * Age in full years (周岁) on `asOf`: the years completed, the birthday itself counting.
 * Someone born on 29 February completes a year on 1 March in a common year.
 */
export function fullYearsBetween(birth: CivilDate, asOf: CivilDate): number {
  let years = asOf.year - birth.year;
  if (asOf.month < birth.month || (asOf.month === birth.month && asOf.day < birth.day)) years -= 1;
  return years;
}

/**
 * Why a birth date cannot be a living person's (before EARLIEST_BIRTH_YEAR, or after today), or null.
 * `now` is today unless a caller fixes it.
 */
export function birthDateProblem(birth: CivilDate, now: CivilDate = today()): string | null {
  if (birth.year < EARLIEST_BIRTH_YEAR) return `出生日期${formatDate(birth)}早于${EARLIEST_BIRTH_YEAR}年`;
  if (compareDates(birth, now) > 0) return `出生日期${formatDate(birth)}晚于今天（${formatDate(now)}）`;
  return null;
}

/** A birth-date cell: throws an InputError when birthDateProblem finds one. */
export function assertBirthDate(birth: CivilDate, original: unknown, what: string, now: CivilDate = today()): void {
  const problem = birthDateProblem(birth, now);
  if (problem) throw new InputError(`${what}${quote(original)}不可能：${problem}，请核对`);
}

export interface DateReadOptions {
  /** For a year-month value such as 202305: take the month's first or last day. */
  monthOnly?: "start" | "end";
  /** A serial number counts from 1904 (the workbook's date system, as Office and WPS report it). */
  date1904?: boolean;
}

/**
 * Read a date as ledgers hold it: an Excel serial, a JS Date, or text in the forms
 * 2023-05-06, 2023/5/6, 2023.5.6, 2023年5月6日, 20230506, and year-month 202305 / 2023-05 / 2023年5月;
 * a time of day after the date is passed over, and an instant with its UTC offset is read as its date in China.
 * Blank gives null; anything else throws an InputError naming the value.
 */
export function parseDate(value: unknown, what: string, options: DateReadOptions = {}): CivilDate | null {
  if (isBlank(value)) return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new InputError(`${what}不是有效日期`);
    // exceljs hands dates over as UTC midnight.
    return dayInRange(value, value, what);
  }
  if (typeof value === "number") {
    // 20230506 and 202305 typed as numbers are dates written out, not serials.
    if (Number.isInteger(value) && ((value >= 180001 && value <= 220012) || (value >= 18000101 && value <= 22001231))) {
      return parseDateText(String(value), value, what, options);
    }
    // Serial 1 is 1900-01-01 (in the 1904 system: 1904-01-02); the last serial taken is that of LAST_YEAR's 31 December.
    const serial = options.date1904 ? value + DAYS_1904_TO_1900 : value;
    if (!Number.isFinite(serial) || serial < 1 || serial >= LAST_SERIAL + 1) {
      throw new InputError(`${what}不是有效日期：${quote(value)}`);
    }
    return fromExcelSerial(serial);
  }
  if (typeof value !== "string") throw new InputError(`${what}应为日期，收到的是${quote(value)}`);
  const text = toHalfWidth(value).trim();
  const instant = INSTANT.exec(text);
  if (instant) return chinaDateOf(instant, value, what);
  // Exports often carry a time of day after the date (2025-12-01 00:00:00, 2025-12-01T08:30): the day is what counts.
  return parseDateText(compactText(text.replace(TIME_OF_DAY, "")), value, what, options);
}

const TIME_OF_DAY = /(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/**
 * An instant with its offset from UTC (2025-11-30T16:00:00.000Z, 2025-12-01T00:00:00+08:00), as
 * web systems export a date they keep as a moment (JavaScript's toISOString of Beijing's midnight
 * is 16:00 Z the day before).
 */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
/** China Standard Time, the plan's and the ledgers' clock: UTC+8 all year (no daylight saving). */
const CHINA_UTC_OFFSET_MINUTES = 8 * 60;

/** The date in China of an instant matched by INSTANT. */
function chinaDateOf(m: RegExpExecArray, original: string, what: string): CivilDate {
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
  if (!isValidCivilDate(year, month, day) || hour > 23 || minute > 59 || second > 59)
    throw new InputError(`${what}${quote(original)}不是存在的时间`);
  const zone = m[7];
  const offset = zone === "Z" ? 0 : (zone[0] === "-" ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  const utcMinutes = Date.UTC(year, month - 1, day, hour, minute, second) / 60_000 - offset;
  return dayInRange(new Date((utcMinutes + CHINA_UTC_OFFSET_MINUTES) * 60_000), original, what);
}

/** The day of a Date's UTC fields, within the years taken; else an InputError naming the value as written. */
function dayInRange(date: Date, original: unknown, what: string): CivilDate {
  const day = utcDay(date);
  if (!isValidCivilDate(day.year, day.month, day.day))
    throw new InputError(`${what}${quote(original)}超出可用范围（${FIRST_YEAR}—${LAST_YEAR}年）`);
  return day;
}

function parseDateText(text: string, original: unknown, what: string, options: DateReadOptions): CivilDate {
  const bad = () => new InputError(`无法把${quote(original)}识别为${what}（可写作 2023-05-06、2023年5月6日 或 20230506）`);
  // 号 is the spoken 日 (2025年5月6号), as common in hand-typed ledgers.
  let match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (!isValidCivilDate(y, m, d)) throw new InputError(`${what}${quote(original)}不是存在的日期`);
    return { year: y, month: m, day: d };
  }
  match = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(text) ?? /^(\d{4})(\d{2})$/.exec(text);
  if (match) {
    const [y, m] = [Number(match[1]), Number(match[2])];
    if (!isValidCivilDate(y, m, 1)) throw new InputError(`${what}${quote(original)}不是存在的月份`);
    const day = options.monthOnly === "end" ? daysInMonth(y, m) : 1;
    return { year: y, month: m, day };
  }
  // "2023" alone is a year, not serial 2023 (1905-07-15).
  if (/^(19|20)\d{2}$/.test(text)) throw new InputError(`${what}${quote(original)}只有年份，请写出完整日期，如 ${text}-12-31`);
  if (/^\d+(\.\d+)?$/.test(text)) return parseDate(Number(text), what, options) as CivilDate;
  throw bad();
}
