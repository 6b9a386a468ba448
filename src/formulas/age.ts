import { CivilDate, compareDates, formatDate, fullYearsBetween } from "../values/dates";
import { quote } from "../values/errors";
import { IdNumberError, parseResidentId } from "../values/idNumber";

/**
 * Age in full years (周岁) on a date, from an ID number (validated; throws an IdNumberError).
 * A birth date after `asOf` is a date error, not a negative age.
 */
export function ageFromIdNumber(idNumber: unknown, asOf: CivilDate): number {
  const { birthDate } = parseResidentId(idNumber);
  if (compareDates(birthDate, asOf) > 0) {
    throw new IdNumberError("date", `身份证号${quote(idNumber)}中的出生日期${formatDate(birthDate)}晚于计算日期${formatDate(asOf)}`);
  }
  return fullYearsBetween(birthDate, asOf);
}
