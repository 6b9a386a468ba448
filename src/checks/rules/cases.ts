/**
 * Every rule's cases, by rule: a rule without its cases does not compile. The harness
 * (test/checks/cases.test.ts) and the docs generator read them from here.
 */
import type { RuleCases } from "../cases";
import type { RuleId } from "../types";
import { D01_CASES } from "./D01.cases";
import { D02_CASES } from "./D02.cases";
import { D03_CASES } from "./D03.cases";
import { D04_CASES } from "./D04.cases";
import { D05_CASES } from "./D05.cases";
import { D06_CASES } from "./D06.cases";
import { M01_CASES } from "./M01.cases";
import { M02_CASES } from "./M02.cases";
import { M03_CASES } from "./M03.cases";
import { M04_CASES } from "./M04.cases";
import { M05_CASES } from "./M05.cases";
import { M06_CASES } from "./M06.cases";
import { M07_CASES } from "./M07.cases";
import { M08_CASES } from "./M08.cases";
import { M09_CASES } from "./M09.cases";
import { M10_CASES } from "./M10.cases";
import { M11_CASES } from "./M11.cases";
import { M12_CASES } from "./M12.cases";
import { M13_CASES } from "./M13.cases";

export const RULE_CASES: { readonly [Id in RuleId]: RuleCases<Id> } = {
  D01: D01_CASES,
  D02: D02_CASES,
  D03: D03_CASES,
  D04: D04_CASES,
  D05: D05_CASES,
  D06: D06_CASES,
  M01: M01_CASES,
  M02: M02_CASES,
  M03: M03_CASES,
  M04: M04_CASES,
  M05: M05_CASES,
  M06: M06_CASES,
  M07: M07_CASES,
  M08: M08_CASES,
  M09: M09_CASES,
  M10: M10_CASES,
  M11: M11_CASES,
  M12: M12_CASES,
  M13: M13_CASES,
};
