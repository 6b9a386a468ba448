/**
 * The real-layout fixtures (docs/real-exports.md), each a workbook built from the exact header
 * strings and the rows above and below them that public projects read, with synthetic households.
 */
import { allpeopleTemplate } from "./allpeople";
import type { RealLayoutFixture } from "./common";
import { govybhTemplates } from "./govybh";
import { handLedger } from "./handLedger";
import { nationalMonitoringExport } from "./nationalMonitoring";
import { pairingExport } from "./pairing";
import { previousIncomeExport } from "./previousIncome";
import { relocationIndustryTemplate } from "./relocationIndustry";
import { smallLoanExport } from "./smallLoan";

export * from "./common";
export { EXPECTED, JOINED, CHECK_DATE } from "./expected";
export type { Expectation, FixtureExpectations, JoinedExpectations, FieldName } from "./expected";

/** Every fixture, by id. Built on each call: callers may not share mutable rows. */
export function realLayoutFixtures(): Record<string, RealLayoutFixture> {
  const list = [
    nationalMonitoringExport(),
    pairingExport(),
    previousIncomeExport(),
    smallLoanExport(),
    allpeopleTemplate(),
    relocationIndustryTemplate(),
    govybhTemplates(),
    handLedger(),
  ];
  return Object.fromEntries(list.map((fixture) => [fixture.id, fixture]));
}
