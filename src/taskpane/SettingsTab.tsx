import * as React from "react";
import { MappingSection } from "./settings/MappingSection";
import { PolicySection } from "./settings/PolicySection";
import type { SettingsTabProps } from "./settings/props";
import { ScopeSection } from "./settings/ScopeSection";
import { useSettingsStyles } from "./settings/styles";

export type { SettingsTabProps } from "./settings/props";

/** 设置: the policy year and parameters, which households are checked, and the column mapping (one file per section in ./settings). */
export function SettingsTab(props: SettingsTabProps): React.JSX.Element {
  const styles = useSettingsStyles();
  return (
    <div className={styles.stack}>
      <PolicySection {...props} />
      <ScopeSection {...props} />
      <MappingSection {...props} />
    </div>
  );
}
