import { CivilDate, fullYearsBetween, parseResidentId } from "../values";

/** Age in full years (周岁) on a date, from an ID number (validated; throws an IdNumberError). */
export function ageFromIdNumber(idNumber: unknown, asOf: CivilDate): number {
  return fullYearsBetween(parseResidentId(idNumber).birthDate, asOf);
}
