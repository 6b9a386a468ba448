/**
 * Reading ledger cells the lenient way (src/values): amounts, rates, dates, ID numbers
 * (GB 11643) and disability grades, as issue 2 §3 requires for every function.
 */
import { thrown } from "./support/thrown";
import {
  CivilDate,
  IdNumberError,
  InputError,
  checkCharacter,
  civilDate,
  compactText,
  fromExcelSerial,
  fullYearsBetween,
  isBlank,
  parseAmount,
  parseChineseAmount,
  parseDate,
  parseDisabilityGrade,
  parseRate,
  parseResidentId,
  parseWholeNumber,
  roundToFen,
  subtractMonths,
  toExcelSerial,
  toHalfWidth,
  today,
} from "../src/values";
import { gb11643Check, syntheticId, syntheticIdEndingInX, syntheticOldId, withWrongCheck } from "./support/syntheticId";

const d = (year: number, month: number, day: number): CivilDate => ({ year, month, day });

describe("三 单元格数值：以文本存储的数字、千分位、全角数字、万/亿", () => {
  test.each<[unknown, number]>([
    [12000, 12000],
    [-300.5, -300.5],
    ["12000", 12000],
    [" 12000 ", 12000],
    ["12,000", 12000],
    ["1,234,567.89", 1234567.89],
    ["１２，０００", 12000],
    ["１２０００．５", 12000.5],
    ["1.2万", 12000],
    ["1.1万", 11000],
    ["0.5万", 5000],
    ["3亿", 300000000],
    ["1.2万元", 12000],
    ["¥12,000", 12000],
    ["￥12000", 12000],
    ["12000元", 12000],
    ["-300", -300],
    ["+300", 300],
    ["¥-300", -300],
    ["-¥300", -300],
    ["-1.5万", -15000],
    [".5", 0.5],
    ["1 200", 1200],
    ["\u2212300", -300], // the minus sign of text copied from Word or a web page
  ])("%p 读作 %p", (cell, expected) => {
    expect(parseAmount(cell, "金额")).toBe(expected);
  });

  test.each<[unknown]>([[null], [undefined], [""], ["   "], ["　"]])("空白单元格 %p 是“无值” (null)", (cell) => {
    expect(parseAmount(cell, "金额")).toBeNull();
  });

  test.each<[unknown]>([["abc"], ["12,00"], ["1.2.3"], ["万"], ["¥"], ["12千"], ["1e5"], ["--3"]])(
    "无法识别的 %p 抛出 InputError，消息中写出该值",
    (cell) => {
      const error = thrown(() => parseAmount(cell, "人均纯收入"));
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toContain(`“${String(cell)}”`);
      expect(error.message).toContain("人均纯收入");
    },
  );

  test("非数字类型（是/否 的布尔值）与 NaN、无穷大也是无法识别", () => {
    expect(thrown(() => parseAmount(true, "金额"))).toBeInstanceOf(InputError);
    expect(thrown(() => parseAmount(Number.NaN, "金额")).message).toContain("NaN");
    expect(thrown(() => parseAmount(Number.POSITIVE_INFINITY, "金额"))).toBeInstanceOf(InputError);
  });

  test("很长的值在消息里被截短，仍可辨认", () => {
    const long = "x".repeat(100);
    const message = thrown(() => parseAmount(long, "金额")).message;
    expect(message).toContain(`“${"x".repeat(40)}…”`);
    expect(message).not.toContain("x".repeat(41));
  });

  describe("比例 parseRate", () => {
    test.each<[unknown, number]>([
      ["30%", 0.3],
      ["３０％", 0.3],
      ["12.5%", 0.125],
      ["0.3", 0.3],
      [0.3, 0.3],
      ["29%", 0.29],
    ])("%p 读作 %p", (cell, expected) => {
      expect(parseRate(cell, "奖补比例")).toBe(expected);
    });

    test("空白为 null，无法识别的百分数报错并写出值", () => {
      expect(parseRate("", "奖补比例")).toBeNull();
      expect(thrown(() => parseRate("三成", "奖补比例")).message).toContain("三成");
    });
  });

  describe("整数 parseWholeNumber（家庭人口数、月数）", () => {
    test("整数与整数文本可读，小数被拒绝", () => {
      expect(parseWholeNumber("3", "家庭人口数")).toBe(3);
      expect(parseWholeNumber("１２", "月数")).toBe(12);
      expect(parseWholeNumber(null, "月数")).toBeNull();
      const error = thrown(() => parseWholeNumber("3.5", "家庭人口数"));
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toContain("整数");
      expect(error.message).toContain("3.5");
    });
  });
});

