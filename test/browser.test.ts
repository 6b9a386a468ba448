/**
 * The built task pane in headless Chromium: webpack builds the browser harness (the real pane
 * wired to an in-memory workbook seeded with a synthetic ledger, no office.js), a tiny HTTP
 * server serves it on 127.0.0.1, and playwright-core drives Debian's chromium through 检查 and
 * 汇总. Screenshots in Chinese go to docs/screenshots/ for the README.
 *
 * Needs /usr/bin/chromium and fonts-noto-cjk (apt-get install -y chromium fonts-noto-cjk; npm test runs scripts/test-prerequisites.js,
 * which
 * installs them). Without them this test fails: it never downloads a browser and never skips.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import type { BrowserContext, Page } from "playwright-core";
import { RULES } from "../src/checks";
import { SUMMARY_KEYS, SUMMARY_TITLES } from "../src/summaries";
import { CJK_FONT_DIR, launchLocalBrowser, requireChromium, serve, serverUrl, type LocalBrowser } from "./support/browser";

const ROOT = path.resolve(__dirname, "..");
// Test runs write screenshots to a temporary folder; `npm run screenshots` refreshes the README's.
const SCREENSHOTS = process.env.BANGFU_SCREENSHOTS
  ? path.resolve(ROOT, process.env.BANGFU_SCREENSHOTS)
  : fs.mkdtempSync(path.join(os.tmpdir(), "bangfu-shots-"));
/** A task pane is narrow: Excel's default pane is about 350–450 px wide. */
const PANE = { width: 420, height: 900 };

interface HarnessWindow {
  bangfuHarness: {
    host: {
      selection: { sheet: string; cell: { row: number; column: string } } | null;
      calls: string[];
      listSheets(): Promise<string[]>;
      sheet(name: string): { fills: Map<string, string> } | undefined;
    };
    ribbon(kind: "checkActiveSheet" | "showSummaries"): void;
  };
}

let dist: string;
let server: http.Server;
let baseUrl: string;
let context: BrowserContext;
const pageErrors: string[] = [];
let foreignRequests: string[] = [];
let browser: LocalBrowser;

// Each test drives a real browser through several steps: seconds when the machine is idle, many
// more when its cores are busy (a build beside the tests). Jest's 5 s default is no bound for that.
jest.setTimeout(120_000);

