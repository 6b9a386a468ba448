import { Body1, Caption1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { WorkbookHost } from "../host/types";
import type { Policy } from "../policy";
import type { Language, Strings } from "./i18n";
import { NativeFormulas } from "./NativeFormulas";

interface FormulaExample {
  readonly id: string;
  readonly formula: string;
  readonly zh: string;
  readonly en: string;
}

// Examples describe results in words: amounts depend on the policy in force (设置).
export const FORMULAS: readonly FormulaExample[] = [
  {
    id: "TIER",
    formula: "=BANGFU.TIER(H2:H200)",
    zh: "H 列为人均纯收入，整列一次判定为“低收入”“中等收入”或“高收入”。",
    en: "Column H holds per-capita net income; classifies the whole column as 低收入, 中等收入 or 高收入.",
  },
  {
    id: "COURTYARD_SUBSIDY",
    formula: "=BANGFU.COURTYARD_SUBSIDY(J2, G2, K2)",
    zh: "J2 投资额、G2 收入分层、K2 已发放奖补，得出本次可发的庭院经济奖补（元）。",
    en: "J2 investment, G2 tier, K2 subsidy already granted: the courtyard-economy subsidy still payable (yuan).",
  },
  {
    id: "FILIAL_MATCH",
    formula: "=BANGFU.FILIAL_MATCH(L2, C2, D2)",
    zh: "L2 子女缴纳的赡养金、C2 身份证号码、D2 残疾等级，得出孝善养老奖补（元）。",
    en: "L2 support paid by the children, C2 ID number, D2 disability grade: the filial elder-care reward (yuan).",
  },
  {
    id: "PER_CAPITA",
    formula: "=BANGFU.PER_CAPITA(M2, N2, O2, P2, Q2, E2)",
    zh: "四项收入、生产经营性支出和家庭人口数，得出人均纯收入（元）。",
    en: "Four income components, business costs and household size: per-capita net income (yuan).",
  },
  {
    id: "AGE",
    formula: "=BANGFU.AGE(C2)",
    zh: "C2 身份证号码，得出到今天的周岁年龄。",
    en: "C2 ID number: age in full years today.",
  },
];

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  formula: {
    fontFamily: tokens.fontFamilyMonospace,
    display: "block",
  },
});

/**
 * 公式: the formula cookbook, and native formulas for workbooks that travel. The parameters in
 * force are under 设置. `available` false: this host has no custom functions (WPS before
 * 12.1.0.20540); the native formulas below still work there.
 */
export function FormulasTab({
  language,
  t,
  host,
  policy,
  available = true,
}: {
  language: Language;
  t: Strings;
  host: WorkbookHost;
  policy: Policy;
  available?: boolean;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <section aria-labelledby="formulas-heading">
      <Subtitle2 as="h2" id="formulas-heading" block>
        {t.formulasHeading}
      </Subtitle2>
      {!available && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.formulasUnavailableTitle}</MessageBarTitle>
            {t.formulasUnavailableBody}
          </MessageBarBody>
        </MessageBar>
      )}
      <Caption1 block>{t.formulasHint}</Caption1>
      <ul className={styles.list}>
        {FORMULAS.map((f) => (
          <li key={f.id}>
            <code className={styles.formula}>{f.formula}</code>
            <Body1>{f[language]}</Body1>
          </li>
        ))}
      </ul>
      <NativeFormulas host={host} policy={policy} language={language} t={t} />
    </section>
  );
}
