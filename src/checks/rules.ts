import { courtyardSubsidy, filialReward, isFilialElder, TIER_LABELS } from "../formulas";
import { FIELDS, FieldKey } from "../ledger/fields";
import type { CellRef, HouseholdRecord, PersonRecord } from "../ledger/model";
import { ActionId, actionsOfMeasures } from "../policy";
import { compareDates, formatDate, formatShare, formatYuan, isBlank, roundToFen, subtractMonths } from "../values";
import { INCOME_COMPONENTS, missingRequirements } from "./context";
import type { CheckContext, Finding, HouseholdFacts, RuleDefinition, RuleId, Severity } from "./types";

/**
 * The rule catalogue. Ids are part of the interface (reports, JSON output, the pane's
 * filters): never renumber. Each rule reads policy numbers from the context's Policy
 * and computes with the same formulas as the custom functions.
 */

const yuan = formatYuan;
const percent = formatShare;

function finding(rule: RuleDefinition, severity: Severity, facts: HouseholdFacts | null, cell: CellRef | null, message: string): Finding {
  return { rule: rule.id, severity, clause: rule.clause, household: facts?.household.key ?? null, cell, message };
}

/** The cell of a field in a household, falling back to its first row in that field's column, then to the key cell. */
function cellOf(context: CheckContext, facts: HouseholdFacts, field: FieldKey): CellRef {
  const direct = facts.household.cells[field];
  if (direct) return direct;
  const column = context.ledger.fieldColumns[field];
  return column ? { row: facts.household.rows[0], column: column.letter } : facts.anchor;
}

function personCell(context: CheckContext, facts: HouseholdFacts, person: PersonRecord, field: FieldKey): CellRef {
  const column = context.ledger.fieldColumns[field];
  return person.cells[field] ?? (column ? { row: person.row, column: column.letter } : facts.anchor);
}

function personLabel(person: PersonRecord): string {
  // In a household-level ledger the member is the household row, named by its head.
  const name = person.values.name ?? person.values.headName;
  return name ? `成员 ${name}（第${person.row}行）` : `第${person.row}行成员`;
}

const lowIncome = (context: CheckContext) => context.households.filter((h) => h.tier === "low");

function hasAnyAction(household: HouseholdRecord, actions: readonly ActionId[]): boolean {
  const covered = actionsOfMeasures(household.measures);
  return actions.some((a) => covered.has(a));
}

const canWork = (person: PersonRecord) => person.values.labor === "able";

