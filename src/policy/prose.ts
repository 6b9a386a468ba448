/**
 * Text that names a policy number writes {parameterKey} in its place (rule titles, explanations,
 * kinds of finding): the number is filled in from the policy in force, so it lives only in
 * ./parameters.ts and a title follows a locally changed threshold.
 */
import { formatShare, formatYuan, formatYuanEn } from "../values";
import { isParameterKey } from "./policy";
import { ParameterKey, PARAMETERS } from "./parameters";

export type ProseLanguage = "zh" | "en";

/** Replace each {parameterKey} by the value `values` give it, as a sentence says it; an unknown name is an error. */
export function fillParameters(text: string, values: Readonly<Record<ParameterKey, number>>, language: ProseLanguage = "zh"): string {
  return text.replace(/\{(\w+)\}/g, (_match, key: string) => {
    if (!isParameterKey(key)) throw new Error(`unknown parameter {${key}} in: ${text}`);
    return inProse(key, values[key], language);
  });
}

/** A value inside a sentence: "每户最高5,000元", "前1个月内" (the tables' 元/户 and 月 would repeat the sentence). */
export function inProse(key: ParameterKey, value: number, language: ProseLanguage = "zh"): string {
  const zh = language === "zh";
  switch (PARAMETERS[key].unit) {
    case "share":
      return formatShare(value);
    case "yuan per hour":
      return zh ? `${formatYuan(value)}/小时` : `${formatYuanEn(value)} per hour`;
    case "years":
      return zh ? `${value}周岁` : `${value} years`;
    case "grade":
      return zh ? `${value}级` : `grade ${value}`;
    case "months":
      return zh ? `${value}个月` : `${value} ${value === 1 ? "month" : "months"}`;
    default:
      return zh ? formatYuan(value) : formatYuanEn(value);
  }
}
