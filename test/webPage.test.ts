/**
 * The offline page (dist-web/bangfu.html) in headless Chromium, LOADED FROM file:// as a cadre
 * opens it from a USB stick: the sample ledger's findings as `bangfu check` counts them, the
 * summary workbook downloaded and read back (the tabs, the chart part, the user's parts byte for
 * byte, the same parts as `bangfu summary` writes), files it cannot use (not a ledger, password-
 * protected, cut off) with a Chinese message and the page still usable, and a 100,000-row ledger
 * checked while the page stays responsive (the longest main-thread task is reported, not asserted).
 * The built file itself is scanned: classic scripts only, ES2020 syntax, no URL of another origin,
 * a policy that allows nothing but the page.
 *
 * Needs /usr/bin/chromium, fonts-noto-cjk, LibreOffice with python3-uno (the encrypted file);
 * .ci/run installs them. Never downloads a browser, never skips.
 */
import { ChildProcess, execFile, spawn } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as http from "node:http";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import * as acorn from "acorn";
import JSZip from "jszip";
import type { BrowserContext, Page } from "playwright-core";
import { writeBenchLedger } from "../bench/ledgerFile";
import { SUMMARY_KEYS, SUMMARY_TITLES } from "../src/summaries";
import { runCli } from "./support/cli";
import { withBytesAfterDeflate } from "./support/xlsxPackage";
import { encryptWithLibreOffice } from "./support/encryptedXlsx";
import { readSummaryWorkbook } from "./support/readBack";
import { realLayoutFixtures, writeFixtureXlsx } from "./support/realLedgers";
import { sha256, writeRows } from "./support/workbooks";

jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, "..");
const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const SAMPLE = path.join(ROOT, "examples", "国家系统导出-人员.xlsx");
const SAMPLE_SHEET = "脱贫人口明细";
/** The check date of the README's sample run: the page's clock is set to it. */
const AS_OF = "2025-12-15";
const PAGE_CLOCK = new Date(2025, 11, 15, 9, 30, 0);
const BIG_ROWS = 100_000;
// Test runs write the screenshot to a temporary folder; BANGFU_SCREENSHOTS=docs/screenshots refreshes the README's.
const SCREENSHOTS = process.env.BANGFU_SCREENSHOTS
  ? path.resolve(ROOT, process.env.BANGFU_SCREENSHOTS)
  : fs.mkdtempSync(path.join(os.tmpdir(), "bangfu-web-shots-"));