describe("三 金额保留到分：四舍五入，不受浮点误差影响", () => {
  test.each<[number, number]>([
    [0.3 * 1234.55, 370.37], // 370.36499999999995 in binary floating point
    [1.005, 1.01], // 1.00499999999999989…
    [2.675, 2.68],
    [166.665, 166.67],
    [0.5 * 333.33, 166.67],
    [1.004, 1],
    [1.0049, 1],
    [1080, 1080],
    [0.125, 0.13],
    [0, 0],
  ])("roundToFen(%p) = %p", (yuan, fen) => {
    expect(roundToFen(yuan)).toBe(fen);
  });

  test("负数按绝对值四舍五入（远离零），舍成零时不留负号", () => {
    expect(roundToFen(-1.005)).toBe(-1.01);
    expect(roundToFen(-2.344)).toBe(-2.34);
    expect(Object.is(roundToFen(-0.001), 0)).toBe(true);
  });
});

describe("三 日期：台账中出现的各种写法", () => {
  test.each<[unknown, CivilDate]>([
    ["2023-05-06", d(2023, 5, 6)],
    ["2023/5/6", d(2023, 5, 6)],
    ["2023.5.6", d(2023, 5, 6)],
    ["2023年5月6日", d(2023, 5, 6)],
    ["2023年05月06日", d(2023, 5, 6)],
    ["2023年5月6号", d(2023, 5, 6)],
    ["２０２３－０５－０６", d(2023, 5, 6)],
    [" 2023-05-06 ", d(2023, 5, 6)],
    ["20230506", d(2023, 5, 6)],
    [20230506, d(2023, 5, 6)],
    ["2024-02-29", d(2024, 2, 29)],
  ])("%p 读作 %p", (cell, expected) => {
    expect(parseDate(cell, "走访日期")).toEqual(expected);
  });

  test.each<[unknown]>([["202305"], [202305], ["2023-05"], ["2023年5月"], ["2023/5"]])("只有年月的 %p：按月初或月末", (cell) => {
    expect(parseDate(cell, "月份")).toEqual(d(2023, 5, 1));
    expect(parseDate(cell, "月份", { monthOnly: "start" })).toEqual(d(2023, 5, 1));
    expect(parseDate(cell, "月份", { monthOnly: "end" })).toEqual(d(2023, 5, 31));
  });

  test.each<[string, CivilDate]>([
    // JavaScript's toISOString of Beijing's midnight: the day before, 16:00 UTC.
    ["2025-11-30T16:00:00.000Z", d(2025, 12, 1)],
    ["2025-12-01T00:00:00Z", d(2025, 12, 1)],
    ["2025-12-01T15:59:59Z", d(2025, 12, 1)],
    ["2025-12-01T16:00:00Z", d(2025, 12, 2)],
    ["2025-12-01T00:00:00+08:00", d(2025, 12, 1)],
    ["2025-12-01T23:30:00+0800", d(2025, 12, 1)],
    ["2025-12-01T20:00:00-05:00", d(2025, 12, 2)],
    ["2024-02-28T16:00:00Z", d(2024, 2, 29)],
    ["2025-12-01 08:30", d(2025, 12, 1)], // no offset: the time of day is passed over, as before
  ])("带时区的时刻 %p：按北京时间的日期读作 %p", (cell, expected) => {
    expect(parseDate(cell, "走访日期")).toEqual(expected);
  });

  test("带时区但不存在的时刻 → 说明", () => {
    expect(() => parseDate("2025-02-30T00:00:00Z", "走访日期")).toThrow("走访日期“2025-02-30T00:00:00Z”不是存在的时间");
    expect(() => parseDate("2025-12-01T25:00:00Z", "走访日期")).toThrow("不是存在的时间");
  });

  test("月末按当月天数：2024年2月29日，2023年2月28日", () => {
    expect(parseDate("202402", "月份", { monthOnly: "end" })).toEqual(d(2024, 2, 29));
    expect(parseDate(202302, "月份", { monthOnly: "end" })).toEqual(d(2023, 2, 28));
  });

  describe("Excel 日期序列号", () => {
    test.each<[unknown, CivilDate]>([
      [45000, d(2023, 3, 15)],
      ["45000", d(2023, 3, 15)],
      [45000.75, d(2023, 3, 15)], // a time of day is dropped
      [44927, d(2023, 1, 1)],
      [1, d(1900, 1, 1)],
      [59, d(1900, 2, 28)],
      [61, d(1900, 3, 1)],
    ])("序列号 %p 是 %p", (serial, expected) => {
      expect(parseDate(serial, "日期")).toEqual(expected);
    });

    test("序列号 60 是 Excel 虚构的 1900-02-29：读作 1900-03-01，不产生不存在的日期", () => {
      expect(fromExcelSerial(60)).toEqual(d(1900, 3, 1));
      expect(fromExcelSerial(59)).toEqual(d(1900, 2, 28));
      expect(fromExcelSerial(61)).toEqual(d(1900, 3, 1));
    });

    test("toExcelSerial 是 fromExcelSerial 的反函数（跳过虚构的序列号 60）", () => {
      expect(toExcelSerial(d(2023, 3, 15))).toBe(45000);
      expect(toExcelSerial(d(1900, 1, 1))).toBe(1);
      expect(toExcelSerial(d(1900, 2, 28))).toBe(59);
      expect(toExcelSerial(d(1900, 3, 1))).toBe(61);
      for (const serial of [1, 2, 31, 59, 61, 62, 366, 10000, 36526, 45000, 45351, 46022]) {
        expect(toExcelSerial(fromExcelSerial(serial))).toBe(serial);
      }
    });

    test("0、负数和晚于 2200-12-31 的序列号不是日期（与文字写的日期同一范围）", () => {
      // 109,939 is 2200-12-31; Excel's serials run to 9999-12-31 (2,958,465), which no ledger date is.
      for (const serial of [0, -1, 109_940, 2_958_465, 2_958_466]) {
        const error = thrown(() => parseDate(serial, "日期"));
        expect(error).toBeInstanceOf(InputError);
        expect(error.message).toContain(String(serial));
      }
      expect(parseDate(109_939, "日期")).toEqual(d(2200, 12, 31));
      expect(() => parseDate("2201-01-01", "日期")).toThrow(InputError);
    });
  });

  test("JS Date（exceljs 以 UTC 零点给出）", () => {
    expect(parseDate(new Date(Date.UTC(2023, 4, 6)), "日期")).toEqual(d(2023, 5, 6));
    expect(thrown(() => parseDate(new Date(Number.NaN), "走访日期")).message).toContain("走访日期");
  });

  test("空白为 null", () => {
    expect(parseDate("", "日期")).toBeNull();
    expect(parseDate(null, "日期")).toBeNull();
    expect(parseDate(undefined, "日期")).toBeNull();
  });

  test.each<[unknown]>([
    ["2023-02-30"],
    ["2023年2月29日"],
    ["20230230"],
    [20231301],
    ["2023-13-01"],
    ["2023-04-31"],
    ["202313"],
    ["2023-00"],
  ])("不存在的日期 %p 被拒绝，消息写出原值", (cell) => {
    const error = thrown(() => parseDate(cell, "走访日期"));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain(String(cell));
  });

  test.each<[unknown]>([["昨天"], ["5月6日"], ["2023-5-6-7"], [true]])("无法识别的 %p 被拒绝", (cell) => {
    const error = thrown(() => parseDate(cell, "走访日期"));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain(String(cell));
  });

  test("civilDate 拒绝不存在的日期", () => {
    expect(civilDate(2024, 2, 29)).toEqual(d(2024, 2, 29));
    expect(thrown(() => civilDate(2023, 2, 29)).message).toContain("2023年2月29日");
  });
});

