import { formatParameterValue, PARAMETERS, ParameterKey, Unit } from "../policy";
import type { Language } from "./i18n";

export const UNIT_LABELS_EN: Record<Unit, string> = {
  "yuan per person per year": "yuan/person/year",
  "yuan per household": "yuan/household",
  "yuan per month": "yuan/month",
  "yuan per hour": "yuan/hour",
  yuan: "yuan",
  share: "share",
  years: "years of age",
  grade: "grade",
  months: "months",
};

/** A number as the pane shows it: shares as percentages, amounts with separators. */
export function formatValue(value: number, unit: Unit, language: Language): string {
  const locale = language === "zh" ? "zh-CN" : "en-US";
  if (unit === "share") return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(value);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** A parameter's value with its unit: 7%, 19元/小时 (Chinese); 7%, 19 yuan/hour (English). */
export function formatParameter(key: ParameterKey, value: number, language: Language): string {
  if (language === "zh") return formatParameterValue(key, value);
  const unit = PARAMETERS[key].unit;
  return unit === "share" ? formatValue(value, unit, language) : `${formatValue(value, unit, language)} ${UNIT_LABELS_EN[unit]}`;
}

/** A file's size: 31 KB, 9.6 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
