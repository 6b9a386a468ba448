/**
 * Runs the production build once (into a temporary folder) and checks what would be
 * deployed: the shared-runtime page, the bundles, both metadata files, the rewritten
 * manifest, the icons and the local office.js; then opens the built page in headless
 * Chromium with every request off the machine blocked (an office network without internet).
 */
import { parse } from "acorn";
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { FunctionsMetadata, localizeMetadata } from "../src/functions/localizeMetadata";
import { ZH_CN } from "../src/functions/zh-CN";
import { launchLocalBrowser, serve, serverUrl } from "./support/browser";
import { validateManifest } from "../scripts/validateManifest";
import { OFFICE_JS_MODES, officeJsCopyPatterns, officeJsMode, officeJsUrl } from "../scripts/officeJs";

const ROOT = path.resolve(__dirname, "..");
const PUBLIC_URL = "https://bangfu.test.example/";
const IDS = ["TIER", "COURTYARD_SUBSIDY", "FILIAL_MATCH", "PER_CAPITA", "AGE"];

let dist: string;
let output: string;

const read = (file: string) => fs.readFileSync(path.join(dist, file), "utf8");
const readJson = (file: string) => JSON.parse(read(file)) as FunctionsMetadata;

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), "bangfu-dist-"));
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const result = await promisify(execFile)(process.execPath, [cli, "--mode", "production"], {
    cwd: ROOT,
    env: { ...process.env, BANGFU_PUBLIC_URL: PUBLIC_URL, BANGFU_DIST: dist, NO_COLOR: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  output = result.stdout + result.stderr;
}, 180_000);

afterAll(() => {
  if (dist) fs.rmSync(dist, { recursive: true, force: true });
});

describe("npm run build (production)", () => {
  it("compiles without errors and without the placeholder-URL warning", () => {
    expect(output).toMatch(/compiled (successfully|with \d+ warnings?)/);
    expect(output).not.toMatch(/ERROR/);
    expect(output).not.toMatch(/BANGFU_PUBLIC_URL is not set/);
  });

  it("writes taskpane.html loading the local office.js (no internet needed), then the three bundles", () => {
    const html = read("taskpane.html");
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]);
    expect(scripts).toEqual(["office/office.js", "taskpane.js", "commands.js", "functions.js"]);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain("增收帮扶助手");
    // The ES5 check for old webviews ships inline (test/taskpane/oldBrowser.test.ts), the bundles deferred after it.
    // The build minifies it: what ships must still parse as ES5.
    const check = /<script id="?bangfu-browser-check"?>([\s\S]*?)<\/script>/.exec(html);
    expect(check).not.toBeNull();
    expect(() => parse(check![1], { ecmaVersion: 5 })).not.toThrow();
    expect(check![1]).toContain("浏览器太旧");
    expect(html).toMatch(/<script\b[^>]*\bdefer\b[^>]*\bsrc=["']?taskpane\.js|<script\b[^>]*\bsrc=["']?taskpane\.js[^>]*\bdefer/);
  });

  it("copies office.js with the companion files it loads, not re-minified, without the debug twins", () => {
    const packaged = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");
    for (const file of [
      "office.js",
      "excel-win32-16.01.js",
      "excel-win32-16.00.js",
      "excel-web-16.00.js",
      "excel-mac-16.00.js",
      "o15apptofilemappingtable.js",
      "zh-cn/office_strings.js",
      "en-us/office_strings.js",
      "telemetry/oteljs_agave.js",
      "ariatelemetry/aria-web-telemetry.js",
    ]) {
      expect(fs.readFileSync(path.join(dist, "office", file)).equals(fs.readFileSync(path.join(packaged, file)))).toBe(true);
    }
    const all = fs.readdirSync(path.join(dist, "office"), { recursive: true }).map(String);
    expect(all.filter((f) => f.endsWith(".debug.js"))).toEqual([]);
    expect(all.filter((f) => /^(word|outlook|powerpoint|onenote|project)/.test(f))).toEqual([]);
  });

  it("writes functions.js registering every function with Excel", () => {
    const js = read("functions.js");
    // The registration calls go through functions.ts's CustomFunctions binding (minified to one letter).
    for (const id of IDS) expect(js).toMatch(new RegExp(`\\b\\w+\\.associate\\("${id}"`));
    expect(fs.existsSync(path.join(dist, "taskpane.js"))).toBe(true);
    expect(fs.existsSync(path.join(dist, "commands.js"))).toBe(true);
  });

  it("writes functions.json and its zh-CN twin with the same ids and parameters (names shown in Chinese)", () => {
    const english = readJson("functions.json");
    const chinese = readJson("functions.zh-CN.json");
    expect(english.functions.map((f) => f.id)).toEqual(IDS);
    const shape = (m: FunctionsMetadata) => m.functions.map((f) => [f.id, f.name, f.parameters.length]);
    expect(shape(chinese)).toEqual(shape(english));
    expect(chinese).toEqual(localizeMetadata(english, ZH_CN));
    for (const fn of chinese.functions) expect(fn.description).toMatch(/[\u4e00-\u9fff]/);
    expect(chinese.functions[0].parameters.map((p) => p.name)).toEqual(["人均纯收入", "低收入标准", "高收入标准"]);
    // An error cell in a range argument reaches the function (an error in its own result cell only).
    expect([english.allowErrorForDataTypeAny, chinese.allowErrorForDataTypeAny]).toEqual([true, true]);
  });

  it("writes manifest.xml pointing at the public URL, with no localhost left", () => {
    const manifest = read("manifest.xml");
    const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    expect(manifest).not.toMatch(/localhost/i);
    expect(manifest.split(PUBLIC_URL).length - 1).toBe(source.split("https://localhost:3000/").length - 1);
    expect(manifest).toContain(`${PUBLIC_URL}functions.zh-CN.json`);
  });

  it("writes manifest-taskpane.xml (no VersionOverrides, for SharePoint catalogs) and the help page, both passing npm run validate", () => {
    const variant = read("manifest-taskpane.xml");
    expect(variant).not.toMatch(/VersionOverrides>|localhost/);
    expect(variant).toContain(`${PUBLIC_URL}taskpane.html`);
    expect(validateManifest(variant, "manifest-taskpane.xml")).toEqual([]);
    expect(validateManifest(read("manifest.xml"))).toEqual([]);
    expect(read("help.html")).toContain("增收帮扶助手 · 使用帮助");
  });

  it("copies the icons unchanged", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      const name = `assets/icon-${size}.png`;
      expect(fs.readFileSync(path.join(dist, name)).equals(fs.readFileSync(path.join(ROOT, name)))).toBe(true);
    }
  });
});

