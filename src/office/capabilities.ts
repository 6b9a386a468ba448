/**
 * What this Excel can do, from Office.context.requirements.isSetSupported, so that BANGFU does
 * the most each Office version allows. The manifest declares only ExcelApi 1.1 (the check and the
 * settings need nothing more); everything above it is asked for here and used only when present.
 *
 * Which Office has which set (Microsoft's "Excel JavaScript API requirement sets", volume-licensed
 * perpetual column): Office 2016 ExcelApi 1.1; Office 2019 up to 1.7 (1.8 per the table's
 * 1808 build is Office 2021); Office 2021 up to 1.14; Office LTSC 2024 up to 1.17; Microsoft 365
 * and Excel on the web all. See README, "Office 版本与功能".
 */

/** The ExcelApi version each feature needs, and why. */
export const FEATURE_SETS = {
  /** getUsedRange(valuesOnly): cells that only carry formatting do not count. */
  usedRangeValuesOnly: "1.2",
  /** workbook.functions: DATE(1904,1,1) tells a 1904 workbook, whose date serials are read 1,462 days later (./dateSystem.ts). */
  dateSystem: "1.2",
  /** Custom XML parts keep the fills a mark replaced (without them marks could not be cleared). */
  marks: "1.5",
  /** suspendApiCalculationUntilNextSync while writing a summary tab. */
  suspendCalculation: "1.6",
  /** Summary tabs: workbook names (1.4) mark them, hyperlinks and frozen panes (1.7). */
  summaries: "1.7",
  /** Fill pattern and tint: a mark restores a patterned or tinted fill exactly. */
  fillDetails: "1.9",
  /** suspendScreenUpdatingUntilNextSync while writing a summary tab. */
  suspendScreenUpdating: "1.9",
  /** Comments (threaded) as the marks' annotation. */
  comments: "1.10",
  /**
   * Range.getMergedAreasOrNullObject: the merged areas of a two-row header, and those down data
   * rows (a 村 merged over its households), whose value then applies to every row they cover.
   */
  mergedAreas: "1.13",
  /** Notes as the marks' annotation. */
  notes: "1.18",
} as const;

export type Feature = keyof typeof FEATURE_SETS;

export type ExcelCapabilities = Readonly<Record<Feature, boolean>>;

/** Every feature: Microsoft 365, Excel on the web, and the tests' fake. */
export const ALL_CAPABILITIES: ExcelCapabilities = Object.fromEntries(Object.keys(FEATURE_SETS).map((k) => [k, true])) as ExcelCapabilities;

export function detectCapabilities(isSetSupported: (name: string, version: string) => boolean): ExcelCapabilities {
  return Object.fromEntries(
    Object.entries(FEATURE_SETS).map(([feature, version]) => [feature, isSetSupported("ExcelApi", version)]),
  ) as ExcelCapabilities;
}

/** Office.context.requirements.isSetSupported, or "nothing above the minimum" where it cannot be asked. */
export function officeIsSetSupported(name: string, version: string): boolean {
  const requirements = typeof Office === "undefined" ? undefined : Office.context?.requirements;
  return requirements ? requirements.isSetSupported(name, version) : false;
}

/** The Chinese message for a feature this Excel lacks: what it needs and what to do. */
export function unsupportedMessage(what: string, feature: Feature): string {
  return (
    `${what}需要 Excel JavaScript API ${FEATURE_SETS[feature]}，这个版本的 Excel ` +
    `不支持（Office LTSC 2021 到 1.14，Office LTSC 2024 到 1.17）。检查台账、` +
    `设置和公式仍可使用；请把 Office 更新到最新版本，或在 Microsoft 365、Excel ` +
    `网页版中使用此功能。`
  );
}

/**
 * Office versions on Windows and what Microsoft's requirement-set tables say they support
 * (checked against office-js-docs-reference: "Excel JavaScript API requirement sets",
 * "Shared runtime requirement sets", "Custom Functions requirement sets", "Add-in commands
 * requirement sets"; volume-licensed perpetual / LTSC column). `excelApi` is the highest ExcelApi
 * set; a retail (Click-to-Run) Office 2016–2024 with updates is in the Microsoft 365 column.
 */
export interface OfficeVersion {
  readonly name: string;
  readonly excelApi: string;
  /** Ribbon buttons (add-in commands). */
  readonly addinCommands: boolean;
  /** SharedRuntime 1.1: the manifest's VersionOverrides (ribbon, custom functions) applies. */
  readonly sharedRuntime: boolean;
  /** CustomFunctionsRuntime: "yes", "no", or "disputed" where Microsoft's pages disagree. */
  readonly customFunctions: "yes" | "no" | "disputed";
  /**
   * The webview that shows the task pane ("Browsers and webview controls used by Office Add-ins"):
   * volume-licensed Office 2016/2019 use Internet Explorer 11 (Trident, ES5) whatever is installed,
   * so the pane (ES2020) cannot run there and taskpane.html only says so; Office 2021 and later
   * install WebView2, and Microsoft 365 uses it where installed.
   */
  readonly webview: "trident" | "webview2";
}

/** Whether the task pane runs in this Office at all (not in Internet Explorer 11). */
export function paneRuns(version: OfficeVersion): boolean {
  return version.webview === "webview2";
}

export const OFFICE_VERSIONS: readonly OfficeVersion[] = [
  {
    name: "Office 2016（批量许可）",
    excelApi: "1.1",
    addinCommands: false,
    sharedRuntime: false,
    customFunctions: "no",
    webview: "trident",
  },
  {
    name: "Office 2019（批量许可）",
    excelApi: "1.7",
    addinCommands: false,
    sharedRuntime: false,
    customFunctions: "no",
    webview: "trident",
  },
  {
    name: "Office LTSC 2021",
    excelApi: "1.14",
    addinCommands: true,
    sharedRuntime: true,
    customFunctions: "disputed",
    webview: "webview2",
  },
  { name: "Office LTSC 2024", excelApi: "1.17", addinCommands: true, sharedRuntime: true, customFunctions: "yes", webview: "webview2" },
  {
    name: "Microsoft 365 / Excel 网页版",
    excelApi: "1.21",
    addinCommands: true,
    sharedRuntime: true,
    customFunctions: "yes",
    webview: "webview2",
  },
];

/** Compare "1.9" and "1.10" as versions. */
export function versionAtLeast(version: string, minimum: string): boolean {
  const [a, b] = [version, minimum].map((v) => v.split(".").map(Number));
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

/** The capabilities of an Office version, as detectCapabilities would find them there. */
export function capabilitiesOf(version: OfficeVersion): ExcelCapabilities {
  return detectCapabilities((name, v) => name === "ExcelApi" && versionAtLeast(version.excelApi, v));
}
