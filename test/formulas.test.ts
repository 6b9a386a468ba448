/**
 * The plan's rules as formulas (src/formulas), clause by clause, on the shipped
 * 2024 parameters. The boundaries are the ones issue 2 §5 names.
 */
import { thrown } from "./support/thrown";
import {
  TIER_LABELS,
  ageFromIdNumber,
  allowedFilialReward,
  assertThresholds,
  courtyardSubsidy,
  filialReward,
  filialRewardRate,
  householdNetIncome,
  incomeTier,
  isFilialElder,
  parseTierLabel,
  perCapitaNetIncome,
  requireTierLabel,
  tierThresholds,
} from "../src/formulas";
import { Policy, parsePolicyFile, resolvePolicy } from "../src/policy";
import { DisabilityGrade, IdNumberError, InputError } from "../src/values";
import { syntheticId, withWrongCheck } from "./support/syntheticId";

const policy = resolvePolicy(2024);

describe("二（一） 收入分层：低收入 < 11000 ≤ 中等收入 < 15000 ≤ 高收入", () => {
  const thresholds = tierThresholds(policy);

  test("阈值取自参数", () => {
    expect(thresholds).toEqual({ lowIncomeThreshold: 11000, highIncomeThreshold: 15000 });
  });

  test.each<[number, string]>([
    [0, "low"],
    [5000, "low"],
    [10999.99, "low"],
    [11000, "middle"],
    [11000.01, "middle"],
    [14999.99, "middle"],
    [15000, "high"],
    [15000.01, "high"],
    [100000, "high"],
  ])("人均纯收入 %p → %s", (income, tier) => {
    expect(incomeTier(income, thresholds)).toBe(tier);
  });

  test("人均纯收入为负（经营亏损）也是低收入", () => {
    expect(incomeTier(-1, thresholds)).toBe("low");
    expect(incomeTier(-20000, thresholds)).toBe("low");
  });

  test("分层名称", () => {
    expect(TIER_LABELS).toEqual({ low: "低收入", middle: "中等收入", high: "高收入" });
  });

  test("其他阈值按同样规则：下限属于中等，上限属于高", () => {
    const custom = { lowIncomeThreshold: 12000, highIncomeThreshold: 16000 };
    expect(incomeTier(11999.99, custom)).toBe("low");
    expect(incomeTier(12000, custom)).toBe("middle");
    expect(incomeTier(15999.99, custom)).toBe("middle");
    expect(incomeTier(16000, custom)).toBe("high");
  });

  test.each<[number, number]>([
    [15000, 15000],
    [15000, 11000],
    [Number.NaN, 15000],
  ])("低收入标准 %p 不小于高收入标准 %p：拒绝", (low, high) => {
    const thresholdsInError = { lowIncomeThreshold: low, highIncomeThreshold: high };
    const error = thrown(() => incomeTier(12000, thresholdsInError));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain("应小于");
    expect(error.message).toContain(String(low));
    expect(() => assertThresholds(thresholdsInError)).toThrow(InputError);
  });

  describe("台账中的分层写法", () => {
    test.each<[string, string | null]>([
      ["低收入", "low"],
      ["低收入户", "low"],
      ["低收入脱贫户", "low"],
      ["低", "low"],
      [" 低收入 ", "low"],
      ["中等收入", "middle"],
      ["中等收入户", "middle"],
      ["中等", "middle"],
      ["中收入", "middle"],
      ["中", "middle"],
      ["高收入", "high"],
      ["高收入脱贫户", "high"],
      ["高", "high"],
      ["", null],
      ["特困", null],
      ["低保户", null],
      ["中高收入", null],
      ["low", null],
      ["11000", null],
    ])("%p → %p", (label, tier) => {
      expect(parseTierLabel(label)).toBe(tier);
    });

    test("requireTierLabel：无法识别时报错并写出原文", () => {
      expect(requireTierLabel("低收入户")).toBe("low");
      const error = thrown(() => requireTierLabel("一般户"));
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toContain("一般户");
    });
  });
});

