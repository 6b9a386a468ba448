/**
 * The pane's settings in the workbook, through Office.context.document.settings (saved with
 * the file, per add-in). Wrapped in a small interface so that the rest can be tested without
 * Office.
 */
import { parseStoredSettings, SETTINGS_KEY, toStoredSettings } from "../host/settings";
import type { PaneSettings } from "../host/types";

/** The part of Office.Settings the adapter uses. */
export interface SettingsStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  /** Persist the settings in the document. */
  save(): Promise<void>;
}

/** The store over Office.context.document.settings (call after Office.onReady). */
export function officeDocumentSettings(settings: Office.Settings = Office.context.document.settings): SettingsStore {
  return {
    get: (key) => settings.get(key) as unknown,
    set: (key, value) => settings.set(key, value),
    save: () =>
      new Promise<void>((resolve, reject) => {
        settings.saveAsync((result) => {
          // Compared by value: Office's enum object is not needed (nor present) outside Office.
          if (String(result.status) === "succeeded") resolve();
          else reject(result.error);
        });
      }),
  };
}

export function loadSettings(store: SettingsStore): PaneSettings {
  return parseStoredSettings(store.get(SETTINGS_KEY));
}

export async function saveSettings(store: SettingsStore, settings: PaneSettings): Promise<void> {
  store.set(SETTINGS_KEY, toStoredSettings(settings));
  await store.save();
}
