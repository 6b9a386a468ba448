import { CivilDate, compareDates, formatDate, fullYearsBetween, today } from "../values/dates";
import { InputError, quote } from "../values/errors";
import { IdNumberError, parseResidentId } from "../values/idNumber";
import { AGE_LIMIT } from "../values/limits";

/**
 * Age in full years (周岁) on a date, from an ID number (validated; throws an IdNumberError).
 * A birth date after `asOf` is a date error, not a negative age; an age of AGE_LIMIT or more
 * (a far-away `asOf`) is refused like an age typed that high. `now` is today's date, against which
 * the birth date is checked: a caller computing many ages reads the clock once.
 */
export function ageFromIdNumber(idNumber: unknown, asOf: CivilDate, now: CivilDate = today()): number {
  const { birthDate } = parseResidentId(idNumber, now);
  if (compareDates(birthDate, asOf) > 0) {
    throw new IdNumberError("date", `身份证号${quote(idNumber)}中的出生日期${formatDate(birthDate)}晚于计算日期${formatDate(asOf)}`);
  }
  const age = fullYearsBetween(birthDate, asOf);
  if (age >= AGE_LIMIT)
    throw new InputError(
      `按计算日期${formatDate(asOf)}，身份证号${quote(idNumber)}对应${age}岁，不合常理（应小于${AGE_LIMIT}岁）：请核对计算日期`,
    );
  return age;
}
