/**
 * The plan's numbers as dated parameters (issue 2 §2). This file is where the literal
 * numbers of 枣高社字【2023】16号 belong: every other test reads them from the policy,
 * so a change to a shipped value must be made here, deliberately, with its clause.
 */
import {
  formatParameterValue,
  PARAMETER_KEYS,
  PARAMETERS,
  PLAN_PERIOD,
  ParameterDefinition,
  ParameterKey,
  PolicyFileError,
  UNIT_LABELS,
  parsePolicyFile,
  resolvePolicy,
  valueInForce,
  valueProblem,
} from "../src/policy";

/** The PolicyFileError a call throws (fails the test when it does not throw one). */
function policyError(call: () => unknown): PolicyFileError {
  try {
    call();
  } catch (error) {
    if (error instanceof PolicyFileError) return error;
    throw error;
  }
  throw new Error("expected a PolicyFileError");
}

const CJK = /[\u4e00-\u9fff]/;

describe("方案规定的数值：每个值连同出处条款", () => {
  test.each<[ParameterKey, number, string, string]>([
    ["lowIncomeThreshold", 11000, "二（一）", "yuan per person per year"],
    ["highIncomeThreshold", 15000, "二（一）", "yuan per person per year"],
    ["courtyardSubsidyRate", 0.5, "二（六）12", "share"],
    ["courtyardSubsidyCap", 5000, "二（六）12", "yuan per household"],
    ["filialMinAge", 60, "二（十）20", "years"],
    ["filialMinAgeSevereDisability", 55, "二（十）20", "years"],
    ["filialSevereDisabilityMaxGrade", 2, "二（十）20", "grade"],
    ["filialMonthlyContribution", 300, "二（十）20", "yuan per month"],
    ["filialRewardRateCap", 0.3, "二（十）20", "share"],
    ["fuminLoanRiskCompensationLimit", 100000, "二（七）14", "yuan"],
    ["visitIntervalMonths", 1, "二（一）3", "months"],
  ])("%s = %p（%s，单位 %s），2023—2025 年均适用", (key, value, clause, unit) => {
    const definition: ParameterDefinition = PARAMETERS[key];
    expect(definition.clause).toBe(clause);
    expect(definition.unit).toBe(unit);
    for (const year of [2023, 2024, 2025]) {
      expect(valueInForce(definition, year)).toBe(value);
      expect(resolvePolicy(year).values[key]).toBe(value);
    }
  });

  test("二（七）14 富民贷额度“10万元以下（不含）”：标签写明不含", () => {
    expect(PARAMETERS.fuminLoanRiskCompensationLimit.label).toContain("不含");
  });

  test("二（六）12 奖补上限按方案期内每户累计（已发放计入），写在说明中", () => {
    expect(PARAMETERS.courtyardSubsidyCap.label).toContain("每户");
    expect(PARAMETERS.courtyardSubsidyCap.description).toContain("已发放");
  });

  test("二（十）20 奖补基数按“实缴金额，但每月不超过300元”，写在说明中", () => {
    expect(PARAMETERS.filialMonthlyContribution.description).toContain("每月不超过");
  });

  test("方案期为 2023—2025 年", () => {
    expect(PLAN_PERIOD).toEqual({ firstYear: 2023, lastYear: 2025 });
  });
});

