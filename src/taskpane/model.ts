/**
 * What the pane does, without React: run a check through a WorkbookHost with the saved
 * settings, detect the columns for the mapping editor, and edit the policy file kept in
 * the settings. Components call these; tests can too.
 */
import type { CheckReport, Finding } from "../checks";
import { checkSheets, SideSheet } from "../engine/checkSheet";
import type { PaneSettings, WorkbookHost } from "../host/types";
import { columnLetter, findHeader, FieldKey, headNameOf, LedgerNotFoundError } from "../ledger";
import type { Ledger, SheetInput } from "../ledger/model";
import { parsePolicyFile, ParameterKey, Policy, PolicyOverrides, resolvePolicy } from "../policy";
import { buildSummaries, SummaryKey } from "../summaries";
import { CivilDate, fromJsDate } from "../values";

/** Where the policy file kept in the settings says it came from (shown in PolicyFileError messages). */
export const SETTINGS_POLICY_SOURCE = "工作簿设置";

/** A column as the mapping editor shows it. */
export interface DetectedColumn {
  /** Sheet column letters. */
  readonly letter: string;
  /** The header as written (the key of PaneSettings.mappings[sheet]). */
  readonly header: string;
  /** What detection alone (without the user's mapping) matched; null when nothing. */
  readonly auto: FieldKey | null;
  readonly measureKind: string | null;
}

export interface DetectedColumns {
  readonly sheet: string;
  /** Sheet row of the header (its first row for a two-row header). */
  readonly headerRow: number;
  /** False when detection found no ledger header: the columns are the fullest of the first rows. */
  readonly recognised: boolean;
  readonly columns: readonly DetectedColumn[];
}

/** A household as the findings list names it. */
export interface HouseholdLabel {
  readonly key: string;
  /** The head's name, when the ledger gives it. */
  readonly head: string | null;
}

export interface CheckResult {
  readonly sheet: string;
  readonly asOf: CivilDate;
  readonly report: CheckReport;
  readonly policy: Policy;
  readonly columns: DetectedColumns;
  /** The households that have findings, in ledger order (grouping by household lists them so). */
  readonly households: readonly HouseholdLabel[];
  /**
   * Other visible worksheets of the file that hold a ledger and were not checked in this run (neither the sheet
   * checked nor a side ledger): the offline page names them; absent where the host does not look.
   */
  readonly otherLedgerSheets?: readonly string[];
}

/** Reading progress: rows of a known total (a host reads in blocks), or rows and the part of the file read so far (a file streams). */
export type ReadProgressValue =
  | { readonly read: number; readonly total: number; readonly fraction?: undefined }
  | { readonly read: number; readonly total: null; readonly fraction: number };

/** What a check is of: the sheet, with the saved settings (policy, mappings, scope), on a date, with side ledgers joined. */
export interface CheckRequest {
  readonly sheet: string;
  readonly settings: PaneSettings;
  readonly asOf: CivilDate;
  /** Other sheets of the workbook joined as side ledgers (结对表, 上年收入, 小额信贷 …), in the order chosen. */
  readonly sides?: readonly string[];
}

export interface GenerateRequest {
  readonly sheet: string;
  readonly settings: PaneSettings;
  /** Side ledgers joined as in the check (the 检查 tab's choice). */
  readonly sides?: readonly string[];
  /** The check date and the tabs' generation time. */
  readonly clock: Date;
  readonly tabs: readonly SummaryKey[];
  readonly fullIds: boolean;
}

export interface GenerateOutcome {
  /** The check the tables were built from. */
  readonly result: CheckResult;
  /** The tabs' names as written. */
  readonly written: readonly string[];
  /** Where the tabs went into a copy of the workbook (the offline page): the copy to download. */
  readonly download?: { readonly fileName: string; readonly url: string; readonly bytes: number };
}

/**
 * Where the pane's work runs. In Excel, WPS and the harness the pane reads the host's cells and
 * checks them itself (hostEngine); the offline page hands the same steps to a worker over the
 * chosen file, so that a big ledger never holds up the page.
 */
