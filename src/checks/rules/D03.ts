/** D03 证件号码有误（位数、出生日期或校验位） */
import { cellText } from "../../ledger/values";
import { isBlank } from "../../values";
import { defineRule, personLabel } from "./shared";

type Data = { readonly kind: "invalidIdNumber"; readonly value: string | null; readonly problem: string };

export const D03 = defineRule<Data>({
  id: "D03",
  clause: "—",
  plan: [],
  title: "证件号码有误（位数、出生日期或校验位）",
  titleEn: "Invalid ID number (length, birth date or check character)",
  kinds: {
    invalidIdNumber: { severity: "error", summary: "证件号码的位数、出生日期或校验位有误" },
  },
  needs: ["personId"],
  explanation:
    "证件号码按国家标准 GB 11643 核对位数、出生日期和校验位。号码有误时，由号码推算的年龄（孝善养老、养老保险等检查要用）也不可靠。",
  remedy: "按户口簿或身份证更正号码。",
  message(data, subject) {
    return `${subject === "" ? "" : `${subject}：`}${data.problem}。`;
  },
  run(context, report) {
    for (const p of context.ledger.problems) {
      if (p.kind !== "idNumber") continue;
      const facts = context.factsAtRow(p.cell.row);
      const member = facts?.household.members.find((m) => m.row === p.cell.row);
      const subject = facts ? `${facts.label}，${member ? personLabel(member) : `第${p.cell.row}行`}` : "";
      report(
        { kind: "invalidIdNumber", value: isBlank(p.value) ? null : cellText(p.value), problem: p.message },
        { household: facts?.household.key ?? null, cell: p.cell, subject },
      );
    }
  },
});
