/**
 * The BANGFU custom functions called as Excel calls them (issue 2 §3, §5): every argument
 * is a matrix (a single cell is [[v]], a range is rows of cells), a left-out optional
 * argument is undefined or null, and every result is a matrix that spills.
 * A bad cell gives a CustomFunctions.Error "#VALUE!" in that cell only; arguments that
 * cannot be combined make the whole call throw one.
 */
import { thrown } from "./support/thrown";
import { AGE, COURTYARD_SUBSIDY, FILIAL_MATCH, PER_CAPITA, TIER } from "../src/functions/functions";
import { rememberLast } from "../src/functions/cellwise";
import { functionPolicy, setFunctionDate1904, setFunctionPolicy } from "../src/functions/policyContext";
import { parsePolicyFile, resolvePolicy } from "../src/policy";
import { caseTitle, excelArguments, FUNCTION_CASES, type ExpectedCell } from "./support/functionCases";
import { gb11643Check, syntheticId, syntheticIdEndingInX, syntheticOldId, withWrongCheck } from "./support/syntheticId";

afterEach(() => {
  setFunctionPolicy(null);
  setFunctionDate1904(false);
});

/** Excel's serial for a date after 1900-03-01, computed here independently of src/values. */
function serial(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** Asserts a cell holds a #VALUE! error whose message contains every fragment. */
function expectValueError(cell: unknown, ...fragments: string[]): void {
  expect(cell).toBeInstanceOf(CustomFunctions.Error);
  const error = cell as CustomFunctions.Error;
  expect(error.code).toBe("#VALUE!");
  expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  for (const fragment of fragments) expect(error.message).toContain(fragment);
}

/** The CustomFunctions.Error a whole call throws. */
function thrownByCall(call: () => unknown): CustomFunctions.Error {
  const error = thrown(call);
  expect(error).toBeInstanceOf(CustomFunctions.Error);
  return error as unknown as CustomFunctions.Error;
}

/** The one value of a single-cell result. */
function only(result: unknown[][]): unknown {
  expect(result).toHaveLength(1);
  expect(result[0]).toHaveLength(1);
  return result[0][0];
}

describe("TIER 二（一） 收入分层", () => {
  test.each<[unknown, string]>([
    [-500, "低收入"],
    [0, "低收入"],
    [10999.99, "低收入"],
    [11000, "中等收入"],
    [14999.99, "中等收入"],
    [15000, "高收入"],
    [250000, "高收入"],
    ["1.1万", "中等收入"],
    ["１５０００", "高收入"],
    ["12,000", "中等收入"],
    ["10,999.99", "低收入"],
    ["１４，９９９．９９", "中等收入"],
    ["¥15,000元", "高收入"],
    ["-1,200", "低收入"],
  ])("=TIER(%p) → %s", (income, tier) => {
    expect(TIER([[income]])).toEqual([[tier]]);
  });

  test("阈值省略（undefined、null、空单元格）时用参数 11000 / 15000", () => {
    expect(TIER([[11000]], undefined, undefined)).toEqual([["中等收入"]]);
    expect(TIER([[11000]], null as never, null as never)).toEqual([["中等收入"]]);
    expect(TIER([[10999.99]], [[null]], [[""]])).toEqual([["低收入"]]);
    expect(TIER([[15000]], [[]], [])).toEqual([["高收入"]]);
  });

  test("给出阈值：下限属于中等，上限属于高（可写成文本）", () => {
    expect(TIER([[11999.99]], [[12000]], [[16000]])).toEqual([["低收入"]]);
    expect(TIER([[12000]], [[12000]], [[16000]])).toEqual([["中等收入"]]);
    expect(TIER([[15999.99]], [["1.2万"]], [["16,000"]])).toEqual([["中等收入"]]);
    expect(TIER([[16000]], [["１２０００"]], [["1.6万"]])).toEqual([["高收入"]]);
    // only one threshold given: the other stays the parameter
    expect(TIER([[14000]], [[14500]])).toEqual([["低收入"]]);
    expect(TIER([[14000]], undefined, [[13000]])).toEqual([["高收入"]]);
  });

  test("空白单元格 → 空", () => {
    expect(TIER([[""]])).toEqual([[""]]);
    expect(TIER([[null]])).toEqual([[""]]);
    expect(TIER([["  "]])).toEqual([[""]]);
  });

  test.each<[unknown, unknown]>([
    [15000, 15000],
    [16000, 15000],
    [12000, 11000],
  ])("低收入标准 %p ≥ 高收入标准 %p → #VALUE!", (low, high) => {
    expectValueError(only(TIER([[12000]], [[low]], [[high]])), "应小于", String(low), String(high));
  });

  test("只给低收入标准 15000 时与参数中的高收入标准 15000 冲突 → #VALUE!", () => {
    expectValueError(only(TIER([[12000]], [[15000]])), "应小于");
  });

  test("无法识别的收入 → #VALUE!，消息写出该值", () => {
    expectValueError(only(TIER([["一万二"]])), "“一万二”", "人均纯收入");
    expectValueError(only(TIER([[true]])), "true");
    expectValueError(only(TIER([[12000]], [["低"]])), "“低”", "低收入标准");
  });

  test("区域：同形状溢出，只有坏单元格是错误", () => {
    const result = TIER([
      [10999.99, "1.1万"],
      ["abc", 15000],
      ["", "14,999.99"],
    ]);
    expect(result).toHaveLength(3);
    expect(result.every((row) => row.length === 2)).toBe(true);
    expect(result[0]).toEqual(["低收入", "中等收入"]);
    expectValueError(result[1][0], "“abc”");
    expect(result[1][1]).toBe("高收入");
    expect(result[2]).toEqual(["", "中等收入"]);
  });

  test("一行区域与逐行阈值", () => {
    expect(TIER([[10999.99, 11000, 14999.99, 15000]])).toEqual([["低收入", "中等收入", "中等收入", "高收入"]]);
    expect(TIER([[11500], [11500]], [[11000], [12000]], [[15000], [16000]])).toEqual([["中等收入"], ["低收入"]]);
  });

  test("单个阈值对区域中每个单元格都有效；冲突的阈值使每个单元格都是错误", () => {
    expect(TIER([[11500], [12500]], [[12000]])).toEqual([["低收入"], ["中等收入"]]);
    const result = TIER([[11500], [12500]], [[16000]], [[16000]]);
    expect(result).toHaveLength(2);
    for (const row of result) expectValueError(row[0], "应小于");
  });

  test("区域大小不一致 → 整个公式 #VALUE!", () => {
    const error = thrownByCall(() => TIER([[1], [2], [3]], [[11000], [12000]]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain("不一致");
    expect(error.message).toContain("3行×1列");
    expect(error.message).toContain("2行×1列");
    expect(thrownByCall(() => TIER([[1, 2]], undefined, [[15000], [16000]])).code).toBe("#VALUE!");
  });
});

describe("COURTYARD_SUBSIDY 二（六）12 庭院经济奖补", () => {
  test.each<[unknown, number]>([
    [0, 0],
    [4000, 2000],
    [9999.98, 4999.99],
    [10000, 5000],
    [20000, 5000],
    [333.33, 166.67],
    ["1万", 5000],
    ["８，０００", 4000],
    ["¥3,000元", 1500],
  ])("=COURTYARD_SUBSIDY(%p) → %p（未给分层视为符合条件）", (investment, expected) => {
    expect(COURTYARD_SUBSIDY([[investment]])).toEqual([[expected]]);
    expect(COURTYARD_SUBSIDY([[investment]], undefined, undefined)).toEqual([[expected]]);
    expect(COURTYARD_SUBSIDY([[investment]], [[null]], [[""]])).toEqual([[expected]]);
  });

  test.each<[unknown, unknown, number]>([
    [4000, 4000, 1000],
    [4000, 1000, 500],
    [3000, 5000, 2000],
    [5000, 4000, 0],
    [6000, 4000, 0],
    ["4,999.99", 10000, 0.01],
    ["4000", "4000", 1000],
  ])("已发放 %p，投资 %p → %p（累计不超过5000，不为负）", (granted, investment, expected) => {
    expect(COURTYARD_SUBSIDY([[investment]], undefined, [[granted]])).toEqual([[expected]]);
  });

  test.each<[string, number]>([
    ["低收入", 2000],
    ["低收入户", 2000],
    ["低收入脱贫户", 2000],
    ["低", 2000],
    ["中等收入", 0],
    ["中等收入户", 0],
    ["高收入", 0],
    ["高收入脱贫户", 0],
  ])("分层写作 %p → %p", (tier, expected) => {
    expect(COURTYARD_SUBSIDY([[4000]], [[tier]])).toEqual([[expected]]);
  });

  test.each<[unknown, number]>([
    [10999, 2000],
    [10999.99, 2000],
    [11000, 0],
    [15000, 0],
    [-300, 2000],
    ["10,999.99", 2000],
    ["１０９９９", 2000],
    ["1.1万", 0],
    ["11000", 0],
  ])("分层以人均纯收入 %p 给出（按参数分层）→ %p", (income, expected) => {
    expect(COURTYARD_SUBSIDY([[4000]], [[income]])).toEqual([[expected]]);
  });

  test("无法识别的分层 → #VALUE!，消息写出该值", () => {
    expectValueError(only(COURTYARD_SUBSIDY([[4000]], [["一般户"]])), "“一般户”");
    expectValueError(only(COURTYARD_SUBSIDY([[4000]], [["1.1万元多"]])), "“1.1万元多”");
  });

  test("投资额或已发放金额为负 → #VALUE!", () => {
    expectValueError(only(COURTYARD_SUBSIDY([[-1]])), "投资额", "-1");
    expectValueError(only(COURTYARD_SUBSIDY([["-2,000"]])), "-2000");
    expectValueError(only(COURTYARD_SUBSIDY([[4000]], undefined, [[-500]])), "已发放", "-500");
    // refused even when the household is not low-income
    expectValueError(only(COURTYARD_SUBSIDY([[-1]], [["高收入"]])), "投资额");
    expectValueError(only(COURTYARD_SUBSIDY([["四千"]])), "“四千”");
  });

  test("投资额空白 → 空", () => {
    expect(COURTYARD_SUBSIDY([[""]])).toEqual([[""]]);
    expect(COURTYARD_SUBSIDY([[null]], [["低收入"]], [[1000]])).toEqual([[""]]);
  });

  test("区域：各户的投资、分层、已发放逐行对应，坏单元格只影响本行", () => {
    const result = COURTYARD_SUBSIDY(
      [[4000], ["abc"], [20000], [4000], [3000]],
      [["低收入"], ["低收入"], ["中等收入"], [10999], ["低收入"]],
      [[0], [0], [0], [4000], [-1]],
    );
    expect(result).toHaveLength(5);
    expect(result[0]).toEqual([2000]);
    expectValueError(result[1][0], "“abc”");
    expect(result[2]).toEqual([0]);
    expect(result[3]).toEqual([1000]);
    expectValueError(result[4][0], "-1");
  });

  test("区域大小不一致 → 整个公式 #VALUE!", () => {
    expect(thrownByCall(() => COURTYARD_SUBSIDY([[1000], [2000]], [["低收入"], ["低收入"], ["低收入"]])).code).toBe("#VALUE!");
  });
});

describe("FILIAL_MATCH 二（十）20 孝善养老奖补", () => {
  describe("以年龄给出", () => {
    test.each<[unknown, unknown, number]>([
      [59, undefined, 0],
      [60, undefined, 1080],
      [61, undefined, 1080],
      [59, 3, 0],
      [54, 1, 0],
      [55, 1, 1080],
      [54, 2, 0],
      [55, 2, 1080],
      [55, 3, 0],
      [55, 4, 0],
      [55, "肢体二级", 1080],
      [55, "视力一级残疾", 1080],
      [55, "2级", 1080],
      [55, "二级", 1080],
      [55, "一级", 1080],
      [55, "三级", 0],
      [55, "肢体三级、视力二级", 1080],
      [55, "无", 0],
      [55, "", 0],
      [60, "无", 1080],
      ["60", undefined, 1080],
      ["６０", undefined, 1080],
      [" 55 ", "２", 1080],
      [60.0, null, 1080],
    ])("实缴3600元，%p 周岁，残疾 %p → %p", (age, disability, expected) => {
      expect(FILIAL_MATCH([[3600]], [[age]], disability === undefined ? undefined : [[disability]])).toEqual([[expected]]);
    });

    test.each<[unknown, unknown, unknown, number]>([
      [3600, undefined, undefined, 1080],
      [4000, undefined, undefined, 1080],
      [3000, undefined, undefined, 900],
      [3600, 6, undefined, 540],
      [1800, 6, undefined, 540],
      [3600, "6", undefined, 540],
      [300, 1, undefined, 90],
      ["3,600", "１２", undefined, 1080],
      ["0.36万", undefined, undefined, 1080],
      [3600, undefined, 0.3, 1080],
      [3600, undefined, "30%", 1080],
      [3600, undefined, 0.2, 720],
      [3600, undefined, "20%", 720],
      [3600, 12, "0.15", 540],
      [0, undefined, undefined, 0],
    ])("实缴 %p，%p 个月，比例 %p → %p", (paid, months, rate, expected) => {
      const wrap = (v: unknown) => (v === undefined ? undefined : [[v]]);
      expect(FILIAL_MATCH([[paid]], [[60]], undefined, wrap(months), wrap(rate))).toEqual([[expected]]);
    });

    test.each<[unknown]>([[0.31], ["31%"], [0.3001], [1], [0], ["0%"], [-0.1]])("比例 %p 超出 (0, 30%] → #VALUE!", (rate) => {
      expectValueError(only(FILIAL_MATCH([[3600]], [[60]], undefined, undefined, [[rate]])), "30%");
    });

    test("比例过高时，即使老人不符合条件也报错（比例本身是错的）", () => {
      expectValueError(only(FILIAL_MATCH([[3600]], [[50]], undefined, undefined, [[0.31]])), "30%");
    });

    test("月数须为正整数", () => {
      expectValueError(only(FILIAL_MATCH([[3600]], [[60]], undefined, [[0]])), "月数");
      expectValueError(only(FILIAL_MATCH([[3600]], [[60]], undefined, [[-3]])), "月数");
      expectValueError(only(FILIAL_MATCH([[3600]], [[60]], undefined, [[6.5]])), "6.5");
      expectValueError(only(FILIAL_MATCH([[3600]], [[60]], undefined, [["半年"]])), "“半年”");
    });

    test("实缴为负、年龄不是整数、残疾等级无法识别 → #VALUE!", () => {
      expectValueError(only(FILIAL_MATCH([[-1]], [[60]])), "-1");
      expectValueError(only(FILIAL_MATCH([["三千"]], [[60]])), "“三千”");
      expectValueError(only(FILIAL_MATCH([[3600]], [[60.5]])), "60.5");
      expectValueError(only(FILIAL_MATCH([[3600]], [[55]], [["轻度"]])), "“轻度”", "残疾等级");
      expectValueError(only(FILIAL_MATCH([[3600]], [[55]], [[5]])), "残疾等级");
    });

    test("实缴或年龄空白 → 空", () => {
      expect(FILIAL_MATCH([[""]], [[60]])).toEqual([[""]]);
      expect(FILIAL_MATCH([[3600]], [[null]])).toEqual([[""]]);
    });
  });

  describe("以身份证号给出：按 asOf 当日的周岁", () => {
    const born1963 = syntheticId("19630715", "123");
    const born1968 = syntheticId("19680715", "124");

    test("60周岁生日前一天 → 0；生日当天 → 奖补", () => {
      expect(FILIAL_MATCH([[3600]], [[born1963]], undefined, undefined, undefined, [[serial(2023, 7, 14)]])).toEqual([[0]]);
      expect(FILIAL_MATCH([[3600]], [[born1963]], undefined, undefined, undefined, [[serial(2023, 7, 15)]])).toEqual([[1080]]);
    });

    test("二级残疾：55周岁生日前一天 → 0；当天 → 奖补；三级残疾当天 → 0", () => {
      expect(FILIAL_MATCH([[3600]], [[born1968]], [["肢体二级"]], undefined, undefined, [[serial(2023, 7, 14)]])).toEqual([[0]]);
      expect(FILIAL_MATCH([[3600]], [[born1968]], [["肢体二级"]], undefined, undefined, [[serial(2023, 7, 15)]])).toEqual([[1080]]);
      expect(FILIAL_MATCH([[3600]], [[born1968]], [[3]], undefined, undefined, [[serial(2023, 7, 15)]])).toEqual([[0]]);
    });

    test("asOf 也可写成文本日期", () => {
      expect(FILIAL_MATCH([[3600]], [[born1963]], null as never, null as never, null as never, [["2023年7月15日"]])).toEqual([[1080]]);
      expect(FILIAL_MATCH([[3600]], [[born1963]], undefined, undefined, undefined, [["20230714"]])).toEqual([[0]]);
      expectValueError(only(FILIAL_MATCH([[3600]], [[born1963]], undefined, undefined, undefined, [["下个月"]])), "“下个月”");
    });

    test("末位小写 x 与旧的15位号码", () => {
      const withX = syntheticIdEndingInX("19500101");
      expect(FILIAL_MATCH([[3600]], [[withX.toLowerCase()]], undefined, undefined, undefined, [[serial(2023, 1, 1)]])).toEqual([[1080]]);
      const old = syntheticOldId("630715", "123");
      expect(FILIAL_MATCH([[3600]], [[old]], undefined, undefined, undefined, [[serial(2023, 7, 14)]])).toEqual([[0]]);
      expect(FILIAL_MATCH([[3600]], [[old]], undefined, undefined, undefined, [[serial(2023, 7, 15)]])).toEqual([[1080]]);
      expect(FILIAL_MATCH([[3600]], [[Number(old)]], undefined, undefined, undefined, [[serial(2023, 7, 15)]])).toEqual([[1080]]);
    });

    test("asOf 省略时按今天", () => {
      const now = new Date();
      const birth = (yearsAgo: number, dayShift: number) => {
        const date = new Date(Date.UTC(now.getFullYear() - yearsAgo, now.getMonth(), now.getDate() + dayShift));
        const pad = (n: number) => String(n).padStart(2, "0");
        return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}`;
      };
      // born 60 years ago yesterday: 60 today; born 60 years ago tomorrow: still 59
      expect(FILIAL_MATCH([[3600]], [[syntheticId(birth(60, -1))]])).toEqual([[1080]]);
      expect(FILIAL_MATCH([[3600]], [[syntheticId(birth(60, 1))]])).toEqual([[0]]);
    });

    test("号码有误 → #VALUE!，说明原因", () => {
      const asOf = [[serial(2023, 7, 15)]];
      const wrong = withWrongCheck(born1963);
      expectValueError(only(FILIAL_MATCH([[3600]], [[wrong]], undefined, undefined, undefined, asOf)), "校验位", `“${born1963[17]}”`);
      expectValueError(only(FILIAL_MATCH([[3600]], [[born1963.slice(0, 17)]], undefined, undefined, undefined, asOf)), "18位");
      expectValueError(
        only(FILIAL_MATCH([[3600]], [[syntheticId("19630230")]], undefined, undefined, undefined, asOf)),
        "出生日期",
        "19630230",
      );
      expectValueError(
        only(FILIAL_MATCH([[3600]], [[syntheticId("20300101")]], undefined, undefined, undefined, asOf)),
        "出生日期",
        "晚于",
      );
      const digitsOnly = syntheticId("19630715", "125");
      expect(digitsOnly).toMatch(/^\d{18}$/);
      expectValueError(only(FILIAL_MATCH([[3600]], [[Number(digitsOnly)]], undefined, undefined, undefined, asOf)), "文本");
    });
  });

  test("区域：一列老人，坏号码只影响本行", () => {
    const asOf = [[serial(2024, 1, 1)]];
    const result = FILIAL_MATCH(
      [[3600], [3600], [1800], ["x"], [3600]],
      [[syntheticId("19600101")], [withWrongCheck(syntheticId("19450101"))], [70], [61], [syntheticId("19680101")]],
      [[""], [""], [""], [""], ["一级"]],
      [[12], [12], [6], [12], [12]],
      undefined,
      asOf,
    );
    expect(result).toHaveLength(5);
    expect(result[0]).toEqual([1080]);
    expectValueError(result[1][0], "校验位");
    expect(result[2]).toEqual([540]);
    expectValueError(result[3][0], "“x”");
    expect(result[4]).toEqual([1080]);
  });

  test("区域大小不一致 → 整个公式 #VALUE!", () => {
    const error = thrownByCall(() => FILIAL_MATCH([[3600], [3600]], [[60], [61], [62]]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain("不一致");
  });
});

describe("PER_CAPITA 人均纯收入（国家统计口径）", () => {
  test("（工资性 + 经营性 + 财产性 + 转移性 − 经营性支出）÷ 人口数", () => {
    expect(PER_CAPITA([[24000]], [[8000]], [[500]], [[3500]], [[3000]], [[3]])).toEqual([[11000]]);
    expect(PER_CAPITA([[24000]], [[8000]], [[500]], [[3500]], [[2999]], [[3]])).toEqual([[11000.33]]);
    expect(PER_CAPITA([[10000]], [[0]], [[0]], [[0]], [[0]], [[3]])).toEqual([[3333.33]]);
    expect(PER_CAPITA([[0]], [[1000]], [[0]], [[0]], [[5000]], [[2]])).toEqual([[-2000]]);
  });

  test("文本数字", () => {
    expect(PER_CAPITA([["2.4万"]], [["8,000"]], [["５００"]], [["3500元"]], [["¥3,000"]], [["３"]])).toEqual([[11000]]);
  });

  test("空白的收入项按0计；全部空白或人口数空白 → 空", () => {
    expect(PER_CAPITA([[30000]], [[""]], [[null]], [[""]], [[""]], [[3]])).toEqual([[10000]]);
    expect(PER_CAPITA([[""]], [[""]], [[""]], [[""]], [[""]], [[3]])).toEqual([[""]]);
    expect(PER_CAPITA([[30000]], [[0]], [[0]], [[0]], [[0]], [[""]])).toEqual([[""]]);
  });

  test.each<[unknown, string]>([
    [0, "家庭人口数"],
    [-1, "-1"],
    ["三口", "“三口”"],
  ])("人口数 %p → #VALUE!", (size, fragment) => {
    expectValueError(only(PER_CAPITA([[30000]], [[0]], [[0]], [[0]], [[0]], [[size]])), fragment);
  });

  test("无法识别的收入项 → #VALUE!，消息写出该值", () => {
    expectValueError(only(PER_CAPITA([[30000]], [["很多"]], [[0]], [[0]], [[0]], [[3]])), "“很多”", "生产经营性收入");
  });

  test("区域：每行一户；结果可直接交给 TIER", () => {
    const perCapita = PER_CAPITA(
      [[21999.98], [33000], [45000], [12000]],
      [[0], [0], [0], [0]],
      [[0], [0], [0], [0]],
      [[0], [0], [0], [0]],
      [[0], [0], [0], [0]],
      [[2], [3], [3], [0]],
    );
    expect(perCapita.slice(0, 3)).toEqual([[10999.99], [11000], [15000]]);
    expectValueError(perCapita[3][0], "家庭人口数");
    expect(TIER(perCapita.slice(0, 3))).toEqual([["低收入"], ["中等收入"], ["高收入"]]);
  });

  test("区域大小不一致 → 整个公式 #VALUE!", () => {
    expect(thrownByCall(() => PER_CAPITA([[1], [2]], [[1], [2]], [[1], [2]], [[1], [2]], [[1], [2]], [[1], [2], [3]])).code).toBe(
      "#VALUE!",
    );
  });
});

describe("AGE 周岁（由身份证号）", () => {
  const id = syntheticId("19640229", "131");

  test("18位号码：生日前一天、当天（2月29日出生，平年3月1日满岁）", () => {
    expect(AGE([[id]], [[serial(2024, 2, 28)]])).toEqual([[59]]);
    expect(AGE([[id]], [[serial(2024, 2, 29)]])).toEqual([[60]]);
    expect(AGE([[id]], [[serial(2023, 2, 28)]])).toEqual([[58]]);
    expect(AGE([[id]], [[serial(2023, 3, 1)]])).toEqual([[59]]);
    expect(AGE([[id]], [["2023-03-01"]])).toEqual([[59]]);
  });

  test("15位旧号码按 19YYMMDD", () => {
    expect(AGE([[syntheticOldId("580310")]], [[serial(2023, 3, 9)]])).toEqual([[64]]);
    expect(AGE([[syntheticOldId("580310")]], [[serial(2023, 3, 10)]])).toEqual([[65]]);
  });

  test("小写 x、全角数字", () => {
    const withX = syntheticIdEndingInX("19700101");
    expect(AGE([[withX.toLowerCase()]], [[serial(2024, 1, 1)]])).toEqual([[54]]);
    const fullWidth = id.replace(/\d/g, (digit) => String.fromCodePoint(0xff10 + Number(digit)));
    expect(AGE([[fullWidth]], [[serial(2024, 2, 29)]])).toEqual([[60]]);
  });

  test("asOf 省略时按今天", () => {
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, "0");
    const thirtyYearsAgoYesterday = new Date(Date.UTC(now.getFullYear() - 30, now.getMonth(), now.getDate() - 1));
    const birth = `${thirtyYearsAgoYesterday.getUTCFullYear()}${pad(thirtyYearsAgoYesterday.getUTCMonth() + 1)}${pad(thirtyYearsAgoYesterday.getUTCDate())}`;
    expect(AGE([[syntheticId(birth)]])).toEqual([[30]]);
  });

  test("校验位错误 → #VALUE!，写明应有的末位", () => {
    const first17 = id.slice(0, 17);
    expectValueError(only(AGE([[withWrongCheck(id)]], [[serial(2024, 1, 1)]])), "校验位", `“${gb11643Check(first17)}”`);
  });

  test("长度、日期错误与晚于计算日期的出生日期 → #VALUE!", () => {
    expectValueError(only(AGE([["3704021964022913"]])), "18位", "实际为16位");
    expectValueError(only(AGE([[syntheticId("19640230")]])), "出生日期");
    expectValueError(only(AGE([[id]], [[serial(1964, 2, 28)]])), "晚于");
    expectValueError(only(AGE([[id]], [["某天"]])), "“某天”");
  });

  test("空白 → 空；区域中坏号码只影响本格", () => {
    expect(AGE([[""]])).toEqual([[""]]);
    const result = AGE(
      [
        [syntheticId("19500101"), ""],
        [withWrongCheck(syntheticId("19600101")), syntheticOldId("700101")],
      ],
      [[serial(2024, 1, 1)]],
    );
    expect(result).toHaveLength(2);
    expect(result[0]).toEqual([74, ""]);
    expectValueError(result[1][0], "校验位");
    expect(result[1][1]).toBe(54);
  });

  test("asOf 可以是与号码同形状的区域", () => {
    expect(AGE([[id], [id]], [[serial(2024, 2, 28)], [serial(2024, 2, 29)]])).toEqual([[59], [60]]);
    expect(thrownByCall(() => AGE([[id], [id]], [[1, 2]])).code).toBe("#VALUE!");
  });
});

describe("函数读取 setFunctionPolicy 设定的参数", () => {
  const raised = () =>
    resolvePolicy(2024, parsePolicyFile({ years: { "2024": { lowIncomeThreshold: 12000, highIncomeThreshold: 16000 } } }, "本地参数.json"));

  test("提高低收入标准后，TIER 的默认阈值随之改变", () => {
    expect(TIER([[11500]])).toEqual([["中等收入"]]);
    setFunctionPolicy(raised());
    expect(TIER([[11500], [15500], [16000]])).toEqual([["低收入"], ["中等收入"], ["高收入"]]);
    setFunctionPolicy(null);
    expect(TIER([[11500]])).toEqual([["中等收入"]]);
  });

  test("COURTYARD_SUBSIDY 按设定的标准分层，按设定的比例与上限计算", () => {
    setFunctionPolicy(raised());
    expect(COURTYARD_SUBSIDY([[4000]], [[11500]])).toEqual([[2000]]);
    setFunctionPolicy(
      resolvePolicy(2024, parsePolicyFile({ years: { "2024": { courtyardSubsidyRate: 0.4, courtyardSubsidyCap: 8000 } } }, "x.json")),
    );
    expect(COURTYARD_SUBSIDY([[30000]], undefined, [[5000]])).toEqual([[3000]]);
    expect(COURTYARD_SUBSIDY([[10000]])).toEqual([[4000]]);
  });

  test("FILIAL_MATCH 按设定的年龄、月标准与比例上限", () => {
    setFunctionPolicy(
      resolvePolicy(
        2024,
        parsePolicyFile({ years: { "2024": { filialMinAge: 65, filialMonthlyContribution: 200, filialRewardRateCap: 0.2 } } }, "x.json"),
      ),
    );
    expect(FILIAL_MATCH([[3600]], [[64]])).toEqual([[0]]);
    expect(FILIAL_MATCH([[3600]], [[65]])).toEqual([[480]]);
    expectValueError(only(FILIAL_MATCH([[3600]], [[65]], undefined, undefined, [[0.3]])), "20%");
  });

  test("未设定时是当年内置参数（每个测试后复位）", () => {
    expect(TIER([[10999.99], [11000], [14999.99], [15000]])).toEqual([["低收入"], ["中等收入"], ["中等收入"], ["高收入"]]);
    expect(FILIAL_MATCH([[3600]], [[60]])).toEqual([[1080]]);
  });
});

describe("PER_CAPITA 家庭人口数须为整数", () => {
  it("a fractional household size is refused in that cell, naming the value", () => {
    expectValueError(only(PER_CAPITA([[24000]], [[0]], [[0]], [[0]], [[0]], [[2.5]])), "家庭人口数", "2.5");
  });
});

describe("the functions' default policy follows the calendar year", () => {
  afterEach(() => {
    jest.useRealTimers();
    setFunctionPolicy(null);
  });

  it("without a policy from the task pane, the year in force is re-read when the year turns", () => {
    jest.useFakeTimers({ now: new Date(2024, 11, 31, 23, 0) });
    expect(functionPolicy().year).toBe(2024);
    jest.setSystemTime(new Date(2025, 0, 1, 8, 0));
    expect(functionPolicy().year).toBe(2025);
  });

  it("a policy chosen in the task pane stays until the pane changes it", () => {
    jest.useFakeTimers({ now: new Date(2024, 11, 31, 23, 0) });
    setFunctionPolicy(resolvePolicy(2023));
    jest.setSystemTime(new Date(2025, 0, 1, 8, 0));
    expect(functionPolicy().year).toBe(2023);
  });
});

describe("an error cell in a range argument (allowErrorForDataTypeAny)", () => {
  it("gives the same error in its own result cell only; the other cells compute", () => {
    const na = new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable);
    const result = TIER([[10999.99], [na], [15000]]);
    expect(result[0][0]).toBe("低收入");
    expect(result[1][0]).toBeInstanceOf(CustomFunctions.Error);
    expect((result[1][0] as CustomFunctions.Error).code).toBe("#N/A");
    expect((result[1][0] as CustomFunctions.Error).message).toContain("错误值 #N/A");
    expect(result[2][0]).toBe("高收入");
  });

  it("reads an error cell value as Excel's data types give it too", () => {
    const result = COURTYARD_SUBSIDY([[8000], [{ type: "Error", basicValue: "#DIV/0!" }]], [["低收入"]]);
    expect(result[0][0]).toBe(4000);
    expect((result[1][0] as CustomFunctions.Error).code).toBe("#DIV/0!");
  });
});

describe("the shared cases (test/support/functionCases.ts) as Excel calls them", () => {
  const FUNCTIONS = { TIER, COURTYARD_SUBSIDY, FILIAL_MATCH, PER_CAPITA, AGE } as unknown as Record<
    string,
    (...args: unknown[]) => unknown[][]
  >;
  /** An error cell as its code and message; a value as itself. */
  const shown = (cell: unknown) => (cell instanceof CustomFunctions.Error ? { code: cell.code, message: cell.message } : cell);
  const wanted = (cell: ExpectedCell) =>
    typeof cell === "object" ? { code: "#VALUE!", message: expect.stringContaining(cell.error) } : cell;

  test.each(FUNCTION_CASES.map((c) => [caseTitle(c), c] as const))("%s", (_title, c) => {
    let cells: unknown[][];
    try {
      cells = FUNCTIONS[c.fn](...excelArguments(c.args));
    } catch (error) {
      cells = [[error]]; // the whole call refused
    }
    expect(cells.map((row) => row.map(shown))).toEqual(c.expected.map((row) => row.map(wanted)));
  });
});

describe("rememberLast: an argument given once for a range is read once", () => {
  test("repeated values are computed once; a new value, or a new second value, is computed again", () => {
    const seen: unknown[] = [];
    const remembered = rememberLast((first: unknown, second: unknown) => {
      seen.push([first, second]);
      return `${String(first)}/${String(second)}`;
    });
    expect([remembered(1), remembered(1), remembered(1, 2), remembered(1, 2), remembered(3, 2)]).toEqual([
      "1/undefined",
      "1/undefined",
      "1/2",
      "1/2",
      "3/2",
    ]);
    expect(seen).toEqual([
      [1, undefined],
      [1, 2],
      [3, 2],
    ]);
  });

  test("a value that throws is not remembered: it throws again, and the last good value still answers", () => {
    let calls = 0;
    const remembered = rememberLast((value: unknown) => {
      calls++;
      if (value === "bad") throw new Error("bad");
      return value;
    });
    expect(remembered("good")).toBe("good");
    expect(() => remembered("bad")).toThrow("bad");
    expect(() => remembered("bad")).toThrow("bad");
    expect(remembered("good")).toBe("good");
    expect(calls).toBe(3);
  });
});

describe("asOf in a workbook of the 1904 date system (Excel for Mac's old default)", () => {
  // The same day is a serial 1,462 lower in the 1904 system; Excel passes the workbook's own serial.
  const in1904 = (year: number, month: number, day: number) => serial(year, month, day) - 1462;
  const born1963 = syntheticId("19630715", "123");

  test("the workbook's serial of a birthday counts on that day, once the functions are told the system", () => {
    setFunctionDate1904(true);
    expect(AGE([[born1963]], [[in1904(2023, 7, 14)]])).toEqual([[59]]);
    expect(AGE([[born1963]], [[in1904(2023, 7, 15)]])).toEqual([[60]]);
    expect(FILIAL_MATCH([[3600]], [[born1963]], undefined, undefined, undefined, [[in1904(2023, 7, 14)]])).toEqual([[0]]);
    expect(FILIAL_MATCH([[3600]], [[born1963]], undefined, undefined, undefined, [[in1904(2023, 7, 15)]])).toEqual([[1080]]);
    // Dates written as text or as 20230715 are the same in both systems.
    expect(AGE([[born1963]], [["2023-07-15"]])).toEqual([[60]]);
    expect(AGE([[born1963]], [[20230715]])).toEqual([[60]]);
  });

  test("read in the 1900 system, the same serial falls four years earlier: the elder counts as 55, no reward", () => {
    expect(AGE([[born1963]], [[in1904(2023, 7, 15)]])).toEqual([[55]]);
    expect(FILIAL_MATCH([[3600]], [[born1963]], undefined, undefined, undefined, [[in1904(2023, 7, 15)]])).toEqual([[0]]);
  });
});

describe("AGE and FILIAL_MATCH read the clock once per call", () => {
  test("a range of 50 ID numbers is judged against one today (the clock read at most twice a call: policy year, today)", () => {
    const ids = Array.from({ length: 50 }, (_, i) => [syntheticId(`${1950 + i}0101`)]);
    const spy = jest.spyOn(Date, "now");
    try {
      expect(AGE(ids)).toHaveLength(50);
      expect(spy.mock.calls.length).toBeLessThanOrEqual(2);
      spy.mockClear();
      expect(
        FILIAL_MATCH(
          ids.map(() => [1200]),
          ids,
        ),
      ).toHaveLength(50);
      expect(spy.mock.calls.length).toBeLessThanOrEqual(2);
    } finally {
      spy.mockRestore();
    }
  });
});