export interface PaneEngine {
  check(request: CheckRequest, onProgress?: (progress: ReadProgressValue) => void): Promise<CheckResult>;
  /** Check the sheet afresh (the ledger may have changed), build the chosen tables and write them. */
  generate(request: GenerateRequest, onProgress?: (progress: ReadProgressValue) => void): Promise<GenerateOutcome>;
  /** The sheet's columns as detection alone sees them, for the mapping editor. */
  detectColumns(sheet: string): Promise<DetectedColumns>;
}

/** The pane's own engine: the host's cells, checked and summarised in the pane, the tabs written by the host. */
export function hostEngine(host: WorkbookHost): PaneEngine {
  const rowsProgress = (onProgress?: (progress: ReadProgressValue) => void) =>
    onProgress ? (read: number, total: number) => onProgress({ read, total }) : undefined;
  return {
    check: async ({ sheet, settings, asOf, sides }, onProgress) => {
      const { ledger: _ledger, ...result } = await runCheck(host, sheet, settings, asOf, rowsProgress(onProgress), sides);
      return result; // the ledger stays here: the pane keeps only what it shows
    },
    generate: async ({ sheet, settings, clock, tabs, fullIds, sides }, onProgress) => {
      const { ledger, ...result } = await runCheck(host, sheet, settings, civilDateOf(clock), rowsProgress(onProgress), sides);
      const tables = buildSummaries(ledger, result.report, {
        policy: result.policy,
        asOf: result.asOf,
        generatedAt: localTimestamp(clock),
        tabs,
        fullIds,
      });
      return { result, written: await host.writeSummaries(tables) };
    },
    detectColumns: async (sheet) => detectColumns(await host.readSheet(sheet)),
  };
}

/** The households that have findings, in ledger order, with their heads' names. */
export function householdLabels(ledger: Ledger, findings: readonly Finding[]): HouseholdLabel[] {
  const withFindings = new Set<string>();
  for (const f of findings) if (f.household !== null) withFindings.add(f.household);
  return ledger.households.filter((h) => withFindings.has(h.key)).map((h) => ({ key: h.key, head: headNameOf(h) }));
}

/** The policy file kept in the settings, parsed; undefined when there is none. Throws PolicyFileError. */
export function overridesOf(settings: PaneSettings): PolicyOverrides | undefined {
  if (settings.policyJson === null || settings.policyJson.trim() === "") return undefined;
  return parsePolicyFile(settings.policyJson, SETTINGS_POLICY_SOURCE);
}

/** The policy year the settings ask for: their own, or the check date's year. */
export function policyYearOf(settings: PaneSettings, asOf: CivilDate): number {
  return settings.policyYear ?? asOf.year;
}

/** The policy the next check will use. Throws PolicyFileError when the saved file is invalid. */
export function policyOf(settings: PaneSettings, asOf: CivilDate): Policy {
  return resolvePolicy(policyYearOf(settings, asOf), overridesOf(settings));
}

/** How the report names another sheet of the workbook joined as a side ledger. */
export function sideSheetSource(sheet: string): string {
  return `工作表“${sheet}”`;
}

/**
 * Read a sheet through the host and check it with the saved settings: the policy year, the
 * policy file and the sheet's column mapping. Errors (HostError, LedgerNotFoundError,
 * PolicyFileError, InputError) propagate to the caller, which shows them.
 */
export async function runCheck(
  host: WorkbookHost,
  sheet: string,
  settings: PaneSettings,
  asOf: CivilDate,
  onProgress?: (rowsRead: number, totalRows: number) => void,
  sides: readonly string[] = [],
): Promise<CheckResult & { readonly ledger: Ledger }> {
  const overrides = overridesOf(settings); // before reading: a bad policy file fails fast
  const input = await host.readSheet(sheet, onProgress);
  // Other sheets of the workbook chosen as side ledgers (结对表, 上年收入, 小额信贷 …), each with its own column mapping.
  const sideSheets: SideSheet[] = [];
  for (const name of sides)
    if (name !== sheet)
      sideSheets.push({ sheet: await host.readSheet(name, onProgress), source: sideSheetSource(name), mapping: settings.mappings[name] });
  const checked = checkSheets(input, sideSheets, {
    asOf,
    overrides,
    mapping: settings.mappings[sheet],
    policyYear: policyYearOf(settings, asOf),
    scope: { includeMonitored: settings.includeMonitored === true },
  });
  return { sheet, asOf, ...checked, columns: detectColumns(input), households: householdLabels(checked.ledger, checked.report.findings) };
}

