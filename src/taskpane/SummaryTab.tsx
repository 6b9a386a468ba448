import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { PaneSettings, WorkbookHost } from "../host/types";
import { SUMMARY_KEYS, SUMMARY_TITLES, SummaryKey } from "../summaries";
import { ErrorBar } from "./ErrorBar";
import { formatBytes } from "./format";
import { Language, Strings, SUMMARY_DESCRIPTIONS } from "./i18n";
import { CheckResult, GenerateOutcome, PaneEngine, ReadProgressValue } from "./model";
import { ReadProgress } from "./ReadProgress";
import { SheetPicker, SheetPickerProps } from "./SheetPicker";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  options: { display: "flex", flexDirection: "column" },
  written: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface SummaryTabProps {
  readonly host: WorkbookHost;
  readonly engine: PaneEngine;
  readonly language: Language;
  readonly t: Strings;
  readonly picker: SheetPickerProps;
  readonly settings: PaneSettings;
  readonly now: () => Date;
  /** The check the summaries were built from, so that 检查 shows the same results. */
  readonly onChecked: (result: CheckResult) => void;
  /** Side ledgers chosen in the 检查 tab: the summaries are made from the same joined check. */
  readonly sides?: readonly string[];
  /** New tabs were written: the sheet list changed. */
  readonly onWritten: () => void;
}

type Status =
  | { readonly kind: "idle" }
  | { readonly kind: "running"; readonly progress: ReadProgressValue | null }
  | { readonly kind: "done"; readonly sheet: string; readonly written: readonly string[]; readonly download: GenerateOutcome["download"] }
  | { readonly kind: "error"; readonly error: unknown };

/**
 * 汇总: choose the tabs, generate. Generating checks the sheet afresh (the ledger may have
 * changed since the last check), builds the tables and has the host write them.
 */
export function SummaryTab({
  host,
  engine,
  language,
  t,
  picker,
  settings,
  now,
  onChecked,
  onWritten,
  sides = [],
}: SummaryTabProps): React.JSX.Element {
  const styles = useStyles();
  const [tabs, setTabs] = React.useState<readonly SummaryKey[]>(SUMMARY_KEYS);
  const [fullIds, setFullIds] = React.useState(false);
  const [status, setStatus] = React.useState<Status>({ kind: "idle" });
  const [goError, setGoError] = React.useState<unknown>(null);
  const running = status.kind === "running";

  const toggle = (key: SummaryKey, on: boolean) => setTabs(SUMMARY_KEYS.filter((k) => (k === key ? on : tabs.includes(k))));

  const generate = async () => {
    const sheet = picker.value;
    setStatus({ kind: "running", progress: null });
    setGoError(null);
    try {
      const outcome = await engine.generate({ sheet, settings, clock: now(), tabs, fullIds, sides }, (progress) =>
        setStatus({ kind: "running", progress }),
      );
      onChecked(outcome.result);
      setStatus({ kind: "done", sheet, written: outcome.written, download: outcome.download });
      onWritten();
    } catch (error) {
      setStatus({ kind: "error", error });
    }
  };

  const goTo = async (name: string) => {
    setGoError(null);
    try {
      await host.selectCell(name, { row: 1, column: "A" });
    } catch (error) {
      setGoError(error);
    }
  };

  return (
    <div className={styles.stack}>
      <Caption1 block>{t.summaryIntro}</Caption1>
      <SheetPicker {...picker} disabled={running || picker.disabled} />
      <fieldset className={styles.options} style={{ border: "none", margin: 0, padding: 0 }}>
        <legend>
          <Subtitle2>{t.summaryTabsLabel}</Subtitle2>
        </legend>
        {SUMMARY_KEYS.map((key) => (
          <Checkbox
            key={key}
            checked={tabs.includes(key)}
            onChange={(_, data) => toggle(key, data.checked === true)}
            label={
              <>
                {SUMMARY_TITLES[key]}
                <Caption1 block>{SUMMARY_DESCRIPTIONS[language][key]}</Caption1>
              </>
            }
          />
        ))}
      </fieldset>
      <Field hint={t.fullIdsHint}>
        <Checkbox checked={fullIds} onChange={(_, data) => setFullIds(data.checked === true)} label={t.fullIds} />
      </Field>
      <div>
        <Button appearance="primary" onClick={generate} disabled={running || tabs.length === 0 || picker.value === ""}>
          {running ? t.generating : t.generate}
        </Button>
        {tabs.length === 0 && <Caption1 block>{t.chooseTabs}</Caption1>}
      </div>
      <div aria-live="polite">
        {status.kind === "running" && <ReadProgress progress={status.progress} busyLabel={t.generating} t={t} />}
        {status.kind === "done" && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.writtenHeading(status.written.length)}</MessageBarTitle>
              {t.sourceSheet(status.sheet)}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {status.kind === "done" && status.download && <DownloadLink download={status.download} t={t} />}
      {status.kind === "done" && (
        <section aria-label={t.writtenHeading(status.written.length)}>
          <ul className={styles.written}>
            {status.written.map((name) => (
              <li key={name}>
                {status.download ? (
                  name
                ) : (
                  <Link as="button" onClick={() => goTo(name)} title={t.goToTab(name)}>
                    {name}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {status.kind === "error" && <ErrorBar error={status.error} t={t} />}
      {goError !== null && <ErrorBar error={goError} t={t} onDismiss={() => setGoError(null)} />}
    </div>
  );
}

/** The written copy, offered for download; the download starts by itself once, the link stays for another. */
function DownloadLink({ download, t }: { download: NonNullable<GenerateOutcome["download"]>; t: Strings }): React.JSX.Element {
  const link = React.useRef<HTMLAnchorElement>(null);
  React.useEffect(() => {
    link.current?.click();
  }, [download.url]);
  return (
    <div>
      <Button as="a" appearance="primary" ref={link} href={download.url} download={download.fileName} title={download.fileName}>
        {t.downloadCopy(download.fileName, formatBytes(download.bytes))}
      </Button>
    </div>
  );
}
