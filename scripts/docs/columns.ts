/**
 * docs/columns.md from the reader's column table (src/ledger/fields.ts): each field with its
 * level, how its cells are read, the header spellings recognised (with where an alias was seen,
 * when its entry says so) and the rules that need it; then the measure-kind columns and the
 * keywords that map measures to the plan's ten actions.
 */
import { RULES } from "../../src/checks";
import { Alias, aliasHeader, FIELD_KEYS, FieldDefinition, FieldKey, FIELDS, FieldType, HEADER_SEARCH_ROWS, KEY_FIELDS, MEASURE_KIND_ALIASES, MEASURE_KIND_COLUMNS, nothingWrittenText } from "../../src/ledger";
import { INCOME_ACTIONS } from "../../src/policy";
import { banner, table } from "./markdown";

/** How a column's cells are read, for users. */
const TYPE_TEXT: Record<FieldType, string> = {
  text: "文本",
  idNumber: "证件号码：18 位（或旧 15 位），按 GB 11643 核对出生日期和校验位，x 视同 X；20 位的残疾人证号取前 18 位，末位是残疾等级",
  integer: "整数（可为文本形式的数字、全角数字；家庭人口数可带“人”“口”，年龄可带“岁”“周岁”）",
  amount: "数值：可为文本形式的数字、千分位、全角数字、“1.2万”、大写数字（壹万贰仟，读取并提示）；金额以元计，表头注明（万元）的按万元换算",
  date: "日期：Excel 日期、2023-05-06、2023/5/6、2023年5月6日（或6号）、2023.5.6；带时区的时刻（2025-11-30T16:00:00Z）按北京时间的日期",
  yesNo: "是/否：是、否、√、×、Y、N、1、0、已参保、未参保等；空白为不详",
  coverage: "是/否，或享受的名称（如“农村低保”即为是）",
  disability: "残疾等级：1—4、一级…四级、肢体二级等",
  labor: "劳动技能：技能劳动力、普通劳动力、弱劳动力或半劳动力都算有劳动力（全国系统的口径），丧失劳动力、无劳动力为无；模板的笔误“若劳动力或半劳动力”按弱劳动力或半劳动力读取并提示",
  student: "在校生状况：非在校生、否为不在校；是、在校生或学段（小学、初中、本科…）为在校",
  tier: "收入分层：高收入、中等收入、低收入（可带“户”字）",
};

const LEVEL_TEXT = { household: "户", person: "人" } as const;

type FieldTable = { readonly [K in FieldKey]: FieldDefinition };

