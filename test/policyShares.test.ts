/**
 * Shares in a policy file are decimals (0.07 for 7%). A percentage typed as a whole number
 * (7 for 7%) is the likeliest mistake; it must be refused with the fix, not read as 700%.
 */
import { parsePolicyFile, PolicyFileError, resolvePolicy } from "../src/policy";

function problems(input: unknown): readonly string[] {
  try {
    parsePolicyFile(input, "本地参数.json");
  } catch (error) {
    if (error instanceof PolicyFileError) return error.problems;
    throw error;
  }
  return [];
}

test("farmersIncomeGrowth 7 (meant as 7%) is refused, and the message shows how to write it", () => {
  const found = problems({ years: { "2025": { farmersIncomeGrowth: 7 } } });
  expect(found).toHaveLength(1);
  expect(found[0]).toContain("farmersIncomeGrowth");
  expect(found[0]).toContain("0.07");
});

test("a share parameter out of range says shares are decimals", () => {
  const [problem] = problems({ years: { "2025": { filialRewardRateCap: 30 } } });
  expect(problem).toContain("不大于 1");
  expect(problem).toContain("小数");
});

test.each([0.07, 0.125, -0.05, 0, 1])("farmersIncomeGrowth %p is accepted", (value) => {
  expect(problems({ years: { "2025": { farmersIncomeGrowth: value } } })).toEqual([]);
  expect(
    resolvePolicy(2025, parsePolicyFile({ years: { "2025": { farmersIncomeGrowth: value } } }, "x.json")).values.farmersIncomeGrowth,
  ).toBe(value);
});