describe("二（六）12 庭院经济奖补：投资额的50%，每户最高5000元", () => {
  const subsidy = (investment: number, alreadyGranted = 0, isLowIncome = true) =>
    courtyardSubsidy({ investment, alreadyGranted, isLowIncome }, policy);

  test.each<[number, number]>([
    [0, 0],
    [1000, 500],
    [4000, 2000],
    [9999.98, 4999.99],
    [10000, 5000],
    [10000.02, 5000],
    [20000, 5000],
  ])("投资 %p 元 → 奖补 %p 元", (investment, expected) => {
    expect(subsidy(investment)).toBe(expected);
  });

  test.each<[number, number, number]>([
    [4000, 4000, 1000],
    [4000, 1000, 500],
    [4000, 3000, 1000],
    [3000, 4000, 2000],
    [3000, 5000, 2000],
    [4999.99, 10000, 0.01],
    [5000, 4000, 0],
    [6000, 4000, 0],
    [0, 20000, 5000],
  ])("已发放 %p 元，投资 %p 元 → 本次 %p 元（累计不超过5000，不为负）", (granted, investment, expected) => {
    const result = subsidy(investment, granted);
    expect(result).toBe(expected);
    expect(result).toBeGreaterThanOrEqual(0);
  });

  test("非低收入户不享受：0", () => {
    expect(subsidy(4000, 0, false)).toBe(0);
    expect(subsidy(20000, 0, false)).toBe(0);
  });

  test("保留到分：投资 333.33 → 166.67，投资 0.01 → 0.01", () => {
    expect(subsidy(333.33)).toBe(166.67);
    expect(subsidy(0.01)).toBe(0.01);
    expect(subsidy(0.03)).toBe(0.02);
  });

  test("投资额或已发放金额为负：拒绝，消息写出数额", () => {
    const negativeInvestment = thrown(() => subsidy(-1));
    expect(negativeInvestment).toBeInstanceOf(InputError);
    expect(negativeInvestment.message).toContain("投资额");
    expect(negativeInvestment.message).toContain("-1");
    const negativeGranted = thrown(() => subsidy(1000, -500));
    expect(negativeGranted).toBeInstanceOf(InputError);
    expect(negativeGranted.message).toContain("已发放");
    expect(negativeGranted.message).toContain("-500");
    // refused even for a household that is not eligible
    expect(() => subsidy(-1, 0, false)).toThrow(InputError);
  });

  test("比例与上限取自参数：改为 40% / 8000 元时随之改变", () => {
    const local: Policy = resolvePolicy(
      2024,
      parsePolicyFile({ years: { "2024": { courtyardSubsidyRate: 0.4, courtyardSubsidyCap: 8000 } } }, "x.json"),
    );
    expect(courtyardSubsidy({ investment: 10000, alreadyGranted: 0, isLowIncome: true }, local)).toBe(4000);
    expect(courtyardSubsidy({ investment: 30000, alreadyGranted: 5000, isLowIncome: true }, local)).toBe(3000);
  });
});