describe("BANGFU_OFFICE_JS", () => {
  it("chooses the local copy by default, Microsoft's CDN or the 21Vianet CDN on request", () => {
    expect(officeJsMode(undefined)).toBe("local");
    expect(officeJsUrl("local")).toBe("office/office.js");
    expect(officeJsUrl("cdn")).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(officeJsUrl("CN")).toBe("https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js");
    expect(Object.keys(OFFICE_JS_MODES)).toEqual(["local", "cdn", "cn"]);
    expect(officeJsCopyPatterns("cdn")).toEqual([]);
    expect(officeJsCopyPatterns("local").every((p) => p.info.minimized)).toBe(true);
  });

  it("refuses anything else with a message naming the choices", () => {
    expect(() => officeJsMode("internet")).toThrow(/local, cdn or cn/);
  });
});

describe("the built page on a network without internet (headless Chromium)", () => {
  async function openPage(blockOfficeJs: boolean) {
    const server = await serve(dist);
    const base = serverUrl(server);
    const browser = await launchLocalBrowser(base, { width: 420, height: 700 });
    try {
      if (blockOfficeJs) await browser.context.route(`${base}office/office.js`, (route) => route.abort());
      const page = await browser.context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(`${base}taskpane.html`);
      const alert = page.locator(".fui-MessageBarTitle");
      await alert.waitFor({ timeout: 60_000 });
      const title = await alert.innerText();
      const body = await page.locator(".fui-MessageBarBody").innerText();
      const officeLoaded = await page.evaluate(() => typeof (window as { Office?: unknown }).Office !== "undefined");
      const tooOld = await page.evaluate(() => (window as { bangfuBrowserTooOld?: boolean }).bangfuBrowserTooOld === true);
      return { title, body, officeLoaded, tooOld, errors, foreign: [...browser.foreignRequests] };
    } finally {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  it("loads office.js and its companions from the add-in's own server: Office starts and, outside Excel, says so", async () => {
    const result = await openPage(false);
    expect(result.foreign).toEqual([]);
    expect(result.officeLoaded).toBe(true);
    expect(result.title).toBe("请在 Excel 或 WPS 表格中打开");
    // Current Chromium (as WebView2) passes taskpane.html's check for old webviews.
    expect(result.tooOld).toBe(false);
    // functions.js registers nothing outside Excel instead of failing on a missing CustomFunctions.
    expect(result.errors).toEqual([]);
  }, 120_000);

  it("when office.js cannot load, the pane says exactly that and what to do (not 'open in Excel')", async () => {
    const result = await openPage(true);
    expect(result.officeLoaded).toBe(false);
    expect(result.title).toBe("未能加载 Office 脚本 office.js");
    expect(result.body).toContain("office/office.js");
    expect(result.body).toContain("dist/");
    expect(result.errors.filter((e) => /CustomFunctions is not defined/.test(e))).toEqual([]);
  }, 120_000);
});
