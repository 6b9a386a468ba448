import {
  aliasHeader,
  FIELDS,
  FIELD_KEYS,
  FieldKey,
  findHeader,
  LedgerNotFoundError,
  matchField,
  matchMeasureKind,
  MEASURE_KIND_COLUMNS,
  normalizeHeader,
} from "../../src/ledger";
import { range, sheetOf } from "./helpers";

describe("normalizeHeader", () => {
  it.each([
    ["人均纯收入（元）", "人均纯收入"],
    ["人均纯\n收入 (元)", "人均纯收入"],
    ["人均纯收入\r\n（元）", "人均纯收入"],
    ["　户 编 号　", "户编号"],
    ["*户编号", "户编号"],
    ["户编号*", "户编号"],
    ["＊证件号码＊", "证件号码"],
    ["家庭人口数（人）", "家庭人口数"],
    ["务工时间（月）", "务工时间"],
    ["公益性岗位月工资(元/月)", "公益性岗位月工资"],
    ["公益性岗位月工时（小时）", "公益性岗位月工时"],
    ["奖补比例（%）", "奖补比例"],
    ["人均纯收入【元】", "人均纯收入"],
    ["人均纯收入（单位：元）", "人均纯收入"],
    ["年龄（周岁）", "年龄"],
    ["乡（镇）", "乡(镇)"],
    ["村（社区）", "村(社区)"],
    ["县（市、区、旗）", "县(市、区、旗)"],
    ["ABC Ｘｙｚ", "abcxyz"],
  ])("%j → %s", (raw, expected) => {
    expect(normalizeHeader(raw)).toBe(expected);
  });

  it("reads a non-text header cell as text", () => {
    expect(normalizeHeader(2023)).toBe("2023");
    expect(normalizeHeader(null)).toBe("");
  });
});

/** The ways a header is written in real ledgers, around one alias. */
function noisyVariants(alias: string): string[] {
  const fullWidth = alias.replace(/\(/g, "（").replace(/\)/g, "）");
  const chars = [...alias];
  const broken = chars.length > 1 ? `${chars.slice(0, 1).join("")}\n${chars.slice(1).join("")}` : `\n${alias}`;
  return [alias, fullWidth, `${fullWidth}（元）`, `${alias}(人)`, broken, ` ${chars.join(" ")} `, `*${alias}`, `${fullWidth}\r\n（元/月）`];
}

describe("every alias of LEDGER-COLUMNS.md", () => {
  const rows = FIELD_KEYS.flatMap((field) => FIELDS[field].aliases.map((alias) => [field, aliasHeader(alias)] as [FieldKey, string]));

  it.each(rows)("%s ← %s, after normalisation noise", (field, alias) => {
    for (const variant of noisyVariants(alias)) expect([variant, matchField(variant)]).toEqual([variant, field]);
  });

  it.each(rows)("%s ← %s is found in a sheet header", (field, alias) => {
    const fillers: [string, FieldKey][] = [
      ["户编号", "householdId"],
      ["户主姓名", "headName"],
      ["人均纯收入", "perCapitaIncome"],
      ["年龄", "age"],
    ];
    const others = fillers.filter(([, f]) => f !== field).map(([h]) => h);
    const written = `${alias.replace(/\(/g, "（").replace(/\)/g, "）")}\n（元）`;
    const header = findHeader(sheetOf("台账", [["标题"], [...others, written], ["1"]]));
    const column = header.columns.find((c) => c.header === written);
    expect(column).toMatchObject({ field, matchedBy: "alias", letter: String.fromCharCode(65 + others.length) });
    expect(header.headerRow).toBe(2);
  });

  it.each([...MEASURE_KIND_COLUMNS])("measure kind %s", (kind) => {
    for (const variant of noisyVariants(kind)) expect(matchMeasureKind(variant)).toBe(kind);
    expect(matchField(kind)).toBeNull();
  });

  it("no alias names two fields", () => {
    const owner = new Map<string, FieldKey>();
    for (const field of FIELD_KEYS) {
      for (const alias of FIELDS[field].aliases.map(aliasHeader)) {
        const key = normalizeHeader(alias);
        expect([alias, owner.get(key) ?? field]).toEqual([alias, field]);
        owner.set(key, field);
      }
    }
  });
});

