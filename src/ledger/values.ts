/**
 * How a ledger cell is read into a field value, per FieldType. Numbers, dates, ID numbers
 * and disability grades go through src/values; the flags and labels typical of ledgers are read here.
 */
import { parseTierLabel, requireTierLabel } from "../formulas";
import {
  assertBirthDate,
  compactText,
  formatDate,
  IdNumberError,
  InputError,
  isBlank,
  parseAmount,
  parseDate,
  parseDisabilityGrade,
  parseResidentId,
  parseAgeInYears,
  parseChineseAmount,
  parseHouseholdSize,
  parseWholeNumber,
  quote,
  formatYuan,
  toHalfWidth,
} from "../values";
import type { DisabilityGrade } from "../values";
import { FIELDS, FieldKey, FieldType } from "./fields";
import type { FieldValue, FieldValues, LaborAbility } from "./model";

/**
 * A cell value reduced to a plain value. Hosts should hand over plain values already;
 * exceljs-style objects (formula results, rich text, hyperlinks) are unwrapped in case they do not.
 */
export function plainValue(value: unknown): unknown {
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  const v = value as Record<string, unknown>;
  if ("result" in v) return plainValue(v.result);
  if (Array.isArray(v.richText)) return v.richText.map((part) => String((part as { text?: unknown }).text ?? "")).join("");
  if ("text" in v) return plainValue(v.text);
  if ("error" in v) return String(v.error);
  return value;
}

/** Text as a ledger cell shows it, half-width and trimmed. */
export function cellText(value: unknown): string {
  const v = plainValue(value);
  if (v === null || v === undefined) return "";
  if (v instanceof Date)
    return Number.isNaN(v.getTime()) ? "" : formatDate({ year: v.getUTCFullYear(), month: v.getUTCMonth() + 1, day: v.getUTCDate() });
  return toHalfWidth(String(v)).trim();
}

const YES = new Set([
  "是",
  "√",
  "✓",
  "✔",
  "☑",
  "y",
  "yes",
  "1",
  "有",
  "已",
  "对",
  "true",
  "已参保",
  "参保",
  "已参加",
  "参加",
  "已享受",
  "享受",
  "已购买",
  "购买",
  "已办理",
  "已还清",
  "还清",
  "已结清",
  "结清",
  "已领取",
  "领取",
  // An insurance column's 缴费 (paid for the year is taking part).
  "已缴费",
  "已缴",
  "缴费",
]);
const NO = new Set([
  "否",
  "×",
  "✗",
  "✘",
  "☒",
  "x",
  "n",
  "no",
  "0",
  "无",
  "没有",
  "未",
  "不",
  "false",
  "未参保",
  "不参保",
  "未参加",
  "不参加",
  "未享受",
  "不享受",
  "未购买",
  "未办理",
  "未还清",
  "未结清",
  "未领取",
  "不领取",
  "未缴费",
  "未缴",
  "不缴费",
  "不是",
]);

/** 是/否 and the usual variants, without throwing: null for blank, undefined for anything else. */
function yesNoOf(v: unknown): boolean | null | undefined {
  if (isBlank(v)) return null;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") {
    if (v === 1) return true;
    if (v === 0) return false;
  }
  const text = compactText(v).toLowerCase();
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return undefined;
}

/** 是/否 and the usual variants (√ ×, Y N, 1 0, 有 无, 已参保 未参保 …). Blank gives null. */
export function parseYesNo(value: unknown, what: string): boolean | null {
  const v = plainValue(value);
  const read = yesNoOf(v);
  if (read === undefined) throw new InputError(`无法把${quote(v)}识别为${what}（应为 是 或 否，也可写 √、×、1、0）`);
  return read;
}

/**
 * A coverage column (享受低保政策情况): 是/否, or text naming what is enjoyed.
 * Text that negates (否, 未…, 无, 不…) is false; any other text (农村低保, 城市低保) is true.
 */
