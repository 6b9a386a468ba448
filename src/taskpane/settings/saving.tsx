import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import * as React from "react";
import type { PaneSettings } from "../../host/types";
import { ErrorBar } from "../ErrorBar";
import type { Strings } from "../i18n";

/** Saving settings from a section: busy while saving, then "saved" or the error, shown by SaveFeedback. */
export type SaveState =
  { readonly kind: "idle" } | { readonly kind: "saved"; readonly message: string } | { readonly kind: "error"; readonly error: unknown };

export function useSaver(onSave: (settings: PaneSettings) => Promise<void>) {
  const [state, setState] = React.useState<SaveState>({ kind: "idle" });
  const [busy, setBusy] = React.useState(false);
  /** Build the new settings (may throw, e.g. PolicyFileError) and save them; failures are shown. */
  const save = async (build: () => PaneSettings | Promise<PaneSettings>, message: string): Promise<boolean> => {
    setBusy(true);
    setState({ kind: "idle" });
    try {
      await onSave(await build());
      setState({ kind: "saved", message });
      return true;
    } catch (error) {
      setState({ kind: "error", error });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { state, busy, save, reset: () => setState({ kind: "idle" }) };
}

export function SaveFeedback({ state, t, onDismiss }: { state: SaveState; t: Strings; onDismiss: () => void }): React.JSX.Element | null {
  if (state.kind === "saved") {
    return (
      <MessageBar intent="success">
        <MessageBarBody>{state.message}</MessageBarBody>
      </MessageBar>
    );
  }
  if (state.kind === "error") return <ErrorBar error={state.error} t={t} onDismiss={onDismiss} />;
  return null;
}
