/**
 * How the task pane finds Office when the page loads, in one place (the page's other start-up
 * code only renders what this returns):
 *
 * - office.js did not load (blocked network, a CDN build on an office network, files missing on
 *   the server): `Office` is undefined. taskpane.html's onerror records the address it tried.
 * - office.js loaded but Office.onReady never settles (companion files missing): after a time-out.
 * - onReady resolved without Excel: the page was opened in a plain browser (or another Office app).
 */
import { languageOf, type Language } from "./i18n";

export type OfficeStartup =
  | { readonly kind: "excel"; readonly language: Language }
  | { readonly kind: "notInExcel"; readonly language: Language }
  | { readonly kind: "officeJsMissing"; readonly src: string }
  | { readonly kind: "timeout" };

/** Where taskpane.html's onerror leaves the address of an office.js that failed to load. */
export interface StartupGlobals {
  readonly Office?: { onReady(): Promise<unknown>; readonly context?: { readonly displayLanguage?: string } };
  readonly Excel?: unknown;
  readonly bangfuOfficeJsFailed?: string;
}

/** Office normally answers within a second or two; well above that something is missing. */
export const OFFICE_READY_TIMEOUT_MS = 30_000;

export async function startOffice(globals: StartupGlobals = globalThis as StartupGlobals, timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<OfficeStartup> {
  const office = globals.Office;
  if (office === undefined) return { kind: "officeJsMissing", src: globals.bangfuOfficeJsFailed ?? officeJsAddress() };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
  const outcome = await Promise.race([office.onReady().then(() => "ready" as const), timedOut]);
  clearTimeout(timer);
  if (outcome === "timeout") return { kind: "timeout" };
  const language = languageOf(office.context?.displayLanguage);
  return { kind: globals.Excel === undefined ? "notInExcel" : "excel", language };
}

/** The office.js script's address as written in the page (for the message). */
function officeJsAddress(): string {
  if (typeof document === "undefined") return "office.js";
  const script = Array.from(document.getElementsByTagName("script")).find((s) => /office\.js(\?|$)/i.test(s.src));
  return script?.src ?? "office.js";
}
