/**
 * The online validator cannot run here, so this checks manifest.xml's structure:
 * resids resolve to the right kind of resource, shared runtime, custom functions,
 * ribbon button, zh-CN overrides, dev URLs, and the production URL rewrite.
 */
import { DOMParser, Element } from "@xmldom/xmldom";
import * as fs from "fs";
import * as path from "path";
import { DEFAULT_PUBLIC_URL, normalizePublicUrl, rewriteManifestUrls } from "../scripts/rewriteManifestUrls";
import { validateManifest } from "../scripts/validateManifest";
import { taskpaneOnlyManifest, TASKPANE_ONLY_ID } from "../scripts/manifestVariants";

const ROOT = path.resolve(__dirname, "..");
const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
const DEV_URL = "https://localhost:3000/";
const NS = {
  office: "http://schemas.microsoft.com/office/appforoffice/1.1",
  overrides: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};
const CJK = /[\u4e00-\u9fff]/;

function parse(xml: string): Element {
  const problems: string[] = [];
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        problems.push(`${level}: ${message}`);
      },
    }).parseFromString(xml, "text/xml");
  } catch (error) {
    problems.push(`fatal: ${(error as Error).message}`); // xmldom throws on fatal errors
  }
  if (!doc || problems.length > 0) throw new Error(`manifest.xml is not well-formed:\n${problems.join("\n")}`);
  const root = doc.documentElement;
  if (!root) throw new Error("manifest.xml has no root element");
  return root;
}

const xml = fs.readFileSync(MANIFEST_PATH, "utf8");
const root = parse(xml);

function all(scope: Element, ns: string, name: string): Element[] {
  return Array.from(scope.getElementsByTagNameNS(ns, name));
}

function one(scope: Element, ns: string, name: string): Element {
  const found = all(scope, ns, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0];
}

function child(parent: Element, name: string): Element {
  const found = Array.from(parent.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === name);
  if (found.length !== 1) throw new Error(`<${parent.localName}> should have one <${name}>, has ${found.length}`);
  return found[0];
}

function xsiType(element: Element): string | null {
  return element.getAttributeNS(NS.xsi, "type");
}

function allElements(scope: Element): Element[] {
  return Array.from(scope.getElementsByTagName("*"));
}

type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";

interface Resource {
  kind: ResourceKind;
  element: Element;
  value: string;
  zhCN: string | null;
}

const resourcesElement = one(root, NS.overrides, "Resources");
const resources = new Map<string, Resource>();
const duplicateIds: string[] = [];
for (const kind of ["Images", "Urls", "ShortStrings", "LongStrings"] as const) {
  for (const group of all(resourcesElement, NS.bt, kind)) {
    for (const element of Array.from(group.childNodes).filter((n): n is Element => n.nodeType === 1)) {
      const id = element.getAttribute("id") ?? "";
      if (resources.has(id)) duplicateIds.push(id);
      const override = all(element, NS.bt, "Override").find((o) => o.getAttribute("Locale") === "zh-CN");
      resources.set(id, {
        kind,
        element,
        value: element.getAttribute("DefaultValue") ?? "",
        zhCN: override?.getAttribute("Value") ?? null,
      });
    }
  }
}

function resource(id: string | null): Resource {
  const found = id === null ? undefined : resources.get(id);
  if (!found) throw new Error(`resid ${id} does not resolve`);
  return found;
}

function residOf(element: Element): string {
  const resid = element.getAttribute("resid");
  if (!resid) throw new Error(`<${element.localName}> has no resid`);
  return resid;
}

