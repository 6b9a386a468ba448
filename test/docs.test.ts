/**
 * The generated documents (docs/rules.md …, the README's rule table) are committed: they must be
 * exactly what `npm run docs` writes from the code today.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generatedFiles, README, readmeSections, withSections } from "../scripts/docs";
import { columnsPage } from "../scripts/docs/columns";
import { fillParameters } from "../scripts/docs/markdown";
import { FIELDS } from "../src/ledger";

const ROOT = path.join(__dirname, "..");
const STALE = "与代码不一致：请运行 npm run docs 并提交结果";

/** A checkout may turn line ends into CRLF: compare the text, not the line ends. */
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8").replace(/\r\n/g, "\n");

describe("generated documents", () => {
  test.each(generatedFiles().map((f) => [f.path, f] as const))("%s is up to date", (file, generated) => {
    const committed = read(file);
    expect({ file, upToDate: committed === generated.content, hint: STALE }).toEqual({ file, upToDate: true, hint: STALE });
  });

  test("the README's generated sections are up to date", () => {
    const readme = read(README);
    expect({ upToDate: withSections(readme, readmeSections()) === readme, hint: STALE }).toEqual({ upToDate: true, hint: STALE });
  });

  test("a README without a section's markers is refused, not silently left stale", () => {
    expect(() => withSections("# BANGFU\n", readmeSections())).toThrow(/markers/);
  });

  test("placeholders name parameters; their values read as a sentence says them", () => {
    expect(fillParameters("每户最高{courtyardSubsidyCap}，比例{courtyardSubsidyRate}，前{visitIntervalMonths}内，满{filialMinAge}")).toBe(
      "每户最高5,000元，比例50%，前1个月内，满60周岁",
    );
    expect(() => fillParameters("{courtyardCap}")).toThrow(/unknown parameter/);
  });

  test("the parameter page shows each dated value with its own source, else the plan's clause", () => {
    const page = generatedFiles().find((f) => f.path === "docs/parameters.md")?.content ?? "";
    expect(page).toContain("| 2023-01-01 | 16周岁 | 国发〔2014〕8号《国务院关于建立统一的城乡居民基本养老保险制度的意见》 |");
    expect(page).toContain("| 2023-01-01 | 50% | 枣高社字【2023】16号 二（六）12 |");
    expect(page).toContain("| 2023-01-01 | 19元/小时 | 内置默认值，须由当地确认 |");
  });

  test("the column page shows each field's aliases, with where an alias was seen when its entry says so", () => {
    const cited = {
      ...FIELDS,
      householdId: {
        ...FIELDS.householdId,
        aliases: [...FIELDS.householdId.aliases, { header: "户码（新）", source: "全国防返贫监测信息系统导出" }],
      },
    };
    const page = columnsPage(cited);
    expect(page).toContain(
      "| `householdId` | 户编号 | 户 | 文本 | 户编号、户码、户号、家庭编号、农户编码（省级低收入农户系统旧模板）、户码（新）（全国防返贫监测信息系统导出） |",
    );
    // Alternatives are named with the rule that needs one of them.
    expect(page).toContain("[M07](rules.md#m07)（或出生日期、证件号码）");
  });

  test("the rule page shows each rule's plan sentence, cases and messages", () => {
    const page = generatedFiles().find((f) => f.path === "docs/rules.md")?.content ?? "";
    expect(page).toContain("> 枣高社字【2023】16号 二（六）12：“对发展“五小经济”的低收入脱贫户");
    // A case of M06 with the message the check gives for it.
    expect(page).toContain("**例 3：投资 12000 元，奖补 6000 元：每户最高 5000 元**");
    expect(page).toContain("- 错误 E2（`aboveAllowed`）：户编号 H001（户主 赵一）：庭院经济奖补登记6,000元，超过应得5,000元");
    // A skipped case says which column is missing.
    expect(page).toContain("结果：跳过（缺少列：增收帮扶责任人）。");
  });
});
