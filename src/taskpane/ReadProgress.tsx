import { Field, ProgressBar } from "@fluentui/react-components";
import * as React from "react";
import type { Strings } from "./i18n";

export interface ReadProgressProps {
  /** Rows read so far of the sheet's total; absent before the host reports any. */
  readonly progress: { readonly read: number; readonly total: number } | null;
  /** What the pane is doing once the sheet is read (运行规则…, 正在生成…). */
  readonly busyLabel: string;
  readonly t: Strings;
}

/** Progress while a sheet is read, then an indeterminate bar while the work after it runs. */
export function ReadProgress({ progress, busyLabel, t }: ReadProgressProps): React.JSX.Element {
  const reading = progress !== null && progress.read < progress.total;
  return (
    <Field label={reading ? t.readingProgress(progress.read, progress.total) : busyLabel} validationState="none">
      <ProgressBar value={progress && progress.total > 0 ? progress.read / progress.total : undefined} />
    </Field>
  );
}