describe("二（十）20 年龄按周岁：生日当天满一岁", () => {
  const birth = d(1963, 7, 15);
  test.each<[CivilDate, number]>([
    [d(2023, 7, 14), 59],
    [d(2023, 7, 15), 60],
    [d(2023, 7, 16), 60],
    [d(2023, 6, 30), 59],
    [d(2023, 8, 1), 60],
    [d(2024, 1, 1), 60],
  ])("生于 1963-07-15，在 %p 为 %p 周岁", (asOf, years) => {
    expect(fullYearsBetween(birth, asOf)).toBe(years);
  });

  test("2月29日出生：平年3月1日满岁，闰年2月29日满岁", () => {
    const leapling = d(1964, 2, 29);
    expect(fullYearsBetween(leapling, d(2023, 2, 28))).toBe(58);
    expect(fullYearsBetween(leapling, d(2023, 3, 1))).toBe(59);
    expect(fullYearsBetween(leapling, d(2024, 2, 28))).toBe(59);
    expect(fullYearsBetween(leapling, d(2024, 2, 29))).toBe(60);
  });

  test("subtractMonths：同一天的若干月前，月末对齐", () => {
    expect(subtractMonths(d(2023, 3, 31), 1)).toEqual(d(2023, 2, 28));
    expect(subtractMonths(d(2024, 3, 31), 1)).toEqual(d(2024, 2, 29));
    expect(subtractMonths(d(2023, 1, 15), 1)).toEqual(d(2022, 12, 15));
    expect(subtractMonths(d(2023, 5, 6), 12)).toEqual(d(2022, 5, 6));
    expect(subtractMonths(d(2023, 5, 6), 0)).toEqual(d(2023, 5, 6));
    expect(subtractMonths(d(2023, 12, 31), 10)).toEqual(d(2023, 2, 28));
  });
});

