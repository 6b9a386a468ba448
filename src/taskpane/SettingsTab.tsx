import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { PaneSettings } from "../host/types";
import { FIELD_KEYS, FIELDS, FieldKey } from "../ledger";
import { PARAMETER_KEYS, PARAMETERS, ParameterDefinition, ParameterKey, parsePolicyFile, Policy, PLAN_PERIOD, resolvePolicy, UNIT_LABELS } from "../policy";
import type { CivilDate } from "../values";
import { ErrorBar } from "./ErrorBar";
import { formatParameter, UNIT_LABELS_EN } from "./format";
import type { Language, Strings } from "./i18n";
import { confirmParameter, DetectedColumns, PaneEngine, policyOf, policyYearOf, setParameter } from "./model";
import { SheetPicker, SheetPickerProps } from "./SheetPicker";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: "flex-end" },
  highlight: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  number: { whiteSpace: "nowrap" },
  editor: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, paddingTop: tokens.spacingVerticalXS },
  mappingSelect: { minWidth: "9em" },
});

export interface SettingsTabProps {
  /** Reads a sheet's header for the mapping editor. */
  readonly engine: PaneEngine;
  readonly language: Language;
  readonly t: Strings;
  readonly settings: PaneSettings;
  /** The check date the next check will use (today): its year is the default policy year. */
  readonly asOf: CivilDate;
  readonly picker: SheetPickerProps;
  /** Columns seen by the last check of the chosen sheet, if any. */
  readonly checkedColumns: DetectedColumns | null;
  /** Save through the host; resolves once saved (the caller keeps the new settings). */
  readonly onSave: (settings: PaneSettings) => Promise<void>;
}

/** 设置: the policy year, the parameters (local ones confirmed or edited here) and the column mapping. */
export function SettingsTab(props: SettingsTabProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.stack}>
      <PolicySection {...props} />
      <ScopeSection {...props} />
      <MappingSection {...props} />
    </div>
  );
}

// ---------------------------------------------------------------- scope

/** Which households are the plan's 脱贫户: by default 脱贫户 and monitored ones whose risk is not removed; optionally every monitored household. */
function ScopeSection({ t, settings, onSave }: SettingsTabProps): React.JSX.Element {
  const styles = useStyles();
  const { state, busy, save, reset } = useSaver(onSave);
  return (
    <section aria-labelledby="scope-heading" className={styles.stack}>
      <Subtitle1 as="h2" id="scope-heading" block>
        {t.scopeHeading}
      </Subtitle1>
      <Checkbox
        label={t.includeMonitored}
        checked={settings.includeMonitored === true}
        disabled={busy}
        aria-describedby="scope-hint"
        onChange={(_, data) => void save(() => ({ ...settings, includeMonitored: data.checked === true }), t.saved)}
      />
      <Caption1 id="scope-hint" block>
        {t.includeMonitoredHint}
      </Caption1>
      <SaveFeedback state={state} t={t} onDismiss={reset} />
    </section>
  );
}

// ---------------------------------------------------------------- policy

type SaveState = { readonly kind: "idle" } | { readonly kind: "saved"; readonly message: string } | { readonly kind: "error"; readonly error: unknown };

