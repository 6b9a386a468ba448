import type { Policy } from "../policy";
import type { DisabilityGrade } from "../values/disability";
import { InputError } from "../values/errors";
import { roundToFen, roundToPrecision } from "../values/numbers";

/**
 * 孝善养老, 二（十）20: an elder of a 脱贫户 aged at least 60, or at least 55 with a
 * disability of grade 1 or 2, whose children pay support, earns the family a reward.
 */
export function isFilialElder(ageInYears: number, disabilityGrade: DisabilityGrade | null, policy: Policy): boolean {
  const { filialMinAge, filialMinAgeSevereDisability, filialSevereDisabilityMaxGrade } = policy.values;
  if (ageInYears >= filialMinAge) return true;
  const severe = disabilityGrade !== null && disabilityGrade <= filialSevereDisabilityMaxGrade;
  return severe && ageInYears >= filialMinAgeSevereDisability;
}

/**
 * Months a payment covers where none is given: the ledgers record a year's support (the reward
 * is counted per year). One constant for the check (M07), the funds summary, the custom function
 * and the native formula.
 */
export const FILIAL_DEFAULT_MONTHS = 12;

export interface FilialRewardCase {
  /** Support the children paid in the period, yuan. */
  readonly paid: number;
  /** Months the payment covers. */
  readonly months: number;
  /** Reward rate chosen by the district and street; at most the plan's cap (30%). */
  readonly rate: number;
}

/** The reward rate to use: the cap when none is given; above the cap or not positive is refused. */
export function filialRewardRate(rate: number | null, policy: Policy): number {
  const cap = policy.values.filialRewardRateCap;
  if (rate === null) return cap;
  if (!(rate > 0) || rate > cap) {
    // 30 typed for 30%: say how a rate is written.
    const hint = rate > 1 && rate <= 100 ? `；比例请写作 ${rate}% 或 ${roundToPrecision(rate / 100)}` : "";
    throw new InputError(`奖补比例应大于0且不超过${roundToPrecision(cap * 100)}%（方案二（十）20），收到 ${rate}${hint}`);
  }
  return rate;
}

/**
 * 孝善养老奖补 for an eligible elder: rate × the amount paid, counting at most the plan's
 * monthly contribution for each month; to the fen.
 */
export function filialReward(c: FilialRewardCase, policy: Policy): number {
  if (c.paid < 0) throw new InputError(`子女缴纳金额不能为负数：${c.paid}`);
  if (!Number.isInteger(c.months) || c.months < 1) throw new InputError(`月数应为正整数，收到 ${c.months}`);
  const rate = filialRewardRate(c.rate, policy);
  const base = Math.min(c.paid, policy.values.filialMonthlyContribution * c.months);
  return roundToFen(rate * base);
}

/**
 * The most an eligible elder's reward may be for a year's contribution: the rate cap of the amount paid, at most the monthly contribution
 * a month, for FILIAL_DEFAULT_MONTHS months (a ledger's yearly 子女缴纳金额).
 */
export function allowedFilialReward(paid: number, policy: Policy): number {
  return filialReward({ paid, months: FILIAL_DEFAULT_MONTHS, rate: policy.values.filialRewardRateCap }, policy);
}
