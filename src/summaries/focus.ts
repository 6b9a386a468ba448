/**
 * 重点户清单: every low-income household, with its head, cadre, last contact, measures and
 * the number of findings of the check by severity. ID numbers are masked unless asked for in full.
 */
import type { Finding, HouseholdFacts, Severity } from "../checks";
import { SEVERITY_LABELS } from "../checks";
import { HouseholdRecord, isHeadRelation, PersonRecord } from "../ledger";
import { formatDate } from "../values";
import { column, countCell, hasTowns, metaOf, missing, policyNotes, SummaryInput, textCell, yuanCell, yuanText } from "./common";
import { SUMMARY_TITLES, SummaryCell, SummaryColumn, SummaryTable } from "./model";

/** An ID number with all but its first 6 and last 4 characters replaced by *. */
export function maskId(id: string): string {
  const chars = [...id];
  if (chars.length <= 10) return "*".repeat(chars.length);
  return chars.slice(0, 6).join("") + "*".repeat(chars.length - 10) + chars.slice(-4).join("");
}

/**
 * The head's member record: the one whose 与户主关系 is 户主 (or 本人), else the one named as 户主姓名,
 * else — when the ledger says nothing of relations — the household's first row.
 */
export function headOf(household: HouseholdRecord): PersonRecord | undefined {
  const members = household.members;
  const byRelation = members.find((p) => p.values.relation !== undefined && isHeadRelation(p.values.relation));
  if (byRelation) return byRelation;
  const headName = household.values.headName;
  const byName = headName === undefined ? undefined : members.find((p) => p.values.name === headName);
  if (byName) return byName;
  return members.every((p) => p.values.relation === undefined) ? members[0] : undefined;
}

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/**
 * A household's findings, looked up in an index built once (the list is long: a scan of every
 * finding per household would make the table quadratic). Several households can have a blank
 * key: those are told apart by the finding's row.
 */
function findingsIndex(findings: readonly Finding[]): (household: HouseholdRecord) => readonly Finding[] {
  const byKey = new Map<string, Finding[]>();
  const blankByRow = new Map<number, Finding[]>();
  const add = <K>(map: Map<K, Finding[]>, key: K, finding: Finding) => {
    const list = map.get(key);
    if (list) list.push(finding);
    else map.set(key, [finding]);
  };
  for (const f of findings) {
    if (f.household === null) continue;
    if (f.household !== "") add(byKey, f.household, f);
    else if (f.cell !== null) add(blankByRow, f.cell.row, f);
  }
  return (household) =>
    household.key !== "" ? (byKey.get(household.key) ?? []) : household.rows.flatMap((row) => blankByRow.get(row) ?? []);
}

export function buildFocusTable(input: SummaryInput): SummaryTable {
  const { ledger, report, options } = input;
  const withTown = hasTowns(input);
  const fullIds = options.fullIds === true;

  const columns: SummaryColumn[] = [
    column("户编号", "text", 14),
    column("户主", "text", 10),
    column("户主证件号码", "text", 22),
    ...(withTown ? [column("乡镇", "text", 14)] : []),
    column("村", "text", 14),
    column("人均纯收入", "yuan"),
    column("帮扶责任人", "text", 12),
    column("最近走访日期", "date", 13),
    column("帮扶措施", "text", 36),
    ...SEVERITIES.map((s) => column(SEVERITY_LABELS[s], "integer", 7)),
  ];

  const low = input.context.households.filter((h) => h.tier === "low");
  const findingsOf = findingsIndex(report.findings);
  const rows = low.map((facts: HouseholdFacts): SummaryCell[] => {
    const { household } = facts;
    const v = household.values;
    const head = headOf(household);
    const id = head?.values.personId ?? household.values.headId;
    const own = findingsOf(household);
    return [
      {
        value:
          household.key === ""
            ? `（第${household.rows[0]}行，${ledger.keyField === "householdId" ? "户编号" : "户主"}为空）`
            : household.key,
        link: { sheet: ledger.sheetName, cell: `${facts.anchor.column}${facts.anchor.row}` },
      },
      textCell(v.headName ?? head?.values.name ?? null),
      textCell(id === undefined ? null : fullIds ? id : maskId(id)),
      ...(withTown ? [textCell(v.town ?? null)] : []),
      textCell(v.village ?? null),
      yuanCell(facts.perCapita),
      textCell(v.supportCadre ?? null),
      v.lastContactDate ? { value: formatDate(v.lastContactDate) } : { value: null },
      textCell(household.measures.join("、")),
      ...SEVERITIES.map((s) => countCell(own.filter((f) => f.severity === s).length)),
    ];
  });

  const notes: string[] = [];
  const lacking = missing(input, ["income"]);
  if (lacking.length > 0) notes.push(`台账缺少列：${lacking.join("、")}，无法判定收入分层，清单为空。`);
  else
    notes.push(
      `共${low.length}户低收入户（人均纯收入低于${yuanText(options.policy.values.lowIncomeThreshold)}）。错误、警告、提示为本次检查中该户的问题条数，详见“检查结果”；点击户编号可转到台账中该户。`,
    );
  notes.push(
    fullIds
      ? "本表显示完整证件号码，含个人信息，请妥善保管，勿外传。"
      : "证件号码只显示前6位和后4位，中间以*代替；需要完整号码时，生成时选择显示完整证件号码（命令行 --full-ids）。",
  );
  notes.push(...policyNotes(input, []));

  return { key: "focus", title: SUMMARY_TITLES.focus, meta: metaOf(input), notes, columns, rows, filter: true };
}
