/**
 * The plan's ten income-support actions (part 二) and the keywords by which a
 * ledger's measures are mapped to them. One table, used by the checks and the summaries.
 */
export interface IncomeAction {
  /** The action's number in part 二, e.g. "二" for （二）. */
  readonly id: ActionId;
  readonly clause: string;
  readonly label: string;
  readonly keywords: readonly string[];
}

export type ActionId = "一" | "二" | "三" | "四" | "五" | "六" | "七" | "八" | "九" | "十";

export const INCOME_ACTIONS: readonly IncomeAction[] = [
  { id: "一", clause: "二（一）", label: "收入监测帮扶", keywords: ["收入监测", "走访"] },
  { id: "二", clause: "二（二）", label: "就业创业", keywords: ["就业", "务工", "创业", "技能培训", "雨露计划", "帮扶车间", "劳务"] },
  { id: "三", clause: "二（三）", label: "以工代赈", keywords: ["以工代赈"] },
  { id: "四", clause: "二（四）", label: "公益岗位", keywords: ["公益岗", "公益性岗位"] },
  { id: "五", clause: "二（五）", label: "生产经营", keywords: ["产业", "种植", "养殖", "托管", "农业保险", "农产品保险"] },
  { id: "六", clause: "二（六）", label: "庭院经济", keywords: ["庭院", "五小经济"] },
  { id: "七", clause: "二（七）", label: "金融保险", keywords: ["金融", "小额信贷", "富民生产贷", "富民贷", "贷款", "意外", "保险"] },
  { id: "八", clause: "二（八）", label: "资产资源", keywords: ["分红", "入股", "土地流转", "合作社", "资产收益", "资产"] },
  {
    id: "九",
    clause: "二（九）",
    label: "救助资助",
    keywords: [
      "低保",
      "特困",
      "临时救助",
      "教育资助",
      "教育帮扶",
      "医疗救助",
      "健康帮扶",
      "住房",
      "饮水",
      "综合保障",
      "兜底",
      "社会帮扶",
      "残疾",
    ],
  },
  { id: "十", clause: "二（十）", label: "孝善养老", keywords: ["孝善", "养老保险", "养老金", "高龄补贴"] },
];

/** The actions a measure's text belongs to (none, one or several). */
export function actionsOfMeasure(measure: string): ActionId[] {
  return INCOME_ACTIONS.filter((action) => action.keywords.some((k) => measure.includes(k))).map((a) => a.id);
}

/** The actions covered by a household's measures. */
export function actionsOfMeasures(measures: readonly string[]): Set<ActionId> {
  const covered = new Set<ActionId>();
  for (const measure of measures) for (const id of actionsOfMeasure(measure)) covered.add(id);
  return covered;
}
