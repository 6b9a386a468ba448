/** D01 缺少检查必需的列（户编号、人均纯收入或其构成） */
import { FIELDS, FieldKey } from "../../ledger/fields";
import { cellText } from "../../ledger/values";
import { isBlank } from "../../values";
import { INCOME_PARTS, missingRequirements } from "../context";
import { atHousehold, cellOf, defineRule, headerOf, WHOLE_SHEET } from "./shared";

type Data =
  | { readonly kind: "noHouseholdIdColumn"; readonly keyColumn: string }
  | { readonly kind: "noIncomeColumns" }
  | { readonly kind: "blankIncome" }
  | { readonly kind: "unreadableIncome"; readonly column: string; readonly value: string | null };

export const D01 = defineRule<Data>({
  id: "D01",
  clause: "—",
  plan: [],
  title: "缺少检查必需的列（户编号、人均纯收入或其构成）",
  titleEn: "Columns the check needs are missing (household ID, per-capita income or its parts)",
  kinds: {
    noHouseholdIdColumn: { severity: "error", summary: "本表没有“户编号”列，各户暂以其他列区分（整表问题）" },
    noIncomeColumns: { severity: "error", summary: "既没有人均纯收入，也没有可计算它的各项收入和家庭人口数（整表问题）" },
    blankIncome: { severity: "error", summary: "有这些列，但该户收入为空、无法分层" },
    unreadableIncome: { severity: "error", summary: "该户的收入写了但无法识别（D04 列出该单元格），无法分层" },
  },
  needs: [],
  explanation:
    "收入分层是大多数检查的前提。本规则检查台账能否区分各户（有“户编号”列；" +
    "没有时以户主证件号码区分也可，只有户主姓名时报告），能否得出每户的人均纯收入：" +
    "直接填写的“人均纯收入”，或由工资性、生产经营性、财产性、" +
    "转移性收入减生产经营性支出再除以家庭人口数算出（也可用“纯收入”÷“家庭人口数”）。" +
    "缺少这些列时作为整表问题报告，依赖分层的规则随之跳过；有这些列但某户的收入为空，" +
    "或写了却无法识别（D04 列出该单元格）时按户报告，该户不参加依赖分层的检查。" +
    "帮扶责任人结对表、小额信贷台账等附表本来没有收入，不在此报告：请用 --with " +
    "把它们并入主台账检查。",
  remedy: "增加“户编号”列（可从全国防返贫监测信息系统导出）；补充“人均纯收入”列或其构成各列，补填空白的收入，并把无法识别的收入改为数字。",
  message(data, subject) {
    switch (data.kind) {
      case "noHouseholdIdColumn":
        return `本表没有“户编号”列，暂以“${data.keyColumn}”区分各户，同名户可能被并为一户。请增加“户编号”列（可从全国防返贫监测信息系统导出）。`;
      case "noIncomeColumns":
        return "本表没有“人均纯收入”列，也没有可计算它的各项收入（工资性、生产经营性、财产性、转移性收入、生产经营性支出）和“家庭人口数”列：无法判定收入分层，依赖分层的检查均已跳过。请补充这些列。";
      case "blankIncome":
        return `${subject}没有人均纯收入，也没有可计算它的各项收入和家庭人口数：无法判定收入分层，依赖分层的检查（如责任人、走访、庭院经济）未对该户进行。请补填收入。`;
      case "unreadableIncome":
        return (
          `${subject}的“${data.column}”${data.value === null ? "" : `（${data.value}）`}无法识别（见 ` +
          `D04）：无法判定收入分层，依赖分层的检查（如责任人、走访、庭院经济）未对该户进行。` +
          `请改为可识别的数字。`
        );
    }
  },
  run(context, report) {
    // A pairing export or a loan ledger has no income by design: it is a side ledger, joined to the main one (--with).
    if (context.ledger.kind !== "ledger") return;
    // Names can merge two households; a head's ID (户主证件号码) cannot.
    if (context.ledger.keyField === "headName")
      report({ kind: "noHouseholdIdColumn", keyColumn: FIELDS[context.ledger.keyField].label }, WHOLE_SHEET);
    if (missingRequirements(context, ["income"]).length > 0) {
      report({ kind: "noIncomeColumns" }, WHOLE_SHEET);
      return;
    }
    // The columns exist but a household's income is empty or unreadable: the household-level case of
    // the same gap. Without it the household would pass every tier rule unseen.
    for (const facts of context.households) {
      if (facts.tier !== null) continue;
      const problems = facts.household.rows.flatMap((row) => context.unreadableCells(row).filter((p) => INCOME_SOURCES.has(p.field)));
      if (problems.length === 0) {
        report({ kind: "blankIncome" }, atHousehold(facts, cellOf(context, facts, "perCapitaIncome")));
        continue;
      }
      // An income written but unreadable is not "no income": name the cell D04 lists.
      const columns = [...new Set(problems.map((p) => headerOf(context, p.cell.column) ?? FIELDS[p.field].label))];
      const value = problems.length === 1 && !isBlank(problems[0].value) ? cellText(problems[0].value) : null;
      report({ kind: "unreadableIncome", column: columns.join("、"), value }, atHousehold(facts, problems[0].cell));
    }
  },
});

/** Fields a household's per-capita income is taken or computed from. */
const INCOME_SOURCES: ReadonlySet<FieldKey> = new Set<FieldKey>([
  ...INCOME_PARTS,
  "perCapitaIncome",
  "afterRemovalPerCapitaIncome",
  "afterRemovalNetIncome",
]);
