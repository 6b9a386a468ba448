import {
  Badge,
  Button,
  Field,
  Input,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import * as React from "react";
import { PARAMETER_KEYS, PARAMETERS, type ParameterDefinition, type ParameterKey, type Policy, UNIT_LABELS } from "../../policy";
import { formatParameter, UNIT_LABELS_EN } from "../format";
import type { Language, Strings } from "../i18n";
import { useSettingsStyles } from "./styles";

export interface ParameterTableProps {
  readonly policy: Policy;
  readonly language: Language;
  readonly t: Strings;
  readonly busy: boolean;
  readonly onConfirm: (key: ParameterKey) => void;
  /** Saves a local parameter's new value; resolves true once saved. */
  readonly onSetValue: (key: ParameterKey, value: number) => Promise<boolean>;
}

/** The year's parameters with their clause; a local one can be confirmed or given another value. */
export function ParameterTable({ policy, language, t, busy, onConfirm, onSetValue }: ParameterTableProps): React.JSX.Element {
  const styles = useSettingsStyles();
  const [editing, setEditing] = React.useState<ParameterKey | null>(null);
  const setValue = async (key: ParameterKey, value: number) => {
    if (await onSetValue(key, value)) setEditing(null);
  };
  return (
    <>
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
                        <Button
                          size="small"
                          appearance="primary"
                          disabled={busy}
                          onClick={() => onConfirm(key)}
                          aria-label={t.confirmLabel(label)}
                        >
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
    </>
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
  const styles = useSettingsStyles();
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
