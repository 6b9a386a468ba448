import {
  Badge,
  Body1,
  Button,
  Caption1,
  Checkbox,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { countBySeverity, Finding, reportNotes, Severity } from "../checks";
import type { WorkbookHost } from "../host/types";
import { formatCellRef } from "../ledger";
import { PlanPeriodWarning } from "./PlanPeriodWarning";
import { formatDate } from "../values";
import { ErrorBar } from "./ErrorBar";
import { Language, ruleTitle, SEVERITY_TEXT, Strings } from "./i18n";
import type { CheckResult, ReadProgressValue } from "./model";
import { ReadProgress } from "./ReadProgress";
import { SheetPicker, SheetPickerProps } from "./SheetPicker";

export type CheckState =
  | { readonly status: "idle" }
  | { readonly status: "running"; readonly progress: ReadProgressValue | null }
  | { readonly status: "done"; readonly result: CheckResult }
  | { readonly status: "error"; readonly error: unknown };

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
const BADGE_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;
/** Findings shown per group before a "show more" button: a big ledger can have thousands. */
export const GROUP_PAGE = 50;

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: "center" },
  groups: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  finding: {
    display: "flex",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalS,
    width: "100%",
    textAlign: "left",
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground1,
    backgroundColor: "transparent",
    borderTopWidth: "1px",
    borderRightWidth: "1px",
    borderBottomWidth: "1px",
    borderLeftWidth: "1px",
    borderTopStyle: "solid",
    borderRightStyle: "solid",
    borderBottomStyle: "solid",
    borderLeftStyle: "solid",
    borderTopColor: "transparent",
    borderRightColor: "transparent",
    borderBottomColor: tokens.colorNeutralStroke3,
    borderLeftColor: "transparent",
    borderRadius: tokens.borderRadiusMedium,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outlineWidth: "2px", outlineStyle: "solid", outlineColor: tokens.colorStrokeFocus2 },
  },
  staticFinding: { cursor: "default", ":hover": { backgroundColor: "transparent" } },
  cell: { fontFamily: tokens.fontFamilyMonospace, minWidth: "2.5em", flexShrink: 0 },
  message: { flexGrow: 1 },
  badge: { flexShrink: 0 },
  coverage: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  coverageItem: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "baseline" },
  ruleId: { fontFamily: tokens.fontFamilyMonospace, flexShrink: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  sides: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
});

export interface CheckTabProps {
  readonly host: WorkbookHost;
  readonly language: Language;
  readonly t: Strings;
  readonly picker: SheetPickerProps;
  readonly state: CheckState;
  readonly onRun: () => void;
  /** Other sheets chosen as side ledgers, and how the choice changes. */
  readonly sides?: readonly string[];
  readonly onSidesChange?: (sides: string[]) => void;
}

/** 检查: run the check, see the summary, the findings (grouped, filtered, click to go to the cell), mark/clear, the rule coverage. */
export function CheckTab({ host, language, t, picker, state, onRun, sides = [], onSidesChange }: CheckTabProps): React.JSX.Element {
  const styles = useStyles();
  const running = state.status === "running";
  return (
    <div className={styles.stack}>
      <Caption1 block>{t.checkIntro}</Caption1>
      <SheetPicker {...picker} disabled={running || picker.disabled} />
      {onSidesChange && (
        <SidePicker
          t={t}
          sheets={picker.sheets.filter((name) => name !== picker.value)}
          chosen={sides}
          disabled={running}
          onChange={onSidesChange}
        />
      )}
      <div className={styles.row}>
        <Button appearance="primary" onClick={onRun} disabled={running || picker.value === ""}>
          {running ? t.checking : t.startCheck}
        </Button>
      </div>
      <div aria-live="polite">
        {state.status === "running" && <ReadProgress progress={state.progress} busyLabel={t.runningRules} t={t} />}
      </div>
      {state.status === "error" && <ErrorBar error={state.error} t={t} />}
      {state.status === "done" && <Results key={`${state.result.sheet}`} host={host} language={language} t={t} result={state.result} />}
    </div>
  );
}

/** The other sheets of the workbook, to tick as side ledgers joined to the one checked. */
function SidePicker({
  t,
  sheets,
  chosen,
  disabled,
  onChange,
}: {
  t: Strings;
  sheets: readonly string[];
  chosen: readonly string[];
  disabled: boolean;
  onChange: (sides: string[]) => void;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <div role="group" aria-labelledby="sides-legend" className={styles.sides}>
      <Text id="sides-legend" size={200} weight="semibold" block>
        {t.sidesLegend}
      </Text>
      <Caption1 className={styles.muted} block>
        {t.sidesHint}
      </Caption1>
      {sheets.length === 0 ? (
        <Caption1 block>{t.noOtherSheets}</Caption1>
      ) : (
        sheets.map((name) => (
          <Checkbox
            key={name}
            label={name}
            checked={chosen.includes(name)}
            disabled={disabled}
            onChange={(_, data) =>
              onChange(data.checked === true ? [...chosen.filter((s) => s !== name), name] : chosen.filter((s) => s !== name))
            }
          />
        ))
      )}
    </div>
  );
}

