/**
 * No number that is not finite reaches a cell, a message or a ranking: a 400-digit text is
 * refused as too large (D04 in a ledger, #VALUE! in a function) instead of becoming ∞, a
 * growth that cannot be computed is never 达标 or ranked first, and a ranking with streets
 * that cannot be judged never claims "no lagging street".
 */
import { COURTYARD_SUBSIDY, FILIAL_MATCH, PER_CAPITA, TIER } from "../../src/functions/functions";
import { buildContext } from "../../src/checks/context";
import { incomeGrowth } from "../../src/summaries/incomeGrowth";
import { buildRankingTable, rankStreets } from "../../src/summaries/ranking";
import { rankingToText } from "../../src/cli/rank";
import { AMOUNT_LIMIT, InputError, parseAmount, parseRate, parseWholeNumber } from "../../src/values";
import { AS_OF, check, findingsOf, POLICY, read } from "../support/ledgerFixtures";
import { build, table, values } from "../summaries/fixtures";
import { thrown } from "../support/thrown";

/** A text of 400 nines: Number() of it is Infinity. */
const HUGE = "9".repeat(400);

function expectValueError(cell: unknown, ...fragments: string[]): void {
  expect(cell).toBeInstanceOf(CustomFunctions.Error);
  const error = cell as CustomFunctions.Error;
  expect(error.code).toBe("#VALUE!");
  expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  expect(error.message).not.toMatch(/Infinity|NaN/);
  for (const fragment of fragments) expect(error.message).toContain(fragment);
}

const one = (result: unknown[][]): unknown => result[0][0];

describe("value parsers refuse numbers at or beyond AMOUNT_LIMIT", () => {
  test.each<[string, unknown]>([
    ["400 nines", HUGE],
    ["minus 400 nines", `-${HUGE}`],
    ["400 nines and a fraction", `${HUGE}.5`],
    ["1,000,000,000,000,000", "1,000,000,000,000,000"],
    ["100000000000万", "100000000000万"],
    ["10000000亿", "10000000亿"],
    ["the number 1e15", 1e15],
    ["the number -1e300", -1e300],
    ["Number.MAX_VALUE", Number.MAX_VALUE],
  ])("parseAmount(%s) throws a Chinese InputError that states the limit", (_label, value) => {
    const error = thrown(() => parseAmount(value, "人均纯收入"));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain("人均纯收入");
    expect(error.message).toContain("超出可计算范围");
    expect(error.message).toContain("10^15");
  });

  test("just below the limit is still a number; ∞ and NaN given as numbers are refused", () => {
    expect(parseAmount("999,999,999,999,999", "x")).toBe(999_999_999_999_999);
    expect(parseAmount(AMOUNT_LIMIT - 1, "x")).toBe(AMOUNT_LIMIT - 1);
    expect(() => parseAmount(Infinity, "x")).toThrow(InputError);
    expect(() => parseAmount(NaN, "x")).toThrow(InputError);
  });

  test("rates and whole numbers go through the same bound", () => {
    expect(() => parseRate(`${HUGE}%`, "奖补比例")).toThrow("超出可计算范围");
    expect(() => parseWholeNumber(HUGE, "月数")).toThrow("超出可计算范围");
  });
});

describe("a 400-digit amount in a ledger is D04, not ∞", () => {
  const rows = [
    ["户编号", "户主姓名", "村", "人均纯收入", "上年人均纯收入"],
    ["H1", "甲", "东村", HUGE, 10000],
    ["H2", "乙", "东村", 10500, 10000],
  ];

  test("the cell is reported by D04 with the limit, and the household has no per-capita income", () => {
    const report = check(rows);
    const d04 = findingsOf(report, "D04");
    expect(d04).toHaveLength(1);
    expect(d04[0].cell).toEqual({ row: 2, column: "D" });
    expect(d04[0].message).toContain("超出可计算范围");
    const ledger = read(rows);
    expect(ledger.households[0].values.perCapitaIncome).toBeUndefined();
  });

  test("汇总-增收 counts only the readable household: 5%, 未达标 (not ∞ and 达标)", () => {
    const t = table(build(rows), "growth");
    expect(values(t.rows[0])).toEqual(["东村", 1, 10500, 10000, 0.05, 0.07, -0.02, "未达标"]);
  });

  test("a village whose only income is unreadable shows — and no verdict", () => {
    const t = table(build([rows[0], rows[1]]), "growth");
    expect(values(t.rows[0])).toEqual(["东村", 0, "—", "—", "—", 0.07, "—", "—"]);
  });
});

