/** D03 证件号码有误（位数、出生日期或校验位） */
import type { RuleDefinition } from "../types";
import { personLabel } from "./shared";

export const D03: RuleDefinition = {
  id: "D03",
  clause: "—",
  plan: [],
  title: "证件号码有误（位数、出生日期或校验位）",
  titleEn: "Invalid ID number (length, birth date or check character)",
  severities: ["error"],
  needs: ["personId"],
  explanation:
    "证件号码按国家标准 GB 11643 核对位数、出生日期和校验位。号码有误时，由号码推算的年龄（孝善养老、养老保险等检查要用）也不可靠。",
  remedy: "按户口簿或身份证更正号码。",
  run(context) {
    return context.ledger.problems
      .filter((p) => p.kind === "idNumber")
      .map((p) => {
        const facts = context.factsAtRow(p.cell.row);
        const member = facts?.household.members.find((m) => m.row === p.cell.row);
        const who = facts ? `${facts.label}，${member ? personLabel(member) : `第${p.cell.row}行`}：` : "";
        return { rule: this.id, severity: "error" as const, clause: this.clause, household: facts?.household.key ?? null, cell: p.cell, message: `${who}${p.message}。` };
      });
  },
};
