/**
 * The offline page: a frame around the task pane. The frame says that nothing leaves the
 * machine, switches the language, and takes the ledger file (a file input, or a file dropped
 * anywhere on the page); the pane below it (the same App as in Excel) checks, lists the findings,
 * edits the settings and generates the summaries, all through a worker over that file.
 */
import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Title2,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { CellRef } from "../ledger/model";
import { formatCellRef } from "../ledger/cellRef";
import { App } from "../taskpane/App";
import type { Language } from "../taskpane/i18n";
import type { PaneEngine } from "../taskpane/model";
import { FileWorkbookHost, savedSettingsUnreadable, SettingsStorage } from "./fileHost";
import type { OpenedWorkbook, SideFileInfo } from "./protocol";
import { PAGE_STRINGS, PageStrings, PANE_STRINGS } from "./strings";
import { WorkerClient, workerEngine } from "./workerClient";

/** What the file pickers offer: workbooks with or without macros. */
const WORKBOOK_TYPES = [
  ".xlsx",
  ".xlsm",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-excel.sheet.macroEnabled.12",
].join(",");

const useStyles = makeStyles({
  page: {
    maxWidth: "760px",
    marginLeft: "auto",
    marginRight: "auto",
    paddingTop: tokens.spacingVerticalL,
    paddingBottom: tokens.spacingVerticalXXXL,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  header: { display: "flex", alignItems: "flex-start", justifyContent: "space-between", columnGap: tokens.spacingHorizontalM },
  drop: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalL,
    paddingBottom: tokens.spacingVerticalL,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    borderTopWidth: "2px",
    borderRightWidth: "2px",
    borderBottomWidth: "2px",
    borderLeftWidth: "2px",
    borderTopStyle: "dashed",
    borderRightStyle: "dashed",
    borderBottomStyle: "dashed",
    borderLeftStyle: "dashed",
    borderTopColor: tokens.colorNeutralStroke1,
    borderRightColor: tokens.colorNeutralStroke1,
    borderBottomColor: tokens.colorNeutralStroke1,
    borderLeftColor: tokens.colorNeutralStroke1,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  dragging: {
    borderTopColor: tokens.colorBrandStroke1,
    borderRightColor: tokens.colorBrandStroke1,
    borderBottomColor: tokens.colorBrandStroke1,
    borderLeftColor: tokens.colorBrandStroke1,
    backgroundColor: tokens.colorBrandBackground2,
  },
  fileName: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  sides: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  sideList: {
    margin: 0,
    paddingLeft: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  sideItem: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, overflowWrap: "anywhere" },
  /** Where a chosen cell's address shows: at the foot of the window, wherever the list was scrolled to. */
  toast: {
    position: "fixed",
    left: "50%",
    transform: "translateX(-50%)",
    bottom: tokens.spacingVerticalL,
    width: "min(720px, calc(100% - 32px))",
    zIndex: 1000,
    boxShadow: tokens.shadow16,
  },
  pane: {
    borderTopWidth: "1px",
    borderTopStyle: "solid",
    borderTopColor: tokens.colorNeutralStroke2,
  },
});

type FileState =
  | { readonly kind: "none" }
  | { readonly kind: "opening"; readonly name: string }
  | {
      readonly kind: "open";
      readonly serial: number;
      readonly workbook: OpenedWorkbook;
      readonly host: FileWorkbookHost;
      readonly engine: PaneEngine;
    }
  | { readonly kind: "failed"; readonly name: string; readonly error: unknown };

/** A side ledger file chosen on the page, with the sheet of it that is joined. */
interface SideFile {
  readonly file: File;
  readonly info: SideFileInfo;
}

export interface PageAppProps {
  readonly initialLanguage: Language;
  /** The browser's storage, or null where it refuses (settings then last while the page is open). */
  readonly storage: SettingsStorage | null;
  /** Starts the worker that reads files (the page's inlined script in a real page). */
  readonly startWorker: () => WorkerClient;
  readonly onLanguage?: (language: Language) => void;
  readonly now?: () => Date;
}

/** Put text on the clipboard; false where the browser refuses. */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the older way
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

export function PageApp({ initialLanguage, storage, startWorker, onLanguage, now }: PageAppProps): React.JSX.Element {
  const styles = useStyles();
  const [language, setLanguage] = React.useState<Language>(initialLanguage);
  const p: PageStrings = PAGE_STRINGS[language];
  const [file, setFile] = React.useState<FileState>({ kind: "none" });
  const [workerError, setWorkerError] = React.useState<string | null>(null);
  // Read once, when the page opens: a file opened later uses the same defaults and is not told again.
  const [settingsUnreadable, setSettingsUnreadable] = React.useState(() => savedSettingsUnreadable(storage));
  const [cell, setCell] = React.useState<{ ref: string; copied: boolean } | null>(null);
  const [dragging, setDragging] = React.useState(false);
  // Several files dropped at once: the first was opened, the others are named by count (a ledger is opened one at a time).
  const [droppedSeveral, setDroppedSeveral] = React.useState<{ count: number; opened: string } | null>(null);
  const input = React.useRef<HTMLInputElement>(null);
  const worker = React.useRef<WorkerClient | null>(null);
  const disposeEngine = React.useRef<(() => void) | null>(null);
  const serial = React.useRef(0);
  // Side ledger files: kept when another ledger file is chosen (the same pairing export serves every street's ledger).
  const [sideFiles, setSideFiles] = React.useState<readonly SideFile[]>([]);
  const sideFilesRef = React.useRef<readonly SideFile[]>([]);
  sideFilesRef.current = sideFiles;
  const [sideProbing, setSideProbing] = React.useState<string | null>(null);
  const [sideError, setSideError] = React.useState<{ name: string; error: unknown } | null>(null);
  const sideInput = React.useRef<HTMLInputElement>(null);

  const onSelect = React.useCallback((sheet: string, ref: CellRef) => {
    const text = formatCellRef(sheet, ref);
    void copyText(text).then((copied) => setCell({ ref: text, copied }));
  }, []);
  // The address stays a while, then goes by itself.
  React.useEffect(() => {
    if (!cell) return undefined;
    const timer = window.setTimeout(() => setCell(null), 15_000);
    return () => window.clearTimeout(timer);
  }, [cell]);

  const open = React.useCallback(
    async (chosen: File) => {
      // A fresh worker for each file: whatever the last one was doing ends with it.
      worker.current?.terminate();
      disposeEngine.current?.();
      setCell(null);
      let client: WorkerClient;
      try {
        client = startWorker();
      } catch (error) {
        setWorkerError(error instanceof Error ? error.message : String(error));
        return;
      }
      worker.current = client;
      const mine = ++serial.current;
      setFile({ kind: "opening", name: chosen.name });
      try {
        const workbook = await client.open(chosen);
        if (mine !== serial.current) return;
        const engine = workerEngine(client, () => sideFilesRef.current.map((s) => s.file));
        disposeEngine.current = engine.dispose;
        setFile({ kind: "open", serial: mine, workbook, host: new FileWorkbookHost(workbook, storage, onSelect), engine });
      } catch (error) {
        if (mine === serial.current) setFile({ kind: "failed", name: chosen.name, error });
      }
    },
    [startWorker, storage, onSelect],
  );

  /** Look at each chosen side file in the worker (which sheet is joined, or why none can be), then keep it. */
  const addSides = React.useCallback(async (chosen: readonly File[]) => {
    setSideError(null);
    for (const side of chosen) {
      const client = worker.current;
      if (!client) return;
      const known = sideFilesRef.current.some(
        (s) => s.file.name === side.name && s.file.size === side.size && s.file.lastModified === side.lastModified,
      );
      if (known) continue;
      setSideProbing(side.name);
      try {
        const info = await client.probeSide(side);
        setSideFiles((current) => [...current, { file: side, info }]);
      } catch (error) {
        if (client === worker.current) setSideError({ name: side.name, error });
      } finally {
        setSideProbing(null);
      }
    }
  }, []);

  // A file dropped anywhere opens; the browser must not navigate to it instead.
  React.useEffect(() => {
    const over = (event: DragEvent) => {
      event.preventDefault();
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      event.preventDefault();
      setDragging(false);
      const dropped = [...(event.dataTransfer?.files ?? [])];
      setDroppedSeveral(dropped.length > 1 ? { count: dropped.length, opened: dropped[0].name } : null);
      if (dropped.length > 0) void open(dropped[0]);
    };
    window.addEventListener("dragover", over);
    window.addEventListener("dragleave", leave);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragover", over);
      window.removeEventListener("dragleave", leave);
      window.removeEventListener("drop", drop);
    };
  }, [open]);

  React.useEffect(
    () => () => {
      worker.current?.terminate();
      disposeEngine.current?.();
    },
    [],
  );

  const switchLanguage = () => {
    const next: Language = language === "zh" ? "en" : "zh";
    setLanguage(next);
    onLanguage?.(next);
  };

  return (
    <div className={styles.page} lang={p.locale}>
      <header className={styles.header}>
        <div>
          <Title2 as="h1" block>
            {p.pageTitle}
          </Title2>
          <Caption1 block>{p.pageSubtitle}</Caption1>
        </div>
        <Button appearance="subtle" onClick={switchLanguage} aria-label={p.switchLanguageLabel} lang={language === "zh" ? "en" : "zh-CN"}>
          {p.switchLanguage}
        </Button>
      </header>

      <MessageBar intent="info" layout="multiline" data-testid="privacy">
        <MessageBarBody>
          <MessageBarTitle>{p.privacyTitle}</MessageBarTitle>
          {p.privacyBody}
        </MessageBarBody>
      </MessageBar>
      {storage === null && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{p.storageUnavailable}</MessageBarBody>
        </MessageBar>
      )}
      {settingsUnreadable && (
        <MessageBar intent="warning" layout="multiline" role="status" data-testid="settings-unreadable">
          <MessageBarBody>{p.savedSettingsUnreadable}</MessageBarBody>
          <DismissAction label={PANE_STRINGS[language].dismiss} onDismiss={() => setSettingsUnreadable(false)} />
        </MessageBar>
      )}

      <section aria-labelledby="file-heading" className={`${styles.drop} ${dragging ? styles.dragging : ""}`}>
        <Subtitle2 as="h2" id="file-heading" style={{ width: "100%" }}>
          {p.fileLabel}
        </Subtitle2>
        {file.kind === "open" ? (
          <Body1 className={styles.fileName} data-testid="file-name">
            {p.openedFile(file.workbook.fileName, file.workbook.bytes, file.workbook.sheets.length)}
          </Body1>
        ) : file.kind === "opening" ? (
          <Spinner size="tiny" label={p.opening(file.name)} labelPosition="after" />
        ) : (
          <Body1>{p.dropHint}</Body1>
        )}
        <Button
          appearance={file.kind === "open" ? "secondary" : "primary"}
          onClick={() => input.current?.click()}
          disabled={file.kind === "opening"}
        >
          {file.kind === "open" ? p.otherFile : p.chooseFile}
        </Button>
        <input
          ref={input}
          type="file"
          accept={WORKBOOK_TYPES}
          hidden
          aria-label={p.chooseFileLabel}
          onChange={(event) => {
            const chosen = event.target.files?.[0];
            event.target.value = ""; // the same file can be chosen again (after it was changed)
            if (!chosen) return;
            setDroppedSeveral(null);
            void open(chosen);
          }}
        />
      </section>

      {droppedSeveral !== null && (
        <MessageBar intent="info" layout="multiline" role="status" data-testid="dropped-several">
          <MessageBarBody>{p.droppedSeveral(droppedSeveral.count, droppedSeveral.opened)}</MessageBarBody>
          <DismissAction label={PANE_STRINGS[language].dismiss} onDismiss={() => setDroppedSeveral(null)} />
        </MessageBar>
      )}
      {workerError !== null && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{p.workerUnavailable}</MessageBarTitle>
            {workerError}
          </MessageBarBody>
        </MessageBar>
      )}
      {file.kind === "failed" && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{p.openFailedTitle}</MessageBarTitle>
            <div style={{ whiteSpace: "pre-line" }}>{file.error instanceof Error ? file.error.message : String(file.error)}</div>
            <div>{p.openFailedAction}</div>
          </MessageBarBody>
        </MessageBar>
      )}
      {file.kind === "open" && <OpenFileNotes workbook={file.workbook} p={p} />}
      {file.kind === "open" && file.workbook.sheets.length > 0 && (
        <section aria-labelledby="side-files-heading" className={styles.sides}>
          <Subtitle2 as="h2" id="side-files-heading">
            {p.sideFilesLabel}
          </Subtitle2>
          <Caption1 block>{p.sideFilesHint}</Caption1>
          {sideFiles.length > 0 && (
            <ul className={styles.sideList} data-testid="side-files">
              {sideFiles.map((side) => (
                <li key={`${side.file.name}|${side.file.size}|${side.file.lastModified}`} className={styles.sideItem}>
                  <Body1>{p.sideFile(side.info.fileName, side.info.bytes, side.info.sheet)}</Body1>
                  <Button
                    appearance="subtle"
                    size="small"
                    aria-label={p.removeSideFileLabel(side.info.fileName)}
                    onClick={() => setSideFiles((current) => current.filter((s) => s !== side))}
                  >
                    {p.removeSideFile}
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <div>
            {sideProbing !== null ? (
              <Spinner size="tiny" label={p.probingSide(sideProbing)} labelPosition="after" />
            ) : (
              <Button onClick={() => sideInput.current?.click()}>{p.addSideFiles}</Button>
            )}
          </div>
          <input
            ref={sideInput}
            type="file"
            multiple
            accept={WORKBOOK_TYPES}
            hidden
            aria-label={p.addSideFilesLabel}
            onChange={(event) => {
              const chosen = [...(event.target.files ?? [])];
              event.target.value = "";
              void addSides(chosen);
            }}
          />
          {sideError !== null && (
            <MessageBar intent="error" layout="multiline" role="alert">
              <MessageBarBody>
                <MessageBarTitle>{p.sideFileFailed(sideError.name)}</MessageBarTitle>
                <div style={{ whiteSpace: "pre-line" }}>
                  {sideError.error instanceof Error ? sideError.error.message : String(sideError.error)}
                </div>
              </MessageBarBody>
              <DismissAction label={PANE_STRINGS[language].dismiss} onDismiss={() => setSideError(null)} />
            </MessageBar>
          )}
        </section>
      )}
      <div aria-live="polite" className={styles.toast}>
        {cell && (
          <MessageBar intent="info" layout="multiline" data-testid="cell-notice">
            <MessageBarBody>{cell.copied ? p.cellCopied(cell.ref) : p.cellNotCopied(cell.ref)}</MessageBarBody>
            <DismissAction label={PANE_STRINGS[language].dismiss} onDismiss={() => setCell(null)} />
          </MessageBar>
        )}
      </div>

      {file.kind === "open" && file.workbook.sheets.length > 0 && (
        <div className={styles.pane}>
          <App
            key={file.serial}
            host={file.host}
            engine={file.engine}
            language={language}
            strings={PANE_STRINGS}
            hiddenTabs={["formulas"]}
            headless
            now={now}
          />
        </div>
      )}
    </div>
  );
}

function OpenFileNotes({ workbook, p }: { workbook: OpenedWorkbook; p: PageStrings }): React.JSX.Element | null {
  if (workbook.sheets.length === 0) {
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{p.noSheetsTitle}</MessageBarTitle>
          {workbook.passedOver.length > 0 ? p.passedOver(workbook.passedOver) : null}
          <div>{p.openFailedAction}</div>
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <>
      {workbook.ledgerSheet === null && (
        <MessageBar intent="warning" layout="multiline" role="status">
          <MessageBarBody>
            <MessageBarTitle>{p.noLedgerTitle}</MessageBarTitle>
            {p.noLedgerBody(workbook.fileName)}
          </MessageBarBody>
        </MessageBar>
      )}
      {workbook.passedOver.length > 0 && <Caption1 block>{p.passedOver(workbook.passedOver)}</Caption1>}
    </>
  );
}

/** The × that closes a notice on the page. */
function DismissAction({ label, onDismiss }: { label: string; onDismiss: () => void }): React.JSX.Element {
  return (
    <MessageBarActions>
      <Button appearance="transparent" size="small" onClick={onDismiss} aria-label={label}>
        ×
      </Button>
    </MessageBarActions>
  );
}
