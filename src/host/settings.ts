/**
 * The pane's settings as a workbook stores them: a plain JSON object under one key. Reading
 * is forgiving (a workbook saved by an older or newer version, or edited by hand, still
 * opens): anything of the wrong shape falls back to the empty setting for that part.
 */
import { FIELDS, type FieldKey } from "../ledger/fields";
import { EMPTY_SETTINGS, HostError, type PaneSettings } from "./types";

/** The key the settings are saved under in the workbook. */
export const SETTINGS_KEY = "bangfu.paneSettings";

/** The stored form: the settings plus a version number. */
export interface StoredSettings {
  readonly version: 1;
  readonly policyYear: number | null;
  readonly policyJson: string | null;
  readonly mappings: PaneSettings["mappings"];
  readonly includeMonitored?: boolean;
}

export function toStoredSettings(settings: PaneSettings): StoredSettings {
  const stored: StoredSettings = {
    version: 1,
    policyYear: settings.policyYear,
    policyJson: settings.policyJson,
    mappings: settings.mappings,
  };
  return settings.includeMonitored ? { ...stored, includeMonitored: true } : stored;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isFieldKey(value: unknown): value is FieldKey {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(FIELDS, value);
}

/**
 * Settings from what the workbook holds (an object, or its JSON text); EMPTY_SETTINGS parts for
 * entries of the wrong shape. Throws a HostError when what is stored is not settings at all, so
 * the pane can say that the saved column mapping could not be read.
 */
export function parseStoredSettings(raw: unknown): PaneSettings {
  if (raw === null || raw === undefined) return EMPTY_SETTINGS; // never saved
  let value = raw;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch (error) {
      throw unreadable(`不是有效的 JSON：${(error as Error).message}`);
    }
  }
  // Something is stored but is not settings at all: say so rather than silently start afresh.
  if (!isRecord(value)) throw unreadable(`内容类型为 ${Array.isArray(value) ? "数组" : typeof value}`);
  const year = value.policyYear;
  const policyYear = typeof year === "number" && Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null;
  const policyJson = typeof value.policyJson === "string" ? value.policyJson : null;
  const mappings: Record<string, Record<string, FieldKey | null>> = {};
  if (isRecord(value.mappings)) {
    for (const [sheet, mapping] of Object.entries(value.mappings)) {
      if (!isRecord(mapping)) continue;
      const clean: Record<string, FieldKey | null> = {};
      for (const [header, field] of Object.entries(mapping)) {
        if (field === null || isFieldKey(field)) clean[header] = field;
      }
      mappings[sheet] = clean;
    }
  }
  return value.includeMonitored === true
    ? { policyYear, policyJson, mappings, includeMonitored: true }
    : { policyYear, policyJson, mappings };
}

function unreadable(detail: string): HostError {
  return new HostError(
    "other",
    `工作簿中保存的 BANGFU 设置无法读取（${detail}），本次使用默认设置（政策年度、列映射均为自动）。在“设置”中重新保存即可覆盖。`,
  );
}
