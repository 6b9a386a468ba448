/**
 * The BANGFU custom functions in WPS 表格 (12.1.0.20540 and later): the same implementations as
 * in Excel (src/functions/functions.ts), registered with wps.AddCustomFunction under the BANGFU
 * namespace, so =BANGFU.TIER(R4) works in both.
 *
 * What the adapter changes at the boundary:
 * - arguments: a single cell may arrive as a scalar, a row as a 1-D array, an empty cell as
 *   undefined and a formula error as its COM number; each becomes the matrix Excel would pass
 *   (errors as their text, which the value parsers reject with a message); an argument left out
 *   as undefined or as COM's missing-argument number is left out;
 * - errors: Excel shows a CustomFunctions.Error as #VALUE! with the message on hover. WPS
 *   documents no error value for add-in functions (only number, string, boolean, any and their
 *   2-D arrays), so a bad cell shows the text "#VALUE!：" and the Chinese message instead. The
 *   implementations construct CustomFunctions.Error, which only Excel provides: a stand-in with
 *   the same shape is installed when absent.
 * - the policy: that of the workbook the formula is in, read once per call (./functionSettings.ts).
 * WPS calls custom functions synchronously; all five are synchronous.
 */
import { AGE, COURTYARD_SUBSIDY, FILIAL_MATCH, PER_CAPITA, TIER } from "../functions/functions";
import type { WpsApplication, WpsFunctionMetadata } from "./et";
import { CustomFunctionError, installCustomFunctionsStandIn } from "../functions/customFunctionsStandIn";
import { FunctionSettingsFollower } from "./functionSettings";
import { normaliseCell } from "./values";

export const WPS_NAMESPACE = "BANGFU";

type Implementation = (...args: never[]) => unknown[][];

export const IMPLEMENTATIONS: Readonly<Record<string, Implementation>> = { TIER, COURTYARD_SUBSIDY, FILIAL_MATCH, PER_CAPITA, AGE };

function isFunctionError(value: unknown): value is { code: string; message: string } {
  return (
    typeof value === "object" &&
    value !== null &&
    (value instanceof CustomFunctionError || (value as { name?: unknown }).name === "CustomFunctions.Error") &&
    typeof (value as { code?: unknown }).code === "string"
  );
}

/** What a bad cell shows in WPS. */
export function errorText(error: { code: string; message: string }): string {
  return error.message ? `${error.code}：${error.message}` : error.code;
}

/**
 * What an argument left out may arrive as: COM's "parameter not found" (DISP_E_PARAMNOTFOUND,
 * 0x80020004), which COM automation passes for a missing optional argument and which add-ins
 * written for WPS report receiving in place of an omitted one. No ledger value comes this close to -2^31.
 */
export const COM_MISSING_ARGUMENT = 0x80020004 | 0;

function isLeftOut(arg: unknown): boolean {
  if (arg === undefined || arg === COM_MISSING_ARGUMENT) return true;
  // The same, wrapped as one cell ([[v]] or [v]).
  if (Array.isArray(arg) && arg.length === 1)
    return Array.isArray(arg[0]) ? arg[0].length === 1 && arg[0][0] === COM_MISSING_ARGUMENT : arg[0] === COM_MISSING_ARGUMENT;
  return false;
}

/** An argument as Excel passes a matrix parameter; one left out (undefined, or COM's missing-argument number) stays undefined. */
export function toMatrix(arg: unknown): unknown[][] | undefined {
  if (isLeftOut(arg)) return undefined;
  if (!Array.isArray(arg)) return [[blankToNull(arg)]];
  if (arg.length === 0) return [];
  if (!Array.isArray(arg[0])) return [arg.map(blankToNull)];
  return arg.map((row: unknown) => (Array.isArray(row) ? row.map(blankToNull) : [blankToNull(row)]));
}

function blankToNull(value: unknown): unknown {
  const cell = normaliseCell(value);
  return cell === "" ? null : cell;
}

function toWpsCell(value: unknown): unknown {
  return isFunctionError(value) ? errorText(value) : value;
}

/** The function WPS calls: arguments to matrices, the shared implementation, errors to text. */
export function wpsFunction(implementation: Implementation, beforeEach: () => void = () => undefined): (...args: unknown[]) => unknown[][] {
  return (...args: unknown[]) => {
    beforeEach();
    let result: unknown[][];
    try {
      result = (implementation as (...a: unknown[]) => unknown[][])(...args.map(toMatrix));
    } catch (error) {
      if (isFunctionError(error)) return [[errorText(error)]];
      throw error; // a fault in BANGFU: WPS shows its own error, never a made-up value
    }
    return result.map((row) => row.map(toWpsCell));
  };
}

export type RegistrationResult = "registered" | "unsupported";

/**
 * Register the five functions; "unsupported" (nothing registered) on WPS builds without
 * AddCustomFunction, where the ribbon and the pane still work.
 */
export function registerWpsFunctions(app: WpsApplication, metadata: Readonly<Record<string, WpsFunctionMetadata>>): RegistrationResult {
  const add = app.AddCustomFunction;
  if (typeof add !== "function") return "unsupported";
  installCustomFunctionsStandIn();
  const follower = new FunctionSettingsFollower(app);
  for (const [id, implementation] of Object.entries(IMPLEMENTATIONS)) {
    const meta = metadata[id];
    if (!meta) throw new Error(`BANGFU：缺少函数 ${id} 的说明（构建时生成的元数据不完整）`);
    add.call(
      app,
      WPS_NAMESPACE,
      id,
      wpsFunction(implementation, () => follower.sync()),
      meta,
    );
  }
  return "registered";
}
