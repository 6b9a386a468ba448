/** Types of scripts/officeJs.js (CommonJS, shared by webpack.config.js and the tests). */
export type OfficeJsMode = "local" | "cdn" | "cn";
export const OFFICE_JS_MODES: Readonly<Record<OfficeJsMode, string>>;
export const LOCAL_FOLDER: string;
export const LOCAL_FILES: readonly string[];
export function officeJsMode(value: string | undefined): OfficeJsMode;
export function officeJsUrl(mode: string | undefined): string;
export function officeJsPackageDir(): string;
export function officeJsCopyPatterns(
  mode: string | undefined,
): { from: string; context: string; to: string; info: { minimized: boolean } }[];