let dist: string;
let work: string;
let profile: string;
let context: BrowserContext;
let pageUrl: string;
const files: Record<"notLedger" | "encrypted" | "truncated" | "big" | "bigInline", string> = {
  notLedger: "",
  encrypted: "",
  truncated: "",
  big: "",
  bigInline: "",
};
const foreignRequests: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} not found: install Debian's chromium and fonts-noto-cjk (.ci/run does). No browser is ever downloaded.`);
  dist = fs.mkdtempSync(path.join(os.tmpdir(), "bangfu-web-"));
  work = fs.mkdtempSync(path.join(os.tmpdir(), "bangfu-web-files-"));
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const build = promisify(execFile)(process.execPath, [cli, "--config", "webpack.web.config.js"], {
    cwd: ROOT,
    env: { ...process.env, BANGFU_WEB_DIST: dist, NO_COLOR: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });

  // Files the page must refuse or survive.
  files.notLedger = path.join(work, "会议记录.xlsx");
  await writeRows(files.notLedger, {
    会议记录: [["会议记录"], ["时间", "2025年11月3日"], ["地点", "街道办三楼会议室"], ["内容", "部署年底走访工作"]],
  });
  files.encrypted = path.join(work, "加密台账.xlsx");
  await encryptWithLibreOffice(path.join(ROOT, "examples", "街道台账-按户.xlsx"), files.encrypted, "1234");
  files.truncated = path.join(work, "没拷完的台账.xlsx");
  const whole = fs.readFileSync(SAMPLE);
  fs.writeFileSync(files.truncated, whole.subarray(0, Math.floor(whole.length / 2)));
  files.big = path.join(work, "十万行台账.xlsx");
  await writeBenchLedger(BIG_ROWS + 3, files.big);
  files.bigInline = path.join(work, "十万行台账-单元格内字符串.xlsx");
  await writeBenchLedger(BIG_ROWS + 3, files.bigInline, { strings: "inline" });

  await build;
  pageUrl = `file://${path.join(dist, "bangfu.html")}`;
  profile = fs.mkdtempSync(path.join(os.tmpdir(), "bangfu-web-chromium-"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- playwright-core is CommonJS
  const { chromium } = require("playwright-core") as typeof import("playwright-core");
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 960, height: 1000 },
    locale: "zh-CN",
    deviceScaleFactor: 1,
    acceptDownloads: true,
  });
  // Nothing may leave the machine: every request that is not the file itself, a blob or data URL is recorded and refused.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (/^(file|blob|data):/.test(url)) return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await context?.close();
  for (const dir of [dist, work, profile]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

afterEach(() => {
  expect(foreignRequests).toEqual([]);
  expect(pageErrors).toEqual([]);
});

/**
 * Built-ins Chromium 86 does not have (first version in brackets), removed before the page's
 * scripts run: the page and its worker must work without them.
 */
const WITHOUT_NEWER_BUILT_INS = `(() => {
  const typed = Object.getPrototypeOf(Uint8Array.prototype);
  const gone = [
    [Array.prototype, "at"], [String.prototype, "at"], [typed, "at"], // 92
    [Object, "hasOwn"], // 93
    [Array.prototype, "findLast"], [Array.prototype, "findLastIndex"], [typed, "findLast"], [typed, "findLastIndex"], // 97
    [globalThis, "structuredClone"], // 98
    [Array.prototype, "toSorted"], [Array.prototype, "toReversed"], [Array.prototype, "toSpliced"], [Array.prototype, "with"], // 110
    [String.prototype, "isWellFormed"], [String.prototype, "toWellFormed"], // 111
    [Object, "groupBy"], [Map, "groupBy"], // 117
    [Promise, "withResolvers"], // 119
    [Array, "fromAsync"], // 121
    [Set.prototype, "union"], [Set.prototype, "intersection"], // 122
    [Intl, "Segmenter"], // 87
    [AbortSignal, "timeout"], // 103
  ];
  if (globalThis.crypto) gone.push([Object.getPrototypeOf(crypto), "randomUUID"]); // 92
  // A global's members may sit on the prototypes of the global object (a worker's scope): remove them all along the chain.
  for (const [owner, name] of gone) {
    for (let o = owner; o && o !== Object.prototype; o = owner === globalThis ? Object.getPrototypeOf(o) : null) delete o[name];
  }
  // DecompressionStream and CompressionStream (80) take "deflate-raw" only from 103: before that they refuse it, and the
  // reader inflates, the writer deflates, with fflate.
  for (const name of ["DecompressionStream", "CompressionStream"]) {
    const Native = globalThis[name];
    if (typeof Native !== "function") continue;
    globalThis[name] = class extends Native {
      constructor(format) {
        if (format === "deflate-raw") throw new TypeError("Unsupported compression format: 'deflate-raw'");
        super(format);
      }
    };
  }
  if ([].at || Object.hasOwn || typeof structuredClone !== "undefined") throw new Error("built-ins still there");
})();`;

interface PageProbe {
  violations: string[];
  longTasks: { start: number; duration: number }[];
  progress: string[];
}

/** A fresh tab on the page from disk, recording policy violations and long tasks from the start. */
async function openPage(options: { clock?: Date } = {}): Promise<Page> {
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("request", (request) => {
    if (!/^(file|blob|data):/.test(request.url())) foreignRequests.push(request.url());
  });
  if (options.clock) await page.clock.setFixedTime(options.clock);
  await page.addInitScript(() => {
    const probe: PageProbe = { violations: [], longTasks: [], progress: [] };
    (window as unknown as { bangfuProbe: PageProbe }).bangfuProbe = probe;
    document.addEventListener("securitypolicyviolation", (e) => probe.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ entryTypes: ["longtask"] });
  });
  await page.goto(pageUrl);
  await page.getByRole("heading", { name: "增收帮扶助手 · 网页版", level: 1 }).waitFor();
  return page;
}

const probe = (page: Page) => page.evaluate(() => (window as unknown as { bangfuProbe: PageProbe }).bangfuProbe);

async function choose(page: Page, file: string): Promise<void> {
  await page.getByLabel("选择台账文件（.xlsx）").setInputFiles(file);
}

async function check(page: Page, timeout = 60_000): Promise<string> {
  await page.getByRole("button", { name: "开始检查" }).click();
  const line = page.getByText(/^共 \d+ 户 \d+ 人：/);
  await line.waitFor({ timeout });
  return (await line.textContent()) ?? "";
}

/** The start of the sample's summary line, as `bangfu check --json` counts its households and persons. */
async function sampleLineStart(): Promise<string> {
  const json = JSON.parse((await runCli(["check", SAMPLE, "--json", "--as-of", AS_OF])).stdout) as CliJson;
  return `共 ${json.households} 户 ${json.persons} 人：`;
}

interface CliJson {
  households: number;
  persons: number;
  rules: { id: string; status: string; findings: number }[];
  findings: { rule: string; severity: "error" | "warning" | "info"; row: number | null; column: string | null }[];
}

