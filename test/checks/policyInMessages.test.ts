/**
 * Messages quote the policy in force, never the plan's numbers written out again
 * (issue 2 §2: checks read only from src/policy).
 */
import { checkLedger } from "../../src/checks";
import { readLedger } from "../../src/ledger";
import { parsePolicyFile, resolvePolicy } from "../../src/policy";

const AS_OF = { year: 2025, month: 12, day: 15 };

test("M07: the age condition in the message follows the policy's ages and grades", () => {
  const ledger = readLedger({
    name: "台账",
    cells: [
      ["户编号", "姓名", "年龄", "残疾等级", "人均纯收入", "孝善养老缴纳金额", "孝善养老奖补"],
      ["H001", "赵一", 62, "", 9000, 3600, 1080],
    ],
  });
  const overrides = parsePolicyFile(
    { years: { "2025": { filialMinAge: 65, filialMinAgeSevereDisability: 58, filialSevereDisabilityMaxGrade: 1 } } },
    "本地.json",
  );
  const report = checkLedger(ledger, { asOf: AS_OF, policy: resolvePolicy(2025, overrides) });
  const m07 = report.findings.filter((f) => f.rule === "M07");
  expect(m07).toHaveLength(1);
  expect(m07[0].message).toContain("62周岁");
  expect(m07[0].message).toContain("65周岁");
  expect(m07[0].message).toContain("一级残疾58周岁");
  expect(m07[0].message).not.toContain("60周岁");
});

test("M07 with the shipped policy still names 60 and 55 with grades 1–2", () => {
  const ledger = readLedger({
    name: "台账",
    cells: [
      ["户编号", "姓名", "年龄", "人均纯收入", "孝善养老缴纳金额", "孝善养老奖补"],
      ["H001", "赵一", 58, 9000, 3600, 1080],
    ],
  });
  const report = checkLedger(ledger, { asOf: AS_OF, policy: resolvePolicy(2025) });
  const [m07] = report.findings.filter((f) => f.rule === "M07");
  expect(m07.message).toContain("60周岁，一、二级残疾55周岁");
});

test("a household is named by its head when 与户主关系 says 本人 or 户主(本人), as the reader counts heads", () => {
  const ledger = readLedger({
    name: "台账",
    cells: [
      ["户编号", "证件号码", "姓名", "与户主关系", "人均纯收入", "增收帮扶责任人"],
      ["H001", "", "赵一", "本人", 9000, ""],
      ["H001", "", "赵二", "之子", 9000, ""],
      ["H002", "", "钱一", "户主（本人）", 9000, ""],
    ],
  });
  const report = checkLedger(ledger, { asOf: AS_OF, policy: resolvePolicy(2025) });
  const m01 = report.findings.filter((f) => f.rule === "M01").map((f) => f.message);
  expect(m01).toHaveLength(2);
  expect(m01[0]).toContain("户编号 H001（户主 赵一）");
  expect(m01[1]).toContain("户编号 H002（户主 钱一）");
});
