/**
 * Property-based tests (fast-check): every value parser of src/values and every custom function
 * over generated inputs, ledger-like and hostile. No exception escapes but the documented one
 * (InputError from a parser, #VALUE! from a function); every number that comes out is finite;
 * and the plan's rules hold as inequalities whose parameters are read from the policy in force,
 * not written here. ID check characters are compared with an implementation written here in
 * another form (ISO 7064 MOD 11-2, computed digit by digit instead of with the weight table).
 *
 * fast-check prints the seed of a failing run; BANGFU_FC_SEED=<seed> replays it, and
 * BANGFU_FC_RUNS=<n> runs each property n times.
 */
import fc from "fast-check";
import { AGE, COURTYARD_SUBSIDY, FILIAL_MATCH, PER_CAPITA, TIER } from "../../src/functions/functions";
import { functionPolicy } from "../../src/functions/policyContext";
import {
  AGE_LIMIT,
  AMOUNT_LIMIT,
  birthDateProblem,
  checkCharacter,
  civilDate,
  CivilDate,
  compactText,
  formatShare,
  formatYuan,
  fromExcelSerial,
  fullYearsBetween,
  IdNumberError,
  InputError,
  isBlank,
  isValidCivilDate,
  MAX_HOUSEHOLD_SIZE,
  parseAgeInYears,
  parseAmount,
  parseDate,
  parseDisabilityGrade,
  parseHouseholdSize,
  parseRate,
  parseResidentId,
  parseWholeNumber,
  quote,
  roundToFen,
  roundToPrecision,
  textOf,
  today,
  toExcelSerial,
  toHalfWidth,
} from "../../src/values";

const seed = process.env.BANGFU_FC_SEED === undefined ? undefined : Number(process.env.BANGFU_FC_SEED);
// BANGFU_FC_RUNS=<n> searches longer (300 runs a property by default).
const RUNS = { numRuns: Number(process.env.BANGFU_FC_RUNS ?? 300), ...(seed === undefined ? {} : { seed }) };

// ---------------------------------------------------------------- generators

const DIGIT = fc.constantFrom(..."0123456789");
const digits = (minLength: number, maxLength: number) => fc.string({ unit: DIGIT, minLength, maxLength });
const fullWidth = (text: string) => text.replace(/[0-9.,\-+%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Texts a ledger holds where a number belongs, well and badly written. */
const numericText = fc.oneof(
  fc.double().map(String),
  fc.integer().map((n) => n.toLocaleString("en-US")),
  digits(1, 40),
  fc
    .tuple(
      fc.constantFrom("", "-", "+", "¥", "-¥", " "),
      digits(1, 22),
      fc.constantFrom("", ".5", ".05", ".", ".123456"),
      fc.constantFrom("", "万", "亿", "元", "%", " 元"),
    )
    .map((parts) => parts.join("")),
  digits(1, 12).map(fullWidth),
  fc.constantFrom("NaN", "Infinity", "-Infinity", "1e999", "1e15", "0x10", "1,2,3", "12,34", "--5", "5-", "万", "."),
);

/** Texts where a date belongs. */
const dateText = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 1700, max: 2300 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
      fc.constantFrom("-", "/", ".", "年"),
    )
    .map(([y, m, d, sep]) => (sep === "年" ? `${y}年${m}月${d}日` : `${y}${sep}${m}${sep}${d}`)),
  digits(6, 8),
  fc.constantFrom("2023", "2025-02-29", "2024-02-29", "202313", "2025-12-01 08:30", "某天"),
);

/** 17 digits of an ID number: region, a birth date (possibly impossible), a sequence. */
const first17 = fc
  .tuple(digits(6, 6), fc.integer({ min: 1850, max: 2150 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), digits(3, 3))
  .map(([region, y, m, d, seq]) => `${region}${y}${String(m).padStart(2, "0")}${String(d).padStart(2, "0")}${seq}`);

const idText = fc.oneof(
  first17.map((f) => f + modElevenTwo(f)),
  first17.map((f) => f + "0123456789X"[f.length % 11]),
  digits(15, 15),
  digits(10, 20),
  fc.string({ maxLength: 20 }),
);

/** Any value a cell of Excel (or a careless host) can hand over. */
const cellValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  numericText,
  dateText,
  idText,
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constantFrom(null, undefined, "", " ", "　", "低收入", "中等收入", "高收入", "二级", "肢体一级", "无", "30%", "0.3"),
);

