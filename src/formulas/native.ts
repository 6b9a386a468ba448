/**
 * The BANGFU functions as native spreadsheet formulas, with the policy's numbers written in, so
 * that a ledger sent to the county computes in any Excel (2007 and later), WPS or LibreOffice
 * without the add-in. Host-neutral: text in, text out; the Office adapter writes it into cells.
 *
 * Only functions every one of those programs has: IF, AND, OR, TRIM, UPPER, LEN, MID, LEFT,
 * RIGHT, ISNUMBER, SEARCH, SUMPRODUCT with array constants, MOD, DATE, MONTH, DAY, DATEDIF,
 * INT, MIN, MAX, ROUND, TODAY (no LET or LAMBDA, which Office 2016–2021 lack); an argument is
 * therefore repeated where it is used several times.
 *
 * A native formula gives the BANGFU function's result for the inputs a ledger normally holds:
 * numbers (or numbers stored as text), tiers written 低收入/中等收入/高收入, ages, ID numbers,
 * disability grades (1–4, 一级/壹级…, 肢体二级), dates; and #VALUE! wherever the BANGFU function
 * refuses an input (TRUE/FALSE, an age of 60.5, a household of 200, an unknown tier word, a bad
 * ID number even beside a blank amount). What it cannot do: read "1.2万", "12,000元" or
 * full-width digits (#VALUE!), tell why an ID number is wrong (#VALUE! without the message), or
 * read a rate typed as text "30%".
 */
import type { Policy } from "../policy";
import { gradeSpellings, NO_DISABILITY_WORDS, type DisabilityGrade } from "../values/disability";
import { AGE_LIMIT, MAX_HOUSEHOLD_SIZE } from "../values/limits";
import { FILIAL_DEFAULT_MONTHS } from "./filial";
import { tierSpellings } from "./tier";

export type NativeFunctionId = "TIER" | "COURTYARD_SUBSIDY" | "FILIAL_MATCH" | "PER_CAPITA" | "AGE";

/** Parameters in order, and how many are required (the rest may be left out). */
export const NATIVE_PARAMETERS: Readonly<Record<NativeFunctionId, { readonly names: readonly string[]; readonly required: number }>> = {
  TIER: { names: ["income", "low", "high"], required: 1 },
  COURTYARD_SUBSIDY: { names: ["investment", "tier", "alreadyGranted"], required: 1 },
  FILIAL_MATCH: { names: ["paid", "ageOrId", "disability", "months", "rate", "asOf"], required: 2 },
  PER_CAPITA: { names: ["wage", "business", "property", "transfer", "costs", "size"], required: 6 },
  AGE: { names: ["idNumber", "asOf"], required: 1 },
};

export const NATIVE_FUNCTION_IDS = Object.keys(NATIVE_PARAMETERS) as NativeFunctionId[];

export function isNativeFunctionId(name: string): name is NativeFunctionId {
  return Object.prototype.hasOwnProperty.call(NATIVE_PARAMETERS, name);
}

/** A formula that cannot be written natively; the message is for the user. */
export class NativeFormulaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NativeFormulaError";
  }
}

/** An argument: a formula expression (a cell reference, a number, a quoted text …), or null when left out. */
export type NativeArgument = string | null | undefined;

const VALUE_ERROR = "#VALUE!";
const CHECK_CHARACTERS = "10X98765432";
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ALL_GRADES: readonly DisabilityGrade[] = [1, 2, 3, 4];

/** A number as formula text (12 significant digits, no exponent for policy-sized numbers). */
function literal(value: number): string {
  return String(Number(value.toPrecision(12)));
}

function given(arg: NativeArgument): arg is string {
  return typeof arg === "string" && arg.trim() !== "";
}

function isBlank(x: string): string {
  return `TRIM(${x}&"")=""`;
}

/** A cell's text without spaces (half-width or ideographic), as BANGFU compacts text before reading it. */
function compact(x: string): string {
  return `SUBSTITUTE(SUBSTITUTE(${x}&""," ",""),"\u3000","")`;
}

/** An array constant of texts: {"a","b"}. */
function texts(words: readonly string[]): string {
  return `{${words.map((w) => `"${w.replace(/"/g, '""')}"`).join(",")}}`;
}

