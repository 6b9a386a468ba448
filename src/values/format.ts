import { roundToFen } from "./numbers";

/** Yuan as messages and notes write them: 5,000元 for whole yuan, 8,030.80元 otherwise. */
export function formatYuan(value: number): string {
  const fen = roundToFen(value);
  const digits = Number.isInteger(fen) ? 0 : 2;
  return `${fen.toLocaleString("zh-CN", { minimumFractionDigits: digits, maximumFractionDigits: digits })}元`;
}

/** A share as a percentage with at most two decimals and no trailing zeros: 30%, 3.2%, 6.99% (so 6.99% and 7% stay apart). */
export function formatShare(share: number): string {
  return `${Number((share * 100).toFixed(2))}%`;
}