describe("findHeader", () => {
  const header = ["序号", "县（市、区、旗）", "乡（镇）", "村", "户编号", "证件号码", "姓名", "与户主关系", "人均纯收入（元）", "联系电话"];

  it("skips title rows above the header", () => {
    const cells = [
      ["XX街道脱贫户增收台账"],
      ["填报单位：XX街道办事处", null, null, null, null, null, "填报日期：2024年6月"],
      header,
      [1, "某县", "某街道", "东村", "H001", "x", "甲", "户主", 12000, null],
    ];
    const found = findHeader(sheetOf("台账", cells, { merges: [range("A1:J1")] }));
    expect(found).toMatchObject({ headerRow: 3, headerLastRow: 3, firstRowIndex: 2, dataStartIndex: 3 });
    expect(found.columns.map((c) => c.header)).toEqual(header);
  });

  it("keeps unknown columns as they are", () => {
    const found = findHeader(sheetOf("台账", [header]));
    const byHeader = (h: string) => found.columns.find((c) => c.header === h);
    expect(byHeader("序号")).toMatchObject({ index: 0, letter: "A", field: null, measureKind: null, matchedBy: null });
    expect(byHeader("县（市、区、旗）")).toMatchObject({ letter: "B", field: null });
    expect(byHeader("联系电话")).toMatchObject({ letter: "J", field: null });
    expect(byHeader("乡（镇）")?.field).toBe("town");
    expect(byHeader("人均纯收入（元）")).toMatchObject({ letter: "I", field: "perCapitaIncome", matchedBy: "alias" });
  });

  it("gives sheet rows and letters from the sheet's origin", () => {
    const found = findHeader(sheetOf("台账", [["标题"], header], { origin: { row: 4, column: 3 } }));
    expect(found.headerRow).toBe(5);
    expect(found.columns[0].letter).toBe("C");
    expect(found.columns.find((c) => c.field === "householdId")?.letter).toBe("G");
  });

  it("takes the canonical spelling when two columns name one field", () => {
    const found = findHeader(sheetOf("台账", [["户编号", "年人均纯收入", "姓名", "人均纯收入"]]));
    expect(found.columns.find((c) => c.field === "perCapitaIncome")?.header).toBe("人均纯收入");
    expect(found.columns[1]).toMatchObject({ header: "年人均纯收入", field: null });
  });

  it("reads 户主证件号码 as the head's ID, apart from the members' 证件号码", () => {
    const found = findHeader(sheetOf("台账", [["户编号", "户主证件号码", "姓名", "证件号码"]]));
    expect(found.columns.map((c) => c.field)).toEqual(["householdId", "headId", "name", "personId"]);
  });

  describe("two-row header under merged parents", () => {
    const top = [
      "序号",
      "户编号",
      "户主姓名",
      "家庭人口数",
      "收入情况",
      null,
      null,
      null,
      null,
      "人均纯收入（元）",
      "帮扶措施",
      null,
      null,
      "备注",
    ];
    const bottom = [
      null,
      null,
      null,
      null,
      "工资性收入",
      "生产经营性收入",
      "财产性收入",
      "转移性收入",
      "生产经营性支出",
      null,
      "产业帮扶",
      "就业帮扶",
      "公益性岗位帮扶",
      null,
    ];
    const merges = ["A1:N1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:I2", "J2:J3", "K2:M2", "N2:N3"].map(range);
    const expectTwoRow = (found: ReturnType<typeof findHeader>) => {
      expect(found).toMatchObject({ headerRow: 2, headerLastRow: 3, dataStartIndex: 3 });
      expect(found.columns.map((c) => c.header)).toEqual([
        "序号",
        "户编号",
        "户主姓名",
        "家庭人口数",
        "收入情况/工资性收入",
        "收入情况/生产经营性收入",
        "收入情况/财产性收入",
        "收入情况/转移性收入",
        "收入情况/生产经营性支出",
        "人均纯收入（元）",
        "帮扶措施/产业帮扶",
        "帮扶措施/就业帮扶",
        "帮扶措施/公益性岗位帮扶",
        "备注",
      ]);
      expect(found.columns.map((c) => c.field)).toEqual([
        null,
        "householdId",
        "headName",
        "householdSize",
        "wageIncome",
        "businessIncome",
        "propertyIncome",
        "transferIncome",
        "businessCosts",
        "perCapitaIncome",
        null,
        null,
        null,
        null,
      ]);
      expect(found.columns.slice(10, 13).map((c) => c.measureKind)).toEqual(["产业帮扶", "就业帮扶", "公益性岗位帮扶"]);
    };
    const data = ["1", "H001", "甲", 3, 10000, 5000, 0, 3000, 1000, 5666.67, "√", "", "是", ""];

    it("with the host's merge information", () => {
      expectTwoRow(findHeader(sheetOf("台账", [["XX街道脱贫户增收台账"], top, bottom, data], { merges })));
    });

    it("without merge information (blank cells above the children)", () => {
      expectTwoRow(findHeader(sheetOf("台账", [["XX街道脱贫户增收台账"], top, bottom, data])));
    });

    it("when the host repeats a merged value in every cell of the area", () => {
      const filledTop = top.map((v, i) => (i >= 4 && i <= 8 ? "收入情况" : i >= 10 && i <= 12 ? "帮扶措施" : v));
      const filledBottom = bottom.map((v, i) => (v === null && i !== 0 && i !== 13 ? top[i] : v));
      expectTwoRow(findHeader(sheetOf("台账", [["XX街道脱贫户增收台账"], filledTop, filledBottom, data], { merges })));
      expectTwoRow(findHeader(sheetOf("台账", [["XX街道脱贫户增收台账"], filledTop, filledBottom, data])));
    });

    it("with a blank top cell over children but no parent text", () => {
      const cells = [
        ["户编号", "户主姓名", null, null],
        [null, null, "人均纯收入", "家庭人口数"],
        ["H1", "甲", 12000, 3],
      ];
      const found = findHeader(sheetOf("台账", cells));
      expect(found).toMatchObject({ headerRow: 1, headerLastRow: 2, dataStartIndex: 2 });
      expect(found.columns.map((c) => c.field)).toEqual(["householdId", "headName", "perCapitaIncome", "householdSize"]);
    });

    it("ends a merged parent where its merged area ends", () => {
      const cells = [
        ["户编号", "收入情况", null, null],
        [null, "工资性收入", "转移性收入", "人均纯收入"],
      ];
      const found = findHeader(sheetOf("台账", cells, { merges: ["A1:A2", "B1:C1"].map(range) }));
      expect(found.columns.map((c) => c.header)).toEqual(["户编号", "收入情况/工资性收入", "收入情况/转移性收入", "人均纯收入"]);
      expect(found.columns.map((c) => c.field)).toEqual(["householdId", "wageIncome", "transferIncome", "perCapitaIncome"]);
    });

    it("does not take a data row for a second header row", () => {
      const cells = [
        ["户编号", "户主姓名", "与户主关系", "低保", "备注"],
        ["H1", "甲", "户主", "低保", "户主"],
      ];
      const found = findHeader(sheetOf("台账", cells));
      expect(found).toMatchObject({ headerRow: 1, headerLastRow: 1, dataStartIndex: 1 });
    });
  });

  describe("no ledger", () => {
    it("an empty sheet", () => {
      for (const cells of [
        [],
        [[]],
        [
          [null, ""],
          ["  ", "\n"],
        ],
      ]) {
        expect(() => findHeader(sheetOf("空表", cells))).toThrow(new LedgerNotFoundError("空表", "工作表“空表”是空的"));
      }
    });

    it("a sheet of meeting notes", () => {
      const cells = [
        ["增收帮扶工作推进会会议纪要"],
        ["时间：2024年5月10日"],
        ["参会人员：街道办、各村书记"],
        ["一、通报上月走访情况"],
        ["二、部署下阶段工作"],
      ];
      const error = catchError(() => findHeader(sheetOf("会议纪要", cells)));
      expect(error).toBeInstanceOf(LedgerNotFoundError);
      expect(error.message).toBe("在工作表“会议纪要”的前15行中没有找到台账表头（需要户编号、证件号码、人均纯收入等列）");
      expect((error as LedgerNotFoundError).sheetName).toBe("会议纪要");
    });

    it("says which headers it did recognise", () => {
      const cells = [["通讯录"], ["姓名", "年龄", "联系电话", "职务"], ["甲", 40, "138", "书记"]];
      const error = catchError(() => findHeader(sheetOf("通讯录", cells)));
      expect(error.message).toBe(
        "在工作表“通讯录”的前15行中没有找到台账表头（需要户编号、证件号码、人均纯收入等列）；第2行只认出了：姓名、年龄",
      );
    });

    it("looks no further than row 15", () => {
      const cells: unknown[][] = Array.from({ length: 15 }, (_, i) => [`说明第${i + 1}行`]);
      cells.push(["户编号", "证件号码", "姓名", "人均纯收入"]);
      expect(() => findHeader(sheetOf("台账", cells))).toThrow(LedgerNotFoundError);
      cells.splice(0, 1);
      expect(findHeader(sheetOf("台账", cells)).headerRow).toBe(15);
    });
  });
});

