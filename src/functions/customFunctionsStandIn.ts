/**
 * Excel's custom-functions runtime provides the global `CustomFunctions` (Error, ErrorCode),
 * which the function implementations (./functions.ts) use for a cell's error. WPS has no such
 * runtime: this stand-in has the same shape (WPS installs it; the Jest setup uses it too).
 */

/** The stand-in for CustomFunctions.Error: a code and a message. */
export class CustomFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
    this.name = "CustomFunctions.Error";
  }
}

export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};

/** Makes `CustomFunctions.Error` and `.ErrorCode` available where Excel's runtime is not. */
export function installCustomFunctionsStandIn(scope: object = globalThis): void {
  const holder = scope as { CustomFunctions?: unknown };
  if (holder.CustomFunctions === undefined) holder.CustomFunctions = { Error: CustomFunctionError, ErrorCode: ERROR_CODES };
}
