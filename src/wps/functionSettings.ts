/**
 * How the custom functions learn the workbook's policy in WPS. In Excel the pane and the
 * functions share one page (setFunctionPolicy). In WPS the functions run in the add-in's main
 * page and the pane in a task-pane page of its own, so the pane's host publishes the settings
 * that decide the policy (year and policy file) in PluginStorage, which every page of an
 * add-in shares, and the functions pick them up before computing.
 */
import { setFunctionPolicy } from "../functions/policyContext";
import type { PaneSettings } from "../host/types";
import { policyOf } from "../taskpane/model";
import { today } from "../values";
import type { WpsApplication } from "./et";

export const FUNCTION_SETTINGS_KEY = "bangfu.functionSettings";

type FunctionSettings = Pick<PaneSettings, "policyYear" | "policyJson">;

export function publishFunctionSettings(app: WpsApplication, settings: PaneSettings): void {
  const value: FunctionSettings = { policyYear: settings.policyYear, policyJson: settings.policyJson };
  app.PluginStorage.setItem(FUNCTION_SETTINGS_KEY, JSON.stringify(value));
}

/**
 * Follows the published settings: the text last applied, so that an unchanged value costs one
 * PluginStorage read and nothing else.
 */
export class FunctionSettingsFollower {
  private applied: string | null = null;

  constructor(private readonly app: WpsApplication) {}

  /** Apply the published settings if they changed since the last call. */
  sync(): void {
    const raw = this.app.PluginStorage.getItem(FUNCTION_SETTINGS_KEY);
    const text = typeof raw === "string" ? raw : null;
    if (text === this.applied) return;
    this.applied = text;
    if (text === null) {
      setFunctionPolicy(null);
      return;
    }
    try {
      const value = JSON.parse(text) as Partial<FunctionSettings>;
      const settings: PaneSettings = {
        policyYear: typeof value.policyYear === "number" ? value.policyYear : null,
        policyJson: typeof value.policyJson === "string" ? value.policyJson : null,
        mappings: {},
      };
      setFunctionPolicy(policyOf(settings, today()));
    } catch {
      // The pane shows why the saved policy file is unusable (its settings load reports it);
      // the functions go on with the shipped parameters, as in Excel.
      setFunctionPolicy(null);
    }
  }
}