interface Group {
  readonly key: string;
  readonly title: string;
  readonly findings: readonly Finding[];
}

function groupFindings(
  result: CheckResult,
  findings: readonly Finding[],
  by: "rule" | "household",
  language: Language,
  t: Strings,
): Group[] {
  if (by === "rule") {
    return result.report.rules
      .map((rule) => ({
        key: rule.id,
        title: `${rule.id} ${ruleTitle(rule, language)}`,
        findings: findings.filter((f) => f.rule === rule.id),
      }))
      .filter((g) => g.findings.length > 0);
  }
  const byHousehold = new Map<string | null, Finding[]>();
  for (const f of findings) {
    const list = byHousehold.get(f.household) ?? [];
    list.push(f);
    byHousehold.set(f.household, list);
  }
  const groups: Group[] = [];
  const sheetLevel = byHousehold.get(null);
  if (sheetLevel) groups.push({ key: "(sheet)", title: t.wholeSheet, findings: sheetLevel });
  for (const household of result.households) {
    const list = byHousehold.get(household.key);
    if (!list) continue;
    groups.push({ key: `h:${household.key}`, title: t.householdGroup(household.key, household.head), findings: list });
    byHousehold.delete(household.key);
  }
  // Keys the ledger no longer lists (should not happen): still shown, never dropped.
  for (const [key, list] of byHousehold)
    if (key !== null) groups.push({ key: `h:${key}`, title: t.householdGroup(key, null), findings: list });
  return groups;
}

