/**
 * The functions.json Excel reads is generated from the JSDoc in functions.ts; these tests
 * pin what Excel sees (ids, parameters, optional flags, dimensionality) and check that the
 * zh-CN twin keeps ids and parameter names and translates every description.
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as path from "path";
import { FunctionsMetadata, localizeMetadata, TranslationError, TranslationTable } from "../src/functions/localizeMetadata";
import { ZH_CN } from "../src/functions/zh-CN";

const SOURCE = path.resolve(__dirname, "../src/functions/functions.ts");
const CJK = /[\u4e00-\u9fff]/;

// name → optional? for each parameter, in order
const EXPECTED: Record<string, [string, boolean][]> = {
  TIER: [
    ["income", false],
    ["low", true],
    ["high", true],
  ],
  COURTYARD_SUBSIDY: [
    ["investment", false],
    ["tier", true],
    ["alreadyGranted", true],
  ],
  FILIAL_MATCH: [
    ["paid", false],
    ["ageOrId", false],
    ["disability", true],
    ["months", true],
    ["rate", true],
    ["asOf", true],
  ],
  PER_CAPITA: [
    ["wage", false],
    ["business", false],
    ["property", false],
    ["transfer", false],
    ["costs", false],
    ["size", false],
  ],
  AGE: [
    ["idNumber", false],
    ["asOf", true],
  ],
};

let metadata: FunctionsMetadata;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(SOURCE, false);
  expect(result.errors).toEqual([]);
  metadata = JSON.parse(result.metadataJson) as FunctionsMetadata;
}, 60_000);

const byId = (id: string) => {
  const fn = metadata.functions.find((f) => f.id === id);
  if (!fn) throw new Error(`no function ${id}`);
  return fn;
};

describe("generated functions.json", () => {
  it("has exactly the five functions, ids equal to names", () => {
    expect(metadata.functions.map((f) => f.id)).toEqual(["TIER", "COURTYARD_SUBSIDY", "FILIAL_MATCH", "PER_CAPITA", "AGE"]);
    for (const fn of metadata.functions) expect(fn.name).toBe(fn.id);
  });

  it("has the expected parameter counts 3, 3, 6, 6, 2", () => {
    expect(metadata.functions.map((f) => f.parameters.length)).toEqual([3, 3, 6, 6, 2]);
  });

  it.each(Object.keys(EXPECTED))("%s has the expected parameter names and optional flags", (id) => {
    const actual = byId(id).parameters.map((p) => [p.name, p.optional === true]);
    expect(actual).toEqual(EXPECTED[id]);
  });

  it("takes and returns matrices everywhere, so ranges spill", () => {
    for (const fn of metadata.functions) {
      for (const p of fn.parameters) expect({ fn: fn.id, p: p.name, d: p.dimensionality }).toEqual({ fn: fn.id, p: p.name, d: "matrix" });
      expect({ fn: fn.id, result: (fn.result as { dimensionality?: string } | undefined)?.dimensionality }).toEqual({
        fn: fn.id,
        result: "matrix",
      });
    }
  });

  it("has an English description for every function and parameter", () => {
    for (const fn of metadata.functions) {
      expect(fn.description).toMatch(/[A-Za-z]{3}/);
      for (const p of fn.parameters) expect(p.description).toMatch(/[A-Za-z]{3}/);
    }
  });
});

describe("zh-CN metadata (localizeMetadata with the ZH_CN table)", () => {
  it("keeps ids and function names; shows the parameters under Chinese names, in the same order", () => {
    const localized = localizeMetadata(metadata, ZH_CN);
    expect(localized.functions.map((f) => [f.id, f.name])).toEqual(metadata.functions.map((f) => [f.id, f.name]));
    localized.functions.forEach((fn, i) => {
      expect(fn.parameters.map((p) => p.name)).toEqual(metadata.functions[i].parameters.map((p) => ZH_CN[fn.id].names[p.name]));
      for (const p of fn.parameters) expect(p.name).toMatch(CJK);
    });
    expect(localized.functions[0].parameters.map((p) => p.name)).toEqual(["人均纯收入", "低收入标准", "高收入标准"]);
  });

  it("changes nothing but descriptions and parameter names", () => {
    const localized = localizeMetadata(metadata, ZH_CN);
    const strip = (m: FunctionsMetadata) =>
      m.functions.map((f) => ({
        ...f,
        description: undefined,
        parameters: f.parameters.map((p) => ({ ...p, name: undefined, description: undefined })),
      }));
    expect(strip(localized)).toEqual(strip(metadata));
  });

  it("refuses a translated parameter name Excel could not show", () => {
    const table: TranslationTable = { ...ZH_CN, AGE: { ...ZH_CN.AGE, names: { idNumber: "身份 证号", asOf: "计算日期" } } };
    expect(() => localizeMetadata(metadata, table)).toThrow(/one word/);
  });

  it("describes every function and parameter in Chinese, from the table", () => {
    const localized = localizeMetadata(metadata, ZH_CN);
    for (const fn of localized.functions) {
      const english = byId(fn.id);
      expect(fn.description).toMatch(CJK);
      expect(fn.description).toBe(ZH_CN[fn.id].description);
      expect(fn.description).not.toBe(english.description);
      fn.parameters.forEach((p, i) => {
        expect({ fn: fn.id, p: english.parameters[i].name, text: p.description }).toEqual({
          fn: fn.id,
          p: english.parameters[i].name,
          text: expect.stringMatching(CJK),
        });
        expect(p.description).toBe(ZH_CN[fn.id].parameters[english.parameters[i].name]);
        expect(p.description).not.toBe(english.parameters[i].description);
      });
    }
    expect(localized.functions[0].description).toBe("按人均纯收入判定脱贫户收入分层（方案二（一））");
  });

  it("does not modify the generated metadata", () => {
    const before = JSON.stringify(metadata);
    localizeMetadata(metadata, ZH_CN);
    expect(JSON.stringify(metadata)).toBe(before);
  });

  it("throws when a function is missing from the table", () => {
    const { AGE: _omitted, ...withoutAge } = ZH_CN;
    expect(() => localizeMetadata(metadata, withoutAge)).toThrow(TranslationError);
    expect(() => localizeMetadata(metadata, withoutAge)).toThrow(/function AGE has no translation/);
  });

  it("throws when a parameter is missing from the table", () => {
    const { asOf: _omitted, ...parameters } = ZH_CN.FILIAL_MATCH.parameters;
    const table: TranslationTable = { ...ZH_CN, FILIAL_MATCH: { ...ZH_CN.FILIAL_MATCH, parameters } };
    expect(() => localizeMetadata(metadata, table)).toThrow(/FILIAL_MATCH\.asOf has no translation/);
  });

  it("throws for translations of functions or parameters that do not exist, listing every problem", () => {
    const table: TranslationTable = {
      ...ZH_CN,
      TIERS: { description: "多余", parameters: {}, names: {} },
      AGE: { ...ZH_CN.AGE, parameters: { ...ZH_CN.AGE.parameters, birthday: "多余" } },
    };
    let error: unknown;
    try {
      localizeMetadata(metadata, table);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TranslationError);
    expect((error as TranslationError).problems).toEqual([
      "translation for AGE.birthday, which is not a parameter of AGE",
      "translation for function TIERS, which does not exist",
    ]);
  });

  it("throws for an empty translation", () => {
    const table: TranslationTable = { ...ZH_CN, AGE: { ...ZH_CN.AGE, description: " " } };
    expect(() => localizeMetadata(metadata, table)).toThrow(/AGE: empty description/);
  });
});
