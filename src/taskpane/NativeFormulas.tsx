import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { NATIVE_FUNCTION_IDS, NATIVE_PARAMETERS, nativeFormula, type NativeFunctionId } from "../formulas";
import { convertSelection, insertNativeFormula, type ConversionMode } from "../host/formulaWriter";
import type { WorkbookHost } from "../host/types";
import type { Policy } from "../policy";
import { ZH_CN } from "../functions/zh-CN";
import { describeError } from "./ErrorBar";
import type { Language, Strings } from "./i18n";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalM },
  preview: { fontFamily: tokens.fontFamilyMonospace, wordBreak: "break-all", maxHeight: "8em", overflowY: "auto", display: "block" },
  buttons: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

type Outcome = { readonly intent: "success" | "warning" | "error"; readonly lines: readonly string[] } | null;

/** 公式 tab, second part: native formulas into the selection, and converting BANGFU formulas before a file travels. */
export function NativeFormulas({
  host,
  policy,
  language,
  t,
}: {
  host: WorkbookHost;
  policy: Policy;
  language: Language;
  t: Strings;
}): React.JSX.Element {
  const styles = useStyles();
  const [fn, setFn] = React.useState<NativeFunctionId>("TIER");
  const [args, setArgs] = React.useState<Record<string, string>>({});
  const [busy, setBusy] = React.useState(false);
  const [outcome, setOutcome] = React.useState<Outcome>(null);
  const names = NATIVE_PARAMETERS[fn].names;
  const values = names.map((name) => args[`${fn}.${name}`] ?? "");

  const shownName = (name: string) => (language === "zh" ? ZH_CN[fn].names[name] : name);
  const missing = names.slice(0, NATIVE_PARAMETERS[fn].required).filter((_, i) => values[i].trim() === "");
  let preview = "";
  let previewError: string | null = null;
  if (missing.length > 0) previewError = t.nativeMissing(missing.map(shownName).join(language === "zh" ? "、" : ", "));
  else {
    try {
      preview = nativeFormula(fn, values, policy);
    } catch (error) {
      previewError = error instanceof Error ? error.message : String(error);
    }
  }

  const act = async (work: () => Promise<Outcome>) => {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome(await work());
    } catch (error) {
      const d = describeError(error, t);
      setOutcome({ intent: "error", lines: [d.title, d.detail, d.action].filter((x): x is string => Boolean(x)) });
    } finally {
      setBusy(false);
    }
  };

  const insert = () =>
    act(async () => {
      const result = await insertNativeFormula(host, fn, values, policy);
      return { intent: "success", lines: [t.nativeInserted(result.address, result.cells)] };
    });

  const convert = (mode: ConversionMode) =>
    act(async () => {
      const result = await convertSelection(host, mode, policy);
      const skipped = result.skipped.map((s) => t.convertSkipped(s.address, s.reason));
      if (result.converted === 0 && skipped.length === 0) return { intent: "warning", lines: [t.convertedNone] };
      return {
        intent: skipped.length > 0 ? "warning" : "success",
        lines: [t.converted(result.converted, result.cellsWritten), ...skipped],
      };
    });

  const label = (name: string) =>
    shownName(name) + (names.indexOf(name) < NATIVE_PARAMETERS[fn].required ? "" : language === "zh" ? "（可选）" : " (optional)");

  return (
    <>
      <section aria-labelledby="native-heading" className={styles.form}>
        <Subtitle2 as="h3" id="native-heading" block>
          {t.nativeHeading}
        </Subtitle2>
        <Caption1 block>{t.nativeHint}</Caption1>
        <Field label={t.nativeFunction}>
          <Select value={fn} onChange={(_e, data) => setFn(data.value as NativeFunctionId)}>
            {NATIVE_FUNCTION_IDS.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </Select>
        </Field>
        {names.map((name, i) => (
          <Field key={`${fn}.${name}`} label={label(name)}>
            <Input value={values[i]} onChange={(_e, data) => setArgs((a) => ({ ...a, [`${fn}.${name}`]: data.value }))} />
          </Field>
        ))}
        <Field
          label={t.nativePreview}
          validationMessage={previewError ?? undefined}
          validationState={missing.length > 0 ? "none" : previewError ? "error" : "none"}
        >
          <code className={styles.preview} aria-label={t.nativePreview}>
            {preview}
          </code>
        </Field>
        <div className={styles.buttons}>
          <Button appearance="primary" disabled={busy || previewError !== null} onClick={() => void insert()}>
            {t.nativeInsert}
          </Button>
        </div>
      </section>
      <section aria-labelledby="convert-heading" className={styles.form}>
        <Subtitle2 as="h3" id="convert-heading" block>
          {t.convertHeading}
        </Subtitle2>
        <Caption1 block>{t.convertHint}</Caption1>
        <div className={styles.buttons}>
          <Button disabled={busy} onClick={() => void convert("native")}>
            {t.convertNative}
          </Button>
          <Button disabled={busy} onClick={() => void convert("values")}>
            {t.convertValues}
          </Button>
        </div>
      </section>
      {outcome && (
        <MessageBar intent={outcome.intent} layout="multiline" role="status">
          <MessageBarBody>
            {outcome.lines.map((line) => (
              <Body1 block key={line}>
                {line}
              </Body1>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