beforeAll(async () => {
  requireChromium();
  if (!fs.existsSync(path.join(CJK_FONT_DIR, "NotoSansCJK-Regular.ttc"))) {
    throw new Error(
      `Chinese fonts not found in ${CJK_FONT_DIR}: screenshots would show boxes. Install them with: apt-get install -y fonts-noto-cjk`,
    );
  }
  dist = fs.mkdtempSync(path.join(os.tmpdir(), "bangfu-harness-"));
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  await promisify(execFile)(process.execPath, [cli, "--config", "webpack.harness.config.js"], {
    cwd: ROOT,
    env: { ...process.env, BANGFU_DIST: dist, NO_COLOR: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  const scripts = [...fs.readFileSync(path.join(dist, "index.html"), "utf8").matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
  expect(scripts).toEqual(["harness.js"]); // no office.js, nothing from a CDN
  server = await serve(dist);
  baseUrl = serverUrl(server);
  browser = await launchLocalBrowser(baseUrl, PANE);
  context = browser.context;
  foreignRequests = browser.foreignRequests;
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (dist) fs.rmSync(dist, { recursive: true, force: true });
});

async function open(query = ""): Promise<Page> {
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(`${baseUrl}${query}`);
  await page.getByRole("heading", { name: "增收帮扶助手", level: 1 }).waitFor();
  return page;
}

async function screenshot(page: Page, name: string): Promise<string> {
  await page.evaluate(() => document.fonts.ready);
  const file = path.join(SCREENSHOTS, name);
  await page.screenshot({ path: file, animations: "disabled", caret: "hide" });
  return file;
}

/** Retry `read` until it equals `expected` (the pane acts asynchronously), then assert. */
async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!isEqual(value, expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  expect(value).toEqual(expected);
}

function isEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const host = (page: Page) =>
  page.evaluate(() => {
    const h = (window as unknown as HarnessWindow).bangfuHarness.host;
    return { selection: h.selection, calls: [...h.calls] };
  });

async function runCheck(page: Page): Promise<void> {
  await page.getByRole("button", { name: "开始检查" }).click();
  await page.getByText(/^共 8 户 12 人：/).waitFor();
}

describe("the task pane in headless Chromium", () => {
  it("loads without office.js and renders Chinese with a CJK font", async () => {
    const page = await open();
    expect(await page.getByRole("tab").allInnerTexts()).toEqual(["检查", "汇总", "设置", "公式"]);
    // The heading is drawn with a real CJK font (not the fallback boxes).
    const fontOk = await page.evaluate(() => document.fonts.check('16px "Noto Sans CJK SC"', "增收帮扶"));
    expect(fontOk).toBe(true);
    await page.close();
  });

  it("检查: shows progress, the summary and findings; a click selects the cell in the workbook", async () => {
    const page = await open();
    await page.getByRole("button", { name: "开始检查" }).click();
    await page.getByText(/^正在读取：已读 \d+ \/ 14 行$/).waitFor({ timeout: 5000 });
    await page.getByText(/^共 8 户 12 人：/).waitFor();
    const summary = await page.getByText(/^共 8 户 12 人：/).innerText();
    expect(summary).toMatch(/^共 8 户 12 人：错误 \d+ 条、警告 \d+ 条、提示 \d+ 条$/);
    expect(summary).not.toContain("错误 0 条");
    expect(await page.getByRole("heading", { level: 3 }).allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^M09 成员未参加基本医疗保险/), expect.stringMatching(/^D03 证件号码有误/)]),
    );
    // Each rule of the catalogue is listed with how it fared.
    expect(await page.locator("[data-rule]").count()).toBe(RULES.length);
    await screenshot(page, "pane-check.png");

    const m09 = page.getByRole("button", { name: /赵明.*未参加城乡居民基本医疗保险/ });
    await m09.click();
    await eventually(async () => (await host(page)).selection, { sheet: "台账", cell: { row: 5, column: "M" } });

    // Keyboard: Tab to the next finding, Enter selects it.
    await m09.focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await eventually(async () => (await host(page)).calls.filter((c) => c.startsWith("selectCell(")).length, 2);

    await page.getByRole("button", { name: "标记问题单元格" }).click();
    await page.getByText(/^已标记 \d+ 个单元格。$/).waitFor();
    const fills = await page.evaluate(() => [
      ...((window as unknown as HarnessWindow).bangfuHarness.host.sheet("台账")?.fills.keys() ?? []),
    ]);
    expect(fills).toEqual(expect.arrayContaining(["M5", "D9"]));
    await page.getByRole("button", { name: "清除标记" }).click();
    await page.getByText(/^已清除 \d+ 个单元格的标记。$/).waitFor();
    const after = await page.evaluate(() =>
      Object.fromEntries((window as unknown as HarnessWindow).bangfuHarness.host.sheet("台账")?.fills ?? []),
    );
    expect(after).toEqual({ A3: "#DDEBF7" }); // the user's own fill is all that is left

    await page.getByRole("radio", { name: "按户" }).check();
    await page.getByRole("heading", { name: /^户 H003（户主 孙立）/ }).waitFor();
    await page.close();
  });

  it("汇总: generates the six tabs and lists them", async () => {
    const page = await open();
    await page.getByRole("tab", { name: "汇总" }).click();
    await page.getByRole("button", { name: "生成汇总" }).click();
    await page.getByText("已写入 6 个工作表").waitFor();
    const titles = SUMMARY_KEYS.map((k) => SUMMARY_TITLES[k]);
    const list = page.getByRole("region", { name: "已写入 6 个工作表" });
    expect(await list.getByRole("button").allInnerTexts()).toEqual(titles);
    const sheets = await page.evaluate(() => (window as unknown as HarnessWindow).bangfuHarness.host.listSheets());
    expect(sheets).toEqual(["台账", "说明", ...titles]);
    await screenshot(page, "pane-summary.png");
    await list.getByRole("button", { name: "重点户清单" }).click();
    await eventually(async () => (await host(page)).selection, { sheet: "重点户清单", cell: { row: 1, column: "A" } });
    await page.close();
  });

  it("设置: shows the parameters to confirm and the detected column mapping", async () => {
    const page = await open();
    await runCheck(page);
    await page.getByRole("tab", { name: "设置" }).click();
    expect(await page.getByText("待确认", { exact: true }).count()).toBeGreaterThan(0);
    await page.getByText("工作表“台账”，表头在第 2 行").waitFor();
    // Show the local parameters (the last rows of the table) with their 待确认 badges and actions.
    await page.locator('[data-parameter="hourlyMinimumWage"]').evaluate((row) => row.scrollIntoView({ block: "center" }));
    await page.getByRole("heading", { name: "列映射" }).hover(); // no row hover highlight in the picture
    await screenshot(page, "pane-settings.png");
    await page.close();
  });

  it("runs the ribbon's 检查本表 through the shared channel", async () => {
    const page = await open("?tab=formulas");
    await page.evaluate(() => (window as unknown as HarnessWindow).bangfuHarness.ribbon("checkActiveSheet"));
    await page.getByText(/^共 8 户 12 人：/).waitFor();
    expect(await page.getByRole("tab", { name: "检查" }).getAttribute("aria-selected")).toBe("true");
    await page.close();
  });

  it("draws the ribbon tab from manifest.xml's Chinese labels and the icons (an illustration for the README)", async () => {
    const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    const zh = (id: string) => {
      const m = new RegExp(`<bt:String id="${id.replace(".", "\\.")}"[^>]*>\\s*<bt:Override Locale="zh-CN" Value="([^"]+)"`).exec(manifest);
      if (!m) throw new Error(`no zh-CN string ${id}`);
      return m[1];
    };
    const icon = (file: string) => `data:image/png;base64,${fs.readFileSync(path.join(ROOT, "assets", file)).toString("base64")}`;
    const buttons = [
      { label: zh("CheckButton.Label"), icon: icon("check-32.png") },
      { label: zh("SummaryButton.Label"), icon: icon("summary-32.png") },
      { label: zh("TaskpaneButton.Label"), icon: icon("icon-32.png") },
    ];
    expect(buttons.map((b) => b.label)).toEqual(["检查本表", "生成汇总", "打开助手"]);
    const page = await context.newPage();
    await page.setViewportSize({ width: 760, height: 172 });
    await page.setContent(ribbonHtml(zh("Tab.Label"), zh("Group.Label"), buttons));
    await page.getByText("检查本表").waitFor();
    await screenshot(page, "ribbon.png");
    await page.close();
  });

  it("raised no page errors and made no request off the machine", () => {
    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});

function ribbonHtml(tab: string, group: string, buttons: { label: string; icon: string }[]): string {
  const tabs = ["文件", "开始", "插入", "页面布局", "公式", "数据", "审阅", "视图"];
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
    body { margin: 0; font: 13px "Noto Sans CJK SC", sans-serif; background: #f3f3f3; color: #242424; }
    .tabs { display: flex; gap: 18px; padding: 8px 14px 0; background: #fff; }
    .tabs span { padding: 4px 2px 6px; }
    .tabs .on { color: #1b7f4b; font-weight: 600; border-bottom: 3px solid #1b7f4b; }
    .bar { display: flex; align-items: flex-start; padding: 8px 14px 4px; background: #fff; border-top: 1px solid #e0e0e0; border-bottom: 1px solid #d0d0d0; }
    .group { display: flex; flex-direction: column; align-items: center; border-right: 1px solid #e0e0e0; padding-right: 12px; }
    .buttons { display: flex; gap: 10px; }
    .button { display: flex; flex-direction: column; align-items: center; width: 64px; gap: 4px; padding: 4px; border-radius: 4px; }
    .button:first-child { background: #e6f2ea; }
    .button img { width: 32px; height: 32px; }
    .name { color: #616161; font-size: 12px; margin-top: 4px; }
    .note { padding: 6px 14px; color: #616161; font-size: 12px; }
  </style></head><body>
    <div class="tabs">${tabs.map((t) => `<span>${t}</span>`).join("")}<span class="on">${tab}</span></div>
    <div class="bar"><div class="group"><div class="buttons">${buttons
      .map((b) => `<div class="button"><img alt="" src="${b.icon}"><span>${b.label}</span></div>`)
      .join("")}</div><div class="name">${group}</div></div></div>
    <div class="note">示意图：按 manifest.xml 的中文标签和图标绘制</div>
  </body></html>`;
}