describe("manifest.xml", () => {
  it("is a well-formed Excel task pane add-in manifest with a fixed GUID", () => {
    expect(root.localName).toBe("OfficeApp");
    expect(root.namespaceURI).toBe(NS.office);
    expect(xsiType(root)).toBe("TaskPaneApp");
    expect(child(root, "Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(child(root, "ProviderName").textContent?.trim()).not.toBe("");
    expect(child(root, "DefaultLocale").textContent).toBe("en-US");
    const hosts = child(child(root, "Hosts"), "Host");
    expect(hosts.getAttribute("Name")).toBe("Workbook");
    expect(() => parse("<OfficeApp><Id></OfficeApp>")).toThrow(/well-formed/);
  });

  it("has zh-CN overrides on DisplayName and Description", () => {
    for (const name of ["DisplayName", "Description"]) {
      const element = child(root, name);
      expect(element.getAttribute("DefaultValue")).toBeTruthy();
      const override = Array.from(element.getElementsByTagNameNS(NS.office, "Override")).find((o) => o.getAttribute("Locale") === "zh-CN");
      expect(override?.getAttribute("Value")).toMatch(CJK);
    }
    expect(child(root, "DisplayName").getElementsByTagNameNS(NS.office, "Override")[0].getAttribute("Value")).toBe("增收帮扶助手");
  });

  it("asks only for ReadWriteDocument", () => {
    expect(child(root, "Permissions").textContent?.trim()).toBe("ReadWriteDocument");
  });

  it("installs wherever ExcelApi 1.1 is (Office 2016 on): the base manifest asks for nothing more", () => {
    const sets = all(child(root, "Requirements"), NS.office, "Set");
    expect(sets.map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")])).toEqual([["ExcelApi", "1.1"]]);
  });

  it("requires SharedRuntime 1.1 inside VersionOverrides, so Office without it keeps the base task pane", () => {
    const overrides = child(root, "VersionOverrides");
    const requirements = child(overrides, "Requirements");
    const sets = all(requirements, NS.bt, "Set");
    expect(sets.map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")])).toEqual([["SharedRuntime", "1.1"]]);
    const order = Array.from(overrides.childNodes)
      .filter((n): n is Element => n.nodeType === 1)
      .map((e) => e.localName);
    expect(order.indexOf("Requirements")).toBeLessThan(order.indexOf("Hosts"));
    // The base manifest still opens the pane where VersionOverrides is ignored.
    expect(child(child(root, "DefaultSettings"), "SourceLocation").getAttribute("DefaultValue")).toBe(`${DEV_URL}taskpane.html`);
  });

  it("points SupportUrl and LearnMoreUrl at the Chinese help page shipped with the add-in", () => {
    expect(child(root, "SupportUrl").getAttribute("DefaultValue")).toBe(`${DEV_URL}help.html`);
    expect(resource("GetStarted.LearnMoreUrl").value).toBe(`${DEV_URL}help.html`);
    const help = fs.readFileSync(path.join(ROOT, "src/help/help.html"), "utf8");
    expect(help).toContain('lang="zh-CN"');
    expect(help).toMatch(/增收帮扶助手 · 使用帮助/);
    expect(help).not.toMatch(/<script\b|https?:\/\/(?!localhost)/); // readable without internet
  });

  it("has unique resource ids of at most 32 characters", () => {
    expect(duplicateIds).toEqual([]);
    for (const id of resources.keys()) expect(id.length).toBeLessThanOrEqual(32);
  });

  it("resolves every resid to a resource of the right kind", () => {
    const expectedKind = (element: Element): ResourceKind => {
      if (element.localName === "Image") return "Images";
      if (["SourceLocation", "Runtime", "FunctionFile", "LearnMoreUrl"].includes(element.localName ?? "")) return "Urls";
      if (element.localName === "Description") return "LongStrings";
      return "ShortStrings"; // Label, Title, Namespace
    };
    const withResid = allElements(root).filter((e) => e.hasAttribute("resid"));
    expect(withResid.length).toBeGreaterThan(15);
    for (const element of withResid) {
      const resid = residOf(element);
      expect({ resid, kind: resources.get(resid)?.kind }).toEqual({ resid, kind: expectedKind(element) });
    }
  });

  it("keeps the task pane, functions and commands in one long-lived runtime", () => {
    const runtimes = all(root, NS.overrides, "Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].getAttribute("resid")).toBe("Taskpane.Url");
    expect(runtimes[0].getAttribute("lifetime")).toBe("long");
    expect(resource("Taskpane.Url").value).toBe(`${DEV_URL}taskpane.html`);
    expect(residOf(one(root, NS.overrides, "FunctionFile"))).toBe("Taskpane.Url");
  });

  it("declares the CustomFunctions extension point with script, page, metadata and the BANGFU namespace", () => {
    const points = all(root, NS.overrides, "ExtensionPoint").filter((e) => xsiType(e) === "CustomFunctions");
    expect(points).toHaveLength(1);
    const point = points[0];
    expect(child(point.parentNode as Element, "ExtensionPoint")).toBe(point);
    expect((point.parentNode as Element).localName).toBe("AllFormFactors");
    const location = (name: string) => resource(residOf(child(child(point, name), "SourceLocation")));
    expect(location("Script").value).toBe(`${DEV_URL}functions.js`);
    expect(location("Page").value).toBe(`${DEV_URL}taskpane.html`);
    expect(location("Metadata").value).toBe(`${DEV_URL}functions.json`);
    const namespace = resource(residOf(child(point, "Namespace")));
    expect(namespace.kind).toBe("ShortStrings");
    // Formulas are typed as =BANGFU.TIER(...): the namespace must not change by locale.
    expect(namespace.value).toBe("BANGFU");
    expect(namespace.zhCN).toBe("BANGFU");
  });

  it("points zh-CN users at the Chinese metadata", () => {
    const metadata = resource("Functions.Metadata.Url");
    expect(metadata.zhCN).toBe(`${DEV_URL}functions.zh-CN.json`);
  });

  it("has a zh-CN override on every short and long string", () => {
    const strings = [...resources.entries()].filter(([, r]) => r.kind === "ShortStrings" || r.kind === "LongStrings");
    expect(strings.length).toBeGreaterThanOrEqual(7);
    for (const [id, r] of strings) {
      expect({ id, zhCN: r.zhCN }).toEqual({ id, zhCN: expect.any(String) });
      if (id !== "Functions.Namespace") expect({ id, zhCN: r.zhCN }).toEqual({ id, zhCN: expect.stringMatching(CJK) });
    }
  });

  const ribbonButtons = (): Element[] => {
    const surface = all(root, NS.overrides, "ExtensionPoint").find((e) => xsiType(e) === "PrimaryCommandSurface");
    if (!surface) throw new Error("no PrimaryCommandSurface");
    const tab = child(surface, "CustomTab");
    return all(tab, NS.overrides, "Control").filter((c) => xsiType(c) === "Button");
  };

  it("has the 增收帮扶 ribbon tab with 检查本表, 生成汇总 and 打开助手", () => {
    const surface = all(root, NS.overrides, "ExtensionPoint").find((e) => xsiType(e) === "PrimaryCommandSurface");
    if (!surface) throw new Error("no PrimaryCommandSurface");
    const tab = child(surface, "CustomTab");
    expect(tab.getAttribute("id")).toBe("BangfuTab");
    const tabLabel = resource(residOf(child(tab, "Label")));
    expect([tabLabel.value, tabLabel.zhCN]).toEqual(["Income Support", "增收帮扶"]);
    const buttons = ribbonButtons();
    expect(buttons.map((b) => b.getAttribute("id"))).toEqual(["CheckSheetButton", "SummariesButton", "OpenAssistantButton"]);
    const labels = buttons.map((b) => {
      const label = resource(residOf(child(b, "Label")));
      return [label.value, label.zhCN];
    });
    expect(labels).toEqual([
      ["Check This Sheet", "检查本表"],
      ["Generate Summaries", "生成汇总"],
      ["Open Assistant", "打开助手"],
    ]);
    const getStarted = one(root, NS.overrides, "GetStarted");
    expect(["Title", "Description", "LearnMoreUrl"].map((n) => resources.has(residOf(child(getStarted, n))))).toEqual([true, true, true]);
  });

  it("gives every ribbon button a label, a supertip in both languages and 16/32/80 icons that resolve", () => {
    for (const button of ribbonButtons()) {
      const id = button.getAttribute("id");
      const supertip = child(button, "Supertip");
      const title = resource(residOf(child(supertip, "Title")));
      const description = resource(residOf(child(supertip, "Description")));
      expect({ id, kind: title.kind, zh: title.zhCN }).toEqual({ id, kind: "ShortStrings", zh: expect.stringMatching(CJK) });
      expect({ id, kind: description.kind, zh: description.zhCN, en: description.value }).toEqual({
        id,
        kind: "LongStrings",
        zh: expect.stringMatching(CJK),
        en: expect.stringMatching(/^[\x20-\x7e]+$/),
      });
      const images = all(child(button, "Icon"), NS.bt, "Image");
      expect(images.map((i) => i.getAttribute("size"))).toEqual(["16", "32", "80"]);
      for (const image of images) {
        const r = resource(residOf(image));
        expect({ id, kind: r.kind }).toEqual({ id, kind: "Images" });
        expect(r.value).toMatch(new RegExp(`-${image.getAttribute("size")}\\.png$`));
      }
    }
  });

  it("opens the pane from 打开助手 (ShowTaskpane) and runs 检查本表 / 生成汇总 in the shared runtime (ExecuteFunction)", () => {
    const [check, summaries, open] = ribbonButtons();
    const openAction = child(open, "Action");
    expect(xsiType(openAction)).toBe("ShowTaskpane");
    // Microsoft's shared-runtime guidance: no TaskpaneId under a long-lived runtime (one task pane).
    expect(all(root, NS.overrides, "TaskpaneId")).toEqual([]);
    expect(residOf(child(openAction, "SourceLocation"))).toBe("Taskpane.Url");
    const functionNames = [check, summaries].map((b) => {
      const action = child(b, "Action");
      expect(xsiType(action)).toBe("ExecuteFunction");
      return child(action, "FunctionName").textContent?.trim();
    });
    expect(functionNames).toEqual(["checkActiveSheet", "showSummaries"]);
    // Each FunctionName is registered by the commands script, which the shared runtime page loads (FunctionFile).
    const commands = fs.readFileSync(path.join(ROOT, "src/commands/commands.ts"), "utf8");
    const associated = [...commands.matchAll(/Office\.actions\.associate\("([^"]+)"/g)].map((m) => m[1]);
    for (const name of functionNames) expect(associated).toContain(name);
    expect(new Set(associated).size).toBe(associated.length);
    for (const name of associated) expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
    expect(residOf(one(root, NS.overrides, "FunctionFile"))).toBe("Taskpane.Url");
  });

  it("uses only https://localhost:3000/ URLs, all of them under the dev server", () => {
    const urls: string[] = [];
    for (const element of allElements(root)) {
      for (const attribute of Array.from(element.attributes)) {
        if (/^[a-z]+:\/\//i.test(attribute.value) && attribute.namespaceURI === null && !attribute.name.startsWith("xmlns"))
          urls.push(attribute.value);
      }
      if (element.childNodes.length === 1 && /^\s*[a-z]+:\/\//i.test(element.textContent ?? ""))
        urls.push((element.textContent ?? "").trim());
    }
    expect(urls.length).toBeGreaterThanOrEqual(10);
    for (const url of urls) expect(url.startsWith(DEV_URL)).toBe(true);
    const occurrences = xml.split(DEV_URL).length - 1;
    expect(occurrences).toBe(urls.length);
  });

  it("refers to icons that exist, as PNGs of the declared size", () => {
    const images = [...resources.values()].filter((r) => r.kind === "Images");
    expect(images.length).toBeGreaterThanOrEqual(3);
    const files = [
      ...images.map((r) => ({ url: r.value, size: Number(/(\d+)x\1/.exec(r.element.getAttribute("id") ?? "")?.[1]) })),
      { url: child(root, "IconUrl").getAttribute("DefaultValue") ?? "", size: 32 },
      { url: child(root, "HighResolutionIconUrl").getAttribute("DefaultValue") ?? "", size: 64 },
    ];
    for (const { url, size } of files) {
      const file = path.join(ROOT, url.slice(DEV_URL.length));
      const png = fs.readFileSync(file);
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect({ url, width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({ url, width: size, height: size });
    }
  });
});

describe("icons", () => {
  it("are exactly what scripts/make-icons.js writes (npm run icons)", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- plain CommonJS script without types
    const { png, SIZES, BUTTON_ICONS } = require("../scripts/make-icons") as {
      png(size: number, glyph?: string): Buffer;
      SIZES: number[];
      BUTTON_ICONS: Record<string, number[]>;
    };
    expect(SIZES).toEqual([16, 32, 64, 80, 128]);
    for (const size of SIZES) {
      expect(png(size).equals(fs.readFileSync(path.join(ROOT, `assets/icon-${size}.png`)))).toBe(true);
    }
    expect(BUTTON_ICONS).toEqual({ check: [16, 32, 80], summary: [16, 32, 80] });
    for (const [glyph, sizes] of Object.entries(BUTTON_ICONS)) {
      for (const size of sizes) {
        expect({ glyph, size, same: png(size, glyph).equals(fs.readFileSync(path.join(ROOT, `assets/${glyph}-${size}.png`))) }).toEqual({
          glyph,
          size,
          same: true,
        });
      }
    }
  });
});

describe("rewriteManifestUrls (production build)", () => {
  const publicUrl = "https://addins.example.net/bangfu/";

  it("replaces every dev URL and leaves no localhost anywhere", () => {
    const rewritten = rewriteManifestUrls(xml, publicUrl);
    expect(rewritten).not.toMatch(/localhost/i);
    expect(rewritten.split(publicUrl).length - 1).toBe(xml.split(DEV_URL).length - 1);
    const rewrittenRoot = parse(rewritten);
    expect(resourceValue(rewrittenRoot, "Functions.Metadata.Url")).toBe(`${publicUrl}functions.json`);
    expect(rewritten).toContain(`Value="${publicUrl}functions.zh-CN.json"`);
  });

  it("normalises the trailing slash of the public URL", () => {
    expect(normalizePublicUrl("https://addins.example.net/bangfu")).toBe(publicUrl);
    expect(normalizePublicUrl(" https://addins.example.net/bangfu// ")).toBe(publicUrl);
    expect(rewriteManifestUrls(xml, "https://addins.example.net/bangfu")).toBe(rewriteManifestUrls(xml, publicUrl));
  });

  it("has an https placeholder default", () => {
    expect(normalizePublicUrl(DEFAULT_PUBLIC_URL)).toBe(DEFAULT_PUBLIC_URL);
  });

  it("rejects a URL Office would not load", () => {
    expect(() => rewriteManifestUrls(xml, "http://addins.example.net/")).toThrow(/https/);
    expect(() => rewriteManifestUrls(xml, "addins.example.net")).toThrow(/https/);
    expect(() => rewriteManifestUrls(xml, "")).toThrow(/https/);
  });

  it("fails when a localhost reference would survive", () => {
    const stray = xml.replace("</OfficeApp>", "<!-- https://localhost:3001/x --></OfficeApp>");
    expect(() => rewriteManifestUrls(stray, publicUrl)).toThrow(/localhost/);
  });
});

function resourceValue(scope: Element, id: string): string | null {
  const element = allElements(scope).find((e) => e.namespaceURI === NS.bt && e.getAttribute("id") === id);
  return element?.getAttribute("DefaultValue") ?? null;
}

describe("npm run validate (offline structural check)", () => {
  it("passes manifest.xml and the task-pane-only variant", () => {
    expect(validateManifest(xml)).toEqual([]);
    const variant = taskpaneOnlyManifest(xml);
    expect(validateManifest(variant, "manifest-taskpane.xml")).toEqual([]);
    expect(variant).not.toContain("VersionOverrides>");
    expect(variant).toContain(`<Id>${TASKPANE_ONLY_ID}</Id>`);
    expect(variant).toContain("增收帮扶助手（任务窗格版）");
    // Its comment says what this file is, not manifest.xml's (ribbon, functions, shared runtime).
    const comment = /<!--([\s\S]*?)-->/.exec(variant)?.[1] ?? "";
    expect(comment).toMatch(/task-pane-only manifest/);
    expect(comment).toMatch(/SharePoint\s+add-in catalogs/);
    expect(comment).toMatch(/without the ribbon tab and the =BANGFU\. custom\s+functions/);
    expect(comment).not.toMatch(/share one runtime|SharedRuntime 1\.1 is required/);
    expect(/<!--([\s\S]*?)-->/.exec(xml)?.[1]).toMatch(/share one runtime/);
  });

  it.each<[string, (text: string) => string, RegExp]>([
    [
      "TaskpaneId under the shared runtime",
      (t) => t.replace('<Action xsi:type="ShowTaskpane">', '<Action xsi:type="ShowTaskpane">\n<TaskpaneId>ButtonId1</TaskpaneId>'),
      /TaskpaneId/,
    ],
    ["an http URL", (t) => t.replace('<SupportUrl DefaultValue="https://', '<SupportUrl DefaultValue="http://'), /不是 https/],
    [
      "a resid without a resource",
      (t) => t.replace('<Label resid="Tab.Label"/>', '<Label resid="Tab.Missing"/>'),
      /Tab\.Missing.*没有对应的资源/,
    ],
    [
      "base elements out of order",
      (t) => t.replace(/(<Version>[^<]*<\/Version>)\s*(<ProviderName>[^<]*<\/ProviderName>)/, "$2$1"),
      /位置不对/,
    ],
    [
      "a function page other than the runtime's",
      (t) => t.replace('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Functions.Script.Url"/>'),
      /FunctionFile/,
    ],
    [
      "an unknown requirement set",
      (t) => t.replace('<Set Name="ExcelApi" MinVersion="1.1"/>', '<Set Name="ExcelAPI2" MinVersion="1.1"/>'),
      /未知的要求集/,
    ],
    ["broken XML", (t) => t.replace("</OfficeApp>", ""), /不是格式正确的 XML/],
  ])("reports %s", (_what, edit, message) => {
    const edited = edit(xml);
    expect(edited).not.toBe(xml);
    const problems = validateManifest(edited);
    expect(problems.join("\n")).toMatch(message);
  });
});
