/**
 * What a finding's `data` may hold: the numbers, dates and names the finding is about, under
 * keys with a Chinese label and a unit. Policy values keep their parameter's key (19 under
 * hourlyMinimumWage), so a finding names the parameter it applied. Messages are rendered from
 * `data`; the JSON output and the 检查结果 tab show it as it is.
 */
import { TIER_LABELS } from "../formulas";
import { formatParameterValue, isParameterKey, PARAMETERS, ParameterKey } from "../policy";
import { formatShare, formatYuan } from "../values";

export type DataUnit = "yuan" | "share" | "years" | "hours" | "grade" | "date" | "tier" | "text" | "flag" | "names" | "rows" | "persons";

export const DATA_FIELDS = {
  keyColumn: { label: "区分各户的列", unit: "text" },
  key: { label: "重复的号码", unit: "text" },
  rows: { label: "所在行", unit: "rows" },
  column: { label: "列", unit: "text" },
  field: { label: "字段", unit: "text" },
  value: { label: "单元格内容", unit: "text" },
  problem: { label: "问题", unit: "text" },
  recorded: { label: "台账登记", unit: "yuan" },
  computed: { label: "按各项计算", unit: "yuan" },
  allowed: { label: "最多应得", unit: "yuan" },
  minimum: { label: "最低应发", unit: "yuan" },
  perCapita: { label: "人均纯收入", unit: "yuan" },
  lastYearPerCapita: { label: "上年人均纯收入", unit: "yuan" },
  growth: { label: "人均纯收入增幅", unit: "share" },
  tier: { label: "应属分层", unit: "tier" },
  recordedTier: { label: "台账填写的分层", unit: "tier" },
  lastContact: { label: "最近走访（联系）日期", unit: "date" },
  since: { label: "应有走访的起始日", unit: "date" },
  asOf: { label: "检查日期", unit: "date" },
  absentLongTerm: { label: "长期不在家", unit: "flag" },
  ableMembers: { label: "有劳动能力的成员", unit: "names" },
  hours: { label: "月工时", unit: "hours" },
  investment: { label: "投资额", unit: "yuan" },
  paid: { label: "子女缴纳金额", unit: "yuan" },
  age: { label: "年龄", unit: "years" },
  disabilityGrade: { label: "残疾等级", unit: "grade" },
  loan: { label: "单户贷款", unit: "yuan" },
  sources: { label: "数据来源", unit: "text" },
  incomeUsed: { label: "所用收入", unit: "text" },
  sizeUsed: { label: "所用家庭人口数", unit: "text" },
  size: { label: "家庭人口数", unit: "persons" },
} as const satisfies Record<string, { readonly label: string; readonly unit: DataUnit }>;

export type OwnDataKey = keyof typeof DATA_FIELDS;
/** A key of `data`: one of DATA_FIELDS, or a policy parameter holding the value applied. */
export type DataKey = OwnDataKey | ParameterKey;

type ValueOfUnit<U extends DataUnit> = U extends "date" | "tier" | "text"
  ? string
  : U extends "flag"
    ? boolean
    : U extends "names"
      ? readonly string[]
      : U extends "rows"
        ? readonly number[]
        : number;

/** The value a key holds; null where it is not known (an age nobody wrote down). */
export type DataValue<K extends DataKey> = (K extends OwnDataKey ? ValueOfUnit<(typeof DATA_FIELDS)[K]["unit"]> : number) | null;

/** A finding's data: `kind` names which of its rule's findings it is, the other keys what it is about. */
export type FindingData = { readonly kind: string } & { readonly [K in DataKey]?: DataValue<K> };

/** Holds only keys of the vocabulary: an unknown key becomes `never` and fails to compile. */
export type KnownDataKeys<D> = { readonly [K in keyof D]: K extends "kind" | DataKey ? unknown : never };

export function isDataKey(key: string): key is DataKey {
  return key in DATA_FIELDS || isParameterKey(key);
}

/** The Chinese label of a data key. */
export function dataLabel(key: DataKey): string {
  return isParameterKey(key) ? PARAMETERS[key].label : DATA_FIELDS[key].label;
}

/** One value as a user reads it: 2,500元, 30%, 62周岁, 第3、5行. */
export function formatDataValue(key: DataKey, value: unknown): string {
  if (value === null || value === undefined) return "不详";
  if (isParameterKey(key)) return typeof value === "number" ? formatParameterValue(key, value) : String(value);
  const unit: DataUnit = DATA_FIELDS[key].unit;
  switch (unit) {
    case "yuan":
      return formatYuan(Number(value));
    case "share":
      return formatShare(Number(value));
    case "years":
      return `${String(value)}周岁`;
    case "hours":
      return `${String(value)}小时`;
    case "persons":
      return `${String(value)}人`;
    case "grade":
      return `${String(value)}级`;
    case "tier":
      return TIER_LABELS[value as keyof typeof TIER_LABELS] ?? String(value);
    case "flag":
      return value ? "是" : "否";
    case "names":
      return (value as readonly string[]).join("、");
    case "rows":
      return `第${(value as readonly number[]).join("、")}行`;
    case "date":
    case "text":
      return String(value);
  }
}

/** A finding's data as one line for a table cell: "台账登记 2,500元；最多应得 2,000元". The kind is left out. */
export function formatFindingData(data: FindingData): string {
  return Object.entries(data)
    .filter(([key]) => key !== "kind" && isDataKey(key))
    .map(([key, value]) => `${dataLabel(key as DataKey)} ${formatDataValue(key as DataKey, value)}`)
    .join("；");
}
