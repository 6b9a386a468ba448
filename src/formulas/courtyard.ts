import type { Policy } from "../policy";
import { InputError, roundToFen } from "../values";

export interface CourtyardCase {
  /** The household's investment in courtyard economy (庭院经济投资额), yuan. */
  readonly investment: number;
  /** Only low-income households (二（六）12) receive the subsidy. */
  readonly isLowIncome: boolean;
  /** Subsidy already granted to the household in the plan period, yuan. */
  readonly alreadyGranted: number;
}

/**
 * 庭院经济奖补, 二（六）12: the rate (50%) of the investment, limited so that the
 * household's total over the plan period does not pass the cap (5000 yuan); never negative; to the fen.
 */
export function courtyardSubsidy(c: CourtyardCase, policy: Policy): number {
  if (c.investment < 0) throw new InputError(`庭院经济投资额不能为负数：${c.investment}`);
  if (c.alreadyGranted < 0) throw new InputError(`已发放奖补不能为负数：${c.alreadyGranted}`);
  if (!c.isLowIncome) return 0;
  const { courtyardSubsidyRate, courtyardSubsidyCap } = policy.values;
  const remaining = Math.max(0, courtyardSubsidyCap - c.alreadyGranted);
  return roundToFen(Math.min(c.investment * courtyardSubsidyRate, remaining));
}
