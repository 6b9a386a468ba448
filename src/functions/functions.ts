/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes cell values untyped; they are read by the parsers below before use. */
/**
 * The BANGFU custom functions. Excel reads the JSDoc of each exported function to
 * build functions.json (English); functions.zh-CN.json is built from ./zh-CN.ts.
 * Each function is a thin adapter: it reads cell values, calls one formula from
 * src/formulas, and turns an InputError into a #VALUE! error of that cell.
 */
// Concrete modules rather than the folders' index files: a range of 100,000 cells calls these
// 100,000 times, and the index re-exports are property getters.
import { ageFromIdNumber } from "../formulas/age";
import { courtyardSubsidy } from "../formulas/courtyard";
import { FILIAL_DEFAULT_MONTHS, filialReward, filialRewardRate, isFilialElder } from "../formulas/filial";
import { perCapitaNetIncome } from "../formulas/income";
import { assertThresholds, incomeTier, requireTierLabel, TIER_LABELS, tierThresholds } from "../formulas/tier";
import { CivilDate, parseDate, today } from "../values/dates";
import { parseDisabilityGrade } from "../values/disability";
import { InputError } from "../values/errors";
import { MAX_FUNCTION_CELLS } from "../values/limits";
import { parseAgeInYears, parseAmount, parseHouseholdSize, parseRate, parseWholeNumber } from "../values/numbers";
import { compactText, isBlank } from "../values/text";
import { cellwise, MatrixArgument, rememberLast } from "./cellwise";
import { CustomFunctionError, ERROR_CODES } from "./customFunctionsStandIn";
import { functionDate1904, functionPolicy } from "./policyContext";

const NO_VALUE = "";

/**
 * Excel's CustomFunctions, read when used rather than captured at import: WPS installs its
 * stand-in (src/wps/functions.ts) after this module has loaded. The build appends
 * `CustomFunctions.associate(...)` calls to this module; they resolve to this binding, so Office
 * versions without custom functions (which load this page as a plain task pane), and a page whose
 * office.js failed to load, register nothing instead of stopping with "CustomFunctions is not defined".
 */
const CustomFunctions = {
  associate(id: string, implementation: (...args: never[]) => unknown): void {
    runtime()?.associate?.(id, implementation);
  },
  /** A cell's error: the runtime's, or the stand-in's where there is none. */
  get Error(): typeof globalThis.CustomFunctions.Error {
    return runtime()?.Error ?? (CustomFunctionError as unknown as typeof globalThis.CustomFunctions.Error);
  },
  get ErrorCode(): typeof globalThis.CustomFunctions.ErrorCode {
    return runtime()?.ErrorCode ?? (ERROR_CODES as unknown as typeof globalThis.CustomFunctions.ErrorCode);
  },
};

function runtime(): Partial<typeof globalThis.CustomFunctions> | undefined {
  return (globalThis as { CustomFunctions?: Partial<typeof globalThis.CustomFunctions> }).CustomFunctions;
}

/**
 * Income tier (收入分层) of a per-capita net income, by the plan's thresholds (二（一）).
 * @customfunction TIER
 * @param income Per-capita net income in yuan: a number, text such as "1.2万", or a range.
 * @param [low] Low-income threshold in yuan; left out: the plan's current threshold.
 * @param [high] High-income threshold in yuan; left out: the plan's current threshold.
 * @returns 低收入, 中等收入 or 高收入; empty for an empty cell.
 */
export function TIER(income: any[][], low?: any[][], high?: any[][]): any[][] {
  const defaults = tierThresholds(functionPolicy());
  const thresholdsOf = rememberLast((lowCell: unknown, highCell: unknown) =>
    assertThresholds({
      lowIncomeThreshold: parseAmount(lowCell, "低收入标准") ?? defaults.lowIncomeThreshold,
      highIncomeThreshold: parseAmount(highCell, "高收入标准") ?? defaults.highIncomeThreshold,
    }),
  );
  return evaluate([income, low, high], ([incomeCell, lowCell, highCell]) => {
    const perCapita = parseAmount(incomeCell, "人均纯收入");
    const thresholds = thresholdsOf(lowCell, highCell);
    return perCapita === null ? NO_VALUE : TIER_LABELS[incomeTier(perCapita, thresholds)];
  });
}

/**
 * Courtyard-economy subsidy (庭院经济奖补) for a low-income household: half the investment, within the per-household cap (二（六）12).
 * @customfunction COURTYARD_SUBSIDY
 * @param investment The household's courtyard-economy investment in yuan, or a range.
 * @param [tier] The household's tier (低收入/中等收入/高收入) or its per-capita net income; left out: treated as eligible.
 * @param [alreadyGranted] Subsidy already granted to the household in the plan period, yuan; left out: none.
 * @returns The subsidy in yuan, to the fen; 0 for a household that is not low-income.
 */
