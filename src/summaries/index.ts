/**
 * Summary tabs of a checked ledger, host-neutral (see ./model.ts): the Excel adapter,
 * the .xlsx writer and the web page render the same SummaryTable[].
 */
import type { CheckReport } from "../checks";
import { buildContext } from "../checks/context";
import type { Ledger } from "../ledger";
import type { SummaryInput, SummaryOptions } from "./common";
import { buildFindingsTable } from "./findings";
import { buildFocusTable } from "./focus";
import { buildFundsTable } from "./funds";
import { buildGrowthTable } from "./growth";
import { buildMeasuresTable } from "./measures";
import type { SummaryKey, SummaryTable } from "./model";
import { buildTiersTable } from "./tiers";

export * from "./model";
export type { SummaryInput, SummaryOptions } from "./common";
export { maskId, headOf } from "./focus";
export { MEETS_TARGET, BELOW_TARGET } from "./growth";
export { buildTiersTable, buildMeasuresTable, buildFundsTable, buildGrowthTable, buildFocusTable, buildFindingsTable };

/** The tabs in the order they are written. */
export const SUMMARY_KEYS: readonly SummaryKey[] = ["tiers", "measures", "funds", "growth", "focus", "findings"];

const BUILDERS: Record<SummaryKey, (input: SummaryInput) => SummaryTable> = {
  tiers: buildTiersTable,
  measures: buildMeasuresTable,
  funds: buildFundsTable,
  growth: buildGrowthTable,
  focus: buildFocusTable,
  findings: buildFindingsTable,
};

/**
 * The summary tables of a ledger and its check report, in SUMMARY_KEYS order (only
 * options.tabs when given). Pure: the same input and generatedAt give the same tables.
 */
export function buildSummaries(ledger: Ledger, report: CheckReport, options: SummaryOptions): SummaryTable[] {
  // The households the check counted as the plan's 脱贫户, as the check counted them.
  const context = buildContext(ledger, options.policy, options.asOf, { includeMonitored: report.includeMonitored });
  const input: SummaryInput = { ledger, report, options, context };
  const wanted = options.tabs ?? SUMMARY_KEYS;
  return SUMMARY_KEYS.filter((key) => wanted.includes(key)).map((key) => BUILDERS[key](input));
}
