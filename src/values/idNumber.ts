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
  const text = compactText(value ?? "").toUpperCase();
  if (text.length !== 18 && text.length !== 15) {
    throw new IdNumberError("length", `身份证号${quote(value)}应为18位（或旧的15位），实际为${text.length}位`);
  }
  if (text.length === 15) {
    if (!/^\d{15}$/.test(text)) throw new IdNumberError("characters", `15位身份证号${quote(value)}只能由数字组成`);
    const birth = readBirthDate(`19${text.slice(6, 12)}`, value, now);
    return { number: text, birthDate: birth, sex: Number(text[14]) % 2 === 1 ? "male" : "female" };
  }
  if (!/^\d{17}[\dX]$/.test(text)) {
    throw new IdNumberError("characters", `身份证号${quote(value)}前17位应为数字，最后一位为数字或X`);
  }
  const birth = readBirthDate(text.slice(6, 14), value, now);
  const expected = checkCharacter(text);
  if (text[17] !== expected) {
    throw new IdNumberError("checkCharacter", `身份证号${quote(value)}校验位错误：最后一位应为“${expected}”，请核对号码是否录错`);
  }
  return { number: text, birthDate: birth, sex: Number(text[16]) % 2 === 1 ? "male" : "female" };
}

function readBirthDate(yyyymmdd: string, original: unknown, now: CivilDate): CivilDate {
  const [year, month, day] = [Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)), Number(yyyymmdd.slice(6, 8))];
  if (!isValidCivilDate(year, month, day)) {
    throw new IdNumberError("date", `身份证号${quote(original)}中的出生日期${yyyymmdd}不存在`);
  }
  const birth = { year, month, day };
  const problem = birthDateProblem(birth, now);
  if (problem) throw new IdNumberError("date", `身份证号${quote(original)}中的${problem}，号码有误`);
  return birth;
}