export function COURTYARD_SUBSIDY(investment: any[][], tier?: any[][], alreadyGranted?: any[][]): any[][] {
  return evaluate([investment, tier, alreadyGranted], ([investmentCell, tierCell, grantedCell]) => {
    const amount = parseAmount(investmentCell, "庭院经济投资额");
    const granted = parseAmount(grantedCell, "已发放奖补") ?? 0;
    if (amount === null) return NO_VALUE;
    const policy = functionPolicy();
    return courtyardSubsidy({ investment: amount, alreadyGranted: granted, isLowIncome: isLowIncome(tierCell) }, policy);
  });
}

/**
 * Filial elder-care reward (孝善养老奖补): rate × the support paid by the children, counting at most the monthly standard (二（十）20).
 * @customfunction FILIAL_MATCH
 * @param paid Support paid by the children in yuan, or a range.
 * @param ageOrId The elder's age in years, or ID number (18 or 15 characters).
 * @param [disability] Disability grade: 1-4, 一级…四级, 肢体二级; empty or 无 for none.
 * @param [months] Months the payment covers; left out: 12.
 * @param [rate] Reward rate, at most the plan's cap (30%); left out: the cap.
 * @param [asOf] Date on which the age counts (an Excel date); left out: today.
 * @returns The reward in yuan, to the fen; 0 for an elder who is not eligible.
 */
export function FILIAL_MATCH(
  paid: any[][],
  ageOrId: any[][],
  disability?: any[][],
  months?: any[][],
  rate?: any[][],
  asOf?: any[][],
): any[][] {
  const policy = functionPolicy();
  const now = today();
  // Arguments typically given once for the whole range are read once.
  const monthsOf = rememberLast((cell: unknown) => parseWholeNumber(cell, "月数") ?? FILIAL_DEFAULT_MONTHS);
  const rateOf = rememberLast((cell: unknown) => filialRewardRate(parseRate(cell, "奖补比例"), policy));
  const gradeOf = rememberLast((cell: unknown) => parseDisabilityGrade(cell));
  const date1904 = functionDate1904();
  const dateOf = rememberLast((cell: unknown) => asOfDate(cell, now, date1904));
  return evaluate([paid, ageOrId, disability, months, rate, asOf], ([paidCell, ageCell, gradeCell, monthsCell, rateCell, asOfCell]) => {
    const amount = parseAmount(paidCell, "子女缴纳金额");
    const monthCount = monthsOf(monthsCell);
    const rewardRate = rateOf(rateCell);
    const grade = gradeOf(gradeCell);
    const age = ageInYears(ageCell, dateOf(asOfCell), now);
    if (amount === null || age === null) return NO_VALUE;
    const reward = filialReward({ paid: amount, months: monthCount, rate: rewardRate }, policy);
    return isFilialElder(age, grade, policy) ? reward : 0;
  });
}

/**
 * Per-capita net income (人均纯收入) by the national formula: (wage + business + property + transfer − costs) ÷ household size.
 * @customfunction PER_CAPITA
 * @param wage Wage income (工资性收入), yuan.
 * @param business Production and business income (生产经营性收入), yuan.
 * @param property Property income (财产性收入), yuan.
 * @param transfer Transfer income (转移性收入), yuan.
 * @param costs Production and business costs (生产经营性支出), yuan.
 * @param size Household size (家庭人口数).
 * @returns Per-capita net income in yuan, to the fen.
 */
export function PER_CAPITA(wage: any[][], business: any[][], property: any[][], transfer: any[][], costs: any[][], size: any[][]): any[][] {
  return evaluate([wage, business, property, transfer, costs, size], ([w, b, p, t, c, s]) => {
    const components = [
      parseAmount(w, "工资性收入"),
      parseAmount(b, "生产经营性收入"),
      parseAmount(p, "财产性收入"),
      parseAmount(t, "转移性收入"),
      parseAmount(c, "生产经营性支出"),
    ];
    const householdSize = parseHouseholdSize(s, "家庭人口数");
    if (householdSize === null || components.every((v) => v === null)) return NO_VALUE;
    const [wageIncome, businessIncome, propertyIncome, transferIncome, businessCosts] = components.map((v) => v ?? 0);
    return perCapitaNetIncome({ wageIncome, businessIncome, propertyIncome, transferIncome, businessCosts }, householdSize);
  });
}

/**
 * Age in full years (周岁) from an ID number, on a date.
 * @customfunction AGE
 * @param idNumber ID number: 18 characters with a valid check character, or an old 15-digit number.
 * @param [asOf] Date on which the age counts (an Excel date); left out: today.
 * @returns Age in full years.
 */
export function AGE(idNumber: any[][], asOf?: any[][]): any[][] {
  const now = today();
  const date1904 = functionDate1904();
  const dateOf = rememberLast((cell: unknown) => asOfDate(cell, now, date1904));
  return evaluate([idNumber, asOf], ([idCell, asOfCell]) => {
    const date = dateOf(asOfCell);
    if (isBlank(idCell)) return NO_VALUE;
    return ageFromIdNumber(idCell, date, now);
  });
}

/**
 * The date a function's ages count on: the cell's date (a serial of the workbook's date system),
 * else `now` (today, read once per call).
 */
