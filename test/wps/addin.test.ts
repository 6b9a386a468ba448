/**
 * `npm run build:wps` once, into a temporary folder, then what would be installed:
 * - the add-in folder is self-contained (only its own files, no CDN) and its scripts are
 *   Chromium 64 syntax; ribbon.xml is well-formed and every callback it names is a function of
 *   the main page, every button handled, every image present; main.js registers the functions;
 * - the offline package: publish.xml / jsplugins.xml, the .7z and .zip, and install-linux.sh
 *   run for a user and for all users (under a stand-in root) against existing WPS files;
 * - headless Chromium (Debian's, via playwright-core, as test/browser.test.ts) loads the main
 *   page with a fake `wps`/`Application`, plays WPS's part for the ribbon, clicks 检查本表 and
 *   生成汇总, with the built-ins Chromium 64 lacks removed, and sees no request leave the
 *   add-in's own origin.
 * No WPS runs here: install-windows.ps1 is checked for its form only.
 */
import { execFile, execFileSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import { promisify } from "util";
import { DOMParser } from "@xmldom/xmldom";
import * as acorn from "acorn";
import * as esbuild from "esbuild";
import JSZip from "jszip";
import type { BrowserContext, Frame, Page } from "playwright-core";
import { SUMMARY_KEYS, SUMMARY_TITLES } from "../../src/summaries";
import { RIBBON_BUTTONS } from "../../src/wps/ribbon";
import { FakeEt } from "./fakeEt";

const ROOT = path.resolve(__dirname, "../..");
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
const FOLDER = `bangfu_${version}`;
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

let root: string;
let pkg: string;
let addin: string;
let output: string;

const read = (file: string) => fs.readFileSync(path.join(addin, file), "utf8");
const files = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name]));

function parseXml(text: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => void (level !== "warning" && errors.push(message)) }).parseFromString(
    text,
    "text/xml",
  ) as unknown as Document;
  if (errors.length > 0) throw new Error(`not well-formed: ${errors.join("; ")}`);
  return doc;
}