export function parseCoverage(value: unknown): boolean | null {
  const v = plainValue(value);
  if (isBlank(v)) return null;
  if (typeof v === "number") return v > 0; // an amount received counts as covered
  const read = yesNoOf(v);
  if (read !== undefined) return read;
  const text = compactText(v);
  // 已退出低保, 已取消, 停发, 已注销: no longer covered.
  if (/[否未无不非]|退出|取消|停发|停保|注销|终止/.test(text) || isNoMarker(text)) return false;
  return true;
}

const ABLE = new Set(["技能劳动力", "普通劳动力", "有劳动力", "有劳动能力", "有", "整劳动力", "全劳动力"]);
const WEAK = new Set(["弱劳动力或半劳动力", "半劳动力", "弱劳动力", "部分丧失劳动能力", "部分丧失劳动力"]);
const UNABLE = new Set(["丧失劳动力", "无劳动力", "丧失劳动能力", "无劳动能力", "无"]);
/** Spellings of templates that are taken for the right word, with a note (allpeople.xlsx lists 若劳动力或半劳动力). */
const LABOR_MISSPELLINGS: ReadonlyMap<string, LaborAbility> = new Map([
  ["若劳动力或半劳动力", "weak"],
  ["弱劳动力或伴劳动力", "weak"],
]);

/**
 * 劳动技能, as the national system counts labour: 技能劳动力 and 普通劳动力 are able; 弱劳动力或半劳动力
 * is labour too, of less ability ("weak"); 丧失劳动力 and 无劳动力 are without labour.
 */
export function parseLabor(value: unknown, what: string): LaborAbility | null {
  const v = plainValue(value);
  if (isBlank(v)) return null;
  const text = compactText(v);
  if (ABLE.has(text)) return "able";
  if (WEAK.has(text)) return "weak";
  if (UNABLE.has(text)) return "unable";
  throw new InputError(`无法把${quote(v)}识别为${what}（应为 技能劳动力、普通劳动力、弱劳动力或半劳动力、丧失劳动力 或 无劳动力）`);
}

/** Labour of a person with a labour column: 技能/普通 and 弱/半劳动力 are labour (national rules: "家中有劳动力（含弱半）"). */
export function isLabour(ability: LaborAbility | undefined): boolean {
  return ability === "able" || ability === "weak";
}

/**
 * The disability grade in a 残疾人证号: the 18-character ID number, a digit for the category
 * (1 视力 … 7 多重) and one for the grade (1–4), sometimes two characters more for a re-issued
 * card. Null for anything else.
 */
export function disabilityCardGrade(value: unknown): DisabilityGrade | null {
  if (typeof value !== "string" || value.length < 20) return null;
  const m = /^\d{17}[\dXx]([1-7])([1-4])(?:[0-9A-Za-z]{2})?$/.exec(compactText(value));
  return m ? (Number(m[2]) as DisabilityGrade) : null;
}

const NOT_STUDENT =
  /^(否|无|不是|非学生|非在校生?|不在校(生)?|未在校|未上学|不上学|0|n|no|false|×)$|毕业|辍学|肄业|失学|未入学|学龄前|非在校|不在校/i;
const STUDENT =
  /^(是|在校|在校生|学生|在读|1|y|yes|true|√)$|学前|幼儿园|小学|初中|高中|中学|中职|中专|技校|技工|职高|高职|大专|专科|本科|大学|学院|学校|研究生|硕士|博士|特殊教育|[一二三四五六七八九]年级|在读|在校/i;

/** 在校生状况: 非在校生 / 否 are not students; 是, 在校生, or a school or grade (小学, 初中, 本科 …) are. */
export function parseStudent(value: unknown, what: string): boolean | null {
  const v = plainValue(value);
  if (isBlank(v)) return null;
  if (typeof v === "boolean") return v;
  const text = compactText(v);
  if (NOT_STUDENT.test(text)) return false;
  if (STUDENT.test(text)) return true;
  throw new InputError(`无法把${quote(v)}识别为${what}（应为 非在校生、在校生，或学段如 小学、初中、高中、中职、本科）`);
}

/** A mark meaning "not applied" in a measure-kind column: 否, 无, 0, ×, N, or a dash. */
export function isNoMarker(value: unknown): boolean {
  const v = plainValue(value);
  if (isBlank(v)) return true;
  if (v === false || v === 0) return true;
  return /^(否|无|没有|未|0|×|x|n|no|false|\/|-+|—+|－)$/i.test(compactText(v));
}

