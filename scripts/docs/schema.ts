/**
 * docs/policy.schema.json: the JSON Schema (draft-07, which editors such as VS Code read) of a
 * policy file, from PARAMETERS and the reader's own keys and bounds. A policy file refers to it
 * with "$schema"; parsePolicyFile reads the same files and refuses the same mistakes, and also
 * checks what a schema cannot say (the low-income threshold below the high one, …).
 */
import { PARAMETER_KEYS, PARAMETERS, ParameterDefinition, PLAN, POLICY_FILE_KEYS, POLICY_YEARS, UNIT_LABELS } from "../../src/policy";

export const SCHEMA_PATH = "docs/policy.schema.json";

export function policySchema(): Record<string, unknown> {
  const parameters: Record<string, unknown> = {};
  for (const key of PARAMETER_KEYS) parameters[key] = parameterSchema(PARAMETERS[key]);
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "BANGFU 政策参数文件",
    description: `按年份替换或确认《${PLAN.title}》（${PLAN.document}）的参数。由 npm run docs 根据 src/policy/ 生成，参数说明见 docs/parameters.md。`,
    type: "object",
    properties: {
      $schema: { type: "string", description: POLICY_FILE_KEYS.$schema },
      description: { type: "string", description: POLICY_FILE_KEYS.description },
      说明: { type: "string", description: POLICY_FILE_KEYS.说明 },
      years: {
        type: "object",
        description: POLICY_FILE_KEYS.years,
        propertyNames: { pattern: yearPattern(), description: `${POLICY_YEARS.first}—${POLICY_YEARS.last} 之间的四位年份` },
        additionalProperties: { $ref: "#/definitions/year" },
      },
    },
    required: ["years"],
    additionalProperties: false,
    definitions: {
      year: {
        type: "object",
        description: "一年的参数：写了的值只替换该年；写了本地参数，或把它列在 confirm 中，即视为已确认。",
        properties: {
          ...parameters,
          confirm: {
            type: "array",
            description: "沿用默认值并确认的本地参数名",
            items: { enum: [...PARAMETER_KEYS] },
            uniqueItems: true,
          },
        },
        additionalProperties: false,
      },
    },
  };
}

function parameterSchema(definition: ParameterDefinition): Record<string, unknown> {
  const bound = definition.minExclusive ? { exclusiveMinimum: definition.min } : { minimum: definition.min };
  const local = definition.localDefault ? `由当地确定：${definition.localDefault.note}。` : "";
  return {
    title: definition.label,
    description: `${definition.description}${local}单位：` +
`${UNIT_LABELS[definition.unit]}${definition.unit === "share" ? "（写作小数，7% 写作 0.07）" : ""}；` +
`条款：${definition.clause}。`,
    type: definition.integer ? "integer" : "number",
    ...bound,
    maximum: definition.max,
    examples: [...new Set(definition.values.map((v) => v.value))],
  };
}

/** The four-digit years from POLICY_YEARS.first to POLICY_YEARS.last, as a regular expression. */
function yearPattern(): string {
  const years: string[] = [];
  for (let y = POLICY_YEARS.first; y <= POLICY_YEARS.last; y++) years.push(String(y));
  // Group by the first three digits: 200[0-9]|201[0-9]|…|210[0-0].
  const groups = new Map<string, string[]>();
  for (const year of years) groups.set(year.slice(0, 3), [...(groups.get(year.slice(0, 3)) ?? []), year[3]]);
  const parts = [...groups].map(([head, tails]) => (tails.length === 10 ? `${head}[0-9]` : tails.length === 1 ? `${head}${tails[0]}` : `${head}[${tails.join("")}]`));
  return `^(${parts.join("|")})$`;
}