function useSaver(onSave: (settings: PaneSettings) => Promise<void>) {
  const [state, setState] = React.useState<SaveState>({ kind: "idle" });
  const [busy, setBusy] = React.useState(false);
  /** Build the new settings (may throw, e.g. PolicyFileError) and save them; failures are shown. */
  const save = async (build: () => PaneSettings | Promise<PaneSettings>, message: string): Promise<boolean> => {
    setBusy(true);
    setState({ kind: "idle" });
    try {
      await onSave(await build());
      setState({ kind: "saved", message });
      return true;
    } catch (error) {
      setState({ kind: "error", error });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { state, busy, save, reset: () => setState({ kind: "idle" }) };
}

function SaveFeedback({ state, t, onDismiss }: { state: SaveState; t: Strings; onDismiss: () => void }): React.JSX.Element | null {
  if (state.kind === "saved") {
    return (
      <MessageBar intent="success">
        <MessageBarBody>{state.message}</MessageBarBody>
      </MessageBar>
    );
  }
  if (state.kind === "error") return <ErrorBar error={state.error} t={t} onDismiss={onDismiss} />;
  return null;
}

function PolicySection({ language, t, settings, asOf, onSave }: SettingsTabProps): React.JSX.Element {
  const styles = useStyles();
  const { state, busy, save, reset } = useSaver(onSave);
  const [yearText, setYearText] = React.useState(settings.policyYear === null ? "" : String(settings.policyYear));
  const [yearProblem, setYearProblem] = React.useState<string | null>(null);
  const [editing, setEditing] = React.useState<ParameterKey | null>(null);
  const year = policyYearOf(settings, asOf);

  // The saved policy file may be invalid (edited elsewhere): show why, fall back to the built-in values.
  let policy: Policy;
  let policyError: unknown = null;
  try {
    policy = policyOf(settings, asOf);
  } catch (error) {
    policyError = error;
    policy = resolvePolicy(year);
  }

  const saveYear = () => {
    const trimmed = yearText.trim();
    const value = trimmed === "" ? null : Number(trimmed);
    if (value !== null && (!Number.isInteger(value) || value < 2000 || value > 2100)) {
      setYearProblem(t.policyYearInvalid);
      return;
    }
    setYearProblem(null);
    void save(() => ({ ...settings, policyYear: value }), t.saved);
  };

  // A policy file (e.g. one `bangfu check --policy` uses) replaces the local settings once it reads without a problem.
  const policyFileInput = React.useRef<HTMLInputElement>(null);
  const loadPolicyFile = (event: React.ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ""; // the same file can be chosen again
    if (!file) return;
    void save(async () => {
      const text = await file.text();
      parsePolicyFile(text, file.name); // throws PolicyFileError, shown with every problem
      return { ...settings, policyJson: text };
    }, t.policyFileLoaded(file.name));
  };

  const confirm = (key: ParameterKey) => void save(() => ({ ...settings, policyJson: confirmParameter(settings.policyJson, year, key) }), t.saved);
  const setValue = async (key: ParameterKey, value: number) => {
    if (await save(() => ({ ...settings, policyJson: setParameter(settings.policyJson, year, key, value) }), t.saved)) setEditing(null);
  };

  return (
    <section aria-labelledby="policy-heading" className={styles.stack}>
      <Subtitle1 as="h2" id="policy-heading" block>
        {t.policyHeading}
      </Subtitle1>
      <div>
        <div className={styles.row}>
          <Field label={t.policyYear} validationMessage={yearProblem ?? undefined} validationState={yearProblem ? "error" : "none"}>
            <Input
              type="number"
              inputMode="numeric"
              min={2000}
              max={2100}
              value={yearText}
              onChange={(_, data) => setYearText(data.value)}
              aria-describedby="policy-year-hint"
            />
          </Field>
          <Button onClick={saveYear} disabled={busy}>
            {t.save}
          </Button>
        </div>
        <Caption1 id="policy-year-hint" block>
          {t.policyYearHint(asOf.year)}
        </Caption1>
      </div>
      {policyError !== null && (
        <>
          <Caption1 block>{t.policyFileProblem}</Caption1>
          <ErrorBar error={policyError} t={t} />
        </>
      )}
      <div className={styles.row}>
        <Button appearance="secondary" disabled={busy} onClick={() => policyFileInput.current?.click()}>
          {t.loadPolicyFile}
        </Button>
        <input ref={policyFileInput} type="file" accept=".json,application/json" hidden aria-label={t.loadPolicyFile} onChange={loadPolicyFile} />
        {settings.policyJson !== null && (
          <Button appearance="secondary" disabled={busy} onClick={() => void save(() => ({ ...settings, policyJson: null }), t.saved)}>
            {t.resetPolicy}
          </Button>
        )}
      </div>
      <SaveFeedback state={state} t={t} onDismiss={reset} />
      {policy.outsidePlanPeriod && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.outsideTitle}</MessageBarTitle>
            {t.outsideBody(policy.year, PLAN_PERIOD.firstYear, PLAN_PERIOD.lastYear)}
          </MessageBarBody>
        </MessageBar>
      )}
      {policy.unconfirmed.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.unconfirmedTitle}</MessageBarTitle>
            {t.unconfirmedBody(policy.unconfirmed.length)}
          </MessageBarBody>
        </MessageBar>
      )}
      <Subtitle2 as="h3" id="parameters-heading" block>
        {t.parametersOf(policy.year)}
      </Subtitle2>
      <Table size="extra-small" aria-labelledby="parameters-heading">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t.parameter}</TableHeaderCell>
            <TableHeaderCell style={{ width: "7em" }}>{t.value}</TableHeaderCell>
            <TableHeaderCell style={{ width: "6.5em" }}>{t.clause}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {PARAMETER_KEYS.map((key) => {
            const definition: ParameterDefinition = PARAMETERS[key];
            const unconfirmed = policy.unconfirmed.includes(key);
            const label = language === "zh" ? definition.label : definition.labelEn;
            return (
              <TableRow key={key} data-parameter={key} className={unconfirmed ? styles.highlight : undefined}>
                <TableCell title={definition.description}>
                  <div>
                    {label}{" "}
                    {definition.localDefault && (
                      <Badge appearance="tint" color={unconfirmed ? "warning" : "success"} title={definition.localDefault.note}>
                        {unconfirmed ? t.unconfirmed : t.local}
                      </Badge>
                    )}
                  </div>
                  {definition.localDefault && editing !== key && (
                    <div className={styles.row}>
                      {unconfirmed && (
                        <Button size="small" appearance="primary" disabled={busy} onClick={() => confirm(key)} aria-label={t.confirmLabel(label)}>
                          {t.confirm}
                        </Button>
                      )}
                      <Button size="small" disabled={busy} onClick={() => setEditing(key)} aria-label={t.editLabel(label)}>
                        {t.edit}
                      </Button>
                    </div>
                  )}
                  {editing === key && (
                    <ParameterEditor
                      parameter={key}
                      label={label}
                      current={policy.values[key]}
                      language={language}
                      t={t}
                      busy={busy}
                      onSave={(value) => void setValue(key, value)}
                      onCancel={() => setEditing(null)}
                    />
                  )}
                </TableCell>
                <TableCell className={styles.number}>{formatParameter(key, policy.values[key], language)}</TableCell>
                <TableCell className={styles.number}>{definition.clause}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </section>
  );
}

interface ParameterEditorProps {
  readonly parameter: ParameterKey;
  readonly label: string;
  readonly current: number;
  readonly language: Language;
  readonly t: Strings;
  readonly busy: boolean;
  readonly onSave: (value: number) => void;
  readonly onCancel: () => void;
}

/** A local parameter's new value; shares are typed as percentages (7 for 7%). */
function ParameterEditor({ parameter, label, current, language, t, busy, onSave, onCancel }: ParameterEditorProps): React.JSX.Element {
  const styles = useStyles();
  const unit = PARAMETERS[parameter].unit;
  const percent = unit === "share";
  const [text, setText] = React.useState(String(percent ? Number((current * 100).toFixed(4)) : current));
  const unitLabel = percent ? t.percentUnit : language === "zh" ? UNIT_LABELS[unit] : UNIT_LABELS_EN[unit];
  const number = Number(text.trim());
  const valid = text.trim() !== "" && Number.isFinite(number);
  return (
    <form
      className={styles.editor}
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) onSave(percent ? Number((number / 100).toFixed(6)) : number);
      }}
    >
      <Field label={t.newValue(label, unitLabel)}>
        <Input type="number" step="any" value={text} onChange={(_, data) => setText(data.value)} />
      </Field>
      <div className={styles.row}>
        <Button size="small" appearance="primary" type="submit" disabled={busy || !valid}>
          {t.save}
        </Button>
        <Button size="small" type="button" onClick={onCancel}>
          {t.cancel}
        </Button>
      </div>
    </form>
  );
}