describe("身份证号（GB 11643）", () => {
  test("测试用的校验位计算与标准示例 11010519491231002X 一致", () => {
    expect(gb11643Check("11010519491231002")).toBe("X");
    expect(parseResidentId("11010519491231002X")).toEqual({ number: "11010519491231002X", birthDate: d(1949, 12, 31), sex: "female" });
  });

  test("checkCharacter 与独立计算的结果一致（逐一覆盖 11 种余数）", () => {
    const seen = new Set<string>();
    for (let n = 0; n < 400; n++) {
      const first17 = `370402${19500101 + n * 7}${String(n % 1000).padStart(3, "0")}`;
      seen.add(gb11643Check(first17));
      expect(checkCharacter(first17)).toBe(gb11643Check(first17));
    }
    expect(seen.size).toBe(11);
  });

  test("18位合法号码：出生日期与性别（第17位奇数为男）", () => {
    expect(parseResidentId(syntheticId("19800101", "123"))).toEqual({
      number: syntheticId("19800101", "123"),
      birthDate: d(1980, 1, 1),
      sex: "male",
    });
    expect(parseResidentId(syntheticId("19630715", "122")).sex).toBe("female");
    expect(parseResidentId(syntheticId("19640229", "011")).birthDate).toEqual(d(1964, 2, 29));
  });

  test("末位小写 x 也接受，并规范为大写 X", () => {
    const id = syntheticIdEndingInX("19580310");
    expect(id.endsWith("X")).toBe(true);
    expect(parseResidentId(id.toLowerCase()).number).toBe(id);
    expect(parseResidentId(` ${id.slice(0, 6)} ${id.slice(6)} `).number).toBe(id);
  });

  test("全角数字的号码也能读", () => {
    const id = syntheticId("19800101");
    const fullWidth = toFullWidth(id);
    expect(parseResidentId(fullWidth).number).toBe(id);
  });

  test("校验位错误：消息写明“校验位”和应有的末位", () => {
    const good = syntheticId("19630715");
    const bad = withWrongCheck(good);
    const error = thrown(() => parseResidentId(bad));
    expect(error).toBeInstanceOf(IdNumberError);
    expect((error as IdNumberError).problem).toBe("checkCharacter");
    expect(error.message).toContain("校验位");
    expect(error.message).toContain(`“${good[17]}”`);
    expect(error.message).toContain(bad);
  });

  test.each<[string]>([["37040219800101123"], ["3704021980010112345"], [""], ["12345"]])("长度不对的 %p：消息写明应为18位", (value) => {
    const error = thrown(() => parseResidentId(value));
    expect(error).toBeInstanceOf(IdNumberError);
    expect((error as IdNumberError).problem).toBe("length");
    expect(error.message).toContain("18位");
    expect(error.message).toContain(`实际为${value.length}位`);
  });

  test("空值也是长度错误，不会崩溃", () => {
    expect((thrown(() => parseResidentId(null)) as IdNumberError).problem).toBe("length");
    expect((thrown(() => parseResidentId(undefined)) as IdNumberError).problem).toBe("length");
  });

  test("非法字符：前17位须为数字", () => {
    const error = thrown(() => parseResidentId("37040219800101A23X"));
    expect((error as IdNumberError).problem).toBe("characters");
    expect(thrown(() => parseResidentId("37040280010112A")).message).toContain("15位");
  });

  test.each<[string]>([["19800230"], ["19801301"], ["19790229"], ["18800101"]])("出生日期 %p 不存在（校验位正确）", (birth) => {
    const id = syntheticId(birth);
    const error = thrown(() => parseResidentId(id));
    expect(error).toBeInstanceOf(IdNumberError);
    expect((error as IdNumberError).problem).toBe("date");
    expect(error.message).toContain("出生日期");
    expect(error.message).toContain(birth);
  });

  test("旧的15位号码：出生日期为 19YYMMDD，末位奇数为男", () => {
    const old = syntheticOldId("630715", "123");
    expect(parseResidentId(old)).toEqual({ number: old, birthDate: d(1963, 7, 15), sex: "male" });
    expect(parseResidentId(Number(syntheticOldId("580101", "124")))).toEqual({
      number: syntheticOldId("580101", "124"),
      birthDate: d(1958, 1, 1),
      sex: "female",
    });
    const badDate = thrown(() => parseResidentId(syntheticOldId("630230")));
    expect((badDate as IdNumberError).problem).toBe("date");
    expect(badDate.message).toContain("19630230");
  });

  test("18位号码被存成数字：精度已丢失，提示改为文本格式", () => {
    const id = syntheticId("19630715", "124");
    expect(id).toMatch(/^\d{18}$/);
    const asNumber = Number(id); // what Excel keeps of it: 15 significant digits
    const error = thrown(() => parseResidentId(asNumber));
    expect(error).toBeInstanceOf(IdNumberError);
    expect((error as IdNumberError).problem).toBe("precisionLost");
    expect(error.message).toContain("数字");
    expect(error.message).toContain("文本");
  });
});

