import { roundToFen } from "./numbers";

/** Yuan as messages and notes write them: 5,000元 for whole yuan, 8,030.80元 otherwise. */
export function formatYuan(value: number): string {
  return `${yuanDigits(value, "zh-CN")}元`;
}

/** The same amount in English text: 100,000 yuan, 8,030.80 yuan. */
export function formatYuanEn(value: number): string {
  return `${yuanDigits(value, "en-US")} yuan`;
}

function yuanDigits(value: number, locale: "zh-CN" | "en-US"): string {
  const fen = roundToFen(value);
  return yuanFormat(locale, Number.isInteger(fen) ? 0 : 2).format(fen);
}

// What toLocaleString(locale, options) makes anew at every call, made once: the summaries format
// hundreds of thousands of amounts.
const YUAN_FORMATS = new Map<string, Intl.NumberFormat>();

function yuanFormat(locale: "zh-CN" | "en-US", fractionDigits: 0 | 2): Intl.NumberFormat {
  const key = `${locale}:${fractionDigits}`;
  let format = YUAN_FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
    YUAN_FORMATS.set(key, format);
  }
  return format;
}

/** A share as a percentage with at most two decimals and no trailing zeros: 30%, 3.2%, 6.99% (so 6.99% and 7% stay apart). */
export function formatShare(share: number): string {
  return `${Number((share * 100).toFixed(2))}%`;
}
