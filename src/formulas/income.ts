import { InputError, MAX_HOUSEHOLD_SIZE, roundToFen } from "../values";

/** Income components as the national monitoring system counts them, yuan per year for the household. */
export interface IncomeComponents {
  readonly wageIncome: number;
  readonly businessIncome: number;
  readonly propertyIncome: number;
  readonly transferIncome: number;
  readonly businessCosts: number;
}

/** 家庭纯收入 = 工资性 + 生产经营性 + 财产性 + 转移性 − 生产经营性支出. */
export function householdNetIncome(c: IncomeComponents): number {
  return c.wageIncome + c.businessIncome + c.propertyIncome + c.transferIncome - c.businessCosts;
}

/** 人均纯收入 = 家庭纯收入 ÷ 家庭人口数, to the fen. */
export function perCapitaNetIncome(c: IncomeComponents, householdSize: number): number {
  if (!(householdSize > 0)) throw new InputError(`家庭人口数应大于0，收到 ${householdSize}`);
  if (householdSize > MAX_HOUSEHOLD_SIZE) throw new InputError(`家庭人口数${householdSize}不合常理：一户最多按${MAX_HOUSEHOLD_SIZE}人计`);
  return roundToFen(householdNetIncome(c) / householdSize);
}