function Results({
  host,
  language,
  t,
  result,
}: {
  host: WorkbookHost;
  language: Language;
  t: Strings;
  result: CheckResult;
}): React.JSX.Element {
  const styles = useStyles();
  const { report } = result;
  const otherLedgers = result.otherLedgerSheets ?? [];
  const counts = countBySeverity(report.findings);
  const [shown, setShown] = React.useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const [by, setBy] = React.useState<"rule" | "household">("rule");
  const [busy, setBusy] = React.useState(false);
  const [notice, setNotice] = React.useState<string | null>(null);
  const [actionError, setActionError] = React.useState<unknown>(null);

  const visible = React.useMemo(() => report.findings.filter((f) => shown[f.severity]), [report.findings, shown]);
  const groups = React.useMemo(() => groupFindings(result, visible, by, language, t), [result, visible, by, language, t]);
  const ran = report.rules.filter((r) => r.status === "ran").length;

  /** Run a host action; its failure is shown next to the buttons. */
  const act = async (action: () => Promise<string | null>) => {
    setBusy(true);
    setNotice(null);
    setActionError(null);
    try {
      setNotice(await action());
    } catch (error) {
      setActionError(error);
    } finally {
      setBusy(false);
    }
  };

  const mark = () =>
    act(async () => {
      const withCells = visible.filter((f) => f.cell !== null);
      if (withCells.length === 0) return t.nothingToMark;
      return t.marked(await host.markFindings(result.sheet, withCells));
    });
  const clear = () => act(async () => t.cleared(await host.clearMarks(result.sheet)));
  const select = (f: Finding) =>
    act(async () => {
      if (f.cell) await host.selectCell(result.sheet, f.cell);
      return null;
    });

  return (
    <section aria-labelledby="check-summary" className={styles.stack}>
      <div>
        <Text id="check-summary" as="p" weight="semibold" role="status" block>
          {t.summaryLine(report.households, report.persons, counts)}
        </Text>
        <Caption1 block>{t.checkedAt(result.sheet, formatDate(result.asOf), result.policy.year)}</Caption1>
        <Caption1 block>{t.layoutLine(report.layoutReason)}</Caption1>
      </div>

      {/* A check date after the plan uses the plan's last values: said above the findings, as the command line says it. */}
      <PlanPeriodWarning policy={result.policy} t={t} />

      {reportNotes(report).map((note) => (
        <MessageBar key={note} intent="info" layout="multiline">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      ))}

      {/* The file's other ledger sheets (the offline page): one sheet per village must not look checked whole. */}
      {otherLedgers.length > 0 && (
        <MessageBar intent="info" layout="multiline" data-testid="other-ledger-sheets">
          <MessageBarBody>{t.otherLedgerSheets(otherLedgers, result.sheet)}</MessageBarBody>
        </MessageBar>
      )}

      {result.policy.unconfirmed.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.unconfirmedNote(result.policy.unconfirmed.length)}</MessageBarBody>
        </MessageBar>
      )}

      {report.findings.length === 0 ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.noFindingsTitle}</MessageBarTitle>
            {t.noFindingsBody}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <div role="group" aria-label={t.severityFilter} className={styles.row}>
            <Caption1>{t.severityFilter}</Caption1>
            {SEVERITIES.map((s) => (
              <Checkbox
                key={s}
                label={t.withCount(SEVERITY_TEXT[language][s], counts[s])}
                checked={shown[s]}
                onChange={(_, data) => setShown({ ...shown, [s]: data.checked === true })}
              />
            ))}
          </div>
          <RadioGroup
            layout="horizontal"
            aria-label={t.groupBy}
            value={by}
            onChange={(_, data) => setBy(data.value === "household" ? "household" : "rule")}
          >
            <Radio value="rule" label={t.groupByRule} />
            <Radio value="household" label={t.groupByHousehold} />
          </RadioGroup>
        </>
      )}

      <div className={styles.stack}>
        <div className={styles.row}>
          {report.findings.length > 0 && host.canMark !== false && (
            <Button onClick={mark} disabled={busy}>
              {t.markCells}
            </Button>
          )}
          {host.canMark !== false && (
            <Button onClick={clear} disabled={busy}>
              {t.clearMarks}
            </Button>
          )}
        </div>
        {report.findings.length > 0 && <Caption1 block>{host.canMark === false ? t.marksUnavailable : t.markHint}</Caption1>}
        <div aria-live="polite">
          {notice && (
            <MessageBar intent="success">
              <MessageBarBody>{notice}</MessageBarBody>
            </MessageBar>
          )}
        </div>
        {actionError !== null && <ErrorBar error={actionError} t={t} onDismiss={() => setActionError(null)} />}
      </div>

      {report.findings.length > 0 && (
        <section aria-labelledby="findings-heading" className={styles.stack}>
          <Subtitle2 as="h2" id="findings-heading" block>
            {t.findingsHeading}
          </Subtitle2>
          {visible.length === 0 ? (
            <Body1>{t.filteredOutAll}</Body1>
          ) : (
            <div className={styles.groups}>
              {groups.map((g) => (
                <FindingGroup
                  key={`${by}:${g.key}`}
                  group={g}
                  showRule={by === "household"}
                  sheet={result.sheet}
                  language={language}
                  t={t}
                  onSelect={select}
                />
              ))}
            </div>
          )}
        </section>
      )}

      <section aria-labelledby="coverage-heading" className={styles.stack}>
        <Subtitle2 as="h2" id="coverage-heading" block>
          {t.coverageHeading(ran, report.rules.length - ran)}
        </Subtitle2>
        <ul className={styles.coverage}>
          {report.rules.map((rule) => (
            <li key={rule.id} className={styles.coverageItem} data-rule={rule.id}>
              <span className={styles.ruleId}>{rule.id}</span>
              <span>
                <Body1 block>{ruleTitle(rule, language)}</Body1>
                {rule.status === "ran" ? (
                  <Caption1 className={styles.muted}>{t.ruleRan(rule.findings)}</Caption1>
                ) : (
                  <Caption1 className={styles.muted}>{t.ruleSkipped(rule.reason ?? "")}</Caption1>
                )}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}

interface FindingGroupProps {
  readonly group: Group;
  readonly showRule: boolean;
  readonly sheet: string;
  readonly language: Language;
  readonly t: Strings;
  readonly onSelect: (finding: Finding) => void;
}

function FindingGroup({ group, showRule, sheet, language, t, onSelect }: FindingGroupProps): React.JSX.Element {
  const styles = useStyles();
  const [limit, setLimit] = React.useState(GROUP_PAGE);
  const headingId = `group-${group.key}`.replace(/[^\w-]/g, (c) => `_${c.charCodeAt(0)}`);
  const rest = group.findings.length - limit;
  return (
    <section aria-labelledby={headingId}>
      <Text as="h3" id={headingId} weight="semibold" block>
        {t.withCount(group.title, group.findings.length)}
      </Text>
      <ul className={styles.list}>
        {group.findings.slice(0, limit).map((f, i) => {
          const content = (
            <>
              <Badge className={styles.badge} size="small" appearance="tint" color={BADGE_COLOR[f.severity]}>
                {SEVERITY_TEXT[language][f.severity]}
              </Badge>
              <span className={styles.cell}>{f.cell ? formatCellRef("", f.cell) : t.noCell}</span>
              <span className={styles.message}>
                {showRule && `${f.rule} `}
                {f.message}
              </span>
            </>
          );
          return (
            <li key={i}>
              {f.cell ? (
                <button
                  type="button"
                  className={styles.finding}
                  onClick={() => onSelect(f)}
                  title={t.goToCell(formatCellRef(sheet, f.cell), f.message)}
                >
                  {content}
                </button>
              ) : (
                <div className={mergeClasses(styles.finding, styles.staticFinding)}>{content}</div>
              )}
            </li>
          );
        })}
      </ul>
      {rest > 0 && (
        <Button appearance="subtle" size="small" onClick={() => setLimit(limit + GROUP_PAGE)}>
          {t.showMore(Math.min(rest, GROUP_PAGE))}
        </Button>
      )}
    </section>
  );
}
