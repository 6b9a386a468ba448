/**
 * The WPS add-in root of a page: `wps` (or `Application`, the same object) in WPS's embedded
 * browser, recognised by the add-in API (CreateTaskPane) rather than by its name alone.
 */
import type { WpsApplication } from "./et";

export function wpsApplicationIn(scope: object): WpsApplication | null {
  const holder = scope as { wps?: unknown; Application?: unknown };
  for (const candidate of [holder.wps, holder.Application]) {
    if (
      typeof candidate === "object" &&
      candidate !== null &&
      typeof (candidate as { CreateTaskPane?: unknown }).CreateTaskPane === "function"
    ) {
      return candidate as WpsApplication;
    }
  }
  return null;
}