describe("网页版（从磁盘打开）", () => {
  test(
    "the built file: one classic script and an inert worker block, ES2020 syntax, no URL of " +
      "another origin, a policy that allows only the page",
    () => {
      const html = fs.readFileSync(path.join(dist, "bangfu.html"), "utf8");
      expect(fs.readdirSync(dist)).toEqual(["bangfu.html"]);
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].map((m) => ({ attributes: m[1], code: m[2] }));
      expect(scripts.map((s) => s.attributes.trim())).toEqual(['type="text/x-bangfu-worker" id="bangfu-worker"', ""]);
      expect(html).not.toMatch(/type\s*=\s*["']?module/i);
      // Every URL-valued attribute is inlined data.
      for (const m of html.matchAll(/\s(src|href|action|formaction|poster|srcset|data)\s*=\s*"([^"]*)"/gi)) expect(m[2]).toMatch(/^data:/);
      expect(html).not.toMatch(/<(iframe|object|embed|base|link\s+rel="(?!icon)[^"]*")\b/i);
      expect(html).toContain('<meta name="renderer" content="webkit" />');

      // The scripts: ES2020 syntax (Chromium 86 runs it); acorn refuses ES2021 syntax at this version.
      expect(() => acorn.parse("a ??= b", { ecmaVersion: 2020 })).toThrow();
      for (const { code } of scripts) {
        expect(() => acorn.parse(code, { ecmaVersion: 2020, sourceType: "script" })).not.toThrow();
        // Built-ins newer than Chromium 86 that no polyfill provides.
        for (const newer of [
          /\.at\(/,
          /Object\.hasOwn\(/,
          /structuredClone\(/,
          /\.toSorted\(/,
          /\.toReversed\(/,
          /\.toSpliced\(/,
          /\.findLastIndex\(/,
          /Object\.groupBy\(/,
          /Promise\.withResolvers\(/,
          /Array\.fromAsync\(/,
          /Intl\.Segmenter/,
          /randomUUID/,
          /AbortSignal\.timeout/,
          /isWellFormed/,
        ]) {
          expect(code).not.toMatch(newer);
        }
        // Nothing that loads code or talks to a network.
        for (const loader of [/\bimportScripts\(/, /\bimport\(/, /\bnew WebSocket\(/, /\bnew EventSource\(/, /sendBeacon\(/])
          expect(code).not.toMatch(loader);
      }

      // URLs in the text are XML namespace names (never fetched) or links inside libraries' error messages.
      const NOT_FETCHED =
        /^https?:\/\/(www\.w3\.org|schemas\.openxmlformats\.org|schemas\.microsoft\.com|purl\.org|purl\.oclc\.org|ns\.adobe\.com|react\.dev\/errors|aka\.ms\/|github\.com\/microsoft\/|stuk\.github\.io\/jszip\/documentation)/;
      const urls = [...html.matchAll(/https?:\/\/[^\s"'`<>)\\]+/g)].map((m) => m[0]);
      expect(urls.filter((u) => !NOT_FETCHED.test(u))).toEqual([]);

      // The policy: nothing but the page's own hashed script; no network at all.
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
      const directives = new Map(
        csp
          .split(";")
          .map((d) => d.trim().split(/\s+/))
          .map(([name, ...values]) => [name, values]),
      );
      expect(directives.get("default-src")).toEqual(["'none'"]);
      const inline = scripts[1].code;
      expect(directives.get("script-src")).toEqual([`'sha256-${crypto.createHash("sha256").update(inline, "utf8").digest("base64")}'`]);
      expect(directives.get("worker-src")).toEqual(["blob:"]);
      expect(directives.get("img-src")).toEqual(["data:"]);
      expect(directives.has("connect-src")).toBe(false);
      expect(csp).not.toContain("unsafe-eval");
      expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("<script"));
    },
  );

  test(
    "the sample ledger: the findings bangfu check counts, grouped by rule or household, a " +
      "severity filter, each cell's address; Chinese, with an English switch",
    async () => {
      const expected = JSON.parse((await runCli(["check", SAMPLE, "--json", "--as-of", AS_OF])).stdout) as CliJson;
      const page = await openPage({ clock: PAGE_CLOCK });
      expect(await page.getByTestId("privacy").textContent()).toContain("台账不会上传");
      await choose(page, SAMPLE);
      await page.getByTestId("file-name").waitFor();
      expect(await page.getByRole("combobox", { name: "工作表" }).inputValue()).toBe(SAMPLE_SHEET);
      const count = (s: string) => expected.findings.filter((f) => f.severity === s).length;
      expect(await check(page)).toBe(
        `共 ${expected.households} 户 ${expected.persons} 人：错误 ${count("error")} 条、警告 ${count("warning")} 条、提示 ${count("info")} 条`,
      );
      // Every rule as the command line ran or skipped it, with its count.
      for (const rule of expected.rules) {
        const text = await page.locator(`[data-rule="${rule.id}"]`).textContent();
        if (rule.status === "skipped") expect(text).toContain("已跳过");
        else expect(text).toContain(rule.findings === 0 ? "已运行，无问题" : `已运行，${rule.findings} 条`);
      }
      expect(await page.getByText("有 2 项当地参数尚未确认", { exact: false }).count()).toBe(1);
      // The README's picture: tall enough to show the findings under the summary line.
      await page.setViewportSize({ width: 960, height: 1500 });
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: path.join(SCREENSHOTS, "web-page.png"), fullPage: false, animations: "disabled", caret: "hide" });

      // A finding's cell: its address is shown (and copied) for Ctrl+G in Excel or WPS.
      const first = expected.findings.find((f) => f.row !== null)!;
      const address = `${SAMPLE_SHEET}!${first.column}${first.row}`;
      await page.locator(`button[title^="转到 ${address}："]`).first().click();
      await page.getByTestId("cell-notice").getByText(address, { exact: false }).waitFor();

      // By household, and without errors.
      await page.getByRole("radio", { name: "按户" }).check();
      await page
        .getByRole("heading", { name: /^户 \d+（户主 .+）（\d+）$/ })
        .first()
        .waitFor();
      await page.getByRole("checkbox", { name: `错误（${count("error")}）` }).uncheck();
      expect(await page.locator("ul li").getByText("错误", { exact: true }).count()).toBe(0);
      // No marks here: the file is never changed.
      expect(await page.getByRole("button", { name: "标记问题单元格" }).count()).toBe(0);

      await page.getByRole("button", { name: "Switch to English" }).click();
      await page.getByRole("heading", { name: "Income Support Assistant · offline page" }).waitFor();
      expect(await page.getByRole("tab", { name: "Check" }).count()).toBe(1);
      expect(await page.getByText(`${expected.households} households, ${expected.persons} persons:`, { exact: false }).count()).toBe(1);
      // The choice is remembered on this computer: back to Chinese for the next visit.
      await page.getByRole("button", { name: "切换到中文" }).click();
      await page.getByRole("heading", { name: "增收帮扶助手 · 网页版" }).waitFor();
      expect((await probe(page)).violations).toEqual([]);
      await page.close();
    },
  );

  test(
    "generate and download: the user's sheets byte for byte, the six tabs and the chart, the " +
      "same parts as bangfu summary writes; the original untouched",
    async () => {
      const before = sha256(SAMPLE);
      const page = await openPage({ clock: PAGE_CLOCK });
      await choose(page, SAMPLE);
      await page.getByTestId("file-name").waitFor();
      await page.getByRole("tab", { name: "汇总" }).click();
      const downloading = page.waitForEvent("download");
      await page.getByRole("button", { name: "生成并下载汇总工作簿" }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe("国家系统导出-人员-汇总.xlsx");
      const saved = path.join(work, "page-summary.xlsx");
      await download.saveAs(saved);
      await page.getByText("已生成 6 个汇总表").waitFor();
      expect(await page.locator('a[download="国家系统导出-人员-汇总.xlsx"]').textContent()).toMatch(
        /^下载 国家系统导出-人员-汇总\.xlsx（\d+ KB）$/,
      );

      const contents = await readSummaryWorkbook(saved);
      expect(contents.sheetNames).toEqual([SAMPLE_SHEET, ...SUMMARY_KEYS.map((k) => SUMMARY_TITLES[k])]);
      expect(contents.tabs.map((t) => t.key)).toEqual([...SUMMARY_KEYS]);
      expect(contents.tabs[0].metaLine).toContain(`检查日期：${AS_OF}`);

      const input = await JSZip.loadAsync(fs.readFileSync(SAMPLE));
      const output = await JSZip.loadAsync(fs.readFileSync(saved));
      const rewritten = new Set([
        "[Content_Types].xml",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
        "docProps/app.xml",
      ]);
      for (const name of Object.keys(input.files).filter((n) => !input.files[n].dir && !rewritten.has(n))) {
        expect([name, await output.file(name)?.async("nodebuffer")]).toEqual([name, await input.file(name)!.async("nodebuffer")]);
      }
      const chart = await output.file("xl/charts/chart1.xml")?.async("string");
      expect(chart).toContain("<c:barChart>");
      expect(chart).toContain('<c:grouping val="stacked"/>');

      // The command line writes the same parts (only the generation time in each tab's first line differs).
      const cliOut = path.join(work, "cli-summary.xlsx");
      expect((await runCli(["summary", SAMPLE, "-o", cliOut, "--as-of", AS_OF])).code).toBe(0);
      const cli = await JSZip.loadAsync(fs.readFileSync(cliOut));
      const timeless = (text: string) => text.replace(/生成时间：\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/g, "生成时间：…");
      const partsOf = async (zip: JSZip) =>
        Promise.all(
          Object.keys(zip.files)
            .filter((n) => !zip.files[n].dir)
            .map(async (n) => [n, timeless(await zip.file(n)!.async("string"))]),
        );
      expect(await partsOf(output)).toEqual(await partsOf(cli));
      expect(sha256(SAMPLE)).toBe(before);
      expect((await probe(page)).violations).toEqual([]);
      await page.close();
    },
  );

  test(
    "设置: an edited column mapping and a loaded policy file reach the worker's check, and " + "stay in this browser (not in the file)",
    async () => {
      const withPolicy = JSON.parse(
        (await runCli(["check", SAMPLE, "--json", "--as-of", AS_OF, "--policy", path.join(ROOT, "examples", "policy-2025.json")])).stdout,
      ) as CliJson;
      const page = await openPage({ clock: PAGE_CLOCK });
      const before = sha256(SAMPLE);
      await choose(page, SAMPLE);
      await check(page);
      const ruleText = (id: string) => page.locator(`[data-rule="${id}"]`).textContent();
      expect(await ruleText("M01")).toContain("已运行");

      // The mapping: the columns the check saw, the 增收帮扶责任人 column ignored → M01 has no column left.
      await page.getByRole("tab", { name: "设置" }).click();
      await page.getByLabel(/列“增收帮扶责任人”对应的字段$/).selectOption({ label: "忽略此列" });
      await page.getByRole("button", { name: "保存列映射" }).click();
      await page.getByText(`已保存“${SAMPLE_SHEET}”的列映射，下次检查将使用。`).waitFor();
      // Kept for this file in the browser: a new visit starts with it.
      await page.reload();
      await choose(page, SAMPLE);
      await check(page);
      expect(await ruleText("M01")).toContain("已跳过");

      // A policy file as `bangfu check --policy` takes it: the same counts, no unconfirmed parameters left.
      await page.getByRole("tab", { name: "设置" }).click();
      await page.getByRole("button", { name: "恢复自动识别" }).click();
      await page.getByLabel("载入参数文件…").setInputFiles(path.join(ROOT, "examples", "policy-2025.json"));
      await page.getByText("已载入参数文件 policy-2025.json。下次检查将使用其中的参数。").waitFor();
      await page.getByRole("tab", { name: "检查" }).click();
      const count = (s: string) => withPolicy.findings.filter((f) => f.severity === s).length;
      expect(await check(page)).toBe(
        `共 ${withPolicy.households} 户 ${withPolicy.persons} 人：错误 ${count("error")} 条、警告 ${count("warning")} 条、提示 ${count("info")} 条`,
      );
      expect(await page.getByText(/当地参数尚未确认/).count()).toBe(0);
      expect(await ruleText("M01")).toContain("已运行");

      // Back to the built-in parameters for the other tests; the file itself was never written.
      await page.getByRole("tab", { name: "设置" }).click();
      await page.getByRole("button", { name: "清除本地参数设置" }).click();
      await page.getByText("已保存。下次检查将使用新设置。").waitFor();
      expect(sha256(SAMPLE)).toBe(before);
      await page.close();
    },
  );

  test(
    "side ledgers: another sheet of the file ticked in 检查, another file added on the page; " +
      "the counts of bangfu check --with, the notes of what each gave; 检查范围 as " +
      "--include-monitored",
    async () => {
      const fixtures = realLayoutFixtures();
      const fileOf = (id: string) => path.join(work, fixtures[id].fileName);
      for (const id of ["nationalMonitoring", "pairing", "previousIncome"]) await writeFixtureXlsx(fixtures[id], fileOf(id));
      // The national export with the pairing export as a second sheet; last year's export stays a file of its own.
      const combined = path.join(work, "监测对象与结对.xlsx");
      await writeFixtureXlsx(
        { ...fixtures.nationalMonitoring, sheets: [...fixtures.nationalMonitoring.sheets, ...fixtures.pairing.sheets] },
        combined,
      );
      const sides = ["--with", fileOf("pairing"), "--with", fileOf("previousIncome")];
      const expected = JSON.parse(
        (await runCli(["check", fileOf("nationalMonitoring"), ...sides, "--json", "--as-of", AS_OF])).stdout,
      ) as CliJson;
      const wide = JSON.parse(
        (await runCli(["check", fileOf("nationalMonitoring"), ...sides, "--include-monitored", "--json", "--as-of", AS_OF])).stdout,
      ) as CliJson;
      const line = (json: CliJson) => {
        const count = (s: string) => json.findings.filter((f) => f.severity === s).length;
        return `共 ${json.households} 户 ${json.persons} 人：错误 ${count("error")} 条、警告 ${count("warning")} 条、提示 ${count("info")} 条`;
      };

      const page = await openPage({ clock: PAGE_CLOCK });
      await choose(page, combined);
      await page.getByTestId("file-name").waitFor();
      expect(await page.getByRole("combobox", { name: "工作表" }).inputValue()).toBe("监测对象信息");
      await page.getByRole("checkbox", { name: "帮扶责任人结对查询" }).check();
      await page.getByLabel("选择附表文件（.xlsx）").setInputFiles(fileOf("previousIncome"));
      expect(await page.getByTestId("side-files").textContent()).toMatch(
        /^上年收入-全县全字段2024\.xlsx（.+，并入工作表“全县全字段”）移除$/,
      );
      expect(await check(page)).toBe(line(expected));
      for (const rule of expected.rules) {
        const text = await page.locator(`[data-rule="${rule.id}"]`).textContent();
        if (rule.status === "skipped") expect(text).toContain("已跳过");
        else expect(text).toContain(rule.findings === 0 ? "已运行，无问题" : `已运行，${rule.findings} 条`);
      }
      // What each side ledger gave, how the rows were read, the household outside the plan's scope.
      await page.getByText(/^并入附表 工作表“帮扶责任人结对查询”.*按户主证件号码对上8户，8户取得了：增收帮扶责任人。$/).waitFor();
      await page.getByText(/^并入附表 上年收入-全县全字段2024\.xlsx.*按户编号对上10户，10户取得了：上年人均纯收入。$/).waitFor();
      await page.getByText("读法：按人登记：“与户主关系”列有16行是户主以外的成员").waitFor();
      await page.getByText(/^另有1户不属方案所称的脱贫户.*3704021010010006/).waitFor();
      await page.getByText(/^1户风险已消除，按“风险消除后家庭人均纯收入”分层和比较/).waitFor();

      // 检查范围: kept in the browser, and the next check counts as --include-monitored does.
      await page.getByRole("tab", { name: "设置" }).click();
      await page.getByRole("checkbox", { name: "风险已消除的监测户也按脱贫户检查" }).check();
      await page.getByText("已保存。下次检查将使用新设置。").waitFor();
      await page.getByRole("tab", { name: "检查" }).click();
      expect(await check(page)).toBe(line(wide));
      expect(await page.getByText(/^另有1户不属方案所称的脱贫户/).count()).toBe(0);

      // A removed side file is no longer joined; back to the default scope for the other tests.
      await page.getByRole("button", { name: "移除附表 上年收入-全县全字段2024.xlsx" }).click();
      expect(await page.getByTestId("side-files").count()).toBe(0);
      await check(page);
      expect(await page.getByText(/^并入附表 上年收入/).count()).toBe(0);
      await page.getByRole("tab", { name: "设置" }).click();
      await page.getByRole("checkbox", { name: "风险已消除的监测户也按脱贫户检查" }).uncheck();
      await page.getByText("已保存。下次检查将使用新设置。").waitFor();
      expect((await probe(page)).violations).toEqual([]);
      await page.close();
    },
  );

  test(
    "a file that is no ledger, a password-protected one and a cut-off one: each a clear " + "Chinese message, and the page still works",
    async () => {
      const page = await openPage({ clock: PAGE_CLOCK });
      await choose(page, files.notLedger);
      await page.getByText("没有找到像台账的工作表").waitFor();
      await page.getByRole("button", { name: "开始检查" }).click();
      await page.getByRole("alert").getByText("没有找到台账", { exact: true }).waitFor();

      await choose(page, files.encrypted);
      const encrypted = page.getByRole("alert").filter({ hasText: "无法打开这个文件" });
      await encrypted.waitFor();
      expect(await encrypted.textContent()).toMatch(/密码/);

      await choose(page, files.truncated);
      const truncated = page.getByRole("alert").filter({ hasText: "无法打开这个文件" });
      await truncated.waitFor();
      expect(await truncated.textContent()).toMatch(/不完整/);

      await choose(page, SAMPLE);
      const start = await sampleLineStart();
      expect((await check(page)).slice(0, start.length)).toBe(start);
      expect(await page.getByRole("alert").count()).toBe(0);
      await page.close();
    },
  );

  test("bytes after a sheet's deflate data (the browser's DecompressionStream refuses them): read as bangfu check reads them", async () => {
    const padded = path.join(work, "padded.xlsx");
    fs.writeFileSync(padded, withBytesAfterDeflate(fs.readFileSync(SAMPLE), "xl/worksheets/sheet1.xml", new Uint8Array([0, 0, 0, 0])));
    const cli = JSON.parse((await runCli(["check", padded, "--json", "--as-of", AS_OF])).stdout) as CliJson;
    const start = await sampleLineStart();
    expect(`共 ${cli.households} 户 ${cli.persons} 人：`).toBe(start);
    const page = await openPage({ clock: PAGE_CLOCK });
    await choose(page, padded);
    expect((await check(page)).slice(0, start.length)).toBe(start);
    expect(await page.getByRole("alert").count()).toBe(0);
    await page.close();
  });

  test("without the built-ins newer than Chromium 86, in the page and in its worker, the sample is checked and summarised", async () => {
    // The worker's script is a data block (not under the policy's hash): the removals go first in it.
    const html = fs.readFileSync(path.join(dist, "bangfu.html"), "utf8");
    const marker = '<script type="text/x-bangfu-worker" id="bangfu-worker">';
    expect(html.split(marker)).toHaveLength(2);
    const older = path.join(dist, "bangfu-chromium86.html");
    fs.writeFileSync(older, html.replace(marker, `${marker}${WITHOUT_NEWER_BUILT_INS}`));
    try {
      const page = await context.newPage();
      page.on("pageerror", (error) => pageErrors.push(error.message));
      await page.addInitScript(WITHOUT_NEWER_BUILT_INS);
      await page.goto(`file://${older}`);
      expect(await page.evaluate(() => [typeof [].at, typeof Object.hasOwn, typeof structuredClone])).toEqual([
        "undefined",
        "undefined",
        "undefined",
      ]);
      expect(
        await page.evaluate(() =>
          [DecompressionStream, CompressionStream].map((Stream) => {
            try {
              return new Stream("deflate-raw") && "takes raw deflate";
            } catch {
              return "refuses raw deflate";
            }
          }),
        ),
      ).toEqual(["refuses raw deflate", "refuses raw deflate"]);
      await choose(page, SAMPLE);
      const start = await sampleLineStart();
      expect((await check(page)).slice(0, start.length)).toBe(start);
      await page.getByRole("tab", { name: "汇总" }).click();
      const downloading = page.waitForEvent("download");
      await page.getByRole("button", { name: "生成并下载汇总工作簿" }).click();
      const saved = path.join(work, "chromium86-summary.xlsx");
      await (await downloading).saveAs(saved);
      expect((await readSummaryWorkbook(saved)).tabs).toHaveLength(SUMMARY_KEYS.length);
      await page.close();
    } finally {
      fs.rmSync(older, { force: true });
    }
  });

  test(
    `a ${BIG_ROWS.toLocaleString("en-US")}-row ledger: the progress bar moves while the page ` + `stays responsive (figures reported)`,
    async () => {
      const page = await openPage();
      await choose(page, files.big);
      await page.getByTestId("file-name").waitFor({ timeout: 60_000 });
      // Record every progress label the page shows.
      await page.evaluate(() => {
        const p = (window as unknown as { bangfuProbe: PageProbe }).bangfuProbe;
        new MutationObserver(() => {
          const label = document.querySelector('[role="progressbar"]')?.closest("[class*=Field]")?.textContent ?? null;
          if (label && p.progress[p.progress.length - 1] !== label) p.progress.push(label);
        }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      const now = () => page.evaluate(() => performance.now());
      const loaded = await now();
      const started = Date.now();
      const line = await check(page, 240_000);
      const checkSeconds = (Date.now() - started) / 1000;
      expect(line).toMatch(/^共 [\d,]+ 户 [\d,]+ 人：/);
      const afterCheck = await probe(page);
      const reading = afterCheck.progress.filter((p) => p.startsWith("正在读取"));
      // The bar moved: several distinct readings, rows increasing.
      const rows = reading.map((p) => Number(/已读 ([\d,]+) 行/.exec(p)?.[1].replace(/,/g, "") ?? NaN));
      expect(reading.length).toBeGreaterThanOrEqual(3);
      expect(rows).toEqual([...rows].sort((a, b) => a - b));

      await page.getByRole("tab", { name: "汇总" }).click();
      const downloading = page.waitForEvent("download", { timeout: 240_000 });
      const generateStarted = Date.now();
      await page.getByRole("button", { name: "生成并下载汇总工作簿" }).click();
      const download = await downloading;
      const generateSeconds = (Date.now() - generateStarted) / 1000;
      const saved = path.join(work, "big-summary.xlsx");
      await download.saveAs(saved);
      const { longTasks, violations } = await probe(page);
      expect(violations).toEqual([]);
      // Long tasks while the file was read, checked, summarised and written (the page's own start-up before that is counted apart).
      const during = longTasks.filter((t) => t.start >= loaded);
      const longest = Math.max(0, ...during.map((t) => t.duration));
      const total = during.reduce((s, t) => s + t.duration, 0);
      const startup = longTasks.filter((t) => t.start < loaded);
      // A figure for the benchmark, not an assertion on time.
      console.log(
        [
          `[bench] offline page, ${BIG_ROWS.toLocaleString("en-US")}-row ledger ` +
            `(${(fs.statSync(files.big).size / 1e6).toFixed(1)} MB), headless Chromium from file://:`,
          `  check ${checkSeconds.toFixed(1)} s (${reading.length} progress readings), generate + ` +
            `download ${generateSeconds.toFixed(1)} s (${(fs.statSync(saved).size / 1e6).toFixed(1)} ` +
            `MB);`,
          `  main-thread long tasks (>50 ms) from choosing the check to the download: ` +
            `${during.length}, longest ${longest.toFixed(0)} ms, ${total.toFixed(0)} ms in all`,
          `  (before that, loading the page and opening the file: ${startup.length} long task(s), ` +
            `longest ${Math.max(0, ...startup.map((t) => t.duration)).toFixed(0)} ms)`,
        ].join("\n"),
      );
      await page.close();
    },
  );

  test(
    `the same ${BIG_ROWS.toLocaleString("en-US")}-row ledger with every string in its cell (as Apache POI's streaming ` +
      `writer writes Java exports): the same counts as with shared strings (figure reported)`,
    async () => {
      const counts: string[] = [];
      const seconds: number[] = [];
      for (const file of [files.big, files.bigInline]) {
        const page = await openPage();
        await choose(page, file);
        await page.getByTestId("file-name").waitFor({ timeout: 60_000 });
        const started = Date.now();
        counts.push(await check(page, 240_000));
        seconds.push((Date.now() - started) / 1000);
        await page.close();
      }
      expect(counts[0]).toMatch(/^共 [\d,]+ 户 [\d,]+ 人：/);
      expect(counts[1]).toBe(counts[0]);
      // A figure for the benchmark, not an assertion on time.
      console.log(
        `[bench] offline page, ${BIG_ROWS.toLocaleString("en-US")}-row ledger: check ${seconds[0].toFixed(1)} s with shared ` +
          `strings, ${seconds[1].toFixed(1)} s with inline strings (${(fs.statSync(files.bigInline).size / 1e6).toFixed(1)} MB)`,
      );
    },
  );

  test("npm run web serves the page on 127.0.0.1, with its policy as a header, and prints the address", async () => {
    let server: ChildProcess | null = null;
    try {
      server = spawn(
        process.execPath,
        [path.join(ROOT, "scripts", "serveWeb.js"), "--port", "0", "--file", path.join(dist, "bangfu.html")],
        { stdio: ["ignore", "pipe", "pipe"] },
      );
      const address = await new Promise<string>((resolve, reject) => {
        let out = "";
        server!.stdout!.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
          if (m) resolve(m[0]);
        });
        server!.on("exit", (code) => reject(new Error(`server exited with ${code}: ${out}`)));
      });
      const response = await new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
        http
          .get(address, (res) => {
            let body = "";
            res.setEncoding("utf8");
            res.on("data", (c: string) => (body += c));
            res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
          })
          .on("error", reject);
      });
      expect(response.status).toBe(200);
      expect(response.body).toBe(fs.readFileSync(path.join(dist, "bangfu.html"), "utf8"));
      expect(response.headers["content-security-policy"]).toBe(
        /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(response.body)?.[1],
      );
    } finally {
      server?.kill();
    }
  });
});

/**
 * The memory guard in a browser whose heap is small, as on an office PC with little memory: V8's
 * heap limited to 64 MB of old generation (Chromium then reports a jsHeapSizeLimit of about
 * 177 MB), a ledger of 150,000 rows that crashes such a tab unguarded (at 100,000–120,000 rows,
 * docs/performance.md). With the guard the check stops with the Chinese refusal and the same tab
 * checks the next file.
 */
describe("网页版的内存检查（V8 堆上限 64 MB）", () => {
  const SMALL_HEAP_ARGS = [...CHROMIUM_ARGS, "--js-flags=--max-old-space-size=64"];
  const ROWS = 150_000;
  let small: import("playwright-core").Browser;
  let ledger: string;

  beforeAll(async () => {
    ledger = path.join(work, "十五万行台账.xlsx");
    await writeBenchLedger(ROWS + 3, ledger);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- playwright-core is CommonJS
    const { chromium } = require("playwright-core") as typeof import("playwright-core");
    small = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: SMALL_HEAP_ARGS });
  }, 300_000);

  afterAll(async () => {
    await small?.close();
  });

  /** A tab of the small-heap browser on the page from disk; `hideHeapLimit` removes performance.memory before the page's script runs. */
  async function smallHeapPage(hideHeapLimit: boolean): Promise<{ page: Page; crashed: () => boolean }> {
    const page = await small.newPage({ locale: "zh-CN" });
    let crashed = false;
    page.on("crash", () => (crashed = true));
    page.on("request", (request) => {
      if (!/^(file|blob|data):/.test(request.url())) foreignRequests.push(request.url());
    });
    if (hideHeapLimit) await page.addInitScript(() => delete (Performance.prototype as { memory?: unknown }).memory);
    await page.goto(pageUrl);
    await page.getByRole("heading", { name: "增收帮扶助手 · 网页版", level: 1 }).waitFor();
    return { page, crashed: () => crashed };
  }

  test(
    `a ${ROWS.toLocaleString("en-US")}-row ledger: without the guard the tab crashes; with it the check stops with the Chinese ` +
      "refusal and the tab checks the next file",
    async () => {
      // Without the heap limit (a browser that does not tell it) there is no guard: the tab runs out of memory.
      const bare = await smallHeapPage(true);
      expect(await bare.page.evaluate(() => "memory" in performance)).toBe(false);
      const crash = bare.page.waitForEvent("crash", { timeout: 240_000 });
      await choose(bare.page, ledger);
      await bare.page.getByTestId("file-name").waitFor({ timeout: 60_000 });
      await bare.page.getByRole("button", { name: "开始检查" }).click();
      await crash;
      expect(bare.crashed()).toBe(true);
      await bare.page.close().catch(() => undefined);

      const { page, crashed } = await smallHeapPage(false);
      page.on("pageerror", (error) => pageErrors.push(error.message));
      const heapLimit = await page.evaluate(
        () => (performance as unknown as { memory: { jsHeapSizeLimit: number } }).memory.jsHeapSizeLimit,
      );
      await choose(page, ledger);
      await page.getByTestId("file-name").waitFor({ timeout: 60_000 });
      await page.getByRole("button", { name: "开始检查" }).click();
      const alert = page.getByRole("alert").filter({ hasText: "台账太大，这个浏览器的内存不够" });
      await alert.waitFor({ timeout: 240_000 });
      const text = (await alert.textContent()) ?? "";
      expect(text).toMatch(/十五万行台账\.xlsx 的工作表“脱贫人口明细”太大：读到第 [\d,]+ 行时已接近浏览器给本页面的内存上限/);
      expect(text).toContain(`约 ${Math.round(heapLimit / 1048576).toLocaleString("en-US")} MB`);
      expect(text).toMatch(/约可检查 [\d,]+ 行台账/);
      expect(text).toContain("拆成几个文件");
      expect(text).toContain("命令行 bangfu check");
      const stoppedAt = Number(/读到第 ([\d,]+) 行/.exec(text)![1].replace(/,/g, ""));
      expect(stoppedAt).toBeLessThan(ROWS);
      expect(crashed()).toBe(false);

      // The same tab goes on: the sample is checked.
      await choose(page, SAMPLE);
      const start = await sampleLineStart();
      expect((await check(page)).slice(0, start.length)).toBe(start);
      expect(crashed()).toBe(false);
      await page.close();
    },
    300_000,
  );
});