describe("growth that is not a finite number is no growth", () => {
  const ledger = read([
    ["户编号", "户主姓名", "人均纯收入", "上年人均纯收入"],
    ["A", "甲", 11000, 10000],
  ]);
  const facts = buildContext(ledger, POLICY, AS_OF).households;

  test.each<[number]>([[NaN], [Infinity], [-Infinity]])("a household handed over with per-capita income %p is not comparable", (bad) => {
    const growth = incomeGrowth([{ ...facts[0], perCapita: bad }]);
    expect(growth).toEqual({ comparable: 0, thisYearMean: null, lastYearMean: null, growth: null });
    // With a finite household beside it, only the finite one counts.
    expect(incomeGrowth([{ ...facts[0], perCapita: bad }, facts[0]]).growth).toBeCloseTo(0.1, 10);
  });
});

describe("街道排名 with a street whose growth cannot be computed", () => {
  const header = ["户编号", "户主姓名", "乡镇", "人均纯收入", "上年人均纯收入"];
  const streets = [
    // Unreadable this-year income: before the bound it became ∞ and the street ranked first.
    { ledger: read([header, ["A", "a", "甲街道", HUGE, 10000]]), source: "甲.xlsx", fallbackName: "甲" },
    { ledger: read([header, ["B", "b", "乙街道", 11000, 10000]]), source: "乙.xlsx", fallbackName: "乙" }, // 10%
  ];
  const ranking = rankStreets(streets, { policy: POLICY, asOf: AS_OF });

  test("the street is unranked and last, not first", () => {
    expect(ranking.streets.map((s) => [s.rank, s.name, s.growth, s.lagging])).toEqual([
      [1, "乙街道", 0.1, false],
      [null, "甲街道", null, false],
    ]);
  });

  test("neither the table notes nor the printed ranking say there is no lagging street", () => {
    const notes = buildRankingTable(ranking, { generatedAt: "2025-07-01T09:30:00+08:00", source: "2个街道台账" }).notes.join("\n");
    const text = rankingToText(ranking);
    for (const said of [notes, text]) {
      expect(said).not.toContain("没有增幅低于当地农民收入增幅（7.0%）的街道。");
      expect(said).toContain(
        "能计算增幅的1个街道中，没有增幅低于当地农民收入增幅（7.0%）的街道；另有1个街道无法计算增幅，是否靠后无法判断。",
      );
      expect(said).not.toMatch(/Infinity|NaN/);
    }
  });

  test("no street computable: the ranking says it cannot judge", () => {
    const none = rankStreets([streets[0]], { policy: POLICY, asOf: AS_OF });
    expect(rankingToText(none)).toContain("没有一个街道能计算增幅，无法判断哪些街道增速靠后。");
    expect(rankingToText(none)).not.toContain("没有增幅低于");
  });
});

describe("custom functions refuse ∞ with #VALUE! and a Chinese message", () => {
  test("TIER: income or a threshold", () => {
    expectValueError(one(TIER([[HUGE]])), "人均纯收入", "超出可计算范围");
    expectValueError(one(TIER([[`-${HUGE}`]])), "超出可计算范围");
    expect(() => TIER([[12000]], [[HUGE]])).not.toThrow();
    expectValueError(one(TIER([[12000]], [[HUGE]])), "低收入标准", "超出可计算范围");
  });

  test("COURTYARD_SUBSIDY: investment, tier as income, granted", () => {
    expectValueError(one(COURTYARD_SUBSIDY([[HUGE]])), "庭院经济投资额");
    expectValueError(one(COURTYARD_SUBSIDY([[8000]], [[HUGE]])), "超出可计算范围");
    expectValueError(one(COURTYARD_SUBSIDY([[8000]], [["低收入"]], [[`-${HUGE}`]])), "已发放奖补");
  });

  test("FILIAL_MATCH: paid, months, rate", () => {
    expectValueError(one(FILIAL_MATCH([[HUGE]], [[70]])), "子女缴纳金额");
    expectValueError(one(FILIAL_MATCH([[3600]], [[70]], undefined, [[HUGE]])), "月数");
    expectValueError(one(FILIAL_MATCH([[3600]], [[70]], undefined, undefined, [[`${HUGE}%`]])), "奖补比例");
  });

  test("PER_CAPITA never returns Infinity or NaN", () => {
    expectValueError(one(PER_CAPITA([[HUGE]], [[0]], [[0]], [[0]], [[0]], [[4]])), "工资性收入");
    expectValueError(one(PER_CAPITA([[1e308]], [[1e308]], [[0]], [[0]], [[0]], [[1]])), "超出可计算范围");
    expectValueError(one(PER_CAPITA([[1000]], [[0]], [[0]], [[0]], [[0]], [[HUGE]])), "家庭人口数");
    // The largest amounts accepted still sum to a finite per-capita income.
    const max = AMOUNT_LIMIT - 1;
    const result = one(PER_CAPITA([[max]], [[max]], [[max]], [[max]], [[-max]], [[1]]));
    expect(typeof result).toBe("number");
    expect(Number.isFinite(result as number)).toBe(true);
  });
});