describe("每个参数都有中文标签、单位、条款与说明", () => {
  test.each(PARAMETER_KEYS.map((key) => [key]))("%s", (key) => {
    const definition: ParameterDefinition = PARAMETERS[key];
    expect(definition.label).toMatch(CJK);
    expect(definition.labelEn.length).toBeGreaterThan(0);
    expect(definition.description).toMatch(CJK);
    expect(definition.clause).toMatch(CJK);
    expect(UNIT_LABELS[definition.unit]).toMatch(CJK);
    expect(definition.values.length).toBeGreaterThan(0);
    for (const entry of definition.values) {
      expect(entry.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // a shipped value respects its own bounds
      expect(valueProblem(key, entry.value)).toBeNull();
    }
  });

  test("标签互不相同（用户靠标签区分参数）", () => {
    const labels = PARAMETER_KEYS.map((key) => PARAMETERS[key].label);
    expect(new Set(labels).size).toBe(labels.length);
  });
});

describe("分段生效：某年取该年1月1日已生效的最后一个值", () => {
  const dated: ParameterDefinition = {
    label: "测试参数",
    labelEn: "test",
    unit: "yuan",
    clause: "二（一）",
    description: "测试",
    values: [
      { from: "2024-01-01", value: 12000 },
      { from: "2023-01-01", value: 11000 },
      { from: "2025-07-01", value: 13000 },
    ],
    min: 0,
    max: 1e6,
  };

  test.each<[number, number]>([
    [2022, 11000],
    [2023, 11000],
    [2024, 12000],
    [2025, 12000],
    [2026, 13000],
  ])("%p 年取 %p", (year, value) => {
    expect(valueInForce(dated, year)).toBe(value);
  });
});

describe("当地确定的参数（小时最低工资、农民收入增幅）须经确认", () => {
  test("默认值标明未确认", () => {
    const policy = resolvePolicy(2024);
    expect([...policy.unconfirmed].sort()).toEqual(["farmersIncomeGrowth", "hourlyMinimumWage"]);
    expect(PARAMETERS.hourlyMinimumWage.localDefault.note).toMatch(CJK);
    expect(PARAMETERS.farmersIncomeGrowth.localDefault.note).toMatch(CJK);
    expect(PARAMETERS.hourlyMinimumWage.clause).toBe("二（四）8");
    expect(PARAMETERS.farmersIncomeGrowth.clause).toBe("一");
    expect(policy.overriddenFrom).toBe("");
  });

  test("方案本身规定的参数不需要确认", () => {
    const local = PARAMETER_KEYS.filter((key) => "localDefault" in PARAMETERS[key]);
    expect(local.sort()).toEqual(["farmersIncomeGrowth", "hourlyMinimumWage"]);
  });

  test("在参数文件中设定某年的值即确认该年", () => {
    const overrides = parsePolicyFile({ years: { "2024": { hourlyMinimumWage: 21 } } }, "本地参数.json");
    const policy = resolvePolicy(2024, overrides);
    expect(policy.values.hourlyMinimumWage).toBe(21);
    expect(policy.unconfirmed).toEqual(["farmersIncomeGrowth"]);
    expect(policy.overriddenFrom).toBe("本地参数.json");
    // another year stays unconfirmed
    expect([...resolvePolicy(2025, overrides).unconfirmed].sort()).toEqual(["farmersIncomeGrowth", "hourlyMinimumWage"]);
    expect(resolvePolicy(2025, overrides).overriddenFrom).toBe("");
  });

  test("列在 confirm 中即接受默认值", () => {
    const overrides = parsePolicyFile({ years: { "2024": { confirm: ["hourlyMinimumWage", "farmersIncomeGrowth"] } } }, "本地参数.json");
    const policy = resolvePolicy(2024, overrides);
    expect(policy.unconfirmed).toEqual([]);
    expect(policy.values.hourlyMinimumWage).toBe(resolvePolicy(2024).values.hourlyMinimumWage);
    expect(policy.values.farmersIncomeGrowth).toBe(resolvePolicy(2024).values.farmersIncomeGrowth);
  });
});

describe("方案期以外的年份", () => {
  test.each<[number, boolean]>([
    [2022, true],
    [2023, false],
    [2024, false],
    [2025, false],
    [2026, true],
  ])("%p 年：outsidePlanPeriod = %p，仍使用最近的值", (year, outside) => {
    const policy = resolvePolicy(year);
    expect(policy.year).toBe(year);
    expect(policy.outsidePlanPeriod).toBe(outside);
    expect(policy.values.lowIncomeThreshold).toBe(11000);
    expect(policy.values.highIncomeThreshold).toBe(15000);
  });
});

describe("参数文件 parsePolicyFile", () => {
  const valid = JSON.stringify({
    description: "某街道2024年参数",
    years: {
      "2024": { lowIncomeThreshold: 11500, highIncomeThreshold: 16000, farmersIncomeGrowth: 0.065, confirm: ["hourlyMinimumWage"] },
    },
  });

  test("合法文件只改动它写明的年份", () => {
    const overrides = parsePolicyFile(valid, "参数.json");
    expect(overrides.source).toBe("参数.json");
    const y2024 = resolvePolicy(2024, overrides);
    expect(y2024.values.lowIncomeThreshold).toBe(11500);
    expect(y2024.values.highIncomeThreshold).toBe(16000);
    expect(y2024.values.farmersIncomeGrowth).toBe(0.065);
    expect(y2024.values.courtyardSubsidyCap).toBe(resolvePolicy(2024).values.courtyardSubsidyCap);
    expect(y2024.unconfirmed).toEqual([]);
    for (const year of [2023, 2025]) {
      expect(resolvePolicy(year, overrides).values).toEqual(resolvePolicy(year).values);
    }
  });

  test("带 BOM 的文本、已解析的对象、中文“说明”字段都可用", () => {
    expect(resolvePolicy(2024, parsePolicyFile(`\uFEFF${valid}`, "bom.json")).values.lowIncomeThreshold).toBe(11500);
    const parsed = parsePolicyFile({ 说明: "无改动", years: {} }, "空.json");
    expect(resolvePolicy(2024, parsed).values).toEqual(resolvePolicy(2024).values);
  });

  test("不是有效的 JSON", () => {
    const error = policyError(() => parsePolicyFile("{ years: ", "坏.json"));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toContain("JSON");
    expect(error.source).toBe("坏.json");
    expect(error.message).toContain("坏.json");
  });

  test.each<[unknown]>([[[1, 2]], ["[]"], [null], ["42"]])("顶层不是对象 %p", (input) => {
    const error = policyError(() => parsePolicyFile(input, "x.json"));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toContain("对象");
  });

  test("缺少 years、无法识别的顶层字段", () => {
    expect(policyError(() => parsePolicyFile({}, "x.json")).problems).toEqual([expect.stringContaining("years")]);
    const error = policyError(() => parsePolicyFile({ years: {}, yaers: {} }, "x.json"));
    expect(error.problems).toEqual([expect.stringContaining("“yaers”")]);
  });

  test("未知参数：消息建议可用的参数名", () => {
    const close = policyError(() => parsePolicyFile({ years: { "2024": { lowIncome: 11500 } } }, "x.json"));
    expect(close.problems).toHaveLength(1);
    expect(close.problems[0]).toContain("2024年");
    expect(close.problems[0]).toContain("“lowIncome”");
    expect(close.problems[0]).toContain("lowIncomeThreshold");
    expect(close.problems[0]).not.toContain("courtyardSubsidyCap");
    // a misspelling close to nothing lists every parameter
    const typo = policyError(() => parsePolicyFile({ years: { "2024": { lowIncomeThreshhold: 11500 } } }, "x.json"));
    for (const key of PARAMETER_KEYS) expect(typo.problems[0]).toContain(key);
  });

  test("confirm 必须是参数名列表", () => {
    const notList = policyError(() => parsePolicyFile({ years: { "2024": { confirm: "hourlyMinimumWage" } } }, "x.json"));
    expect(notList.problems).toEqual([expect.stringContaining("confirm")]);
    const unknown = policyError(() => parsePolicyFile({ years: { "2024": { confirm: ["minimumWage"] } } }, "x.json"));
    expect(unknown.problems).toHaveLength(1);
    expect(unknown.problems[0]).toContain("minimumWage");
    expect(unknown.problems[0]).toContain("hourlyMinimumWage");
  });

  test.each<[string, unknown]>([
    ["lowIncomeThreshold", "11000"],
    ["lowIncomeThreshold", null],
    ["courtyardSubsidyCap", true],
    ["filialRewardRateCap", "30%"],
  ])("%s 不是数字 (%p)", (key, value) => {
    const error = policyError(() => parsePolicyFile({ years: { "2024": { [key]: value } } }, "x.json"));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toContain("应为数字");
    expect(error.problems[0]).toContain(key);
  });

  test.each<[string, number, string]>([
    ["courtyardSubsidyRate", 1.2, "不大于 1"],
    ["filialRewardRateCap", 1.5, "不大于 1"],
    ["filialRewardRateCap", 0, "大于 0"],
    ["lowIncomeThreshold", 0, "大于 0"],
    ["highIncomeThreshold", -100, "大于 0"],
    ["courtyardSubsidyCap", -1, "不小于 0"],
    ["filialSevereDisabilityMaxGrade", 5, "不大于 4"],
    ["filialMinAge", 60.5, "整数"],
  ])("%s = %p 超出范围（%s）", (key, value, expected) => {
    const error = policyError(() => parsePolicyFile({ years: { "2024": { [key]: value } } }, "x.json"));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toContain(expected);
    expect(error.problems[0]).toContain(String(value));
    expect(error.problems[0]).toContain(PARAMETERS[key as ParameterKey].label);
  });

  test("边界上的值可用：courtyardSubsidyRate = 1，奖补上限 = 0", () => {
    const overrides = parsePolicyFile({ years: { "2024": { courtyardSubsidyRate: 1, courtyardSubsidyCap: 0 } } }, "x.json");
    expect(resolvePolicy(2024, overrides).values.courtyardSubsidyRate).toBe(1);
    expect(resolvePolicy(2024, overrides).values.courtyardSubsidyCap).toBe(0);
  });

  test.each<[Record<string, number>]>([
    [{ lowIncomeThreshold: 15000 }],
    [{ lowIncomeThreshold: 16000 }],
    [{ highIncomeThreshold: 11000 }],
    [{ lowIncomeThreshold: 12000, highIncomeThreshold: 12000 }],
  ])("与内置值合并后低收入标准不小于高收入标准 %p", (values) => {
    const error = policyError(() => parsePolicyFile({ years: { "2024": values } }, "x.json"));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toContain("2024年");
    expect(error.problems[0]).toContain(PARAMETERS.lowIncomeThreshold.label);
    expect(error.problems[0]).toContain(PARAMETERS.highIncomeThreshold.label);
    expect(error.problems[0]).toContain("应小于");
  });

  test("放宽年龄不得高于一般年龄（55 ≤ 60）", () => {
    const error = policyError(() => parsePolicyFile({ years: { "2025": { filialMinAgeSevereDisability: 61 } } }, "x.json"));
    expect(error.problems).toEqual([expect.stringContaining("2025年")]);
    expect(error.problems[0]).toContain(PARAMETERS.filialMinAge.label);
    // equal ages are allowed
    const equal = parsePolicyFile({ years: { "2025": { filialMinAgeSevereDisability: 60 } } }, "x.json");
    expect(resolvePolicy(2025, equal).values.filialMinAgeSevereDisability).toBe(60);
  });

  test.each<[string]>([["24"], ["2024年"], ["二〇二四"], ["1999"], ["2101"], ["20240"]])("年份键 %p 不是四位年份", (year) => {
    const error = policyError(() => parsePolicyFile({ years: { [year]: { lowIncomeThreshold: 11500 } } }, "x.json"));
    expect(error.problems).toEqual([expect.stringContaining(`“${year}”`)]);
  });

  test("某年的内容不是对象", () => {
    const error = policyError(() => parsePolicyFile({ years: { "2024": 11500 } }, "x.json"));
    expect(error.problems).toEqual([expect.stringContaining("2024年")]);
  });

  test("所有问题一次报出", () => {
    const file = {
      years: {
        "2023": { lowIncome: 11500, courtyardSubsidyRate: 1.2 },
        "2024": { highIncomeThreshold: "15000", filialRewardRateCap: 0, confirm: ["nothing"] },
        "24": { lowIncomeThreshold: 11500 },
      },
      extra: true,
    };
    const error = policyError(() => parsePolicyFile(JSON.stringify(file), "多处错误.json"));
    expect(error.problems).toHaveLength(7);
    expect(error.message).toContain("多处错误.json 有 7 处问题");
    for (const problem of error.problems) expect(error.message).toContain(problem);
    expect(error.problems.filter((p) => p.startsWith("2023年"))).toHaveLength(2);
    expect(error.problems.filter((p) => p.startsWith("2024年"))).toHaveLength(3);
  });
});

describe("resolvePolicy 直接收到不一致的覆盖值也会拒绝", () => {
  test("低收入标准 ≥ 高收入标准", () => {
    const error = policyError(() =>
      resolvePolicy(2024, { source: "任务窗格", years: { 2024: { values: { lowIncomeThreshold: 15000 }, confirm: [] } } }),
    );
    expect(error.source).toBe("任务窗格");
    expect(error.problems).toEqual([expect.stringContaining("2024年")]);
  });
});

describe("参数值的显示", () => {
  it("shares as percentages, other values with their Chinese unit", () => {
    expect(formatParameterValue("farmersIncomeGrowth", 0.07)).toBe("7%");
    expect(formatParameterValue("filialRewardRateCap", 0.3)).toBe("30%");
    expect(formatParameterValue("hourlyMinimumWage", 19.5)).toBe("19.5元/小时");
    expect(formatParameterValue("filialMinAge", 60)).toBe("60周岁");
  });
});