describe("二（十）20 残疾等级", () => {
  test.each<[unknown, number | null]>([
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 4],
    ["1", 1],
    ["２", 2],
    ["一级", 1],
    ["二级", 2],
    ["三级", 3],
    ["四级", 4],
    ["贰级", 2],
    ["肢体二级", 2],
    ["视力一级残疾", 1],
    ["2级", 2],
    ["智力三级", 3],
    ["肢体二级、视力一级", 1],
    ["听力四级，言语三级", 3],
    [null, null],
    [undefined, null],
    ["", null],
    ["无", null],
    ["否", null],
    [0, null],
  ])("%p 读作 %p", (cell, grade) => {
    expect(parseDisabilityGrade(cell)).toBe(grade);
  });

  test.each<[unknown]>([["轻度"], ["残疾"], ["五级"], [5], [1.5], ["5级"], [true]])("无法识别的 %p 报错并写出值", (cell) => {
    const error = thrown(() => parseDisabilityGrade(cell));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain(String(cell));
    expect(error.message).toContain("残疾等级");
  });
});

describe("全角与空白", () => {
  test("toHalfWidth：全角 ASCII 与全角空格转半角", () => {
    expect(toHalfWidth("１２，０００（元）")).toBe("12,000(元)");
    expect(toHalfWidth("Ａ　ｘ")).toBe("A x");
    expect(toHalfWidth("中文不变")).toBe("中文不变");
    expect(toHalfWidth("\u22121.5万")).toBe("-1.5万");
  });

  test("isBlank 与 compactText", () => {
    expect(isBlank(null)).toBe(true);
    expect(isBlank(undefined)).toBe(true);
    expect(isBlank("")).toBe(true);
    expect(isBlank(" \u3000\u00a0")).toBe(true);
    expect(isBlank(0)).toBe(false);
    expect(isBlank("0")).toBe(false);
    expect(isBlank(false)).toBe(false);
    expect(compactText(" 肢体 二级\n")).toBe("肢体二级");
  });
});