/** Anything at all, for the parsers that take `unknown`. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(cellValue, fc.anything(), fc.date({ noInvalidDate: false }));

// ---------------------------------------------------------------- independent implementations

/** ISO 7064 MOD 11-2, digit by digit (GB 11643's check character), not the weight table src/values uses. */
function modElevenTwo(digits17: string): string {
  let p = 0;
  for (const ch of digits17) p = ((p + Number(ch)) * 2) % 11;
  const check = (12 - p) % 11;
  return check === 10 ? "X" : String(check);
}

const CHINESE = /[\u4e00-\u9fff]/;

/** The parser returned or threw the documented InputError with a Chinese message; anything else fails. */
/** GB 11643 as patterns and slices: what parseResidentId must agree with. */
function residentIdByPatterns(value: unknown, now: CivilDate): { number: string; birthDate: CivilDate; sex: string } {
  if (typeof value === "number" && Number.isInteger(value) && value >= 1e15) {
    throw new IdNumberError("precisionLost", `身份证号${quote(value)}被存成了数字，末几位已丢失：请把该列设为“文本”格式后重新录入`);
  }
  const text = toHalfWidth(textOf(value ?? ""))
    .replace(/\s+/g, "")
    .toUpperCase();
  if (text.length !== 18 && text.length !== 15) {
    throw new IdNumberError("length", `身份证号${quote(value)}应为18位（或旧的15位），实际为${text.length}位`);
  }
  const pattern = text.length === 15 ? /^\d{15}$/ : /^\d{17}[\dX]$/;
  if (!pattern.test(text)) {
    throw new IdNumberError(
      "characters",
      text.length === 15 ? `15位身份证号${quote(value)}只能由数字组成` : `身份证号${quote(value)}前17位应为数字，最后一位为数字或X`,
    );
  }
  const written = text.length === 15 ? `19${text.slice(6, 12)}` : text.slice(6, 14);
  const birthDate = { year: Number(written.slice(0, 4)), month: Number(written.slice(4, 6)), day: Number(written.slice(6, 8)) };
  if (!isValidCivilDate(birthDate.year, birthDate.month, birthDate.day)) {
    throw new IdNumberError("date", `身份证号${quote(value)}中的出生日期${written}不存在`);
  }
  const problem = birthDateProblem(birthDate, now);
  if (problem) throw new IdNumberError("date", `身份证号${quote(value)}中的${problem}，号码有误`);
  if (text.length === 18 && text[17] !== modElevenTwo(text.slice(0, 17))) {
    throw new IdNumberError(
      "checkCharacter",
      `身份证号${quote(value)}校验位错误：最后一位应为“${modElevenTwo(text.slice(0, 17))}”，请核对号码是否录错`,
    );
  }
  return { number: text, birthDate, sex: Number(text[text.length === 15 ? 14 : 16]) % 2 === 1 ? "male" : "female" };
}

/** A call's result, or the problem and message of the IdNumberError it threw. */
function outcome(call: () => unknown): unknown {
  try {
    return { value: call() };
  } catch (error) {
    if (!(error instanceof IdNumberError)) throw error;
    return { problem: error.problem, message: error.message };
  }
}

function documented<T>(call: () => T): { ok: true; value: T } | { ok: false } {
  try {
    return { ok: true, value: call() };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(error.message).toMatch(CHINESE);
    return { ok: false };
  }
}

function expectFiniteNumberOrNull(value: unknown): void {
  if (value === null) return;
  expect(typeof value).toBe("number");
  expect(Number.isFinite(value as number)).toBe(true);
}

// ---------------------------------------------------------------- value parsers