function asOfDate(cell: unknown, now: CivilDate, date1904: boolean): CivilDate {
  return parseDate(cell, "计算日期", { date1904 }) ?? now;
}

/**
 * An age typed as a number, or an ID number from which the age is computed. Only what looks
 * like an ID number (15 or more digits, an X at the end allowed) is read as one; anything else
 * (60.5, TRUE, 999, -3, 六十) is judged as an age, so the message speaks of the age.
 */
function ageInYears(cell: unknown, date: CivilDate, now: CivilDate): number | null {
  if (isBlank(cell)) return null;
  if (looksLikeIdNumber(cell)) return ageFromIdNumber(cell, date, now);
  return parseAgeInYears(cell, "年龄");
}

// Half-width and compacted, so an age typed with a Chinese IME (６０) reads as an age, not as an ID
// number: 14 digits or more, an X at the end allowed (read digit by digit: once per cell of a range).
function looksLikeIdNumber(cell: unknown): boolean {
  if (typeof cell === "number") return Number.isInteger(cell) && cell >= 1e14;
  if (typeof cell !== "string") return false;
  const text = compactText(cell);
  const last = text.charCodeAt(text.length - 1);
  const digitCount = last === 88 || last === 120 ? text.length - 1 : text.length; // X or x
  if (digitCount < 14) return false;
  for (let i = 0; i < digitCount; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

function isLowIncome(cell: unknown): boolean {
  if (isBlank(cell)) return true;
  if (typeof cell === "string") {
    const looksNumeric = /[0-9０-９]/.test(cell);
    if (!looksNumeric) return requireTierLabel(cell) === "low";
  }
  const perCapita = parseAmount(cell, "收入分层或人均纯收入");
  return perCapita === null || incomeTier(perCapita, tierThresholds(functionPolicy())) === "low";
}

/**
 * An error cell among the arguments (functions.json sets allowErrorForDataTypeAny, so Excel passes
 * it in instead of failing the whole call): that result cell shows the same error, the others compute.
 */
class ErrorArgument extends InputError {
  constructor(readonly code: string) {
    super(`参数单元格本身是错误值 ${code}，请先更正那个单元格`);
  }
}

const EXCEL_ERRORS = new Set([
  "#VALUE!",
  "#N/A",
  "#DIV/0!",
  "#NUM!",
  "#NULL!",
  "#NAME?",
  "#REF!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#BUSY!",
  "#FIELD!",
  "#CONNECT!",
  "#BLOCKED!",
  "#UNKNOWN!",
]);

/** The Excel error code of an error argument (a CustomFunctions.Error or an error cell value), else null. */
function errorCodeOf(value: unknown): string | null {
  if (typeof value !== "object" || value === null) return null;
  const candidate = value as { code?: unknown; basicValue?: unknown; type?: unknown };
  for (const code of [candidate.code, candidate.basicValue]) if (typeof code === "string" && EXCEL_ERRORS.has(code)) return code;
  return null;
}

/**
 * Run a per-cell computation; bad input becomes #VALUE! with the Chinese message, in the cell or
 * for the whole call. A result that is not a finite number never reaches a cell.
 */
function evaluate(args: MatrixArgument[], compute: (cells: unknown[]) => string | number): any[][] {
  const guarded = (cells: unknown[]) => {
    for (const cell of cells) {
      const code = errorCodeOf(cell);
      if (code !== null) throw new ErrorArgument(code);
    }
    const result = compute(cells);
    if (typeof result === "number" && !Number.isFinite(result)) throw new InputError("计算结果超出可计算范围，请核对参数是否录错");
    return result;
  };
  try {
    assertBoundedWork(args);
    return cellwise(args, guarded, toExcelError);
  } catch (error) {
    if (error instanceof InputError) throw toExcelError(error);
    throw error;
  }
}

/** Refuse a call over more than MAX_FUNCTION_CELLS cells before any cell is computed (the runtime is shared). */
function assertBoundedWork(args: readonly MatrixArgument[]): void {
  let largest = 0;
  // Excel hands a range over as equal rows: rows × the first row's width.
  for (const arg of args) if (arg) largest = Math.max(largest, arg.length * (arg[0]?.length ?? 0));
  if (largest > MAX_FUNCTION_CELLS) {
    throw new InputError(
      `参数区域有 ${largest.toLocaleString("zh-CN")} 个单元格，超过一次计算的上限 ` +
        `${MAX_FUNCTION_CELLS.toLocaleString("zh-CN")} 个（过大的区域会让 Excel 长时间无响应）：` +
        `请把区域分成几段，分别计算`,
    );
  }
}

function toExcelError(error: InputError): CustomFunctions.Error {
  const { Error: CellError, ErrorCode } = CustomFunctions;
  if (error instanceof ErrorArgument) {
    const known = Object.values(ErrorCode).includes(error.code as CustomFunctions.ErrorCode);
    return new CellError(known ? (error.code as CustomFunctions.ErrorCode) : ErrorCode.invalidValue, error.message);
  }
  return new CellError(ErrorCode.invalidValue, error.message);
}