function elements(doc: Document, name: string): Element[] {
  return Array.from(doc.getElementsByTagName(name) as unknown as ArrayLike<Element>);
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "bangfu-wps-"));
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const result = await promisify(execFile)(process.execPath, [cli, "--config", "webpack.wps.config.js"], {
    cwd: ROOT,
    env: { ...process.env, BANGFU_WPS_DIST: root, NO_COLOR: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  output = result.stdout + result.stderr;
  pkg = path.join(root, `bangfu-wps-${version}`);
  addin = path.join(pkg, FOLDER);
}, 300_000);

afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe("npm run build:wps: the add-in folder", () => {
  test("compiles without errors", () => {
    expect(output).toMatch(/compiled successfully/);
    expect(output).not.toMatch(/ERROR/);
  });

  test("is self-contained: its pages load only its own files, nothing from a CDN", () => {
    expect(files(addin).sort()).toEqual(
      [
        "index.html",
        "main.js",
        "manifest.xml",
        "ribbon.xml",
        "taskpane.html",
        "taskpane.js",
        ...fs
          .readdirSync(path.join(ROOT, "assets"))
          .filter((f) => f.endsWith(".png"))
          .map((f) => `assets/${f}`),
      ].sort(),
    );
    for (const page of ["index.html", "taskpane.html"]) {
      const html = read(page);
      const refs = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
      for (const ref of refs) {
        expect(ref).not.toMatch(/^(https?:)?\/\//);
        expect(fs.existsSync(path.join(addin, ref))).toBe(true);
      }
      expect(html).not.toMatch(/type="module"/);
    }
    expect(read("index.html")).toContain('src="main.js"');
    expect(read("taskpane.html")).toContain('src="taskpane.js"');
    for (const script of ["main.js", "taskpane.js"])
      expect(read(script)).not.toMatch(/appsforoffice|https:\/\/[a-z.]*microsoft\.com\/.*\.js/);
  });

  test("scripts use only syntax Chromium 64 runs (ES2018)", () => {
    for (const script of ["main.js", "taskpane.js"]) {
      expect(() => acorn.parse(read(script), { ecmaVersion: 2018, sourceType: "script" })).not.toThrow();
    }
    // The check has teeth: ES2020 syntax is rejected at this level.
    expect(() => acorn.parse("a?.b ?? c", { ecmaVersion: 2018 })).toThrow();
  });

  test("ribbon.xml is well-formed CustomUI: tab 增收帮扶 with 检查本表, 生成汇总, 打开助手", () => {
    const doc = parseXml(read("ribbon.xml"));
    expect(doc.documentElement.getAttribute("xmlns")).toBe("http://schemas.microsoft.com/office/2006/01/customui");
    expect(elements(doc, "tab").map((t) => t.getAttribute("label"))).toEqual(["增收帮扶"]);
    expect(elements(doc, "button").map((b) => b.getAttribute("label"))).toEqual(["检查本表", "生成汇总", "打开助手"]);
    parseXml(read("manifest.xml"));
  });

  test(
    "every callback ribbon.xml names is a function of the main page; every button is handled " +
      "and has its image; main.js registers the functions",
    () => {
      const doc = parseXml(read("ribbon.xml"));
      const callbacks = new Set<string>([doc.documentElement.getAttribute("onLoad") ?? ""]);
      for (const button of elements(doc, "button"))
        for (const attr of ["onAction", "getImage"]) callbacks.add(button.getAttribute(attr) ?? "");
      expect([...callbacks]).toEqual(["OnAddinLoad", "OnAction", "GetImage"]);

      const et = new FakeEt([{ name: "台账", cells: [["户编号"]] }]);
      const alerts: string[] = [];
      const page: Record<string, unknown> = {
        wps: et.app,
        Application: et.app,
        location: { href: `http://127.0.0.1:3889/${FOLDER}/index.html` },
        document: { body: {} },
        alert: (m: string) => alerts.push(m),
        console,
        URL,
        URLSearchParams,
        setTimeout,
        clearTimeout,
      };
      page.window = page;
      page.self = page;
      vm.runInNewContext(read("main.js"), page);
      for (const name of callbacks) expect(typeof page[name]).toBe("function");

      const onAction = page.OnAction as (c: { Id: string }) => boolean;
      const getImage = page.GetImage as (c: { Id: string }) => string;
      const ids = elements(doc, "button").map((b) => b.getAttribute("id")!);
      expect(ids).toEqual(Object.keys(RIBBON_BUTTONS));
      for (const id of ids) {
        expect(fs.existsSync(path.join(addin, getImage({ Id: id })))).toBe(true);
        expect(onAction({ Id: id })).toBe(true);
      }
      expect(alerts).toEqual([]);
      expect(et.taskPanes).toHaveLength(1);
      expect(et.taskPanes[0].navigations).toEqual([`http://127.0.0.1:3889/${FOLDER}/taskpane.html#bangfu=showSummaries&n=2`]);
      expect([...et.functions.keys()]).toEqual([
        "BANGFU.TIER",
        "BANGFU.COURTYARD_SUBSIDY",
        "BANGFU.FILIAL_MATCH",
        "BANGFU.PER_CAPITA",
        "BANGFU.AGE",
      ]);
      expect(et.functions.get("BANGFU.TIER")?.metadata?.description).toMatch(/收入分层/);
      expect(et.callFunction("BANGFU.TIER", 10999.99)).toEqual([["低收入"]]);
      // Bad input shows "#VALUE!：" and the Chinese reason (the page has no Excel runtime).
      expect(page.CustomFunctions).toBeDefined();
      const bad = (name: string, ...args: unknown[]) => (et.callFunction(`BANGFU.${name}`, ...args) as unknown[][])[0][0];
      expect(bad("TIER", "abc")).toMatch(/^#VALUE!：.*“abc”/);
      expect(bad("AGE", "123")).toMatch(/^#VALUE!：.*[\u4e00-\u9fff]/);
      expect(bad("COURTYARD_SUBSIDY", -5)).toMatch(/^#VALUE!：.*[\u4e00-\u9fff]/);
      expect(bad("FILIAL_MATCH", 3600, "六十")).toMatch(/^#VALUE!：.*“六十”/);
      expect(bad("PER_CAPITA", 1000, 0, 0, 0, 0, 0)).toMatch(/^#VALUE!：.*家庭人口数/);
      expect(et.callFunction("BANGFU.TIER", [[9000], ["x"]])).toEqual([["低收入"], [expect.stringMatching(/^#VALUE!：.*“x”/)]]);

      // A WPS build without custom functions: the ribbon works all the same.
      const older = new FakeEt([{ name: "台账", cells: [["户编号"]] }], { customFunctions: false });
      const olderPage: Record<string, unknown> = { ...page, wps: older.app, Application: older.app };
      olderPage.window = olderPage;
      vm.runInNewContext(read("main.js"), olderPage);
      expect((olderPage.OnAction as (c: { Id: string }) => boolean)({ Id: "bangfuCheck" })).toBe(true);
      expect(older.taskPanes).toHaveLength(1);
      expect(older.functions.size).toBe(0);
    },
  );
});

describe("npm run build:wps: the offline package", () => {
  test("publish.xml, jsplugins.xml and the archives", async () => {
    const entry = (file: string) => elements(parseXml(fs.readFileSync(path.join(pkg, file), "utf8")), "jsplugin")[0];
    expect(attributes(entry("publish.xml"))).toEqual({
      name: "bangfu",
      type: "et",
      url: FOLDER,
      version,
      enable: "enable_dev",
      install: "null",
      customDomain: "",
    });
    expect(attributes(entry("jsplugins.xml"))).toEqual({
      name: "bangfu",
      type: "et",
      url: "file:///opt/bangfu-wps/bangfu.7z",
      version,
      enable: "true",
    });
    expect(entry("jsplugins.server.xml").getAttribute("url")).toMatch(/^http:\/\/.*\/bangfu\.7z$/);

    // eslint-disable-next-line @typescript-eslint/no-require-imports -- an optional CommonJS package
    const { path7za } = require("7zip-bin") as { path7za: string };
    const listing = execFileSync(path7za, ["l", "-slt", path.join(pkg, "bangfu.7z")], { encoding: "utf8" });
    const archived = [...listing.matchAll(/^Path = (.+)$/gm)].map((m) => m[1]).filter((p) => p !== path.join(pkg, "bangfu.7z"));
    expect(archived.filter((p) => !archived.some((q) => q.startsWith(`${p}/`))).sort()).toEqual(
      files(addin)
        .map((f) => `${FOLDER}/${f}`)
        .sort(),
    );

    const zip = await JSZip.loadAsync(fs.readFileSync(`${pkg}.zip`));
    const zipped = Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name);
    expect(Number(zip.file(`bangfu-wps-${version}/install-linux.sh`)?.unixPermissions) & 0o777).toBe(0o755);
    expect(zipped.sort()).toEqual(
      files(pkg)
        .map((f) => `bangfu-wps-${version}/${f}`)
        .sort(),
    );
  });

  test("the scripts are filled in; Windows files have CRLF, UTF-8 files for Windows a BOM; the .bat is ASCII", () => {
    for (const file of ["install-linux.sh", "install-windows.ps1", "install-windows.bat", "INSTALL.txt"]) {
      const text = fs.readFileSync(path.join(pkg, file), "utf8");
      expect(text).not.toMatch(/@(NAME|VERSION|FOLDER)@/);
    }
    const ps1 = fs.readFileSync(path.join(pkg, "install-windows.ps1"), "utf8");
    expect(ps1.startsWith("\ufeff")).toBe(true);
    expect(ps1.replace(/\r\n/g, "")).not.toContain("\n");
    expect(ps1).toContain(`$folder = '${FOLDER}'`);
    expect(ps1).toContain("kingsoft\\wps\\jsaddons");
    const bat = fs.readFileSync(path.join(pkg, "install-windows.bat"));
    expect([...bat].every((b) => b < 0x80)).toBe(true);
    expect(fs.statSync(path.join(pkg, "install-linux.sh")).mode & 0o111).not.toBe(0);
  });

  const OTHER = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<jsplugins>
  <jspluginonline name="oa" type="wps" url="http://oa.example/addin/" debug="" enable="enable_dev" install="null" customDomain=""/>
  <jsplugin name="bangfu" type="et" url="bangfu_0.0.9" version="0.0.9" enable="enable_dev" install="null" customDomain=""></jsplugin>
  <jsplugin name="seal" type="wps" url="seal_1.0" version="1.0" enable="enable_dev" install="null" customDomain=""></jsplugin>
</jsplugins>`;

  test(
    "install-linux.sh for one user: copies the folder into " +
      "~/.local/share/Kingsoft/wps/jsaddons and lists it in publish.xml beside the others",
    () => {
      const home = fs.mkdtempSync(path.join(os.tmpdir(), "bangfu-home-"));
      const jsaddons = path.join(home, ".local/share/Kingsoft/wps/jsaddons");
      fs.mkdirSync(path.join(jsaddons, "bangfu_0.0.9"), { recursive: true });
      fs.writeFileSync(path.join(jsaddons, "publish.xml"), OTHER);
      const run = (...args: string[]) =>
        execFileSync("sh", [path.join(pkg, "install-linux.sh"), ...args], { env: { ...process.env, HOME: home }, encoding: "utf8" });
      try {
        expect(run()).toContain("已为当前用户安装");
        expect(fs.existsSync(path.join(jsaddons, "bangfu_0.0.9"))).toBe(false);
        expect(files(path.join(jsaddons, FOLDER)).sort()).toEqual(files(addin).sort());
        expect(read("main.js")).toBe(fs.readFileSync(path.join(jsaddons, FOLDER, "main.js"), "utf8"));
        const listed = () =>
          elements(parseXml(fs.readFileSync(path.join(jsaddons, "publish.xml"), "utf8")), "*")
            .filter((e) => e.hasAttribute("name"))
            .map(attributes);
        expect(listed()).toEqual([
          { name: "oa", type: "wps", url: "http://oa.example/addin/", debug: "", enable: "enable_dev", install: "null", customDomain: "" },
          { name: "seal", type: "wps", url: "seal_1.0", version: "1.0", enable: "enable_dev", install: "null", customDomain: "" },
          { name: "bangfu", type: "et", url: FOLDER, version, enable: "enable_dev", install: "null", customDomain: "" },
        ]);
        run(); // again: still one entry
        expect(listed().filter((e) => e.name === "bangfu")).toHaveLength(1);
        expect(run("--uninstall")).toContain("已为当前用户卸载");
        expect(listed().map((e) => e.name)).toEqual(["oa", "seal"]);
        expect(fs.existsSync(path.join(jsaddons, FOLDER))).toBe(false);
        // A machine without any publish.xml.
        fs.rmSync(jsaddons, { recursive: true });
        run();
        expect(listed().map((e) => e.name)).toEqual(["bangfu"]);
      } finally {
        fs.rmSync(home, { recursive: true, force: true });
      }
    },
  );

  test(
    "install-linux.sh --system: /opt/bangfu-wps with jsplugins.xml, and oem.ini of each WPS " + "under /opt (community and 信创 builds)",
    () => {
      const fakeRoot = fs.mkdtempSync(path.join(os.tmpdir(), "bangfu-root-"));
      const community = path.join(fakeRoot, "opt/kingsoft/wps-office/office6/cfgs");
      const pro = path.join(fakeRoot, "opt/apps/cn.wps.wps-office-pro/files/kingsoft/wps-office/office6");
      fs.mkdirSync(community, { recursive: true });
      fs.mkdirSync(pro, { recursive: true });
      const original = "[Setup]\nLANG_ID=2052\n\n[Support]\nJsApiPlugin = false\nJsApiShowWebDebugger=true\n";
      fs.writeFileSync(path.join(community, "oem.ini"), original);
      const run = (...args: string[]) =>
        execFileSync("sh", [path.join(pkg, "install-linux.sh"), "--system", ...args], {
          env: { ...process.env, BANGFU_ROOT: fakeRoot },
          encoding: "utf8",
        });
      try {
        run();
        run(); // twice: nothing doubled
        const dest = path.join(fakeRoot, "opt/bangfu-wps");
        expect(fs.readFileSync(path.join(dest, "bangfu.7z"))).toEqual(fs.readFileSync(path.join(pkg, "bangfu.7z")));
        expect(attributes(elements(parseXml(fs.readFileSync(path.join(dest, "jsplugins.xml"), "utf8")), "jsplugin")[0])).toMatchObject({
          name: "bangfu",
          url: "file:///opt/bangfu-wps/bangfu.7z",
          version,
        });
        expect(fs.readFileSync(path.join(community, "oem.ini"), "utf8")).toBe(
          "[Setup]\nLANG_ID=2052\n\n[Support]\nJsApiPlugin=true\nJsApiShowWebDebugger=true\n" +
            "[Server]\nJSPluginsServer=/opt/bangfu-wps/jsplugins.xml\n",
        );
        expect(fs.readFileSync(path.join(community, "oem.ini.bangfu-backup"), "utf8")).toBe(original);
        expect(fs.readFileSync(path.join(pro, "cfgs/oem.ini"), "utf8")).toBe(
          "[Support]\nJsApiPlugin=true\n[Server]\nJSPluginsServer=/opt/bangfu-wps/jsplugins.xml\n",
        );
        // A setting changed after the install is not undone by the uninstall: only our two keys go back.
        fs.appendFileSync(path.join(community, "oem.ini"), "[Other]\nKeep=1\n");
        run("--uninstall");
        expect(fs.existsSync(dest)).toBe(false);
        expect(fs.readFileSync(path.join(community, "oem.ini"), "utf8")).toBe(
          "[Setup]\nLANG_ID=2052\n\n[Support]\nJsApiPlugin=false\nJsApiShowWebDebugger=true\n[Server]\n[Other]\nKeep=1\n",
        );
        expect(fs.readFileSync(path.join(pro, "cfgs/oem.ini"), "utf8")).toBe("[Support]\n[Server]\n");
        // The backups served the uninstall and are gone: a later install backs up the file as it is then.
        expect(fs.existsSync(path.join(community, "oem.ini.bangfu-backup"))).toBe(false);
      } finally {
        fs.rmSync(fakeRoot, { recursive: true, force: true });
      }
    },
  );

  test(
    "install-linux.sh --system keeps another add-in list: ours is added to the file " +
      "JSPluginsServer names, the key and every other setting stay, both files backed up",
    () => {
      const fakeRoot = fs.mkdtempSync(path.join(os.tmpdir(), "bangfu-root-"));
      const cfgs = path.join(fakeRoot, "opt/kingsoft/wps-office/office6/cfgs");
      const otherList = path.join(fakeRoot, "etc/oa/jsplugins.xml");
      fs.mkdirSync(cfgs, { recursive: true });
      fs.mkdirSync(path.dirname(otherList), { recursive: true });
      const original =
        "[Setup]\r\nLANG_ID=2052\r\n[Support]\r\nJsApiPlugin=true\r\n[Server]\r\nJSPluginsServer=file:///etc/oa/jsplugins.xml\r\nOther=1\r\n";
      fs.writeFileSync(path.join(cfgs, "oem.ini"), original);
      fs.writeFileSync(otherList, OTHER);
      const run = (...args: string[]) =>
        execFileSync("sh", [path.join(pkg, "install-linux.sh"), "--system", ...args], {
          env: { ...process.env, BANGFU_ROOT: fakeRoot },
          encoding: "utf8",
        });
      const listed = () =>
        elements(parseXml(fs.readFileSync(otherList, "utf8")), "*")
          .filter((e) => e.hasAttribute("name"))
          .map((e) => [e.getAttribute("name"), e.getAttribute("url")]);
      try {
        expect(run()).toContain("已把增收帮扶助手加入该列表");
        run(); // twice: still one entry of ours
        expect(fs.readFileSync(path.join(cfgs, "oem.ini"), "utf8")).toBe(original);
        expect(fs.readFileSync(path.join(cfgs, "oem.ini.bangfu-backup"), "utf8")).toBe(original);
        expect(fs.readFileSync(`${otherList}.bangfu-backup`, "utf8")).toBe(OTHER);
        expect(listed()).toEqual([
          ["oa", "http://oa.example/addin/"],
          ["seal", "seal_1.0"],
          ["bangfu", "file:///opt/bangfu-wps/bangfu.7z"],
        ]);
        expect(fs.existsSync(path.join(fakeRoot, "opt/bangfu-wps/bangfu.7z"))).toBe(true);
        run("--uninstall");
        expect(listed().map(([name]) => name)).toEqual(["oa", "seal"]);
        expect(fs.readFileSync(path.join(cfgs, "oem.ini"), "utf8")).toBe(original);
      } finally {
        fs.rmSync(fakeRoot, { recursive: true, force: true });
      }
    },
  );

  test("install-linux.sh --system with JSPluginsServer on a web server: changes nothing and says what the administrator must add", () => {
    const fakeRoot = fs.mkdtempSync(path.join(os.tmpdir(), "bangfu-root-"));
    const cfgs = path.join(fakeRoot, "opt/kingsoft/wps-office/office6/cfgs");
    fs.mkdirSync(cfgs, { recursive: true });
    const original = "[Support]\nJsApiPlugin=true\n[Server]\nJSPluginsServer=http://oa.example/jsplugins.xml\n";
    fs.writeFileSync(path.join(cfgs, "oem.ini"), original);
    try {
      let failure: { status?: number; stderr?: string } = {};
      try {
        execFileSync("sh", [path.join(pkg, "install-linux.sh"), "--system"], {
          env: { ...process.env, BANGFU_ROOT: fakeRoot },
          encoding: "utf8",
          stdio: "pipe",
        });
      } catch (error) {
        failure = error as typeof failure;
      }
      expect(failure.status).toBe(1);
      expect(failure.stderr).toContain("已指向网络上的加载项列表 http://oa.example/jsplugins.xml");
      expect(failure.stderr).toContain('<jsplugin name="bangfu" type="et" url="file:///opt/bangfu-wps/bangfu.7z"');
      expect(fs.readFileSync(path.join(cfgs, "oem.ini"), "utf8")).toBe(original);
      expect(fs.existsSync(path.join(fakeRoot, "opt/bangfu-wps"))).toBe(false);
      expect(fs.existsSync(path.join(cfgs, "oem.ini.bangfu-backup"))).toBe(false);
    } finally {
      fs.rmSync(fakeRoot, { recursive: true, force: true });
    }
  });
});

function attributes(element: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const attr of Array.from(element.attributes as unknown as ArrayLike<Attr>)) out[attr.name] = attr.value;
  return out;
}

// ---------------------------------------------------------------- headless Chromium

/** What Chromium 64 lacks and src/wps/polyfills.ts provides: removed before the add-in's scripts run. */
const MODERN_BUILT_INS = `(() => {
  const drop = (owner, names) => names.forEach((n) => { try { delete owner[n]; } catch (e) {} });
  drop(Object, ["fromEntries", "hasOwn"]);
  drop(Array.prototype, ["flat", "flatMap", "at", "findLast", "findLastIndex"]);
  drop(String.prototype, ["at", "matchAll", "replaceAll", "trimStart", "trimEnd"]);
  drop(Promise, ["allSettled", "any"]);
  drop(window, ["queueMicrotask", "structuredClone"]);
  drop(Blob.prototype, ["arrayBuffer", "text"]);
  window.__bangfuDropped = [Object.fromEntries, Array.prototype.flat, String.prototype.replaceAll, window.structuredClone, Blob.prototype.arrayBuffer].every((f) => f === undefined);
})();`;

describe("the built add-in in headless Chromium with a fake WPS", () => {
  let server: http.Server;
  let base: string;
  let profile: string;
  let context: BrowserContext;
  const foreign: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM))
      throw new Error(
        `${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium ` +
          `fonts-noto-cjk; .ci/run does this). No browser is ever downloaded.`,
      );
    const fake = esbuild.buildSync({
      entryPoints: [path.join(__dirname, "browserFake.ts")],
      bundle: true,
      write: false,
      format: "iife",
      target: "chrome100",
      charset: "utf8",
    }).outputFiles[0].text;
    server = await serve(pkg);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/${FOLDER}/`;
    profile = fs.mkdtempSync(path.join(os.tmpdir(), "bangfu-chromium-"));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- an optional CommonJS package
    const { chromium } = require("playwright-core") as typeof import("playwright-core");
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1200, height: 900 },
      locale: "zh-CN",
    });
    await context.addInitScript({ content: fake });
    await context.addInitScript({ content: MODERN_BUILT_INS });
    const origin = new URL(base).origin;
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`) || url.startsWith("data:") || url === "about:blank") return route.continue();
      foreign.push(url);
      return route.abort();
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  async function mainPage(): Promise<Page> {
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${base}index.html`);
    return page;
  }

  async function paneFrame(page: Page): Promise<Frame> {
    await page.waitForSelector('iframe[name^="taskpane-"]', { state: "attached" });
    const frame = page.frames().find((f) => f.name().startsWith("taskpane-"));
    if (!frame) throw new Error("no task pane frame");
    return frame;
  }

  test("WPS's part: load the ribbon's page, call OnAddinLoad, click 检查本表; the pane checks the active sheet", async () => {
    const page = await mainPage();
    expect(await page.evaluate(() => (window as unknown as { __bangfuDropped: boolean }).__bangfuDropped)).toBe(true);
    expect(
      await page.evaluate(() =>
        ["OnAddinLoad", "OnAction", "GetImage"].map((n) => typeof (window as unknown as Record<string, unknown>)[n]),
      ),
    ).toEqual(["function", "function", "function"]);
    expect(
      await page.evaluate(() =>
        (window as unknown as { OnAddinLoad(r: unknown): boolean }).OnAddinLoad({ Invalidate() {}, InvalidateControl() {} }),
      ),
    ).toBe(true);
    // Each button's image loads from the add-in's folder.
    for (const id of Object.keys(RIBBON_BUTTONS)) {
      const image = await page.evaluate((i) => (window as unknown as { GetImage(c: { Id: string }): string }).GetImage({ Id: i }), id);
      expect((await page.request.get(new URL(image, base).href)).status()).toBe(200);
    }
    expect(await page.evaluate(() => (window as unknown as { OnAction(c: { Id: string }): boolean }).OnAction({ Id: "bangfuCheck" }))).toBe(
      true,
    );
    const pane = await paneFrame(page);
    await pane.getByText(/^共 8 户 12 人：/).waitFor({ timeout: 20_000 });
    expect(await pane.getByRole("tab", { name: "检查" }).getAttribute("aria-selected")).toBe("true");

    // The pane works on the fake WPS workbook: marking fills its cells, clearing restores them.
    await pane.getByRole("button", { name: "标记问题单元格" }).click();
    await pane.getByText(/^已标记 \d+ 个单元格。$/).waitFor();
    expect(await page.evaluate(() => (window as unknown as { bangfuFake: FakeEt }).bangfuFake.fill("台账", "M5"))).toBe("#F8D7DA");
    await pane.getByRole("button", { name: "清除标记" }).click();
    await pane.getByText(/^已清除 \d+ 个单元格的标记。$/).waitFor();
    expect(await page.evaluate(() => (window as unknown as { bangfuFake: FakeEt }).bangfuFake.fill("台账", "M5"))).toBeNull();
    expect(await page.evaluate(() => (window as unknown as { bangfuFake: FakeEt }).bangfuFake.fill("台账", "A3"))).toBe("#DDEBF7");

    // 生成汇总 on the ribbon: the same pane switches to 汇总 and writes the six tabs.
    await page.evaluate(() => (window as unknown as { OnAction(c: { Id: string }): boolean }).OnAction({ Id: "bangfuSummary" }));
    await pane.getByRole("tab", { name: "汇总", selected: true }).waitFor();
    await pane.getByRole("button", { name: "生成汇总" }).click();
    await pane.getByText("已写入 6 个工作表").waitFor({ timeout: 20_000 });
    const sheets = await page.evaluate(() => (window as unknown as { bangfuFake: FakeEt }).bangfuFake.visibleSheetNames());
    expect(sheets).toEqual(["台账", "说明", ...SUMMARY_KEYS.map((k) => SUMMARY_TITLES[k])]);
    // The custom functions registered on this page compute.
    expect(
      await page.evaluate(() => (window as unknown as { bangfuFake: FakeEt }).bangfuFake.callFunction("BANGFU.TIER", 10999.99)),
    ).toEqual([["低收入"]]);

    // 设置: a policy file saved by Notepad as "Unicode" (UTF-16) is read through the pane's Blob polyfill.
    await pane.getByRole("tab", { name: "设置" }).click();
    const policyText = JSON.stringify({ years: { "2025": { hourlyMinimumWage: 21 } } });
    await pane.getByLabel("载入参数文件…").setInputFiles({
      name: "记事本.json",
      mimeType: "application/json",
      buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(policyText, "utf16le")]),
    });
    await pane.getByText("已载入参数文件 记事本.json。下次检查将使用其中的参数。").waitFor();
    await page.close();
  }, 120_000);

  test("raised no page errors and made no request to any origin but the add-in's own", () => {
    expect(pageErrors).toEqual([]);
    expect(foreign).toEqual([]);
  });
});

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "text/xml; charset=utf-8",
};

function serve(dir: string): Promise<http.Server> {
  const s = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    const file = path.join(dir, pathname);
    if (!file.startsWith(dir)) {
      response.writeHead(403).end();
      return;
    }
    fs.readFile(file, (error, body) => {
      if (error) response.writeHead(404).end();
      else response.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
    });
  });
  return new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve(s)));
}
