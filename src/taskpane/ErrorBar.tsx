import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import * as React from "react";
import { HostError } from "../host/types";
import { LedgerNotFoundError } from "../ledger";
import { PolicyFileError } from "../policy";
import { InputError } from "../values";
import type { Strings } from "./i18n";

export interface ErrorDescription {
  readonly title: string;
  /** The error's own message (Chinese, from the engine or the host); null when the title and action say it all. */
  readonly detail: string | null;
  /** What the user can do about it; null when the detail already says (the host's Chinese messages do). */
  readonly action: string | null;
}

type ErrorKind = keyof Strings["errors"];

/** A policy file the user chose that was refused: nothing was saved, so the remedy is to mend the file, not the settings. */
export class PolicyFileNotLoadedError extends PolicyFileError {
  constructor(error: PolicyFileError) {
    super(error.source, error.problems);
    this.name = "PolicyFileNotLoadedError";
  }
}

function kindOf(error: unknown): ErrorKind {
  if (error instanceof HostError) return error.kind === "other" ? "other" : error.kind;
  if (error instanceof LedgerNotFoundError) return "ledgerNotFound";
  if (error instanceof PolicyFileNotLoadedError) return "policyFileNotLoaded";
  if (error instanceof PolicyFileError) return "policyFile";
  if (error instanceof InputError) return "input";
  return "other";
}

/**
 * Title, message and remedy for any failure. Excel's own failures get their own text: cell
 * edit mode is explained by the pane alone; for a protected or missing sheet the host's
 * Chinese message (which names the sheet and says what to do) is shown under the pane's title.
 */
export function describeError(error: unknown, t: Strings): ErrorDescription {
  const kind = kindOf(error);
  const detail = error instanceof Error ? error.message : String(error);
  const { title, action } = t.errors[kind];
  if (kind === "cellEditMode") return { title, detail: null, action };
  const hostSaysWhatToDo = error instanceof HostError && kind !== "other" && t.locale === "zh-CN";
  return { title, detail, action: hostSaysWhatToDo ? null : action };
}

/** An error MessageBar: what went wrong and what to do. */
export function ErrorBar({ error, t, onDismiss }: { error: unknown; t: Strings; onDismiss?: () => void }): React.JSX.Element {
  const { title, detail, action } = describeError(error, t);
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {detail !== null && <div style={{ whiteSpace: "pre-line" }}>{detail}</div>}
        {action !== null && (
          <div>
            {t.whatToDo}
            {action}
          </div>
        )}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions>
          <Button appearance="transparent" size="small" onClick={onDismiss} aria-label={t.dismiss}>
            ×
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
