import { Button, Caption1, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Subtitle1 } from "@fluentui/react-components";
import * as React from "react";
import {
  type ParameterKey,
  parsePolicyFile,
  type Policy,
  PolicyFileError,
  policyFileSizeProblem,
  policyFileText,
  resolvePolicy,
} from "../../policy";
import { PlanPeriodWarning } from "../PlanPeriodWarning";
import { ErrorBar, PolicyFileNotLoadedError } from "../ErrorBar";
import { confirmParameter, policyOf, policyYearOf, setParameter } from "../model";
import { ParameterTable } from "./ParameterTable";
import type { SettingsTabProps } from "./props";
import { SaveFeedback, useSaver } from "./saving";
import { useSettingsStyles } from "./styles";

/** 政策参数: the policy year, a policy file, and the year's parameters (local ones confirmed or edited here). */
export function PolicySection({ language, t, settings, asOf, onSave }: SettingsTabProps): React.JSX.Element {
  const styles = useSettingsStyles();
  const { state, busy, save, reset } = useSaver(onSave);
  const [yearText, setYearText] = React.useState(settings.policyYear === null ? "" : String(settings.policyYear));
  const [yearProblem, setYearProblem] = React.useState<string | null>(null);
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
      try {
        // Refused before reading when too large; read as --policy is (UTF-8 or Notepad's UTF-16, never GBK as garbled text).
        const tooLarge = policyFileSizeProblem(file.size);
        if (tooLarge !== null) throw new PolicyFileError(file.name, [tooLarge]);
        const text = policyFileText(new Uint8Array(await file.arrayBuffer()), file.name);
        parsePolicyFile(text, file.name); // throws PolicyFileError, shown with every problem
        return { ...settings, policyJson: text };
      } catch (error) {
        throw error instanceof PolicyFileError ? new PolicyFileNotLoadedError(error) : error;
      }
    }, t.policyFileLoaded(file.name));
  };

  const confirm = (key: ParameterKey) =>
    void save(() => ({ ...settings, policyJson: confirmParameter(settings.policyJson, year, key) }), t.saved);
  const setValue = (key: ParameterKey, value: number) =>
    save(() => ({ ...settings, policyJson: setParameter(settings.policyJson, year, key, value) }), t.saved);

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
        <input
          ref={policyFileInput}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label={t.loadPolicyFile}
          onChange={loadPolicyFile}
        />
        {settings.policyJson !== null && (
          <Button appearance="secondary" disabled={busy} onClick={() => void save(() => ({ ...settings, policyJson: null }), t.saved)}>
            {t.resetPolicy}
          </Button>
        )}
      </div>
      <SaveFeedback state={state} t={t} onDismiss={reset} />
      <PlanPeriodWarning policy={policy} t={t} />
      {policy.unconfirmed.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.unconfirmedTitle}</MessageBarTitle>
            {t.unconfirmedBody(policy.unconfirmed.length)}
          </MessageBarBody>
        </MessageBar>
      )}
      <ParameterTable policy={policy} language={language} t={t} busy={busy} onConfirm={confirm} onSetValue={setValue} />
    </section>
  );
}
