import { textOf } from "./text";

/**
 * An input the user gave that BANGFU cannot read or accept.
 * `message` is Chinese and names the value, so it can be shown as is
 * (in a #VALUE! tooltip, a finding, or a command-line error).
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

/** Quote a raw cell value for a message, shortened so a long cell stays readable. */
export function quote(value: unknown): string {
  const text = value instanceof Date ? (Number.isNaN(value.getTime()) ? "无效日期" : value.toISOString().slice(0, 10)) : textOf(value);
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return `“${short}”`;
}
