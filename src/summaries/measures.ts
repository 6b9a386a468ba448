/**
 * 汇总-措施: for each of the plan's ten actions, the households its measures cover, by tier;
 * then the households without any measure (一户一策, 二（一）).
 */
import type { HouseholdFacts } from "../checks";
import { TIER_LABELS } from "../formulas";
import { actionsOfMeasure, actionsOfMeasures, ActionId, INCOME_ACTIONS } from "../policy";
import { column, countCell, DASH, hasUnknownIncome, metaOf, missing, policyNotes, share, shareCell, SummaryInput, TIERS } from "./common";
import { SUMMARY_TITLES, SummaryCell, SummaryColumn, SummaryTable } from "./model";

/** How many unmapped measure texts a note names before "等". */
const UNMAPPED_LISTED = 10;

export function buildMeasuresTable(input: SummaryInput): SummaryTable {
  const households = input.context.households;
  const withUnknown = hasUnknownIncome(input);
  const lacking = missing(input, ["measures"]);
  const available = lacking.length === 0;

  const columns: SummaryColumn[] = [
    column("条款", "text", 10),
    column("增收行动", "text", 14),
    column("覆盖户数", "integer"),
    column("占全部户数", "percent"),
  ];
  for (const tier of TIERS) columns.push(column(`其中${TIER_LABELS[tier]}`, "integer"));
  if (withUnknown) columns.push(column("其中收入不详", "integer"));

  const byTier = (covered: readonly HouseholdFacts[]): SummaryCell[] => {
    const cells = TIERS.map((tier) => countCell(covered.filter((h) => h.tier === tier).length));
    if (withUnknown) cells.push(countCell(covered.filter((h) => h.tier === null).length));
    return cells;
  };
  const figures = (covered: readonly HouseholdFacts[]): SummaryCell[] =>
    available
      ? [countCell(covered.length), shareCell(share(covered.length, households.length)), ...byTier(covered)]
      : columns.slice(2).map(() => DASH);

  const actionsOf = new Map<HouseholdFacts, Set<ActionId>>(households.map((h) => [h, actionsOfMeasures(h.household.measures)]));
  const rows: SummaryCell[][] = INCOME_ACTIONS.map((action) => [
    { value: action.clause },
    { value: action.label },
    ...figures(households.filter((h) => actionsOf.get(h)?.has(action.id))),
  ]);
  rows.push([
    { value: "—", bold: true },
    { value: "无任何措施", bold: true },
    ...figures(households.filter((h) => h.household.measures.length === 0)).map((c) => ({ ...c, bold: true })),
  ]);
  const totalRow: SummaryCell[] = [
    { value: "合计" },
    { value: "全部户" },
    countCell(households.length),
    shareCell(share(households.length, households.length)),
    ...byTier(households),
  ];

  const notes: string[] = [];
  if (!available) {
    notes.push(`台账缺少列：${lacking.join("、")}，无法统计措施覆盖情况，相应数字显示为“—”。`);
  } else {
    notes.push("措施按关键词归入方案的十项增收行动；一户可有多项措施，各行之和可大于户数。");
    const unmappedSet = new Set<string>(); // in order of first appearance; a Set keeps this linear
    let unmappedHouseholds = 0;
    for (const h of households) {
      const texts = h.household.measures.filter((m) => actionsOfMeasure(m).length === 0);
      if (texts.length > 0 && actionsOf.get(h)?.size === 0) unmappedHouseholds += 1;
      for (const t of texts) unmappedSet.add(t);
    }
    const unmapped = [...unmappedSet];
    if (unmapped.length > 0) {
      const listed = unmapped
        .slice(0, UNMAPPED_LISTED)
        .map((t) => `“${t}”`)
        .join("、");
      const more = unmapped.length > UNMAPPED_LISTED ? `等${unmapped.length}项` : "";
      const households = unmappedHouseholds > 0 ? `，其中${unmappedHouseholds}户的措施均未能归类（不计入“无任何措施”）` : "";
      notes.push(`以下措施未能归入十项行动：${listed}${more}${households}。`);
    }
  }
  notes.push(...policyNotes(input, []));

  return { key: "measures", title: SUMMARY_TITLES.measures, meta: metaOf(input), notes, columns, rows, totalRow };
}