export const RULES: readonly RuleDefinition[] = [
  {
    id: "D01",
    clause: "—",
    severity: "error",
    title: "缺少检查必需的列（户编号、人均纯收入或其构成）",
    needs: [],
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
  },
  {
    id: "D02",
    clause: "—",
    severity: "error",
    title: "同一人或同一户重复登记",
    needs: [],
    run(context) {
      return context.ledger.duplicates.map((duplicate) => {
        const rows = duplicate.cells.map((c) => `第${c.row}行`).join("、");
        const what = duplicate.field === "personId" ? `证件号码 ${duplicate.key} 的人员` : `${FIELDS[duplicate.field].label} ${duplicate.key} 的户`;
        const cell = duplicate.cells[1] ?? duplicate.cells[0];
        // A repeated person belongs to a household like any other row: name the one of the row pointed at.
        const household = duplicate.field === "personId" ? context.householdAtRow(cell.row) : duplicate.key;
        return {
          rule: this.id,
          severity: "error" as const,
          clause: this.clause,
          household,
          cell,
          message: `${what}登记了${duplicate.cells.length}次（${rows}）。请核对后删除重复行，或更正录错的号码。`,
        };
      });
    },
  },
  {
    id: "D03",
    clause: "—",
    severity: "error",
    title: "证件号码有误（位数、出生日期或校验位）",
    needs: ["personId"],
    run(context) {
      return context.ledger.problems
        .filter((p) => p.kind === "idNumber")
        .map((p) => {
          const facts = context.factsAtRow(p.cell.row);
          const member = facts?.household.members.find((m) => m.row === p.cell.row);
          const who = facts ? `${facts.label}，${member ? personLabel(member) : `第${p.cell.row}行`}：` : "";
          return { rule: this.id, severity: "error" as const, clause: this.clause, household: facts?.household.key ?? null, cell: p.cell, message: `${who}${p.message}。` };
        });
    },
  },
  {
    id: "D04",
    clause: "—",
    severity: "error",
    title: "数值或日期无法识别",
    needs: [],
    run(context) {
      return context.ledger.problems
        .filter((p) => p.kind === "unreadable")
        .map((p) => ({
          rule: this.id,
          severity: "error" as const,
          clause: this.clause,
          household: context.householdAtRow(p.cell.row),
          cell: p.cell,
          // The header as the user wrote it, so the column can be found; a blank required cell has nothing to rewrite.
          message: `“${headerOf(context, p.cell.column) ?? FIELDS[p.field].label}”列：${p.message}。${isBlank(p.value) ? "" : "请改为可识别的写法，本次检查未使用该值。"}`,
        }));
    },
  },
  {
    id: "D05",
    clause: "—",
    severity: "error",
    title: "人均纯收入与各项收入不符",
    needs: ["perCapitaIncome", ...INCOME_COMPONENTS],
    run(context) {
      const tolerance = context.policy.values.perCapitaTolerance;
      const out: Finding[] = [];
      for (const facts of context.households) {
        const written = facts.household.values.perCapitaIncome;
        const computed = facts.computedPerCapita;
        if (written === undefined || computed === null) continue;
        if (Math.abs(written - computed) > tolerance) {
          out.push(
            finding(this, "error", facts, cellOf(context, facts, "perCapitaIncome"), `${facts.label}：台账人均纯收入为${yuan(written)}，按（工资性+生产经营性+财产性+转移性收入−生产经营性支出）÷家庭人口数计算应为${yuan(computed)}，相差超过${yuan(tolerance)}。请核对收入各项或人口数。`),
          );
        }
      }
      return out;
    },
  },
  {
    id: "D06",
    clause: "二（一）",
    severity: "error",
    title: "台账填写的收入分层与人均纯收入不符",
    needs: ["tier", "income"],
    run(context) {
      const out: Finding[] = [];
      for (const facts of context.households) {
        const written = facts.household.values.tier;
        if (written === undefined || facts.tier === null || facts.perCapita === null || written === facts.tier) continue;
        out.push(
          finding(this, "error", facts, cellOf(context, facts, "tier"), `${facts.label}：人均纯收入${yuan(facts.perCapita)}应属“${TIER_LABELS[facts.tier]}”，台账填写为“${TIER_LABELS[written]}”。请按方案二（一）标准更正分层。`),
        );
      }
      return out;
    },
  },
  {
    id: "M01",
    clause: "二（一）3",
    severity: "error",
    title: "低收入户未明确增收帮扶责任人",
    needs: ["supportCadre", "income"],
    run(context) {
      return lowIncome(context)
        .filter((facts) => !facts.household.values.supportCadre)
        .map((facts) => finding(this, "error", facts, cellOf(context, facts, "supportCadre"), `${facts.label}是低收入户，未填写增收帮扶责任人。按方案二（一）3，每户应明确一名街道级干部作为增收帮扶责任人。`));
    },
  },
  {
    id: "M02",
    clause: "二（一）3",
    severity: "error",
    title: "低收入户近一个月内无走访或联系记录",
    needs: ["lastContactDate", "income"],
    run(context) {
      const months = context.policy.values.visitIntervalMonths;
      const since = subtractMonths(context.asOf, months);
      const out: Finding[] = [];
      for (const facts of lowIncome(context)) {
        const last = facts.household.values.lastContactDate;
        if (last && compareDates(last, since) >= 0) continue;
        const away = facts.household.values.absentLongTerm === true;
        const when = last ? `最近一次是${formatDate(last)}` : "台账中没有走访日期";
        const how = away ? "该户长期不在家，每月通过电话、微信联系一次即可，联系后请填写联系日期。" : "请入户走访（长期不在家的可每月电话、微信联系一次）并填写日期。";
        out.push(finding(this, "error", facts, cellOf(context, facts, "lastContactDate"), `${facts.label}是低收入户，${formatDate(since)}至${formatDate(context.asOf)}没有走访或联系记录（${when}）。${how}`));
      }
      return out;
    },
  },
  {
    id: "M03",
    clause: "二（一）",
    severity: "error",
    title: "未落实任何增收措施（一户一策）",
    needs: ["measures"],
    run(context) {
      return context.households
        .filter((facts) => facts.household.measures.length === 0)
        .map((facts) => finding(this, "error", facts, measureCell(context, facts), `${facts.label}没有登记任何增收帮扶措施。按方案二（一）“一户一策”，请根据该户情况落实并登记措施。`));
    },
  },
  {
    id: "M04",
    clause: "二（二）5, 二（四）8",
    severity: "warning",
    title: "低收入户有劳动能力成员，但无就业、公益岗或以工代赈措施",
    needs: ["labor", "measures", "income"],
    run(context) {
      const out: Finding[] = [];
      for (const facts of lowIncome(context)) {
        const able = facts.household.members.filter(canWork);
        if (able.length === 0 || hasAnyAction(facts.household, ["二", "三", "四"])) continue;
        const names = able.map((p) => p.values.name ?? `第${p.row}行`).join("、");
        out.push(finding(this, "warning", facts, measureCell(context, facts), `${facts.label}是低收入户，有劳动能力的成员（${names}）没有就业、公益性岗位或以工代赈措施。方案二（二）5、二（四）8要求优先安置，请对接就业岗位或公益性岗位。`));
      }
      return out;
    },
  },
  {
    id: "M05",
    clause: "二（四）8",
    severity: "error",
    title: "公益性岗位补贴低于当地小时最低工资标准",
    needs: ["welfarePostMonthlyPay", "welfarePostMonthlyHours"],
    run(context) {
      const wage = context.policy.values.hourlyMinimumWage;
      const out: Finding[] = [];
      for (const facts of context.households) {
        for (const person of facts.household.members) {
          const pay = person.values.welfarePostMonthlyPay;
          const hours = person.values.welfarePostMonthlyHours;
          if (pay === undefined || hours === undefined || hours <= 0) continue;
          const minimum = roundToFen(wage * hours);
          if (pay < minimum) {
            out.push(finding(this, "error", facts, personCell(context, facts, person, "welfarePostMonthlyPay"), `${facts.label}，${personLabel(person)}：公益性岗位月补贴${yuan(pay)}，低于小时最低工资${yuan(wage)}×${hours}小时=${yuan(minimum)}。按方案二（四）8，补贴不得低于当地小时最低工资标准。`));
          }
        }
      }
      return out;
    },
  },
  {
    id: "M06",
    clause: "二（六）12",
    severity: "error",
    title: "庭院经济奖补超标或发给非低收入户",
    needs: ["courtyardSubsidy", "income"],
    run(context) {
      const out: Finding[] = [];
      for (const facts of context.households) {
        const recorded = facts.household.values.courtyardSubsidy;
        if (recorded === undefined || recorded <= 0 || facts.tier === null) continue;
        const cell = cellOf(context, facts, "courtyardSubsidy");
        if (facts.tier !== "low") {
          out.push(finding(this, "error", facts, cell, `${facts.label}为${TIER_LABELS[facts.tier]}户，登记了庭院经济奖补${yuan(recorded)}。按方案二（六）12，庭院经济奖补只发给低收入脱贫户。`));
          continue;
        }
        const investment = facts.household.values.courtyardInvestment;
        if (investment === undefined) continue;
        const allowed = courtyardSubsidy({ investment, isLowIncome: true, alreadyGranted: 0 }, context.policy);
        if (recorded > allowed) {
          const { courtyardSubsidyRate, courtyardSubsidyCap } = context.policy.values;
          out.push(finding(this, "error", facts, cell, `${facts.label}：庭院经济奖补登记${yuan(recorded)}，超过应得${yuan(allowed)}（投资额${yuan(investment)}的${percent(courtyardSubsidyRate)}，每户最高${yuan(courtyardSubsidyCap)}，方案二（六）12）。`));
        }
      }
      return out;
    },
  },
  {
    id: "M07",
    clause: "二（十）20",
    severity: "error",
    title: "孝善养老奖补超标；符合条件的老人未登记孝善养老",
    needs: [["filialReward", "filialPaid"], ["age", "birthDate", "personId"]],
    run(context) {
      const out: Finding[] = [];
      const { filialRewardRateCap } = context.policy.values;
      for (const facts of context.households) {
        for (const person of facts.household.members) {
          const age = context.ageOf(person);
          const eligible = age !== null && isFilialElder(age, person.values.disability ?? null, context.policy);
          const paid = person.values.filialPaid;
          const reward = person.values.filialReward;
          if (reward !== undefined && reward > 0) {
            const allowed = eligible && paid !== undefined ? filialReward({ paid, months: 12, rate: filialRewardRateCap }, context.policy) : 0;
            if (reward > allowed) {
              const why = !eligible
                ? `该成员${age === null ? "年龄不详" : `${age}周岁`}，不符合孝善养老条件（${filialAgeCondition(context)}）`
                : paid === undefined
                  ? "没有登记子女缴纳金额"
                  : `按子女缴纳${yuan(paid)}计算最多${yuan(allowed)}`;
              out.push(finding(this, "error", facts, personCell(context, facts, person, "filialReward"), `${facts.label}，${personLabel(person)}：孝善养老奖补登记${yuan(reward)}，${why}。方案二（十）20：奖补不超过缴纳金额的${percent(filialRewardRateCap)}。`));
            }
          } else if (eligible && (paid === undefined || paid <= 0)) {
            out.push(finding(this, "info", facts, personCell(context, facts, person, context.has("filialPaid") ? "filialPaid" : "filialReward"), `${facts.label}，${personLabel(person)}（${age}周岁）符合孝善养老条件，尚未登记子女缴纳赡养金。可动员子女自愿缴纳，享受方案二（十）20奖补。`));
          }
        }
      }
      return out;
    },
  },
  {
    id: "M08",
    clause: "二（十）21",
    severity: "warning",
    title: "缴费年龄段成员未参加城乡居民基本养老保险",
    needs: ["pensionInsurance", ["age", "birthDate", "personId"]],
    run(context) {
      const { pensionContributionMinAge, pensionContributionMaxAge } = context.policy.values;
      const out: Finding[] = [];
      for (const facts of context.households) {
        for (const person of facts.household.members) {
          const age = context.ageOf(person);
          if (age === null || age < pensionContributionMinAge || age > pensionContributionMaxAge) continue;
          if (person.values.student === true || person.values.receivesPension === true || person.values.pensionInsurance !== false) continue;
          out.push(finding(this, "warning", facts, personCell(context, facts, person, "pensionInsurance"), `${facts.label}，${personLabel(person)}（${age}周岁，非在校生）未参加城乡居民基本养老保险。按方案二（十）21，应为其全额代缴最低标准保费。`));
        }
      }
      return out;
    },
  },
  {
    id: "M09",
    clause: "二（七）15",
    severity: "error",
    title: "成员未参加基本医疗保险；户未购买意外伤害保险",
    needs: [["medicalInsurance", "accidentInsurance"]],
    run(context) {
      const out: Finding[] = [];
      for (const facts of context.households) {
        for (const person of facts.household.members) {
          if (person.values.medicalInsurance === false) {
            out.push(finding(this, "error", facts, personCell(context, facts, person, "medicalInsurance"), `${facts.label}，${personLabel(person)}未参加城乡居民基本医疗保险。方案二（七）15要求脱贫户全员参保，参保困难的给予资金支持。`));
          }
        }
        if (facts.household.values.accidentInsurance === false) {
          out.push(finding(this, "warning", facts, cellOf(context, facts, "accidentInsurance"), `${facts.label}未购买意外伤害商业补充保险。方案二（七）15要求继续为脱贫户购买。`));
        }
      }
      return out;
    },
  },
  {
    id: "M10",
    clause: "二（七）13",
    severity: "error",
    title: "小额信贷未还清即贴息",
    needs: ["smallLoanInterestSubsidy", "smallLoanRepaid"],
    run(context) {
      return context.households
        .filter((facts) => (facts.household.values.smallLoanInterestSubsidy ?? 0) > 0 && facts.household.values.smallLoanRepaid === false)
        .map((facts) =>
          finding(this, "error", facts, cellOf(context, facts, "smallLoanInterestSubsidy"), `${facts.label}：小额信贷尚未还清，已登记贴息${yuan(facts.household.values.smallLoanInterestSubsidy ?? 0)}。按方案二（七）13，应在还清贷款本息后再给予贴息。`),
        );
    },
  },
  {
    id: "M11",
    clause: "二（七）14",
    severity: "error",
    title: "齐鲁富民贷风险补偿用于10万元及以上的单户贷款",
    needs: ["fuminRiskCompensation", "fuminLoanAmount"],
    run(context) {
      const limit = context.policy.values.fuminLoanRiskCompensationLimit;
      return context.households
        .filter((facts) => (facts.household.values.fuminRiskCompensation ?? 0) > 0 && (facts.household.values.fuminLoanAmount ?? 0) >= limit)
        .map((facts) =>
          finding(this, "error", facts, cellOf(context, facts, "fuminRiskCompensation"), `${facts.label}：齐鲁富民贷单户贷款${yuan(facts.household.values.fuminLoanAmount ?? 0)}，不低于${yuan(limit)}，却登记了风险补偿${yuan(facts.household.values.fuminRiskCompensation ?? 0)}。方案二（七）14：风险补偿只用于单户贷款${yuan(limit)}以下（不含）的贷款。`),
        );
    },
  },
  {
    id: "M12",
    clause: "二（九）18",
    severity: "warning",
    title: "无劳动能力的低收入户未纳入低保或特困供养",
    needs: ["labor", ["dibao", "tekun"], "income"],
    run(context) {
      const out: Finding[] = [];
      for (const facts of lowIncome(context)) {
        const members = facts.household.members;
        const known = members.filter((p) => p.values.labor !== undefined);
        if (known.length === 0 || known.length < members.length || known.some(canWork)) continue;
        const v = facts.household.values;
        if (v.dibao === true || v.tekun === true) continue;
        out.push(finding(this, "warning", facts, cellOf(context, facts, context.has("dibao") ? "dibao" : "tekun"), `${facts.label}是低收入户，家中无劳动能力成员，未享受低保或特困供养。按方案二（九）18，请对接民政部门评估，符合条件的及时纳入。`));
      }
      return out;
    },
  },
  {
    id: "M13",
    clause: "一",
    severity: "error",
    title: "人均纯收入下降或增幅低于当地农民",
    needs: ["lastYearPerCapitaIncome", "income"],
    run(context) {
      const growthTarget = context.policy.values.farmersIncomeGrowth;
      const out: Finding[] = [];
      for (const facts of context.households) {
        const last = facts.household.values.lastYearPerCapitaIncome;
        const current = facts.perCapita;
        if (last === undefined || current === null || last <= 0) continue;
        const growth = (current - last) / last;
        const cell = cellOf(context, facts, "perCapitaIncome");
        if (current < last) {
          out.push(finding(this, "error", facts, cell, `${facts.label}：人均纯收入由上年${yuan(last)}降至${yuan(current)}（${percent(growth)}）。请分析减收原因，落实针对性增收措施（方案一）。`));
        } else if (growth < growthTarget) {
          out.push(finding(this, "warning", facts, cell, `${facts.label}：人均纯收入增幅${percent(growth)}，低于当地农民收入增幅${percent(growthTarget)}。方案要求脱贫人口收入增幅高于当地农民（方案一）。`));
        }
      }
      return out;
    },
  },
];

export const RULE_IDS: readonly RuleId[] = RULES.map((r) => r.id);

const GRADE_NUMERALS = ["一", "二", "三", "四"];

/** 孝善养老's age condition as the policy in force sets it: "60周岁，一、二级残疾55周岁". */
function filialAgeCondition(context: CheckContext): string {
  const { filialMinAge, filialMinAgeSevereDisability, filialSevereDisabilityMaxGrade } = context.policy.values;
  const grades = GRADE_NUMERALS.slice(0, filialSevereDisabilityMaxGrade).join("、");
  return `${filialMinAge}周岁，${grades}级残疾${filialMinAgeSevereDisability}周岁`;
}

function headerOf(context: CheckContext, column: string): string | null {
  const header = context.ledger.columns.find((c) => c.letter === column)?.header;
  return header ? header.replace(/\s+/g, "") : null;
}

function measureCell(context: CheckContext, facts: HouseholdFacts): CellRef {
  if (context.has("measures")) return cellOf(context, facts, "measures");
  const kindColumn = context.ledger.columns.find((c) => c.measureKind !== null);
  return kindColumn ? { row: facts.household.rows[0], column: kindColumn.letter } : facts.anchor;
}

