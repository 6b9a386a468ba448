import { Button, Field, makeStyles, Select, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { Strings } from "./i18n";

const useStyles = makeStyles({
  row: {
    display: "flex",
    alignItems: "flex-end",
    columnGap: tokens.spacingHorizontalS,
  },
  field: { flexGrow: 1, minWidth: 0 },
  refresh: { minWidth: "32px" },
});

export interface SheetPickerProps {
  readonly t: Strings;
  readonly sheets: readonly string[];
  readonly value: string;
  readonly onChange: (sheet: string) => void;
  readonly onRefresh: () => void;
  readonly disabled?: boolean;
}

/** The worksheet to work on (shared by 检查, 汇总 and the column mapping); the active one by default. */
export function SheetPicker({ t, sheets, value, onChange, onRefresh, disabled }: SheetPickerProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.row}>
      <Field className={styles.field} label={t.sheetLabel} validationMessage={sheets.length === 0 ? t.noSheets : undefined}>
        <Select value={value} onChange={(_, data) => onChange(data.value)} disabled={disabled || sheets.length === 0}>
          {sheets.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
      <Button className={styles.refresh} onClick={onRefresh} disabled={disabled} aria-label={t.refreshSheets} title={t.refreshSheets}>
        ⟳
      </Button>
    </div>
  );
}
