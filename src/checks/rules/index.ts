/**
 * The rule catalogue, one file per rule. Ids are part of the interface (reports, JSON output,
 * the pane's filters): never renumber. This list fixes the order in which rules run and are shown.
 *
 * A rule is its file (M06.ts: clause, the plan's sentence, kinds of finding with their severity,
 * the columns it needs, the explanation for users, its data, message and check) and its cases
 * (M06.cases.ts, registered in ./cases.ts). To change a rule, change both, run `npm test`
 * (the cases harness) and `npm run docs` (docs/rules.md and the README's table follow).
 * A new rule also needs its id in RuleId (../types.ts) and a place in this list.
 */
import type { RuleDefinition, RuleId } from "../types";
import { D01 } from "./D01";
import { D02 } from "./D02";
import { D03 } from "./D03";
import { D04 } from "./D04";
import { D05 } from "./D05";
import { D06 } from "./D06";
import { M01 } from "./M01";
import { M02 } from "./M02";
import { M03 } from "./M03";
import { M04 } from "./M04";
import { M05 } from "./M05";
import { M06 } from "./M06";
import { M07 } from "./M07";
import { M08 } from "./M08";
import { M09 } from "./M09";
import { M10 } from "./M10";
import { M11 } from "./M11";
import { M12 } from "./M12";
import { M13 } from "./M13";

export const RULES: readonly RuleDefinition[] = [
  D01,
  D02,
  D03,
  D04,
  D05,
  D06,
  M01,
  M02,
  M03,
  M04,
  M05,
  M06,
  M07,
  M08,
  M09,
  M10,
  M11,
  M12,
  M13,
];

export const RULE_IDS: readonly RuleId[] = RULES.map((r) => r.id);
