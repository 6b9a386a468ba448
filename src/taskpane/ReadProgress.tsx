import { Field, ProgressBar } from "@fluentui/react-components";
import * as React from "react";
import type { Strings } from "./i18n";
import type { ReadProgressValue } from "./model";

export interface ReadProgressProps {
  /** Rows read so far (of the sheet's total, or with the part of the file read); absent before any is reported. */
  readonly progress: ReadProgressValue | null;
  /** What the pane is doing once the sheet is read (运行规则…, 正在生成…). */
  readonly busyLabel: string;
  readonly t: Strings;
}

/** Progress while a sheet is read, then an indeterminate bar while the work after it runs. */
export function ReadProgress({ progress, busyLabel, t }: ReadProgressProps): React.JSX.Element {
  if (progress !== null && progress.total === null) {
    const reading = progress.fraction < 1;
    return (
      <Field label={reading ? t.readingRows(progress.read, progress.fraction) : busyLabel} validationState="none">
        <ProgressBar value={reading ? progress.fraction : undefined} />
      </Field>
    );
  }
  const reading = progress !== null && progress.read < progress.total;
  return (
    <Field label={reading ? t.readingProgress(progress.read, progress.total) : busyLabel} validationState="none">
      <ProgressBar value={progress && progress.total > 0 ? progress.read / progress.total : undefined} />
    </Field>
  );
}
