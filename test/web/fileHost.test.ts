/**
 * The page's settings in the browser's storage: when the browser refuses to keep them (storage
 * full, site data blocked), the user gets a Chinese reason and the settings still apply while the
 * page is open.
 */
import { FileWorkbookHost, savedSettingsUnreadable, SETTINGS_KEY, SettingsStorage } from "../../src/web/fileHost";
import { HostError } from "../../src/host/types";

const FILE = { fileName: "东村台账.xlsx", bytes: 1, sheets: ["台账"], ledgerSheet: "台账", passedOver: [] };
const SETTINGS = { policyYear: 2025, policyJson: '{"year":2025}', mappings: {}, includeMonitored: true };

/** A storage whose writes fail as a browser's do: a DOMException named by the browser, with an English message. */
function refusingStorage(name: string): SettingsStorage {
  return {
    getItem: () => null,
    setItem: () => {
      const error = new Error(`Failed to execute 'setItem' on 'Storage': Setting the value of '${SETTINGS_KEY}' exceeded the quota.`);
      error.name = name;
      throw error;
    },
  };
}

describe("settings the browser refuses to keep", () => {
  test.each([
    ["QuotaExceededError", "本地存储已满"],
    ["SecurityError", "不允许本页面保存数据"],
  ])("%s: a Chinese reason without the browser's English, and the settings still apply while the page is open", async (name, reason) => {
    const host = new FileWorkbookHost(FILE, refusingStorage(name), () => undefined);
    const saving = host.saveSettings(SETTINGS);
    await expect(saving).rejects.toBeInstanceOf(HostError);
    const message = await saving.then(
      () => "",
      (error: Error) => error.message,
    );
    expect(message).toContain(reason);
    expect(message).toContain("关闭页面后需要重新设置");
    expect(message).not.toMatch(/[A-Za-z]{3,}/);
    expect(await host.loadSettings()).toEqual(SETTINGS);
  });

  test("settings the browser keeps are read back by the next page on the same file", async () => {
    const kept = new Map<string, string>();
    const storage: SettingsStorage = { getItem: (key) => kept.get(key) ?? null, setItem: (key, value) => void kept.set(key, value) };
    await new FileWorkbookHost(FILE, storage, () => undefined).saveSettings(SETTINGS);
    expect(await new FileWorkbookHost(FILE, storage, () => undefined).loadSettings()).toEqual(SETTINGS);
  });
});

describe("settings saved in the browser that cannot be read", () => {
  const holding = (text: string | null): SettingsStorage => ({
    getItem: (key) => (key === SETTINGS_KEY ? text : null),
    setItem: () => undefined,
  });
  const DEFAULTS = { policyYear: null, policyJson: null, mappings: {}, includeMonitored: false };

  test.each([
    ["cut short", '{"policyYear":2025,"policyJs'],
    ["not an object", "[2025]"],
    ["JSON null", "null"],
    ["a field of the wrong kind", '{"policyYear":"2025年","policyJson":null,"mappings":{}}'],
    ["mappings of the wrong kind", '{"policyYear":null,"policyJson":null,"mappings":[1,2]}'],
  ])("%s: said to be unreadable; what cannot be read falls back to the defaults", async (_name, text) => {
    expect(savedSettingsUnreadable(holding(text))).toBe(true);
    const loaded = await new FileWorkbookHost(FILE, holding(text), () => undefined).loadSettings();
    expect(loaded.policyYear).toBeNull();
    expect(loaded.mappings).toEqual({});
  });

  test("nothing saved, or settings this version saved: nothing to say", async () => {
    expect(savedSettingsUnreadable(holding(null))).toBe(false);
    expect(savedSettingsUnreadable(null)).toBe(false);
    const kept = new Map<string, string>();
    const storage: SettingsStorage = { getItem: (key) => kept.get(key) ?? null, setItem: (key, value) => void kept.set(key, value) };
    await new FileWorkbookHost(FILE, storage, () => undefined).saveSettings(SETTINGS);
    expect(savedSettingsUnreadable(storage)).toBe(false);
    await new FileWorkbookHost(FILE, storage, () => undefined).saveSettings({ ...DEFAULTS, includeMonitored: false });
    expect(savedSettingsUnreadable(storage)).toBe(false);
  });
});