function catchError(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
}

describe("headers of the real exports and templates (docs/real-exports.md)", () => {
  it.each([
    ["5、家庭年人均纯收入(元)", "perCapitaIncome"],
    ["其中:(1)家庭经营性收入(元)", "businessIncome"],
    ["(2)工资性收入(元)", "wageIncome"],
    ["（3）财产性及转移性收入（元）", "propertyAndTransferIncome"],
    ["1、家庭人口(人)", "householdSize"],
    ["4、家庭年总纯收入(元)", "netIncome"],
    ["是否户主(是/否)", "isHead"],
    ["是否劳动力（是/否）", "laborFlag"],
    ["公益性岗位(月数)", "welfarePostMonths"],
    ["公益性岗位", "welfarePost"],
    ["搬迁人员姓名 ", "name"],
    ["*搬迁人员身份证号", "personId"],
    ["户主证件号码", "headId"],
    ["贷款余额（万元）", "smallLoanBalance"],
    ["累计贴息金额（元）", "smallLoanInterestSubsidy"],
    ["是否参加新型农村合作医疗（城乡居民基本医疗保险）", "medicalInsurance"],
    ["当前家庭人口数", "currentHouseholdSize"],
    ["年度家庭人口数", "householdSize"],
  ] as const)("%s → %s", (header, field) => {
    expect(matchField(header)).toBe(field);
  });

  it.each([
    ["公益岗位帮扶", "公益性岗位帮扶"],
    ["务工省外转移", "就业帮扶"],
    ["生态扶贫保障生态护林员", "生态护林员"],
  ] as const)("measure column %s → %s", (header, kind) => {
    expect(matchMeasureKind(header)).toBe(kind);
  });

  it("a numbered text that is no header keeps its number: 2023年收入 is not 年收入", () => {
    expect(normalizeHeader("2023年收入")).toBe("2023年收入");
  });

  it("the same header under two groups of a group row is two things, not a second column for one field", () => {
    const found = findHeader(
      sheetOf("信息表", [
        ["金融扶贫小额信贷"],
        ["基本情况", null, null, "扶贫小额信贷", null, "创业贷款", null],
        ["户主姓名", "身份证号", "贷款人身份证", "贷款金额", "还款时间", "贷款金额", "还款时间"],
      ]),
    );
    expect(found.headerRow).toBe(3);
    expect(found.columns.map((c) => c.field)).toEqual([
      "headName",
      "headId",
      "borrowerId",
      "smallLoanAmount",
      "smallLoanRepaidDate",
      null,
      null,
    ]);
    expect(found.duplicateColumns).toEqual([]);
  });

  it.each([
    ["with the merged areas", ["A3:A5", "B3:C3", "D3:D5", "B4:B5", "C4:C5"]],
    ["without merge information (a streamed .xlsx)", []],
  ])("a three-level header, %s", (_how, areas) => {
    const found = findHeader(
      sheetOf(
        "Sheet1",
        [
          ["产业发展政策保障模板"],
          ["*搬迁人员身份证号", "自主发展产业情况", null, "带动方式", "培训", null],
          [null, "发展类别及规模", "预计年增收（元）", null, "农业实用技术培训", null],
          [null, null, null, null, "培训时间", "培训内容"],
          ["370402197001011234", "种植", 1500, "无", "", ""],
        ],
        { merges: areas.map(range) },
      ),
    );
    expect([found.headerRow, found.headerLastRow]).toEqual([2, 4]);
    expect(found.columns.map((c) => c.header)).toEqual([
      "*搬迁人员身份证号",
      "自主发展产业情况/发展类别及规模",
      "自主发展产业情况/预计年增收（元）",
      "带动方式",
      "培训/农业实用技术培训/培训时间",
      "培训/农业实用技术培训/培训内容",
    ]);
    expect(found.columns.map((c) => c.field ?? c.measureKind)).toEqual(["personId", "产业帮扶", null, "measures", null, null]);
  });

  it("a data row under a two-row header is not a third header row", () => {
    const found = findHeader(
      sheetOf("台账", [
        ["户编号", "户主姓名", "收入情况", null, "人均纯收入"],
        [null, null, "工资性收入", "转移性收入", null],
        ["H001", "赵一", 9000, 1000, 10000],
      ]),
    );
    expect([found.headerRow, found.headerLastRow]).toEqual([1, 2]);
  });
});