// ---------------------------------------------------------------- column mapping

interface MappingRowProps {
  readonly letter: string;
  readonly header: string;
  readonly choice: Choice;
  readonly t: Strings;
  /** What detection found, for the "automatic" option. */
  readonly autoLabel: string;
  readonly onChoose: (header: string, choice: Choice) => void;
}

/** One column's row: its letter, header and the field chosen for it. Memoised: the table re-renders only rows whose props change. */
const MappingRow = React.memo(function MappingRow({ letter, header, choice, t, autoLabel, onChoose }: MappingRowProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <TableRow data-column={letter} className={choice !== AUTO ? styles.highlight : undefined}>
      <TableCell>{letter}</TableCell>
      <TableCell>{header}</TableCell>
      <TableCell>
        <Select className={styles.mappingSelect} aria-label={t.fieldFor(letter, header)} value={choice} onChange={(_, data) => onChoose(header, data.value as Choice)}>
          <option value={AUTO}>{t.autoOption(autoLabel)}</option>
          {FIELD_KEYS.map((key) => (
            <option key={key} value={key}>
              {FIELDS[key].label}
            </option>
          ))}
          <option value={IGNORE}>{t.ignoreColumn}</option>
        </Select>
      </TableCell>
    </TableRow>
  );
});

const AUTO = "__auto__";
const IGNORE = "__ignore__";
type Choice = FieldKey | typeof AUTO | typeof IGNORE;

function initialChoices(columns: DetectedColumns, saved: Readonly<Record<string, FieldKey | null>> | undefined): Record<string, Choice> {
  const choices: Record<string, Choice> = {};
  for (const c of columns.columns) {
    const mapped = saved && Object.prototype.hasOwnProperty.call(saved, c.header) ? saved[c.header] : undefined;
    choices[c.header] = mapped === undefined ? AUTO : mapped === null ? IGNORE : mapped;
  }
  return choices;
}

