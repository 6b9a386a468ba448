import { birthDateProblem, CivilDate, isValidCivilDate, today } from "./dates";
import { InputError, quote } from "./errors";
import { compactText } from "./text";

// GB 11643-1999: weights of the first 17 characters and the check character for each sum mod 11.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = "10X98765432";

export interface ResidentId {
  /** 18 characters, upper-case X; a 15-digit number is kept as written. */
  readonly number: string;
  readonly birthDate: CivilDate;
  readonly sex: "male" | "female";
}

export type IdProblem = "length" | "characters" | "date" | "checkCharacter" | "precisionLost";

export class IdNumberError extends InputError {
  constructor(
    readonly problem: IdProblem,
    message: string,
  ) {
    super(message);
    this.name = "IdNumberError";
  }
}

/** The check character that completes the first 17 characters of an 18-character ID number. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

/**
 * Validate a resident ID number (GB 11643): 18 characters with a correct check character
 * (a lower-case x is accepted), or an old 15-digit number whose birth date is 19YYMMDD.
 * Throws an IdNumberError that says what is wrong: length, characters, date or check character.
 * A birth date that does not exist, lies before EARLIEST_BIRTH_YEAR or after `now` (today by
 * default) is a date error: no one holding the number can have been born then.
 */
export function parseResidentId(value: unknown, now: CivilDate = today()): ResidentId {
  if (typeof value === "number") {
    // Excel keeps 15 significant digits: an 18-digit ID typed as a number has lost its tail.
    if (Number.isInteger(value) && value >= 1e15) {
      throw new IdNumberError("precisionLost", `身份证号${quote(value)}被存成了数字，末几位已丢失：请把该列设为“文本”格式后重新录入`);
    }
  }
  // Read digit by digit (a ledger of a million rows or a range of 100,000 cells passes through here).
  const text = compactText(value ?? "");
  if (text.length !== 18 && text.length !== 15) {
    throw new IdNumberError("length", `身份证号${quote(value)}应为18位（或旧的15位），实际为${text.length}位`);
  }
  if (text.length === 15) {
    if (!allDigits(text, 0, 15)) throw new IdNumberError("characters", `15位身份证号${quote(value)}只能由数字组成`);
    const birth = readBirthDate(1900 + digitsAt(text, 6, 2), digitsAt(text, 8, 2), digitsAt(text, 10, 2), value, now);
    return { number: text, birthDate: birth, sex: digitsAt(text, 14, 1) % 2 === 1 ? "male" : "female" };
  }
  const last = text.charCodeAt(17);
  if (!allDigits(text, 0, 17) || !(isDigit(last) || last === UPPER_X || last === LOWER_X)) {
    throw new IdNumberError("characters", `身份证号${quote(value)}前17位应为数字，最后一位为数字或X`);
  }
  const birth = readBirthDate(digitsAt(text, 6, 4), digitsAt(text, 10, 2), digitsAt(text, 12, 2), value, now);
  const expected = checkCharacter(text);
  if (last !== expected.charCodeAt(0) && !(last === LOWER_X && expected === "X")) {
    throw new IdNumberError("checkCharacter", `身份证号${quote(value)}校验位错误：最后一位应为“${expected}”，请核对号码是否录错`);
  }
  const number = last === LOWER_X ? `${text.slice(0, 17)}X` : text;
  return { number, birthDate: birth, sex: digitsAt(text, 16, 1) % 2 === 1 ? "male" : "female" };
}

const UPPER_X = 88;
const LOWER_X = 120;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function allDigits(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

/** The number written by `length` digits from `start` (the caller has checked they are digits). */
function digitsAt(text: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) n = n * 10 + (text.charCodeAt(i) - 48);
  return n;
}

function readBirthDate(year: number, month: number, day: number, original: unknown, now: CivilDate): CivilDate {
  if (!isValidCivilDate(year, month, day)) {
    const written = `${String(year).padStart(4, "0")}${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}`;
    throw new IdNumberError("date", `身份证号${quote(original)}中的出生日期${written}不存在`);
  }
  const birth = { year, month, day };
  const problem = birthDateProblem(birth, now);
  if (problem) throw new IdNumberError("date", `身份证号${quote(original)}中的${problem}，号码有误`);
  return birth;
}