describe("value parsers: a value or the documented InputError, never anything else", () => {
  test("parseAmount / parseRate: null or a finite number below AMOUNT_LIMIT", () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        for (const parse of [parseAmount, parseRate]) {
          const result = documented(() => parse(value, "金额"));
          if (!result.ok) continue;
          expectFiniteNumberOrNull(result.value);
          if (result.value !== null) expect(Math.abs(result.value)).toBeLessThan(AMOUNT_LIMIT);
        }
      }),
      RUNS,
    );
  });

  test("parseAmount reads back what a ledger writes: plain, grouped, full-width, as text or number", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 14), max: 10 ** 14 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const value = roundToPrecision(whole + (Math.sign(whole || 1) * cents) / 100);
        const text = value.toFixed(2);
        expect(parseAmount(text, "x")).toBe(Number(text));
        expect(parseAmount(value, "x")).toBe(value);
        const grouped = Number(text).toLocaleString("en-US", { minimumFractionDigits: 2 });
        expect(parseAmount(grouped, "x")).toBe(Number(text));
        expect(parseAmount(fullWidth(text), "x")).toBe(Number(text));
      }),
      RUNS,
    );
  });

  test("parseWholeNumber / parseHouseholdSize / parseAgeInYears: integers within their bounds", () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        const whole = documented(() => parseWholeNumber(value, "整数"));
        if (whole.ok && whole.value !== null) expect(Number.isInteger(whole.value)).toBe(true);
        const size = documented(() => parseHouseholdSize(value, "家庭人口数"));
        if (size.ok && size.value !== null) {
          expect(Number.isInteger(size.value)).toBe(true);
          expect(size.value).toBeGreaterThanOrEqual(1);
          expect(size.value).toBeLessThanOrEqual(MAX_HOUSEHOLD_SIZE);
        }
        const age = documented(() => parseAgeInYears(value, "年龄"));
        if (age.ok && age.value !== null) {
          expect(Number.isInteger(age.value)).toBe(true);
          expect(age.value).toBeGreaterThanOrEqual(0);
          expect(age.value).toBeLessThan(AGE_LIMIT);
        }
      }),
      RUNS,
    );
  });

  test("parseDate: null or a date that exists", () => {
    fc.assert(
      fc.property(
        fc.oneof(anyValue, dateText),
        fc.constantFrom<"start" | "end" | undefined>("start", "end", undefined),
        (value, monthOnly) => {
          const result = documented(() => parseDate(value, "日期", { monthOnly }));
          if (!result.ok || result.value === null) return;
          const { year, month, day } = result.value;
          expect(isValidCivilDate(year, month, day)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  test("civilDate: a date that exists, or the documented InputError", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1700, max: 2300 }),
        fc.integer({ min: -1, max: 14 }),
        fc.integer({ min: -1, max: 33 }),
        (year, month, day) => {
          const result = documented(() => civilDate(year, month, day));
          expect(result.ok).toBe(isValidCivilDate(year, month, day));
          // Checked here by the calendar, independently: the day exists when Date keeps it.
          const exists = month >= 1 && month <= 12 && day >= 1 && new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
          expect(result.ok).toBe(exists && year >= 1800 && year <= 2200);
        },
      ),
      RUNS,
    );
  });

  test("Excel serials and civil dates convert back and forth (the phantom 1900-02-29, serial 60, aside)", () => {
    fc.assert(
      // Up to 2200-12-31, the last date BANGFU takes (Excel's own serials run to 9999).
      fc.property(
        fc.integer({ min: 1, max: (Date.UTC(2200, 11, 31) - Date.UTC(1899, 11, 30)) / 86_400_000 }).filter((s) => s !== 60),
        (serial) => {
          const date = fromExcelSerial(serial);
          expect(isValidCivilDate(date.year, date.month, date.day)).toBe(true);
          expect(toExcelSerial(date)).toBe(serial);
        },
      ),
      RUNS,
    );
  });

  test("parseDisabilityGrade: null or a grade from 1 to 4", () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        const result = documented(() => parseDisabilityGrade(value));
        if (result.ok && result.value !== null) expect([1, 2, 3, 4]).toContain(result.value);
      }),
      RUNS,
    );
  });

  test("text helpers never throw on cell values; roundToFen and the formats stay finite", () => {
    fc.assert(
      fc.property(cellValue, fc.double({ min: -1e14, max: 1e14, noNaN: true }), (value, amount) => {
        expect(typeof compactText(value)).toBe("string");
        expect(typeof toHalfWidth(String(value))).toBe("string");
        expect(typeof isBlank(value)).toBe("boolean");
        const fen = roundToFen(amount);
        expect(Number.isFinite(fen)).toBe(true);
        expect(Math.abs(fen - amount)).toBeLessThanOrEqual(0.005 + Math.abs(amount) * 1e-12);
        expect(formatYuan(amount)).toMatch(/^-?[\d,]+(\.\d{2})?元$/);
        expect(formatShare(amount / 1e14)).not.toMatch(/NaN|Infinity/);
      }),
      RUNS,
    );
  });
});