/** The parts of a free-text measures cell: split on ，,、;；/ and line breaks; "no" marks dropped. */
export function splitMeasures(value: unknown): string[] {
  const text = cellText(value);
  const parts: string[] = [];
  for (const raw of text.split(/[，,、;；/\r\n]+/)) {
    const part = raw.trim();
    if (part !== "" && !isNoMarker(part) && !parts.includes(part)) parts.push(part);
  }
  return parts;
}

/** Outcome of reading one cell: blank, a value, or why it cannot be used. */
export type CellReading<K extends FieldKey> =
  | { readonly status: "blank" }
  | { readonly status: "ok"; readonly value: FieldValue<K>; readonly note?: string }
  | { readonly status: "problem"; readonly kind: "idNumber" | "unreadable"; readonly message: string };

const BLANK = { status: "blank" } as const;

/**
 * What a hand-kept form writes in a cell that has nothing to say: a dash, a slash, 无, 没有, 暂无.
 * For an amount, a count, a date, a name or a tier that is an empty cell (a 帮扶责任人 of “无” is no
 * cadre, a 最近走访日期 of “/” no visit), not a value to report as unreadable; in a yes/no column
 * a dash or a slash is an empty cell (不详), while 无 there means 否. Coverage and labour columns read
 * these in their own sense (无 = 无劳动力); ID numbers stay required, so “/” there is reported, and
 * the keys that tell households apart are kept as written.
 */
// Dashes of every width (hyphen, en and em dash, horizontal bar, full-width) and slashes either way (a backslash typed for “/”).
const DASH_CHARACTERS = "\\-/\\\\—–―－／＼";
const DASHES = new RegExp(`^[${DASH_CHARACTERS}]+$`);
const NOTHING_WRITTEN_MAX_LENGTH = 8;
const NOTHING_WRITTEN_MARK = new RegExp(`[${DASH_CHARACTERS}无没暂]`);
const NONE_WORDS = /^(?:无|没有|暂无)$/;
const NOTHING_WRITTEN_TYPES: ReadonlySet<FieldType> = new Set(["amount", "integer", "date", "text", "tier"]);
const KEPT_AS_WRITTEN: ReadonlySet<FieldKey> = new Set(["householdId", "personNo", "headPersonNo", "headName"]);

/** How a field's column reads a cell that says nothing, as the column documentation says it; null where it is read as written. */
export function nothingWrittenText(field: FieldKey): string | null {
  if (KEPT_AS_WRITTEN.has(field)) return null;
  const type = FIELDS[field].type;
  if (NOTHING_WRITTEN_TYPES.has(type)) return "只写“-”“/”“无”“没有”“暂无”的单元格视为空白";
  if (type === "yesNo") return "只写“-”“/”的单元格视为空白（不详）";
  return null;
}

function isNothingWritten(field: FieldKey, value: unknown): boolean {
  // Such a cell is short once its padding is trimmed and holds one of the marks: other text (names, IDs, amounts, dates) is
  // settled without compacting it.
  if (
    typeof value !== "string" ||
    (value.length > NOTHING_WRITTEN_MAX_LENGTH && value.trim().length > NOTHING_WRITTEN_MAX_LENGTH) ||
    !NOTHING_WRITTEN_MARK.test(value) ||
    KEPT_AS_WRITTEN.has(field)
  )
    return false;
  const type = FIELDS[field].type;
  const text = compactText(value);
  if (DASHES.test(text)) return NOTHING_WRITTEN_TYPES.has(type) || type === "yesNo";
  return NOTHING_WRITTEN_TYPES.has(type) && NONE_WORDS.test(text);
}

/**
 * Read a cell for a field, by the field's type. Never throws for a bad value: the problem is returned.
 * `date1904`: the sheet's serial numbers count from 1904 (see SheetInput.date1904).
 */
