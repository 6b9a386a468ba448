/**
 * Chinese descriptions of the custom functions, shown to zh-CN users of Excel
 * (dist/functions.zh-CN.json is built from this table and the generated functions.json).
 * Keys are the function ids and parameter names from functions.ts; `names` are the parameter
 * names Excel shows in the formula tooltip (the ids never change by locale). Defaults are
 * described, not quoted, so that a policy change needs no edit here.
 */
import { FILIAL_DEFAULT_MONTHS } from "../formulas/filial";
import type { TranslationTable } from "./localizeMetadata";

export const ZH_CN: TranslationTable = {
  TIER: {
    description: "按人均纯收入判定脱贫户收入分层（方案二（一））",
    parameters: {
      income: "人均纯收入（元）：数字、“1.2万”之类的文本，或一列单元格",
      low: "低收入标准（元）；省略时按当年政策参数",
      high: "高收入标准（元）；省略时按当年政策参数",
    },
    names: { income: "人均纯收入", low: "低收入标准", high: "高收入标准" },
  },
  COURTYARD_SUBSIDY: {
    description: "计算低收入脱贫户庭院经济（“五小经济”）奖补：按投资额的规定比例，每户不超过奖补上限（方案二（六）12）",
    parameters: {
      investment: "该户庭院经济投资额（元），可为一列单元格",
      tier: "收入分层（低收入/中等收入/高收入）或人均纯收入；非低收入户奖补为 0；省略时视为符合条件",
      alreadyGranted: "方案期内该户已发放的奖补（元）；省略时按 0 计",
    },
    names: { investment: "投资额", tier: "收入分层", alreadyGranted: "已发放奖补" },
  },
  FILIAL_MATCH: {
    description: "计算孝善养老奖补：奖补比例 × 子女实缴赡养金（每月计入不超过规定标准）；不符合年龄条件的老人为 0（方案二（十）20）",
    parameters: {
      paid: "子女缴纳的赡养金（元），可为一列单元格",
      ageOrId: "老人年龄（周岁）或身份证号码（18 位或 15 位）",
      disability: "残疾等级：1–4、一级…四级，或“肢体二级”等；空白或“无”表示无残疾",
      months: `赡养金涵盖的月数；省略时按 ${FILIAL_DEFAULT_MONTHS} 个月`,
      rate: "奖补比例，不得超过方案规定的上限；省略时按上限",
      asOf: "计算年龄的日期（Excel 日期）；省略时按今天",
    },
    names: { paid: "子女缴纳金额", ageOrId: "年龄或身份证号", disability: "残疾等级", months: "月数", rate: "奖补比例", asOf: "计算日期" },
  },
  PER_CAPITA: {
    description: "按国家口径计算人均纯收入：（工资性＋生产经营性＋财产性＋转移性收入－生产经营性支出）÷ 家庭人口数",
    parameters: {
      wage: "工资性收入（元）",
      business: "生产经营性收入（元）",
      property: "财产性收入（元）",
      transfer: "转移性收入（元）",
      costs: "生产经营性支出（元）",
      size: "家庭人口数（人）",
    },
    names: {
      wage: "工资性收入",
      business: "生产经营性收入",
      property: "财产性收入",
      transfer: "转移性收入",
      costs: "生产经营性支出",
      size: "家庭人口数",
    },
  },
  AGE: {
    description: "根据身份证号码计算到某日的周岁年龄",
    parameters: {
      idNumber: "身份证号码：18 位（校验码须正确）或旧的 15 位号码",
      asOf: "计算年龄的日期（Excel 日期）；省略时按今天",
    },
    names: { idNumber: "身份证号", asOf: "计算日期" },
  },
};