function toFullWidth(text: string): string {
  return text.replace(/[!-~]/g, (ch) => String.fromCodePoint(ch.codePointAt(0)! + 0xfee0));
}

describe("三 日期：只写年份不是日期", () => {
  it("“2023” as text is refused instead of being read as Excel serial 2023 (1905)", () => {
    expect(() => parseDate("2023", "走访日期")).toThrow(/只有年份/);
  });
});

describe("today(): kept while the clock stays in the day, and moving on past midnight", () => {
  afterEach(() => jest.useRealTimers());

  test("the same day until local midnight, the next day after it, and back when the clock is set back", () => {
    jest.useFakeTimers({ now: new Date(2025, 11, 31, 23, 59, 59) });
    expect(today()).toEqual({ year: 2025, month: 12, day: 31 });
    jest.setSystemTime(new Date(2025, 11, 31, 23, 59, 59, 999));
    expect(today()).toEqual({ year: 2025, month: 12, day: 31 });
    jest.setSystemTime(new Date(2026, 0, 1, 0, 0, 0));
    expect(today()).toEqual({ year: 2026, month: 1, day: 1 });
    jest.setSystemTime(new Date(2025, 5, 30, 12, 0));
    expect(today()).toEqual({ year: 2025, month: 6, day: 30 });
  });
});

describe("导出中的写法：“null ”、大写数字", () => {
  it.each(["null", "null ", "NULL", " null"])("%j 是空白", (text) => expect(isBlank(text)).toBe(true));
  it.each(["N", "no", "nullx", "无"])("%j 不是空白", (text) => expect(isBlank(text)).toBe(false));
  it.each([
    ["壹万贰仟", 12000],
    ["叁仟零伍拾元整", 3050],
    ["壹拾万", 100000],
    ["壹亿贰万", 100020000],
    ["玖佰", 900],
  ] as const)("大写 %s = %d", (text, value) => expect(parseChineseAmount(text)).toBe(value));
  it.each(["三", "一二", "张三", "12000", "壹壹"])("%j 不按大写数字读", (text) => expect(parseChineseAmount(text)).toBeNull());
});
