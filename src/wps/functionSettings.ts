/**
 * How the custom functions learn the policy of the workbook their formula is in. In Excel the
 * pane and the functions share one page (setFunctionPolicy). In WPS the functions run in the
 * add-in's main page and the pane in a task-pane page of its own, and several workbooks may be
 * open, each with its own settings on its BANGFU_DATA sheet (./store.ts).
 *
 * Each call of a function (one cell, or one range argument computing many cells) reads the
 * workbook's date system (Workbook.Date1904: a date argument is a serial of that system) and the
 * policy once, in this order:
 * 1. the workbook: the one holding the calling cell (Application.Caller → Range.Worksheet.Parent,
 *    as VBA documents Caller for a custom function); when WPS does not say (Caller is not a
 *    range, or fails), the active workbook, which is the one the user is working in;
 * 2. its settings: those the pane published for it in PluginStorage (shared by every page of the
 *    add-in) when it loaded or saved them, else those on its data sheet, read once per workbook
 *    and kept (the pane publishes whenever it changes them, and what it publishes comes first).
 * Application.ThisWorkbook is not used: in the VBA model it is the workbook holding the running
 * macro code, which an add-in's page does not have.
 */
import { setFunctionDate1904, setFunctionPolicy } from "../functions/policyContext";
import { parseStoredSettings, SETTINGS_KEY } from "../host/settings";
import type { PaneSettings } from "../host/types";
import type { Policy } from "../policy";
import { policyOf } from "../taskpane/model";
import { today } from "../values";
import type { EtWorkbook, WpsApplication } from "./et";
import { readWorkbookStore } from "./store";
import { activeWorkbook, usesDate1904 } from "./workbook";

export const FUNCTION_SETTINGS_KEY = "bangfu.functionSettings";

type FunctionSettings = Pick<PaneSettings, "policyYear" | "policyJson">;

/** The PluginStorage key of one workbook's settings: open workbooks have different names. */
export function functionSettingsKey(workbookName: string): string {
  return `${FUNCTION_SETTINGS_KEY}:${workbookName}`;
}

function settingsText(settings: FunctionSettings): string {
  const value: FunctionSettings = { policyYear: settings.policyYear, policyJson: settings.policyJson };
  return JSON.stringify(value);
}

/** Hand the active workbook's settings (the pane's) to the custom functions. */
export function publishFunctionSettings(app: WpsApplication, settings: PaneSettings): void {
  app.PluginStorage.setItem(functionSettingsKey(activeWorkbook(app).Name), settingsText(settings));
}

/** The workbook the calling formula is in, as Application.Caller tells; null when it does not. */
export function callerWorkbook(app: WpsApplication): EtWorkbook | null {
  if (typeof app.Caller !== "function") return null;
  let caller: unknown;
  try {
    caller = app.Caller();
  } catch {
    return null; // a build that does not answer Caller for add-in functions: the active workbook's rule applies
  }
  if (typeof caller !== "object" || caller === null) return null; // a text or an error value: no calling cell
  const sheet = (caller as { Worksheet?: unknown }).Worksheet;
  if (typeof sheet !== "object" || sheet === null) return null;
  const workbook = (sheet as { Parent?: unknown }).Parent;
  return typeof workbook === "object" && workbook !== null ? (workbook as EtWorkbook) : null;
}

/**
 * Keeps the policy of the workbook each call is for: the settings' text last applied, the
 * policies already resolved, and the settings read from each workbook's data sheet.
 */
export class FunctionSettingsFollower {
  private applied: string | null | undefined = undefined;
  private readonly policies = new Map<string, Policy | null>();
  private readonly stored = new Map<string, string | null>();

  constructor(private readonly app: WpsApplication) {}

  /** Apply the settings and the date system of the workbook this call's formula is in. */
  sync(): void {
    const workbook = callerWorkbook(this.app) ?? this.app.ActiveWorkbook;
    setFunctionDate1904(workbook ? usesDate1904(workbook) : false);
    const text = workbook ? this.settingsOf(workbook) : null;
    if (text === this.applied) return;
    this.applied = text;
    setFunctionPolicy(text === null ? null : this.policyOf(text));
  }

  private settingsOf(workbook: EtWorkbook): string | null {
    const name = workbook.Name;
    const published = this.app.PluginStorage.getItem(functionSettingsKey(name));
    if (typeof published === "string") return published;
    if (!this.stored.has(name)) this.stored.set(name, storedSettings(workbook));
    return this.stored.get(name) ?? null;
  }

  private policyOf(text: string): Policy | null {
    const known = this.policies.get(text);
    if (known !== undefined) return known;
    let policy: Policy | null;
    try {
      const value = JSON.parse(text) as Partial<FunctionSettings>;
      const settings: PaneSettings = {
        policyYear: typeof value.policyYear === "number" ? value.policyYear : null,
        policyJson: typeof value.policyJson === "string" ? value.policyJson : null,
        mappings: {},
      };
      policy = policyOf(settings, today());
    } catch {
      // The pane shows why the saved policy file is unusable (its settings load reports it);
      // the functions go on with the shipped parameters, as in Excel.
      policy = null;
    }
    this.policies.set(text, policy);
    return policy;
  }
}

/**
 * The settings a workbook keeps on its data sheet, as published text; null when it keeps none or they cannot be read (the pane says why).
 */
function storedSettings(workbook: EtWorkbook): string | null {
  const raw = readWorkbookStore(workbook).get(SETTINGS_KEY);
  if (raw === undefined) return null;
  try {
    return settingsText(parseStoredSettings(raw));
  } catch {
    return null;
  }
}
