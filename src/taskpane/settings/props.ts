import type { PaneSettings } from "../../host/types";
import type { CivilDate } from "../../values";
import type { Language, Strings } from "../i18n";
import type { DetectedColumns, PaneEngine } from "../model";
import type { SheetPickerProps } from "../SheetPicker";

/** What every section of 设置 receives from the pane. */
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
