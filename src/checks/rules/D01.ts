/** D01 缺少检查必需的列（户编号、人均纯收入或其构成） */
import { FIELDS } from "../../ledger/fields";
import type { Finding, RuleDefinition } from "../types";
import { missingRequirements } from "../context";
import { cellOf, finding } from "./shared";

export const D01: RuleDefinition = {
  id: "D01",
  clause: "—",
  plan: [],
  title: "缺少检查必需的列（户编号、人均纯收入或其构成）",
  titleEn: "Columns the check needs are missing (household ID, per-capita income or its parts)",
  severities: ["error"],
  needs: [],
  explanation:
    "收入分层是大多数检查的前提。本规则检查台账能否区分各户（有“户编号”列），能否得出每户的人均纯收入：直接填写的“人均纯收入”，或由工资性、生产经营性、财产性、转移性收入减生产经营性支出再除以家庭人口数算出（也可用“纯收入”÷“家庭人口数”）。缺少这些列时作为整表问题报告，依赖分层的规则随之跳过；有这些列但某户的收入为空时按户报告，该户不参加依赖分层的检查。",
  remedy: "增加“户编号”列（可从全国防返贫监测信息系统导出）；补充“人均纯收入”列或其构成各列，并补填空白的收入。",
  run(context) {
    const out: Finding[] = [];
    if (context.ledger.keyField !== "householdId") {
      out.push(finding(this, "error", null, null, `本表没有“户编号”列，暂以“${FIELDS[context.ledger.keyField].label}”区分各户，同名户可能被并为一户。请增加“户编号”列（可从全国防返贫监测信息系统导出）。`));
    }
    if (missingRequirements(context, ["income"]).length > 0) {
      out.push(finding(this, "error", null, null, "本表没有“人均纯收入”列，也没有可计算它的各项收入（工资性、生产经营性、财产性、转移性收入、生产经营性支出）和“家庭人口数”列：无法判定收入分层，依赖分层的检查均已跳过。请补充这些列。"));
      return out;
    }
    // The columns exist but a household's cells are empty: the household-level case of the same
    // gap. Without it the household would pass every tier rule unseen.
    for (const facts of context.households) {
      if (facts.tier !== null) continue;
      out.push(
        finding(this, "error", facts, cellOf(context, facts, "perCapitaIncome"), `${facts.label}没有人均纯收入，也没有可计算它的各项收入和家庭人口数：无法判定收入分层，依赖分层的检查（如责任人、走访、庭院经济）未对该户进行。请补填收入。`),
      );
    }
    return out;
  },
};