export function readFieldCell<K extends FieldKey>(field: K, raw: unknown, date1904 = false): CellReading<K> {
  const value = plainValue(raw);
  if (isBlank(value)) return BLANK;
  const def = FIELDS[field];
  if (isNothingWritten(field, value)) return BLANK;
  try {
    const read = readByType(def.type, value, def.label, field, date1904);
    if (read === null) return BLANK;
    return { status: "ok", value: read as FieldValue<K> };
  } catch (error) {
    if (error instanceof IdNumberError) return { status: "problem", kind: "idNumber", message: error.message };
    if (error instanceof InputError)
      return readWithNote(def.type, value, def.label) ?? { status: "problem", kind: "unreadable", message: error.message };
    throw error;
  }
}

/**
 * A value not written the usual way that is still certain: a template's own misspelling of a
 * labour word, an amount in financial numerals (壹万贰仟). Read, with a note saying how.
 */
function readWithNote<K extends FieldKey>(type: FieldType, value: unknown, what: string): CellReading<K> | null {
  if (type === "labor") {
    const ability = LABOR_MISSPELLINGS.get(compactText(value));
    if (ability === undefined) return null;
    return { status: "ok", value: ability as FieldValue<K>, note: `${what}${quote(value)}按“弱劳动力或半劳动力”读取（疑为笔误），请更正` };
  }
  if (type === "amount") {
    const amount = parseChineseAmount(value);
    if (amount === null) return null;
    return {
      status: "ok",
      value: amount as FieldValue<K>,
      note: `${what}${quote(value)}是大写数字，按${formatYuan(amount)}读取；请改写为阿拉伯数字`,
    };
  }
  return null;
}

const PERSONS_UNIT = /(口人|人|口)$/;

/** A whole number with its unit after it (3人) as the number alone; anything else as written, for its message. */
function withoutUnit(value: unknown, unit: RegExp): unknown {
  if (typeof value !== "string") return value;
  const number = compactText(value).replace(unit, "");
  return /^\d+$/.test(number) ? number : value;
}

function readByType(type: FieldType, value: unknown, what: string, field: FieldKey, date1904: boolean): unknown {
  switch (type) {
    case "text":
      return cellText(value) || null;
    case "idNumber": {
      // A 残疾人证号 (ID number + category + grade) in the ID column: the person's ID is its first 18 characters.
      const text = typeof value === "string" ? value.trim() : value;
      return parseResidentId(disabilityCardGrade(text) !== null ? (text as string).trim().slice(0, 18) : text).number;
    }
    case "integer": {
      // A household has 1 to MAX_HOUSEHOLD_SIZE members; an age is 0 (an infant) to below AGE_LIMIT.
      // The unit a hand-kept ledger writes after the number (3人, 4口人, 65岁) says what the column says.
      if (field === "householdSize") return parseHouseholdSize(withoutUnit(value, PERSONS_UNIT), what);
      if (field === "age") return parseAgeInYears(withoutUnit(value, /(周岁|岁)$/), what);
      const number = parseWholeNumber(field === "currentHouseholdSize" ? withoutUnit(value, PERSONS_UNIT) : value, what);
      if (number !== null && number < 0) throw new InputError(`${what}不能为负数：${quote(value)}`);
      return number;
    }
    case "amount":
      return parseAmount(value, what);
    case "date": {
      // A month-only contact date (202305) means "some time that month": its last day is the kindest reading.
      const date = parseDate(value, what, { monthOnly: field === "lastContactDate" ? "end" : "start", date1904 });
      if (date !== null && field === "birthDate") assertBirthDate(date, value, what);
      return date;
    }
    case "yesNo":
      return parseYesNo(value, what);
    case "coverage":
      return parseCoverage(value);
    case "disability":
      return parseDisabilityGrade(value);
    case "labor":
      return parseLabor(value, what);
    case "student":
      return parseStudent(value, what);
    case "tier": {
      const text = cellText(value);
      return parseTierLabel(text) ?? requireTierLabel(text);
    }
  }
}

/**
 * The persons a household-level row stands for: its 家庭人口数, else its 当前家庭人口数, else one
 * (the summaries say so). The ledger's person count and 汇总-分层 count the same.
 */
export function countedHouseholdSize(values: FieldValues): number {
  return values.householdSize ?? values.currentHouseholdSize ?? 1;
}
