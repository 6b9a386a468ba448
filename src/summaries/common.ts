/**
 * What the summary builders share: their input, cells and columns, the grouping of
 * households by town and village, and small statistics. Nothing here reads the clock.
 */
import type { CheckContext, CheckReport, HouseholdFacts } from "../checks";
import { missingRequirements } from "../checks/context";
import type { IncomeTier } from "../formulas";
import type { Ledger } from "../ledger";
import { formatParameterValue, PARAMETERS, ParameterKey, PLAN_PERIOD, Policy } from "../policy";
import { CivilDate, formatDate, formatYuan, roundToFen, roundToPrecision } from "../values";
import type { CellFormat, SummaryCell, SummaryColumn, SummaryKey, SummaryMeta } from "./model";

export interface SummaryOptions {
  readonly policy: Policy;
  /** The check date (the same as the CheckReport's). */
  readonly asOf: CivilDate;
  /** ISO timestamp of generation, passed in so that the same input gives the same tables. */
  readonly generatedAt: string;
  /** The tabs to build, in any order; all six when absent. */
  readonly tabs?: readonly SummaryKey[];
  /** Show ID numbers in full in 重点户清单 (masked by default). */
  readonly fullIds?: boolean;
}

/** Everything a builder reads. */
export interface SummaryInput {
  readonly ledger: Ledger;
  readonly report: CheckReport;
  readonly options: SummaryOptions;
  /** The checks' own view of the ledger: per-capita income, tier, ages. */
  readonly context: CheckContext;
}

export function metaOf(input: SummaryInput): SummaryMeta {
  return {
    sourceSheet: input.ledger.sheetName,
    asOf: formatDate(input.options.asOf),
    policyYear: input.options.policy.year,
    generatedAt: input.options.generatedAt,
  };
}

// ---------------------------------------------------------------- cells

/** A figure that cannot be computed (a column is missing, or no household has the data). */
export const DASH: SummaryCell = { value: "—", format: "text" };

export const textCell = (value: string | null): SummaryCell => ({ value: value === null || value === "" ? null : value });
export const countCell = (value: number): SummaryCell => ({ value });
export const yuanCell = (value: number | null): SummaryCell => (value === null ? DASH : { value: roundToFen(value) });
export const shareCell = (value: number | null): SummaryCell => (value === null ? DASH : { value: roundToPrecision(value) });

/** The share part / whole, or null when the whole is 0. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? roundToPrecision(part / whole) : null;
}

// ---------------------------------------------------------------- columns

const MIN_WIDTH: Record<CellFormat, number> = { text: 10, integer: 8, yuan: 13, percent: 9, date: 11 };

/** Width as Excel counts it: a CJK or full-width character takes two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}

/** A column wide enough for its header and its format (or `width` when given). */
export function column(header: string, format: CellFormat, width?: number): SummaryColumn {
  return { header, format, width: width ?? Math.max(MIN_WIDTH[format], displayWidth(header) + 2) };
}

// ---------------------------------------------------------------- villages

export const NO_VILLAGE = "（未填村）";
export const NO_TOWN = "（未填乡镇）";
export const TOTAL_LABEL = "合计";

const COLLATOR = new Intl.Collator("zh-CN", { numeric: true });

export interface VillageGroup {
  /** Null when the ledger has no town column. */
  readonly town: string | null;
  readonly village: string;
  readonly households: readonly HouseholdFacts[];
}

export function hasTowns(input: SummaryInput): boolean {
  return input.context.has("town");
}

/**
 * Households grouped by town (when the ledger has towns) and village, sorted by town then
 * village in pinyin order (numbers by value); blank towns and villages last.
 */
export function villageGroups(input: SummaryInput): VillageGroup[] {
  const withTown = hasTowns(input);
  const groups = new Map<string, { town: string | null; village: string; households: HouseholdFacts[] }>();
  for (const facts of input.context.households) {
    const town = withTown ? facts.household.values.town?.trim() || NO_TOWN : null;
    const village = facts.household.values.village?.trim() || NO_VILLAGE;
    const key = `${town ?? ""}\u0000${village}`;
    let group = groups.get(key);
    if (!group) {
      group = { town, village, households: [] };
      groups.set(key, group);
    }
    group.households.push(facts);
  }
  const order = (a: string, b: string, blank: string) =>
    (a === blank ? 1 : 0) - (b === blank ? 1 : 0) || COLLATOR.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
  return [...groups.values()].sort((a, b) => order(a.town ?? "", b.town ?? "", NO_TOWN) || order(a.village, b.village, NO_VILLAGE));
}

/** The leading columns naming a group: 乡镇 (when present) and 村. */
export function placeColumns(input: SummaryInput): SummaryColumn[] {
  return hasTowns(input) ? [column("乡镇", "text", 14), column("村", "text", 14)] : [column("村", "text", 14)];
}

export function placeCells(input: SummaryInput, group: VillageGroup): SummaryCell[] {
  return hasTowns(input) ? [{ value: group.town }, { value: group.village }] : [{ value: group.village }];
}

export function totalPlaceCells(input: SummaryInput): SummaryCell[] {
  return hasTowns(input) ? [{ value: TOTAL_LABEL }, { value: null }] : [{ value: TOTAL_LABEL }];
}

// ---------------------------------------------------------------- statistics

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return roundToFen(values.reduce((s, v) => s + v, 0) / values.length);
}

/** The middle value; with an even count, the mean of the two middle values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return roundToFen(sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
}

export const TIERS: readonly IncomeTier[] = ["high", "middle", "low"];

/** Some household's tier is unknown (no per-capita income): tables then show a 收入不详 column. */
export function hasUnknownIncome(input: SummaryInput): boolean {
  return input.context.households.some((h) => h.tier === null);
}

// ---------------------------------------------------------------- notes

/** "缺少列：…" names of what a computation needs and the ledger lacks (the checks' wording). */
export function missing(input: SummaryInput, needs: Parameters<typeof missingRequirements>[1]): string[] {
  return missingRequirements(input.context, needs);
}

/** Notes for parameters a table uses that are still at their shipped local default, and for a year outside the plan. */
export function policyNotes(input: SummaryInput, used: readonly ParameterKey[]): string[] {
  const { policy } = input.options;
  const notes: string[] = [];
  for (const key of used) {
    if (!policy.unconfirmed.includes(key)) continue;
    const definition = PARAMETERS[key];
    const value = formatParameterValue(key, policy.values[key]);
    const note = "localDefault" in definition ? definition.localDefault.note : "";
    notes.push(`注意：“${definition.label}”使用内置默认值${value}，尚未确认（${note}）。`);
  }
  if (policy.outsidePlanPeriod)
    notes.push(`注意：政策年度${policy.year}年不在方案期（${PLAN_PERIOD.firstYear}—${PLAN_PERIOD.lastYear}年）内，沿用最近年度的参数。`);
  return notes;
}

export const yuanText = formatYuan;