describe("ID numbers (GB 11643)", () => {
  test("the check character agrees with ISO 7064 MOD 11-2 computed here", () => {
    fc.assert(
      fc.property(digits(17, 17), (digits17) => {
        expect(checkCharacter(digits17)).toBe(modElevenTwo(digits17));
      }),
      { ...RUNS, numRuns: RUNS.numRuns * 5 },
    );
  });

  test(
    "a number with a correct check character and a possible birth date is read; any other last " + "character is a check-character error",
    () => {
      const now = today();
      fc.assert(
        fc.property(first17, fc.constantFrom(..."0123456789X"), (f, last) => {
          const birth: CivilDate = { year: Number(f.slice(6, 10)), month: Number(f.slice(10, 12)), day: Number(f.slice(12, 14)) };
          const possible = isValidCivilDate(birth.year, birth.month, birth.day) && birth.year >= 1890 && fullYearsBetween(birth, now) >= 0;
          const id = f + last;
          const result = documented(() => parseResidentId(id));
          if (!possible) {
            expect(result.ok).toBe(false);
            expect(
              (() => {
                try {
                  parseResidentId(id);
                } catch (e) {
                  return (e as IdNumberError).problem;
                }
                return null;
              })(),
            ).toBe("date");
            return;
          }
          if (last === modElevenTwo(f)) {
            expect(result).toEqual({ ok: true, value: { number: id, birthDate: birth, sex: Number(f[16]) % 2 === 1 ? "male" : "female" } });
          } else {
            expect(result.ok).toBe(false);
            const problem = (() => {
              try {
                parseResidentId(id);
              } catch (e) {
                return (e as IdNumberError).problem;
              }
              return null;
            })();
            expect(problem).toBe("checkCharacter");
          }
        }),
        RUNS,
      );
    },
  );

  // The reading digit by digit (src/values/idNumber.ts) against the same rules written with
  // patterns and slices here: the same ResidentId, or the same problem with the same message.
  test("parseResidentId gives what the rules written as patterns give, on ID-like and hostile text", () => {
    const now = today();
    const idLike = fc.oneof(
      idText,
      first17.map((f) => `${f}x`),
      first17.map((f) => ` ${f.slice(0, 6)} ${f.slice(6)}${modElevenTwo(f)}　`),
      first17.map((f) => fullWidth(f) + modElevenTwo(f)),
      fc.string({ unit: fc.constantFrom(..."0123456789xX a-"), minLength: 13, maxLength: 20 }),
    );
    fc.assert(
      fc.property(fc.oneof(idLike, anyValue), (value) => {
        expect(outcome(() => parseResidentId(value, now))).toEqual(outcome(() => residentIdByPatterns(value, now)));
      }),
      { ...RUNS, numRuns: RUNS.numRuns * 5 },
    );
  });

  test("compactText gives the half-width text without any white space", () => {
    fc.assert(
      fc.property(fc.oneof(idText, fc.string(), fc.string({ unit: fc.constantFrom(..."0１２ \t\u3000\u00a0xX-") })), (text) => {
        expect(compactText(text)).toBe(toHalfWidth(text).replace(/\s+/g, ""));
      }),
      RUNS,
    );
  });

  test("parseResidentId on anything: a ResidentId or an IdNumberError", () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, idText), (value) => {
        try {
          const id = parseResidentId(value);
          expect(id.number).toMatch(/^(\d{17}[\dX]|\d{15})$/);
        } catch (error) {
          expect(error).toBeInstanceOf(IdNumberError);
        }
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------- custom functions

const TIER_RANK: Record<string, number> = { 低收入: 0, 中等收入: 1, 高收入: 2 };

/** Every cell of a result: a tier label or "", a finite number, or #VALUE! with a Chinese message. */
function expectCells(result: unknown[][], strings: readonly string[]): void {
  for (const row of result) {
    for (const cell of row) {
      if (cell instanceof CustomFunctions.Error) {
        expect(cell.code).toBe("#VALUE!");
        expect(cell.message).toMatch(CHINESE);
      } else if (typeof cell === "number") {
        expect(Number.isFinite(cell)).toBe(true);
      } else {
        expect(strings).toContain(cell);
      }
    }
  }
}

/** A call that may throw only a whole-call #VALUE! (e.g. ranges of different shapes). */
function call(run: () => unknown[][], strings: readonly string[]): void {
  let result: unknown[][];
  try {
    result = run();
  } catch (error) {
    expect(error).toBeInstanceOf(CustomFunctions.Error);
    expect((error as unknown as CustomFunctions.Error).code).toBe("#VALUE!");
    return;
  }
  expectCells(result, strings);
}

/** A single cell or a small range of cell values, or a left-out optional argument. */
const argument = fc.oneof(
  { weight: 4, arbitrary: cellValue.map((v) => [[v]]) },
  { weight: 1, arbitrary: fc.array(fc.array(cellValue, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null, []) },
);

describe("custom functions: cells are labels, finite numbers or #VALUE!", () => {
  test("TIER", () => {
    fc.assert(
      fc.property(argument, argument, argument, (a, b, c) =>
        call(() => TIER(a as never, b as never, c as never), ["", "低收入", "中等收入", "高收入"]),
      ),
      RUNS,
    );
  });
  test("COURTYARD_SUBSIDY", () => {
    fc.assert(
      fc.property(argument, argument, argument, (a, b, c) => call(() => COURTYARD_SUBSIDY(a as never, b as never, c as never), [""])),
      RUNS,
    );
  });
  test("FILIAL_MATCH", () => {
    fc.assert(
      fc.property(argument, argument, argument, argument, argument, argument, (a, b, c, d, e, f) =>
        call(() => FILIAL_MATCH(a as never, b as never, c as never, d as never, e as never, f as never), [""]),
      ),
      RUNS,
    );
  });
  test("PER_CAPITA", () => {
    fc.assert(
      fc.property(argument, argument, argument, argument, argument, argument, (a, b, c, d, e, f) =>
        call(() => PER_CAPITA(a as never, b as never, c as never, d as never, e as never, f as never), [""]),
      ),
      RUNS,
    );
  });
  test("AGE", () => {
    fc.assert(
      fc.property(argument, argument, (a, b) => call(() => AGE(a as never, b as never), [""])),
      RUNS,
    );
  });
});

/** What rounding to the fen may add, plus the binary noise of the product it rounds. */
const HALF_FEN = 0.005 + 1e-9;

/** An amount in yuan, to the fen, as a ledger holds it. */
const yuan = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((fen) => fen / 100);
const one = (result: unknown[][]) => result[0][0];

describe("the plan's rules as inequalities, with the parameters of the policy in force", () => {
  test("TIER is monotonic in income: more income never gives a lower tier", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e7, max: 1e7, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), (income, more) => {
        const lower = one(TIER([[income]]));
        const higher = one(TIER([[income + more]]));
        expect(TIER_RANK[lower as string]).toBeLessThanOrEqual(TIER_RANK[higher as string]);
      }),
      RUNS,
    );
  });

  test("TIER puts an income on the right side of the policy's thresholds", () => {
    const { lowIncomeThreshold, highIncomeThreshold } = functionPolicy().values;
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (income) => {
        const tier = one(TIER([[income]]));
        expect(tier).toBe(income < lowIncomeThreshold ? "低收入" : income < highIncomeThreshold ? "中等收入" : "高收入");
      }),
      RUNS,
    );
  });

  test("COURTYARD_SUBSIDY ≤ cap − granted and ≤ rate × investment (to the fen), never negative; 0 unless low-income", () => {
    const { courtyardSubsidyRate: rate, courtyardSubsidyCap: cap } = functionPolicy().values;
    fc.assert(
      fc.property(yuan(100_000), yuan(cap * 2), fc.constantFrom("低收入", "中等收入", "高收入"), (investment, granted, tier) => {
        const subsidy = one(COURTYARD_SUBSIDY([[investment]], [[tier]], [[granted]])) as number;
        expect(typeof subsidy).toBe("number");
        expect(subsidy).toBeGreaterThanOrEqual(0);
        expect(subsidy).toBeLessThanOrEqual(Math.max(0, roundToFen(cap - granted)));
        // Rounding to the fen may add at most half a fen to rate × investment (and a hair of binary noise).
        expect(subsidy).toBeLessThanOrEqual(rate * investment + HALF_FEN);
        if (tier !== "低收入") expect(subsidy).toBe(0);
      }),
      RUNS,
    );
  });

  test("FILIAL_MATCH ≤ rate × min(paid, monthly contribution × months) (to the fen); 0 for a non-elder", () => {
    const {
      filialRewardRateCap: cap,
      filialMonthlyContribution: monthly,
      filialMinAge,
      filialMinAgeSevereDisability,
    } = functionPolicy().values;
    fc.assert(
      fc.property(
        yuan(50_000),
        fc.integer({ min: 0, max: AGE_LIMIT - 1 }),
        fc.integer({ min: 1, max: 60 }),
        fc.option(
          fc.integer({ min: 1, max: 100 }).map((n) => (n / 100) * cap),
          { nil: undefined },
        ),
        fc.constantFrom("", "一级", "二级", "三级"),
        (paid, age, months, chosenRate, disability) => {
          const reward = one(
            FILIAL_MATCH([[paid]], [[age]], [[disability]], [[months]], chosenRate === undefined ? undefined : [[chosenRate]]),
          ) as number;
          expect(typeof reward).toBe("number");
          const rate = chosenRate ?? cap;
          expect(reward).toBeGreaterThanOrEqual(0);
          expect(reward).toBeLessThanOrEqual(rate * Math.min(paid, monthly * months) + HALF_FEN);
          if (age < filialMinAgeSevereDisability) expect(reward).toBe(0);
          if (age < filialMinAge && (disability === "" || disability === "三级")) expect(reward).toBe(0);
        },
      ),
      RUNS,
    );
  });

  test("PER_CAPITA is (wage + business + property + transfer − costs) ÷ size, to the fen, finite", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 1, max: MAX_HOUSEHOLD_SIZE }),
        (parts, size) => {
          const fen = parts.map((p) => p / 100);
          const result = one(PER_CAPITA([[fen[0]]], [[fen[1]]], [[fen[2]]], [[fen[3]]], [[fen[4]]], [[size]])) as number;
          expect(Number.isFinite(result)).toBe(true);
          const exact = (parts[0] + parts[1] + parts[2] + parts[3] - parts[4]) / 100 / size;
          expect(Math.abs(result - exact)).toBeLessThanOrEqual(0.005 + Math.abs(exact) * 1e-12);
        },
      ),
      RUNS,
    );
  });

  test("AGE is the full years between the ID's birth date and the date given, below AGE_LIMIT", () => {
    fc.assert(
      fc.property(first17, fc.integer({ min: 0, max: 120 * 366 }), (f, daysAfterBirth) => {
        const birth = new Date(Date.UTC(Number(f.slice(6, 10)), Number(f.slice(10, 12)) - 1, Number(f.slice(12, 14))));
        fc.pre(
          birth.getUTCFullYear() === Number(f.slice(6, 10)) &&
            birth.getUTCMonth() + 1 === Number(f.slice(10, 12)) &&
            birth.getUTCDate() === Number(f.slice(12, 14)),
        );
        fc.pre(birth.getUTCFullYear() >= 1890 && birth.getTime() <= Date.now() - 86_400_000);
        const asOf = new Date(birth.getTime() + daysAfterBirth * 86_400_000);
        fc.pre(asOf.getUTCFullYear() <= 2200 && asOf.getTime() >= Date.UTC(1900, 2, 1));
        const serial = (asOf.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
        const age = one(AGE([[f + modElevenTwo(f)]], [[serial]]));
        // Full years counted here by calendar, independently of src/values.
        let expected = asOf.getUTCFullYear() - birth.getUTCFullYear();
        if (
          asOf.getUTCMonth() < birth.getUTCMonth() ||
          (asOf.getUTCMonth() === birth.getUTCMonth() && asOf.getUTCDate() < birth.getUTCDate())
        )
          expected -= 1;
        if (expected >= AGE_LIMIT) expect(age).toBeInstanceOf(CustomFunctions.Error);
        else expect(age).toBe(expected);
      }),
      RUNS,
    );
  });
});