/** Whether `text` (a compacted text expression) is one of `words`. */
function oneOf(text: string, words: readonly string[]): string {
  return `OR(${text}=${texts(words)})`;
}

/** Whether `text` contains any of `words`. */
function containsAny(text: string, words: readonly string[]): string {
  return `SUMPRODUCT(--ISNUMBER(SEARCH(${texts(words)},${text})))>0`;
}

/** A cell argument (not a literal number or text), which may hold TRUE/FALSE. */
function isReference(x: string): boolean {
  return !/^-?\d+(\.\d+)?$/.test(x) && !/^"([^"]|"")*"$/.test(x);
}

/** As a number; text such as "12000" is converted (a blank cell is 0). */
function num(x: string): string {
  return /^-?\d+(\.\d+)?$/.test(x) ? x : `(${x}+0)`;
}

/** An optional argument: left out, or a blank cell, means the default (as in the BANGFU function). */
function optional(arg: NativeArgument, fallback: string): string {
  if (!given(arg)) return fallback;
  const x = arg.trim();
  if (/^-?\d+(\.\d+)?$/.test(x)) return x;
  return `IF(${isBlank(x)},${fallback},${x})`;
}

function positions(count: number): string {
  return `{${Array.from({ length: count }, (_, i) => i + 1).join(",")}}`;
}

/** Age in full years (周岁) on `date` from an ID number, or #VALUE! when the number is not valid. */
function ageFromId(id: string, date: string): string {
  const t = `UPPER(${compact(id)})`;
  const birth18 = `DATE(MID(${t},7,4),MID(${t},11,2),MID(${t},13,2))`;
  const birth15 = `DATE(1900+MID(${t},7,2),MID(${t},9,2),MID(${t},11,2))`;
  const digits = (count: number) => `SUMPRODUCT(--ISNUMBER(-MID(${t},${positions(count)},1)))=${count}`;
  const check = `MID("${CHECK_CHARACTERS}",MOD(SUMPRODUCT(MID(${t},${positions(17)},1)*{${ID_WEIGHTS.join(",")}}),11)+1,1)=RIGHT(${t},1)`;
  // DATE rolls an impossible month or day over: compare the parts back. Excel has no dates before 1900.
  const valid18 = `AND(${digits(17)},${check},MID(${t},7,4)+0>=1900,MONTH(${birth18})=MID(${t},11,2)+0,DAY(${birth18})=MID(${t},13,2)+0)`;
  const valid15 = `AND(${digits(15)},MONTH(${birth15})=MID(${t},9,2)+0,DAY(${birth15})=MID(${t},11,2)+0)`;
  // DATEDIF "Y" counts full years; born on 29 February, the year is full on 1 March (as BANGFU counts).
  const years = (birth: string) => `IF(${birth}>${date},${VALUE_ERROR},DATEDIF(${birth},${date},"Y"))`;
  return (
    `IF(LEN(${t})=18,IF(${valid18},${years(birth18)},${VALUE_ERROR}),IF(LEN(${t})=15,` +
    `IF(${valid15},${years(birth15)},${VALUE_ERROR}),${VALUE_ERROR}))`
  );
}

function asOfDate(arg: NativeArgument): string {
  return optional(arg, "TODAY()");
}

function tier(args: readonly NativeArgument[], policy: Policy): string {
  const [income, low, high] = args as [string, NativeArgument, NativeArgument];
  const lowT = optional(low, literal(policy.values.lowIncomeThreshold));
  const highT = optional(high, literal(policy.values.highIncomeThreshold));
  const x = num(income);
  const body = `IF(${isBlank(income)},"",IF(${x}<${num(lowT)},"低收入",IF(${x}<${num(highT)},"中等收入","高收入")))`;
  // Thresholds from the policy are ordered already; thresholds from cells are checked as BANGFU does.
  return given(low) || given(high) ? `IF(${num(lowT)}>=${num(highT)},${VALUE_ERROR},${body})` : body;
}

