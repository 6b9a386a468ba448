/** The plan the rules apply, as its document number and title name it. */
export const PLAN = {
  document: "枣高社字【2023】16号",
  title: "关于开展十项增收帮扶行动的实施方案（2023—2025年）",
} as const;

/** A sentence of the plan, quoted word for word, with its clause (二（六）12). */
export interface PlanQuote {
  readonly document: typeof PLAN.document;
  readonly clause: string;
  readonly text: string;
}

export function quotePlan(clause: string, text: string): PlanQuote {
  return { document: PLAN.document, clause, text };
}
