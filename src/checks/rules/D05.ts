/** D05 人均纯收入与各项收入不符 */
import { formatYuan as yuan } from "../../values";
import { atHousehold, cellOf, defineRule } from "./shared";

type Data = {
  readonly kind: "mismatch";
  readonly recorded: number;
  readonly computed: number;
  readonly sizeUsed: string;
  readonly size: number;
  readonly perCapitaTolerance: number;
};

export const D05 = defineRule<Data>({
  id: "D05",
  clause: "—",
  plan: [],
  title: "人均纯收入与各项收入不符",
  titleEn: "Per-capita income does not match the income components",
  kinds: {
    mismatch: { severity: "error", summary: "人均纯收入与（各项收入 − 生产经营性支出）÷ 家庭人口数相差超过{perCapitaTolerance}" },
  },
  needs: ["perCapitaIncome", "incomeParts"],
  explanation:
    "按全国防返贫监测信息系统的口径，人均纯收入 =（工资性收入 + 生产经营性收入 + 财产性收入 + " +
    "转移性收入 − 生产经营性支出）÷ 家庭人口数（没有各项时用 纯收入 ÷ 家庭人口数）。" +
    "家庭人口数取“年度家庭人口数”（收入年度的家庭人口，含年内减少的成员；" +
    "全国系统的规则以“含自然减少人员”计户），只有“当前家庭人口数”时用它，" +
    "并在结果中写明用了哪一列。" +
    "台账填写的人均纯收入与按各项算出的数相差超过{perCapitaTolerance}时报告。" +
    "某一项收入读不出时（见 D04）不计算、不报告，以免据缺项误报。",
  remedy: "核对各项收入、生产经营性支出和家庭人口数，或更正人均纯收入。",
  message(data, subject) {
    return (
      `${subject}：台账人均纯收入为${yuan(data.recorded)}，` +
      `按（工资性+生产经营性+财产性+转移性收入−生产经营性支出）` +
      `÷${data.sizeUsed}${data.size}计算应为${yuan(data.computed)}，` +
      `相差超过${yuan(data.perCapitaTolerance)}。请核对收入各项或人口数。`
    );
  },
  run(context, report) {
    const tolerance = context.policy.values.perCapitaTolerance;
    // Data quality: every household, those outside the plan's scope too.
    for (const facts of context.allHouseholds) {
      const v = facts.household.values;
      const recorded = v.perCapitaIncome;
      const computed = facts.computedPerCapita;
      if (recorded === undefined || computed === null || facts.sizeUsed === null || Math.abs(recorded - computed) <= tolerance) continue;
      const size = v[facts.sizeUsed] as number;
      const sizeUsed =
        facts.sizeUsed === "currentHouseholdSize"
          ? "当前家庭人口数"
          : context.ledger.fieldColumns.householdSize?.header.includes("年度")
            ? "年度家庭人口数"
            : "家庭人口数";
      report(
        { kind: "mismatch", recorded, computed, sizeUsed, size, perCapitaTolerance: tolerance },
        atHousehold(facts, cellOf(context, facts, "perCapitaIncome")),
      );
    }
  },
});