function courtyard(args: readonly NativeArgument[], policy: Policy): string {
  const [investment, tierArg, granted] = args as [string, NativeArgument, NativeArgument];
  const { courtyardSubsidyRate, courtyardSubsidyCap, lowIncomeThreshold } = policy.values;
  const g = optional(granted, "0");
  const subsidy = `ROUND(MIN(${num(investment)}*${literal(courtyardSubsidyRate)},MAX(0,${literal(courtyardSubsidyCap)}-${num(g)})),2)`;
  let eligible = subsidy;
  if (given(tierArg)) {
    const t = tierArg.trim();
    const c = compact(t);
    // Left blank: eligible; a number (or a number stored as text): the per-capita income; a word:
    // the tier as BANGFU reads it (低收入, 低收入户 …). Other text is refused as by BANGFU, and text
    // with digits that is no plain number ("1万") too, which BANGFU reads but a formula cannot.
    const word =
      `IF(${oneOf(c, tierSpellings("low"))},TRUE,` +
      `IF(${oneOf(c, [...tierSpellings("middle"), ...tierSpellings("high")])},FALSE,` +
      `${VALUE_ERROR}))`;
    const low =
      `IF(${isBlank(t)},TRUE,IF(ISNUMBER(-${t}),${num(t)}<${literal(lowIncomeThreshold)},` +
      `IF(${containsAny(c, ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"])},${VALUE_ERROR},` +
      `${word})))`;
    eligible = `IF(${low},${subsidy},0)`;
  }
  // An unreadable amount already granted fails even where the investment is blank, as in BANGFU.
  return (
    `IF(${isBlank(investment)},IF(ISNUMBER(${num(g)}),"",${VALUE_ERROR}),` +
    `IF(OR(${num(investment)}<0,${num(g)}<0),${VALUE_ERROR},${eligible}))`
  );
}

function filial(args: readonly NativeArgument[], policy: Policy): string {
  const [paid, ageOrId, disability, months, rate, asOf] = args as [
    string,
    string,
    NativeArgument,
    NativeArgument,
    NativeArgument,
    NativeArgument,
  ];
  const v = policy.values;
  const m = num(optional(months, literal(FILIAL_DEFAULT_MONTHS)));
  const r = optional(rate, literal(v.filialRewardRateCap));
  const a = ageOrId.trim();
  const p = `IF(${isBlank(paid)},0,${num(paid)})`;
  // An age typed as a number must be a whole number of years below AGE_LIMIT, as BANGFU reads it.
  const typedAge = `IF(OR(${num(a)}<0,${num(a)}>=${AGE_LIMIT},${num(a)}<>INT(${num(a)})),${VALUE_ERROR},${num(a)})`;
  const age = `IF(LEN(${compact(a)})>=15,${ageFromId(a, asOfDate(asOf))},${typedAge})`;
  const severeGrades = ALL_GRADES.filter((g) => g <= v.filialSevereDisabilityMaxGrade);
  let threshold = literal(v.filialMinAge);
  let badDisability = "FALSE";
  if (given(disability)) {
    const d = compact(disability.trim());
    const words = (grades: readonly DisabilityGrade[]) => grades.flatMap((g) => gradeSpellings(g).map((w) => `${w}级`));
    const severe = `OR(${oneOf(d, severeGrades.map(String))},${containsAny(d, words(severeGrades))})`;
    // The older age limit applies to all but the severely disabled; since that limit is the lower one, one comparison does.
    threshold = `IF(${severe},${literal(Math.min(v.filialMinAge, v.filialMinAgeSevereDisability))},${literal(v.filialMinAge)})`;
    badDisability =
      `AND(${d}<>"",NOT(${oneOf(d, [...NO_DISABILITY_WORDS, ...ALL_GRADES.map(String)])}),` + `NOT(${containsAny(d, words(ALL_GRADES))}))`;
  }
  const reward = `ROUND(${num(r)}*MIN(${p},${literal(v.filialMonthlyContribution)}*${m}),2)`;
  const result = (value: string) => `IF(${isBlank(paid)},"",IF(OR(${p}<0,${m}<1),${VALUE_ERROR},${value}))`;
  // BANGFU reads every argument before it looks for blanks: a bad ID number, month count or
  // disability fails even where the amount paid is blank. The age is computed once: an error in
  // it reaches the result through the comparison.
  const body =
    `IF(OR(ISERROR(${p}),ISERROR(${m}),${badDisability}),${VALUE_ERROR},IF(${m}<>INT(${m}),` +
    `${VALUE_ERROR},IF(${isBlank(a)},"",IF(${age}>=${threshold},${result(reward)},` +
    `${result("0")}))))`;
  return given(rate) ? `IF(OR(${num(r)}<=0,${num(r)}>${literal(v.filialRewardRateCap)}),${VALUE_ERROR},${body})` : body;
}

