import { Caption1, Checkbox, Subtitle1 } from "@fluentui/react-components";
import * as React from "react";
import type { SettingsTabProps } from "./props";
import { SaveFeedback, useSaver } from "./saving";
import { useSettingsStyles } from "./styles";

/**
 * Which households are the plan's 脱贫户: by default 脱贫户 and monitored ones whose risk is not removed; optionally every monitored household.
 */
export function ScopeSection({ t, settings, onSave }: SettingsTabProps): React.JSX.Element {
  const styles = useSettingsStyles();
  const { state, busy, save, reset } = useSaver(onSave);
  return (
    <section aria-labelledby="scope-heading" className={styles.stack}>
      <Subtitle1 as="h2" id="scope-heading" block>
        {t.scopeHeading}
      </Subtitle1>
      <Checkbox
        label={t.includeMonitored}
        checked={settings.includeMonitored === true}
        disabled={busy}
        aria-describedby="scope-hint"
        onChange={(_, data) => void save(() => ({ ...settings, includeMonitored: data.checked === true }), t.saved)}
      />
      <Caption1 id="scope-hint" block>
        {t.includeMonitoredHint}
      </Caption1>
      <SaveFeedback state={state} t={t} onDismiss={reset} />
    </section>
  );
}