function MappingSection({ engine, t, settings, picker, checkedColumns, onSave }: SettingsTabProps): React.JSX.Element {
  const styles = useStyles();
  const sheet = picker.value;
  const { state, busy, save, reset } = useSaver(onSave);
  const [read, setRead] = React.useState<DetectedColumns | null>(null);
  const [reading, setReading] = React.useState(false);
  const [readError, setReadError] = React.useState<unknown>(null);
  const [problem, setProblem] = React.useState<string | null>(null);

  const columns = checkedColumns?.sheet === sheet ? checkedColumns : read?.sheet === sheet ? read : null;
  const saved = settings.mappings[sheet];
  const [choices, setChoices] = React.useState<Record<string, Choice>>({});
  // Start from the saved mapping whenever the sheet or its columns change.
  React.useEffect(() => {
    setChoices(columns ? initialChoices(columns, saved) : {});
    setProblem(null);
  }, [columns, saved]);

  const readHeaders = async () => {
    setReading(true);
    setReadError(null);
    try {
      setRead(await engine.detectColumns(sheet));
    } catch (error) {
      setReadError(error);
    } finally {
      setReading(false);
    }
  };

  // Stable, so that choosing a field re-renders only that column's row (a ledger has dozens of columns, each with every field as an option).
  const choose = React.useCallback((header: string, choice: Choice) => setChoices((current) => ({ ...current, [header]: choice })), []);

  const detectedLabel = (c: DetectedColumns["columns"][number]) =>
    c.auto ? FIELDS[c.auto].label : c.measureKind ? t.measureKind(c.measureKind) : t.notRecognised;

  const saveMapping = () => {
    if (!columns) return;
    const mapping: Record<string, FieldKey | null> = {};
    const byField = new Map<FieldKey, string[]>();
    for (const c of columns.columns) {
      const choice = choices[c.header] ?? AUTO;
      if (choice === AUTO) continue;
      mapping[c.header] = choice === IGNORE ? null : choice;
      if (choice !== IGNORE) byField.set(choice, [...(byField.get(choice) ?? []), c.header]);
    }
    for (const [field, headers] of byField) {
      if (headers.length > 1) {
        setProblem(t.duplicateMapping(FIELDS[field].label, headers));
        return;
      }
    }
    setProblem(null);
    const mappings = { ...settings.mappings };
    if (Object.keys(mapping).length === 0) delete mappings[sheet];
    else mappings[sheet] = mapping;
    void save(() => ({ ...settings, mappings }), t.mappingSaved(sheet));
  };

  const resetMapping = () => {
    const mappings = { ...settings.mappings };
    delete mappings[sheet];
    void save(() => ({ ...settings, mappings }), t.mappingSaved(sheet));
  };

  return (
    <section aria-labelledby="mapping-heading" className={styles.stack}>
      <Subtitle1 as="h2" id="mapping-heading" block>
        {t.mappingHeading}
      </Subtitle1>
      <Caption1 block>{t.mappingIntro}</Caption1>
      <SheetPicker {...picker} disabled={reading || picker.disabled} />
      {!columns && (
        <div className={styles.stack}>
          <Caption1 block>{t.mappingNeedsRead}</Caption1>
          <div>
            <Button onClick={readHeaders} disabled={reading || sheet === ""}>
              {reading ? t.readingHeaders : t.readHeaders}
            </Button>
          </div>
        </div>
      )}
      {readError !== null && <ErrorBar error={readError} t={t} onDismiss={() => setReadError(null)} />}
      {columns && (
        <>
          <Caption1 block>{columns.recognised ? t.mappingSheet(columns.sheet, columns.headerRow) : t.mappingNoHeader(columns.sheet)}</Caption1>
          <Table size="extra-small" aria-labelledby="mapping-heading">
            <TableHeader>
              <TableRow>
                <TableHeaderCell style={{ width: "3em" }}>{t.column}</TableHeaderCell>
                <TableHeaderCell>{t.header}</TableHeaderCell>
                <TableHeaderCell>{t.field}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {columns.columns.map((c) => (
                <MappingRow
                  key={`${c.letter}:${c.header}`}
                  letter={c.letter}
                  header={c.header}
                  choice={choices[c.header] ?? AUTO}
                  t={t}
                  autoLabel={detectedLabel(c)}
                  onChoose={choose}
                />
              ))}
            </TableBody>
          </Table>
          {problem && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{problem}</MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.row}>
            <Button appearance="primary" onClick={saveMapping} disabled={busy}>
              {t.saveMapping}
            </Button>
            {saved && (
              <Button onClick={resetMapping} disabled={busy}>
                {t.resetMapping}
              </Button>
            )}
          </div>
        </>
      )}
      <SaveFeedback state={state} t={t} onDismiss={reset} />
    </section>
  );
}