function perCapita(args: readonly NativeArgument[]): string {
  const parts = args.slice(0, 5).map((x) => x as string);
  const size = (args[5] as string).trim();
  const [w, b, p, t, c] = parts.map((x) => optional(x, "0"));
  const s = num(size);
  const none = `AND(${parts.map((x) => isBlank(x.trim())).join(",")})`;
  const net = `(${w}+${b}+${p}+${t}-${c})`;
  // As in BANGFU: an unreadable income fails even without a size; a size is checked (whole, 1 to
  // MAX_HOUSEHOLD_SIZE) even where every income is blank.
  return (
    `IF(${isBlank(size)},IF(ISNUMBER(${net}),"",${VALUE_ERROR}),IF(OR(${s}<=0,${s}<>INT(${s}),` +
    `${s}>${MAX_HOUSEHOLD_SIZE}),${VALUE_ERROR},IF(${none},"",ROUND(${net}/${s},2))))`
  );
}

function age(args: readonly NativeArgument[]): string {
  const [id, asOf] = args as [string, NativeArgument];
  return `IF(${isBlank(id.trim())},"",${ageFromId(id.trim(), asOfDate(asOf))})`;
}

/** The native expression (no leading "=") computing `id` on `args` under `policy`. */
export function nativeExpression(id: NativeFunctionId, args: readonly NativeArgument[], policy: Policy): string {
  const { names, required } = NATIVE_PARAMETERS[id];
  if (args.length > names.length) throw new NativeFormulaError(`${id} 最多有 ${names.length} 个参数，收到 ${args.length} 个`);
  for (let i = 0; i < required; i++) {
    if (!given(args[i])) throw new NativeFormulaError(`${id} 的第 ${i + 1} 个参数（${names[i]}）不能省略`);
  }
  const full = names.map((_, i) => (given(args[i]) ? (args[i] as string).trim() : null));
  return refusingLogical(full, expressionOf(id, full, policy));
}

function expressionOf(id: NativeFunctionId, full: readonly NativeArgument[], policy: Policy): string {
  switch (id) {
    case "TIER":
      return tier(full, policy);
    case "COURTYARD_SUBSIDY":
      return courtyard(full, policy);
    case "FILIAL_MATCH":
      return filial(full, policy);
    case "PER_CAPITA":
      return perCapita(full);
    case "AGE":
      return age(full);
  }
}

/** BANGFU refuses TRUE/FALSE in any argument; arithmetic would read them as 1 and 0. */
function refusingLogical(args: readonly NativeArgument[], body: string): string {
  const cells = args.filter((x): x is string => typeof x === "string" && isReference(x));
  return cells.length === 0 ? body : `IF(OR(${cells.map((x) => `ISLOGICAL(${x})`).join(",")}),${VALUE_ERROR},${body})`;
}

export function nativeFormula(id: NativeFunctionId, args: readonly NativeArgument[], policy: Policy): string {
  return assertFormulaLength(`=${nativeExpression(id, args, policy)}`);
}

/**
 * Excel's longest formula: 8,192 characters ("Excel specifications and limits"); a longer one is
 * refused by Excel when written (and WPS keeps to the same limit). A native formula repeats its
 * arguments (FILIAL_MATCH the ID number some 40 times), so long references can pass it.
 */
export const MAX_FORMULA_LENGTH = 8192;

/** The formula, or a NativeFormulaError saying it is too long for Excel (before anything is written). */
export function assertFormulaLength(formula: string): string {
  if (formula.length <= MAX_FORMULA_LENGTH) return formula;
  throw new NativeFormulaError(
    `原生公式有 ${formula.length} 个字符，超过 Excel 公式长度上限 ${MAX_FORMULA_LENGTH} 个字符，没有写入：请把参数换成较短的引用（同一工作表中的单元格，如 R4，不带工作表名），或把长公式拆到几个单元格中`,
  );
}