const HEADER_SEARCH_ROWS = 15;

function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  return String(value).trim();
}

/**
 * The columns of a sheet as detection alone sees them (the user's mapping is applied on
 * top, in the editor). When no ledger header is recognised, the fullest of the first rows
 * (the row with the most cells of text) is offered instead, so that the user can map its
 * columns by hand.
 */
export function detectColumns(input: SheetInput): DetectedColumns {
  try {
    const header = findHeader(input);
    return {
      sheet: input.name,
      headerRow: header.headerRow,
      recognised: true,
      columns: header.columns
        .filter((c) => c.header !== "")
        .map((c) => ({ letter: c.letter, header: c.header, auto: c.field, measureKind: c.measureKind })),
    };
  } catch (error) {
    if (!(error instanceof LedgerNotFoundError)) throw error;
    return unrecognisedColumns(input);
  }
}

function unrecognisedColumns(input: SheetInput): DetectedColumns {
  const originRow = input.origin?.row ?? 1;
  const originColumn = input.origin?.column ?? 1;
  let best = -1;
  let bestCount = 0;
  for (let r = 0; r < Math.min(input.cells.length, HEADER_SEARCH_ROWS); r++) {
    // Headers are words: numbers and dates (data rows) do not count.
    const count = (input.cells[r] ?? []).filter((v) => typeof v === "string" && /[^\d\s.,:/-]/.test(v)).length;
    if (count > bestCount) {
      best = r;
      bestCount = count;
    }
  }
  const row = best >= 0 ? input.cells[best] : [];
  const columns: DetectedColumn[] = [];
  row.forEach((value, i) => {
    const header = text(value);
    if (header !== "") columns.push({ letter: columnLetter(originColumn + i), header, auto: null, measureKind: null });
  });
  return { sheet: input.name, headerRow: originRow + Math.max(best, 0), recognised: false, columns };
}

// ---------------------------------------------------------------- the policy file in the settings

interface PolicyFileYear {
  [key: string]: number | string[];
}

interface PolicyFileShape {
  description?: string;
  years: Record<string, PolicyFileYear>;
}

function policyFile(json: string | null): PolicyFileShape {
  if (json === null || json.trim() === "") return { description: "在增收帮扶助手中设置的本地参数", years: {} };
  // Only called on a file that overridesOf has accepted, or to build a new one.
  const parsed = JSON.parse(json) as PolicyFileShape;
  return { ...parsed, years: { ...parsed.years } };
}

function finish(file: PolicyFileShape): string {
  const json = JSON.stringify(file, null, 2);
  parsePolicyFile(json, SETTINGS_POLICY_SOURCE); // throws PolicyFileError with every problem
  return json;
}

/** The policy file with `key` confirmed (accepted at its current value) for `year`. */
export function confirmParameter(json: string | null, year: number, key: ParameterKey): string {
  const file = policyFile(json);
  const entry: PolicyFileYear = { ...(file.years[String(year)] ?? {}) };
  const confirm = Array.isArray(entry.confirm) ? entry.confirm : [];
  entry.confirm = confirm.includes(key) ? confirm : [...confirm, key];
  file.years[String(year)] = entry;
  return finish(file);
}

/** The policy file with `key` set to `value` for `year` (which confirms it). Throws PolicyFileError for a value out of range. */
export function setParameter(json: string | null, year: number, key: ParameterKey, value: number): string {
  const file = policyFile(json);
  const entry: PolicyFileYear = { ...(file.years[String(year)] ?? {}) };
  entry[key] = value;
  if (Array.isArray(entry.confirm)) {
    entry.confirm = entry.confirm.filter((k) => k !== key);
    if (entry.confirm.length === 0) delete entry.confirm;
  }
  file.years[String(year)] = entry;
  return finish(file);
}

// ---------------------------------------------------------------- dates

export function civilDateOf(date: Date): CivilDate {
  return fromJsDate(date);
}

/** Local time as an ISO timestamp without zone: 2025-12-15T09:30:00 (the summaries' generatedAt). */
export function localTimestamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:` +
    `${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}
