import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import * as React from "react";
import { FIELD_KEYS, FIELDS, type FieldKey } from "../../ledger";
import { ErrorBar } from "../ErrorBar";
import type { Strings } from "../i18n";
import type { DetectedColumns } from "../model";
import { SheetPicker } from "../SheetPicker";
import type { SettingsTabProps } from "./props";
import { SaveFeedback, useSaver } from "./saving";
import { useSettingsStyles } from "./styles";

/** 列对应: the chosen sheet's columns, each mapped automatically, to a field, or ignored; saved per sheet. */

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
  const styles = useSettingsStyles();
  return (
    <TableRow data-column={letter} className={choice !== AUTO ? styles.highlight : undefined}>
      <TableCell>{letter}</TableCell>
      <TableCell>{header}</TableCell>
      <TableCell>
        <Select
          className={styles.mappingSelect}
          aria-label={t.fieldFor(letter, header)}
          value={choice}
          onChange={(_, data) => onChoose(header, data.value as Choice)}
        >
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

export function MappingSection({ engine, t, settings, picker, checkedColumns, onSave }: SettingsTabProps): React.JSX.Element {
  const styles = useSettingsStyles();
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

  // Stable, so that choosing a field re-renders only that column's row (a ledger has dozens of columns, each with every field as an
  // option).
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
          <Caption1 block>
            {columns.recognised ? t.mappingSheet(columns.sheet, columns.headerRow) : t.mappingNoHeader(columns.sheet)}
          </Caption1>
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