export function columnsPage(fields: FieldTable = FIELDS): string {
  const lines = [
    "# 台账列",
    "",
    banner("`src/ledger/fields.ts`（字段及其别名）"),
    "",
    `BANGFU 在工作表的前 ${HEADER_SEARCH_ROWS} 行中找表头（上方的标题行、填表说明行会跳过，` +
`也认两行、三行合并表头），把每个表头单元格对应到下表的一个字段。比较前先规范表头：` +
`全角括号和标点转为半角，去掉空格和换行，去掉末尾括号中的单位（如（元）、(元/月)、（单位：` +
`元））和可填值说明（(是/否)），去掉开头的编号（“5、”“其中:(1)”“（2）”“①”），去掉首尾的 ` +
`*，不分大小写。一个字段有多列符合时，按别名的先后取第一个；` +
`表头上方有分组行（如小额信贷导出的 基本情况 · 扶贫小额信贷 · 创业贷款）时，` +
`不同分组下的同名列是不同的内容，不算重复。另一列与所用的列内容相同或为空时也不报告。` +
`没有认出的列原样保留，不会丢弃；任务窗格“设置”页中的列映射优先于自动识别。` +
`表头下紧接着的编号行（1、2、3…）和类型标记行（只有 N、S 等单个字母）不算数据。`,
    "",
    "按人登记还是按户登记由数据判断，并在检查结果中写明依据：“与户主关系”有户主以外的成员、" +
"“是否户主”有“否”，或同一户编号在多行出现且有成员的证件号码或个人信息，为按人登记；" +
"各行都是户主且家庭人口数大于 1，或每个户编号只有一行，为按户登记，" +
"此时不带“户主”字样的身份证号列按户主的证件号码读取。帮扶责任人结对查询导出（有帮扶开始、" +
"结束时间）的同一户多行是结对历史，小额信贷台账的同一户多行是多笔贷款，都不算重复登记。" +
"没有户编号时依次用户主证件号码、户主个人编号、户主姓名区分各户。",
    "",
    `表头中至少要有 ${KEY_FIELDS.map((f) => `“${fields[f].label}”`).join("、")} 之一，` +
`才算台账。“层级”为“人”的字段每个成员一个值（按人登记的台账中每人一行）；` +
`为“户”的字段每户一个值，取该户第一个填写了它的行（户主的行优先）；低保、` +
`特困供养的享受情况任一成员享受即算全户享受。`,
    "",
    table(
      ["字段", "名称", "层级", "读法", "可识别的表头", "需要它的规则"],
      FIELD_KEYS.map((key) => {
        const field = fields[key];
        const nothing = nothingWrittenText(key);
        const reading = nothing === null ? TYPE_TEXT[field.type] : `${TYPE_TEXT[field.type]}；${nothing}`;
        return [`\`${key}\``, field.label, LEVEL_TEXT[field.level], reading, field.aliases.map(aliasText).join("、"), rulesNeeding(key, fields).join("、")];
      }),
    ),
    "",
    "“需要它的规则”只列出缺了它就跳过的规则；有些规则还会用到别的列（如走访检查用到“是否长期外出”），没有时按空白处理。",
    "",
    `以下规则需要每户的收入：有“人均纯收入”列，或有工资性、生产经营性、财产性、转移性收入、生产经营性支出和家庭人口数各列，或有纯收入和家庭人口数列，即可运行：${rulesNeedingIncome().join("、")}。三者都没有时，D01 报告整表问题。`,
    "",
    "## 措施列",
    "",
    `下列表头各代表一类帮扶措施，单元格中除空白和表示“否”的写法（否、无、×、0 等）之外的任何内容都算已落实：${MEASURE_KIND_COLUMNS.join("、")}。`,
    "",
    "其他写法的措施列：",
    "",
    table(
      ["措施", "也认作该措施的表头"],
      MEASURE_KIND_COLUMNS.map((kind) => [kind, MEASURE_KIND_ALIASES[kind] ?? []] as const)
        .filter(([, aliases]) => aliases.length > 0)
        .map(([kind, aliases]) => [kind, aliases.map(aliasText).join("、")]),
    ),
    "",
    "成员登记的公益性岗位（“公益性岗位”列不为空、不为“无”）算该户的公益岗位措施；“兜底保障类型”不为“无”的，算该户的兜底保障措施。",
    "",
    "## 措施与十项行动",
    "",
    "“帮扶措施”列的文字和上面的措施列，按下列关键词归入方案第二部分的十项行动（汇总表“汇总-措施”和就业类措施的检查使用）：",
    "",
    table(
      ["条款", "行动", "关键词"],
      INCOME_ACTIONS.map((action) => [action.clause, action.label, action.keywords.join("、")]),
    ),
  ];
  return `${lines.join("\n")}\n`;
}

/** An alias with the place it was seen, when its entry names one. */
function aliasText(alias: Alias): string {
  return typeof alias === "string" ? alias : `${aliasHeader(alias)}（${alias.source}）`;
}

/** The rules that skip without the field: "M07（或年龄、出生日期）" where another column will do instead. */
function rulesNeeding(key: FieldKey, fields: FieldTable): string[] {
  const out: string[] = [];
  for (const rule of RULES) {
    const link = `[${rule.id}](rules.md#${rule.id.toLowerCase()})`;
    for (const need of rule.needs) {
      if (need === key) out.push(link);
      else if (need === "measures" && key === "measures") out.push(`${link}（或措施列）`);
      else if (typeof need !== "string" && need.includes(key)) out.push(`${link}（或${need.filter((f) => f !== key).map((f) => fields[f].label).join("、")}）`);
    }
  }
  return out;
}

/** The rules that need the household's income: its per-capita figure, or the columns it is computed from. */
function rulesNeedingIncome(): string[] {
  return RULES.filter((rule) => rule.needs.includes("income")).map((rule) => `[${rule.id}](rules.md#${rule.id.toLowerCase()})`);
}