describe("二（十）20 孝善养老：60周岁，一、二级残疾放宽至55周岁", () => {
  test.each<[number, DisabilityGrade | null, boolean]>([
    [59, null, false],
    [60, null, true],
    [61, null, true],
    [90, null, true],
    [59, 3, false],
    [59, 4, false],
    [60, 3, true],
    [54, 1, false],
    [55, 1, true],
    [54, 2, false],
    [55, 2, true],
    [57, 2, true],
    [55, 3, false],
    [59, 3, false],
    [55, 4, false],
    [55, null, false],
    [0, 1, false],
  ])("%p 周岁，残疾等级 %p → %p", (age, grade, eligible) => {
    expect(isFilialElder(age, grade, policy)).toBe(eligible);
  });

  describe("奖补 = 比例 × min(实缴, 300 × 月数)", () => {
    const reward = (paid: number, months = 12, rate: number | null = null) =>
      filialReward({ paid, months, rate: filialRewardRate(rate, policy) }, policy);

    test.each<[number, number, number | null, number]>([
      [3600, 12, null, 1080],
      [4000, 12, null, 1080],
      [3000, 12, null, 900],
      [3600, 6, null, 540],
      [1800, 6, null, 540],
      [300, 1, null, 90],
      [0, 12, null, 0],
      [3600, 12, 0.3, 1080],
      [3600, 12, 0.2, 720],
      [3600, 12, 0.15, 540],
      [1234.55, 12, 0.3, 370.37],
      [100, 1, 0.001, 0.1],
    ])("实缴 %p 元，%p 个月，比例 %p → %p 元", (paid, months, rate, expected) => {
      expect(reward(paid, months, rate)).toBe(expected);
    });

    test("不给比例时用上限 30%", () => {
      expect(filialRewardRate(null, policy)).toBe(0.3);
    });

    test.each<[number]>([[0.31], [0.3000001], [1], [0], [-0.1], [Number.NaN]])("比例 %p 超出 (0, 30%]：拒绝", (rate) => {
      const error = thrown(() => filialRewardRate(rate, policy));
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toContain("30%");
      expect(error.message).toContain("二（十）20");
    });

    test.each<[number, number]>([
      [3600, 1080],
      [5000, 1080],
      [1000, 300],
      [0, 0],
    ])("台账一年的子女缴纳金额 %p 元：最多可奖补 %p 元（比例上限，12个月）", (paid, expected) => {
      expect(allowedFilialReward(paid, policy)).toBe(expected);
    });

    test("月数须为正整数，实缴不能为负", () => {
      expect(() => reward(3600, 0)).toThrow(InputError);
      expect(() => reward(3600, -1)).toThrow(InputError);
      expect(thrown(() => reward(3600, 6.5)).message).toContain("6.5");
      expect(thrown(() => reward(-1)).message).toContain("-1");
    });
  });
});

describe("人均纯收入 =（工资性 + 生产经营性 + 财产性 + 转移性 − 生产经营性支出）÷ 家庭人口数", () => {
  const components = { wageIncome: 24000, businessIncome: 8000, propertyIncome: 500, transferIncome: 3500, businessCosts: 3000 };

  test("家庭纯收入与人均", () => {
    expect(householdNetIncome(components)).toBe(33000);
    expect(perCapitaNetIncome(components, 3)).toBe(11000);
    expect(perCapitaNetIncome(components, 1)).toBe(33000);
  });

  test("保留到分", () => {
    expect(perCapitaNetIncome({ ...components, businessCosts: 2999 }, 3)).toBe(11000.33);
    expect(perCapitaNetIncome({ wageIncome: 10000, businessIncome: 0, propertyIncome: 0, transferIncome: 0, businessCosts: 0 }, 3)).toBe(
      3333.33,
    );
    expect(perCapitaNetIncome({ wageIncome: 20000, businessIncome: 0, propertyIncome: 0, transferIncome: 0, businessCosts: 0 }, 3)).toBe(
      6666.67,
    );
  });

  test("支出大于收入时为负", () => {
    expect(perCapitaNetIncome({ wageIncome: 0, businessIncome: 1000, propertyIncome: 0, transferIncome: 0, businessCosts: 5000 }, 2)).toBe(
      -2000,
    );
  });

  test.each<[number]>([[0], [-1], [Number.NaN]])("家庭人口数 %p：拒绝", (size) => {
    const error = thrown(() => perCapitaNetIncome(components, size));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain("家庭人口数");
  });
});

describe("周岁取自身份证号", () => {
  const id = syntheticId("19640315", "123");

  test("生日前一天、当天", () => {
    expect(ageFromIdNumber(id, { year: 2024, month: 3, day: 14 })).toBe(59);
    expect(ageFromIdNumber(id, { year: 2024, month: 3, day: 15 })).toBe(60);
  });

  test("号码无效时抛出 IdNumberError", () => {
    expect(() => ageFromIdNumber(withWrongCheck(id), { year: 2024, month: 3, day: 15 })).toThrow(IdNumberError);
  });

  test("出生日期晚于计算日期是日期错误，不是负年龄", () => {
    const error = thrown(() => ageFromIdNumber(id, { year: 1964, month: 3, day: 14 }));
    expect(error).toBeInstanceOf(IdNumberError);
    expect((error as IdNumberError).problem).toBe("date");
    expect(error.message).toContain("1964-03-15");
    expect(ageFromIdNumber(id, { year: 1964, month: 3, day: 15 })).toBe(0);
  });
});
