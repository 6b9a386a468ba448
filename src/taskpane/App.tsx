import {
  Badge,
  Body1,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title3,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { PARAMETER_KEYS, PARAMETERS, PLAN_PERIOD, ParameterDefinition, Policy, Unit, UNIT_LABELS } from "../policy";

export type Language = "zh" | "en";

/** English for an English Office display language, Chinese otherwise (the product's users read Chinese). */
export function languageOf(displayLanguage: string | null | undefined): Language {
  return displayLanguage?.toLowerCase().startsWith("en") ? "en" : "zh";
}

export interface AppProps {
  language: Language;
  /** The policy in force; null when it could not be resolved (then `error` says why). */
  policy: Policy | null;
  error?: string | null;
}

const UNIT_LABELS_EN: Record<Unit, string> = {
  "yuan per person per year": "yuan/person/year",
  "yuan per household": "yuan/household",
  "yuan per month": "yuan/month",
  "yuan per hour": "yuan/hour",
  yuan: "yuan",
  share: "share",
  years: "years of age",
  grade: "grade",
  months: "months",
};

interface FormulaExample {
  id: string;
  formula: string;
  zh: string;
  en: string;
}

// Examples describe results in words: amounts depend on the policy in force, shown below.
const FORMULAS: readonly FormulaExample[] = [
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

const TEXT = {
  zh: {
    title: "增收帮扶助手",
    subtitle: "十项增收帮扶行动（2023—2025年）台账公式",
    formulas: "公式速查",
    formulasHint: "在单元格中输入公式；选中一列区域作参数，结果自动向下填充。",
    parameters: (year: number) => `${year} 年适用的政策参数`,
    label: "参数",
    value: "值",
    unit: "单位",
    clause: "条款",
    unconfirmed: "待确认",
    unconfirmedTitle: "有参数待确认",
    unconfirmedBody: (n: number) => `${n} 项参数由当地确定，目前为默认值，请核对后确认（表中标为“待确认”）。`,
    outsideTitle: "不在方案期内",
    outsideBody: (year: number) => `${year} 年不在方案期（${PLAN_PERIOD.firstYear}—${PLAN_PERIOD.lastYear} 年）内，沿用最近一年的参数。`,
    errorTitle: "出错了",
  },
  en: {
    title: "Income Support Assistant",
    subtitle: "Ledger formulas for the ten income-support actions (2023–2025)",
    formulas: "Formula guide",
    formulasHint: "Type a formula in a cell; pass a column range and the results spill down.",
    parameters: (year: number) => `Policy parameters in force for ${year}`,
    label: "Parameter",
    value: "Value",
    unit: "Unit",
    clause: "Clause",
    unconfirmed: "To confirm",
    unconfirmedTitle: "Parameters to confirm",
    unconfirmedBody: (n: number) => `${n} parameter(s) are set locally and still at their default; check and confirm them (marked "To confirm").`,
    outsideTitle: "Outside the plan period",
    outsideBody: (year: number) => `${year} is outside the plan period (${PLAN_PERIOD.firstYear}–${PLAN_PERIOD.lastYear}); the nearest year's parameters apply.`,
    errorTitle: "Something went wrong",
  },
} as const;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
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
  number: {
    textAlign: "right",
    whiteSpace: "nowrap",
  },
});

export function formatValue(value: number, unit: Unit, language: Language): string {
  const locale = language === "zh" ? "zh-CN" : "en-US";
  if (unit === "share") return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(value);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

export function App({ language, policy, error }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const t = TEXT[language];
  return (
    <main className={styles.root} lang={language === "zh" ? "zh-CN" : "en"}>
      <header>
        <Title3 as="h1">{t.title}</Title3>
        <Caption1 block>{t.subtitle}</Caption1>
      </header>

      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}

      <section aria-labelledby="formulas-heading">
        <Subtitle2 as="h2" id="formulas-heading">
          {t.formulas}
        </Subtitle2>
        <Caption1 block>{t.formulasHint}</Caption1>
        <ul className={styles.list}>
          {FORMULAS.map((f) => (
            <li key={f.id}>
              <code className={styles.formula}>{f.formula}</code>
              <Body1>{f[language]}</Body1>
            </li>
          ))}
        </ul>
      </section>

      {policy && <PolicySection policy={policy} language={language} />}
    </main>
  );
}

function PolicySection({ policy, language }: { policy: Policy; language: Language }): React.JSX.Element {
  const styles = useStyles();
  const t = TEXT[language];
  const units = language === "zh" ? UNIT_LABELS : UNIT_LABELS_EN;
  return (
    <section aria-labelledby="parameters-heading">
      <Subtitle2 as="h2" id="parameters-heading">
        {t.parameters(policy.year)}
      </Subtitle2>
      {policy.outsidePlanPeriod && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{t.outsideTitle}</MessageBarTitle>
            {t.outsideBody(policy.year)}
          </MessageBarBody>
        </MessageBar>
      )}
      {policy.unconfirmed.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{t.unconfirmedTitle}</MessageBarTitle>
            {t.unconfirmedBody(policy.unconfirmed.length)}
          </MessageBarBody>
        </MessageBar>
      )}
      <Table size="small" aria-labelledby="parameters-heading">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t.label}</TableHeaderCell>
            <TableHeaderCell>{t.value}</TableHeaderCell>
            <TableHeaderCell>{t.unit}</TableHeaderCell>
            <TableHeaderCell>{t.clause}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {PARAMETER_KEYS.map((key) => {
            const definition: ParameterDefinition = PARAMETERS[key];
            const unconfirmed = policy.unconfirmed.includes(key);
            return (
              <TableRow key={key} data-parameter={key}>
                <TableCell title={definition.description}>
                  {language === "zh" ? definition.label : definition.labelEn}{" "}
                  {unconfirmed && (
                    <Badge appearance="tint" color="warning" title={definition.localDefault?.note}>
                      {t.unconfirmed}
                    </Badge>
                  )}
                </TableCell>
                <TableCell className={styles.number}>{formatValue(policy.values[key], definition.unit, language)}</TableCell>
                <TableCell>{units[definition.unit]}</TableCell>
                <TableCell>{definition.clause}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </section>
  );
}
