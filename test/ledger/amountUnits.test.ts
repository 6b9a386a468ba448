/**
 * Units in headers (LEDGER-COLUMNS.md: a trailing unit in brackets is dropped before matching):
 * dropping （万元） must not turn 10 万元 into 10 yuan. And a household size must be a positive
 * whole number, or the household cannot be classified and would pass every check unseen.
 */
import { checkLedger } from "../../src/checks";
import { amountScaleOf, readLedger } from "../../src/ledger";
import { resolvePolicy } from "../../src/policy";

const POLICY = resolvePolicy(2025);
const AS_OF = { year: 2025, month: 12, day: 15 };

function read(cells: unknown[][]) {
  return readLedger({ name: "台账", cells });
}

describe("金额列的单位（万元）", () => {
  test("values under a （万元） header are read in yuan", () => {
    const ledger = read([
      ["户编号", "户主姓名", "人均纯收入（万元）", "齐鲁富民贷金额(万元)", "富民贷风险补偿（元）"],
      ["H001", "赵一", 0.9, "10", 2000],
      ["H002", "钱二", "1.6", 5, 1000],
    ]);
    const [h1, h2] = ledger.households;
    expect(h1.values.perCapitaIncome).toBe(9000);
    expect(h1.values.fuminLoanAmount).toBe(100000);
    expect(h1.values.fuminRiskCompensation).toBe(2000);
    expect(h2.values.perCapitaIncome).toBe(16000);
    expect(h2.values.fuminLoanAmount).toBe(50000);
  });

  test("M11 fires on a 10 万元 loan written as 10 under 齐鲁富民贷金额（万元）", () => {
    const ledger = read([
      ["户编号", "户主姓名", "人均纯收入", "齐鲁富民贷金额（万元）", "富民贷风险补偿"],
      ["H001", "赵一", 12000, 10, 2000],
      ["H002", "钱二", 12000, 9.99, 2000],
    ]);
    const report = checkLedger(ledger, { asOf: AS_OF, policy: POLICY });
    const m11 = report.findings.filter((f) => f.rule === "M11");
    expect(m11.map((f) => f.household)).toEqual(["H001"]);
    expect(m11[0].message).toContain("100,000元");
  });

  test("a parent header in 万元 over its children scales them too; a value written with 万 is not scaled twice", () => {
    const ledger = read([
      ["户编号", "户主姓名", "家庭人口数", "收入情况（万元）", "", "", "", ""],
      ["", "", "", "工资性收入", "生产经营性收入", "财产性收入", "转移性收入", "生产经营性支出"],
      ["H001", "赵一", 2, 1.2, "0.5万", 0, 0.3, 0.1],
    ]);
    const v = ledger.households[0].values;
    expect([v.wageIncome, v.businessIncome, v.propertyIncome, v.transferIncome, v.businessCosts]).toEqual([12000, 5000, 0, 3000, 1000]);
  });

  test("（元） and other units leave values as they are", () => {
    const ledger = read([
      ["户编号", "户主姓名", "人均纯收入（元）", "公益性岗位月工资（元/月）", "公益性岗位月工时（小时）"],
      ["H001", "赵一", 12000, 1600, 80],
    ]);
    const h = ledger.households[0];
    expect(h.values.perCapitaIncome).toBe(12000);
    expect(h.members[0].values.welfarePostMonthlyPay).toBe(1600);
    expect(h.members[0].values.welfarePostMonthlyHours).toBe(80);
  });
});

describe("家庭人口数须大于0", () => {
  test("0 or a negative size is an unreadable value (D04), not a household silently left unclassified", () => {
    const ledger = read([
      ["户编号", "户主姓名", "家庭人口数", "工资性收入", "生产经营性收入", "财产性收入", "转移性收入", "生产经营性支出"],
      ["H001", "赵一", 0, 5000, 0, 0, 1000, 0],
      ["H002", "钱二", -2, 5000, 0, 0, 1000, 0],
      ["H003", "孙三", 1, 5000, 0, 0, 1000, 0],
    ]);
    const report = checkLedger(ledger, { asOf: AS_OF, policy: POLICY });
    const d04 = report.findings.filter((f) => f.rule === "D04");
    expect(d04.map((f) => `${f.cell?.column}${f.cell?.row}`)).toEqual(["C2", "C3"]);
    expect(d04[0].message).toContain("家庭人口数");
    expect(d04[0].message).toContain("大于0");
    expect(ledger.households[2].values.householdSize).toBe(1);
  });

  test("an age of 0 (an infant) is a valid age; a negative one is not", () => {
    const ledger = read([
      ["户编号", "姓名", "与户主关系", "年龄", "人均纯收入"],
      ["H001", "赵一", "户主", 30, 12000],
      ["H001", "赵小", "之子", 0, 12000],
      ["H001", "赵错", "之女", -1, 12000],
    ]);
    const members = ledger.households.flatMap((h) => h.members);
    expect(members[1].values.age).toBe(0);
    expect(members[2].values.age).toBeUndefined();
    expect(ledger.problems.map((p) => `${p.cell.column}${p.cell.row}`)).toEqual(["D4"]);
  });
});

describe("amountScaleOf", () => {
  test.each<[string, number]>([
    ["齐鲁富民贷金额（万元）", 10_000],
    ["齐鲁富民贷金额(单位：万元)", 10_000],
    ["收入情况（万元/户）/工资性收入", 10_000],
    ["人均纯收入（元）", 1],
    ["齐鲁富民贷金额（10万元以下）", 1],
    ["齐鲁富民贷金额", 1],
  ])("%p → %p", (header, scale) => {
    expect(amountScaleOf(header)).toBe(scale);
  });
});
