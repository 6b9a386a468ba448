"use strict";
/**
 * An offline structural check of an add-in only manifest (`npm run validate`). Microsoft's
 * `office-addin-manifest validate` posts the manifest to a web service, which offices without
 * internet (and CI) cannot reach; this checks what can be checked from the file and Microsoft's
 * manifest reference: well-formed XML, the base elements in schema order, https URLs, every resid
 * resolving to a resource of the right kind, string lengths, known requirement sets, and the
 * shared-runtime rules (one runtime page; no TaskpaneId under a long-lived runtime). It is not the
 * XSD validation Microsoft's service does.
 *
 *   node scripts/validateManifest.js [manifest.xml …]   (default: manifest.xml, and dist/manifest*.xml when built)
 */
const fs = require("fs");
const path = require("path");
const { DOMParser } = require("@xmldom/xmldom");

const NS = {
  office: "http://schemas.microsoft.com/office/appforoffice/1.1",
  overrides: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

/** Base elements of a TaskPaneApp in schema order (required ones marked). */
const BASE_ORDER = [
  ["Id", true],
  ["AlternateId", false],
  ["Version", true],
  ["ProviderName", true],
  ["DefaultLocale", true],
  ["DisplayName", true],
  ["Description", true],
  ["IconUrl", false],
  ["HighResolutionIconUrl", false],
  ["SupportUrl", false],
  ["AppDomains", false],
  ["Hosts", false],
  ["Requirements", false],
  ["DefaultSettings", true],
  ["Permissions", true],
  ["VersionOverrides", false],
];

const KNOWN_SETS = new Set([
  "ExcelApi",
  "ExcelApiOnline",
  "ExcelApiDesktop",
  "SharedRuntime",
  "CustomFunctionsRuntime",
  "AddinCommands",
  "DialogApi",
  "RibbonApi",
  "ImageCoercion",
  "Settings",
  "DocumentEvents",
  "File",
  "IdentityAPI",
  "KeyboardShortcuts",
  "ContextMenuApi",
  "TaskPaneApi",
]);
const MAX_SHORT = 125;
const MAX_LONG = 250;

function elements(node) {
  return Array.from(node.childNodes || []).filter((n) => n.nodeType === 1);
}

function descendants(node, localName) {
  return Array.from(node.getElementsByTagName("*")).filter((e) => e.localName === localName);
}

/** Problems found in the manifest text, in Chinese; empty when it passes. */
function validateManifest(xml, name = "manifest.xml") {
  const problems = [];
  const say = (text) => problems.push(`${name}：${text}`);
  const parseErrors = [];
  let doc;
  try {
    doc = new DOMParser({ onError: (level, message) => parseErrors.push(`${level}: ${message}`) }).parseFromString(String(xml), "text/xml");
  } catch (error) {
    parseErrors.push(String(error && error.message ? error.message : error));
  }
  if (!doc || parseErrors.length > 0 || !doc.documentElement) {
    say(`不是格式正确的 XML：${parseErrors.join("；")}`);
    return problems;
  }
  const root = doc.documentElement;
  if (root.localName !== "OfficeApp" || root.namespaceURI !== NS.office) say("根元素应为 OfficeApp（命名空间 appforoffice/1.1）");
  if (root.getAttributeNS(NS.xsi, "type") !== "TaskPaneApp") say("OfficeApp 的 xsi:type 应为 TaskPaneApp");

  // Base elements: known, in order, required present.
  const base = elements(root);
  let last = -1;
  for (const element of base) {
    const index = BASE_ORDER.findIndex(([n]) => n === element.localName);
    if (index < 0) say(`无法识别的元素 <${element.localName}>`);
    else if (index < last) say(`<${element.localName}> 的位置不对：应在 <${BASE_ORDER[last][0]}> 之前`);
    else last = index;
  }
  for (const [n, required] of BASE_ORDER) if (required && !base.some((e) => e.localName === n)) say(`缺少必需的 <${n}>`);
  const text = (n) => (base.find((e) => e.localName === n)?.textContent || "").trim();
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text("Id"))) say(`<Id> 应为 GUID，收到“${text("Id")}”`);
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(text("Version"))) say(`<Version> 应为 1.0.0.0 这样的版本号，收到“${text("Version")}”`);

  // URLs: https only.
  const urlElements = ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation", "Url", "Image", "LearnMoreUrl"];
  for (const element of Array.from(root.getElementsByTagName("*"))) {
    if (!urlElements.includes(element.localName)) continue;
    for (const attribute of ["DefaultValue", "Value"]) {
      const value = element.getAttribute(attribute);
      if (value && !/^https:\/\/[^\s]+$/.test(value))
        say(`<${element.localName} ${attribute}="${value}"> 不是 https 地址（Office 只加载 https）`);
    }
  }
  for (const override of descendants(root, "Override")) {
    const value = override.getAttribute("Value");
    const parent = override.parentNode && override.parentNode.localName;
    if (value && urlElements.includes(parent) && !/^https:\/\//.test(value)) say(`<${parent}> 的 Override 不是 https 地址：${value}`);
  }

  // Requirements: known sets, version numbers.
  for (const set of descendants(root, "Set")) {
    const setName = set.getAttribute("Name");
    if (!KNOWN_SETS.has(setName)) say(`未知的要求集“${setName}”`);
    const min = set.getAttribute("MinVersion");
    if (min !== null && min !== "" && !/^\d+\.\d+$/.test(min)) say(`要求集 ${setName} 的 MinVersion 应为 1.1 这样的版本，收到“${min}”`);
  }

  const overrides = base.find((e) => e.localName === "VersionOverrides");
  if (overrides) {
    // Resources: unique ids of at most 32 characters; every resid resolves to the right kind.
    const kinds = new Map();
    const resources = elements(overrides).find((e) => e.localName === "Resources");
    if (!resources) say("VersionOverrides 缺少 <Resources>");
    for (const group of resources ? elements(resources) : []) {
      for (const item of elements(group)) {
        const id = item.getAttribute("id");
        if (!id) continue;
        if (kinds.has(id)) say(`资源 id“${id}”重复`);
        if (id.length > 32) say(`资源 id“${id}”超过 32 个字符`);
        kinds.set(id, group.localName);
        const limit = group.localName === "ShortStrings" ? MAX_SHORT : group.localName === "LongStrings" ? MAX_LONG : null;
        const values = [item.getAttribute("DefaultValue"), ...elements(item).map((o) => o.getAttribute("Value"))];
        if (limit !== null) for (const v of values) if (v && v.length > limit) say(`字符串“${id}”超过 ${limit} 个字符`);
      }
    }
    const expected = (element) => {
      const n = element.localName;
      if (n === "Image") return "Images";
      if (["SourceLocation", "Runtime", "FunctionFile", "LearnMoreUrl"].includes(n)) return "Urls";
      if (n === "Description") return "LongStrings";
      return "ShortStrings";
    };
    for (const element of Array.from(overrides.getElementsByTagName("*"))) {
      const resid = element.getAttribute("resid");
      if (!resid) continue;
      if (!kinds.has(resid)) say(`<${element.localName} resid="${resid}"> 没有对应的资源`);
      else {
        const want = expected(element);
        const got = kinds.get(resid);
        if (want !== got) say(`<${element.localName} resid="${resid}"> 应指向 ${want}，实际在 ${got}`);
      }
    }

    // VersionOverrides' own Requirements come before its Hosts.
    const children = elements(overrides).map((e) => e.localName);
    if (children.includes("Requirements") && children.indexOf("Requirements") > children.indexOf("Hosts"))
      say("VersionOverrides 中的 <Requirements> 应在 <Hosts> 之前");

    // Shared runtime: one page for the runtime, the functions' page and the function file; one task pane.
    for (const host of descendants(overrides, "Host")) {
      const runtimes = descendants(host, "Runtime");
      const long = runtimes.filter((r) => r.getAttribute("lifetime") === "long");
      if (long.length === 0) continue;
      const page = long[0].getAttribute("resid");
      for (const functionFile of descendants(host, "FunctionFile")) {
        if (functionFile.getAttribute("resid") !== page)
          say(`共享运行时：<FunctionFile resid="${functionFile.getAttribute("resid")}"> 应与 <Runtime resid="${page}"> 相同`);
      }
      for (const point of descendants(host, "ExtensionPoint").filter((e) => e.getAttributeNS(NS.xsi, "type") === "CustomFunctions")) {
        const pageElement = descendants(point, "Page")[0];
        const source = pageElement && descendants(pageElement, "SourceLocation")[0];
        if (!source || source.getAttribute("resid") !== page) say(`共享运行时：自定义函数的 <Page> 应使用 <Runtime resid="${page}">`);
      }
      for (const action of descendants(host, "Action")) {
        if (descendants(action, "TaskpaneId").length > 0)
          say("共享运行时下的按钮不应有 <TaskpaneId>（微软：共享运行时只支持一个任务窗格）");
        const source = descendants(action, "SourceLocation")[0];
        if (action.getAttributeNS(NS.xsi, "type") === "ShowTaskpane" && source && source.getAttribute("resid") !== page)
          say(`共享运行时：ShowTaskpane 的 SourceLocation 应为 ${page}`);
      }
    }
  }
  return problems;
}

function main(argv) {
  const root = path.resolve(__dirname, "..");
  let files = argv.length > 0 ? argv : ["manifest.xml"];
  if (argv.length === 0) {
    const dist = path.join(root, "dist");
    if (fs.existsSync(dist))
      files = files.concat(
        fs
          .readdirSync(dist)
          .filter((f) => /^manifest.*\.xml$/.test(f))
          .map((f) => path.join("dist", f)),
      );
  }
  let failed = false;
  for (const file of files) {
    const full = path.resolve(root, file);
    if (!fs.existsSync(full)) {
      console.error(`${file}：文件不存在`);
      failed = true;
      continue;
    }
    const problems = validateManifest(fs.readFileSync(full, "utf8"), file);
    if (problems.length === 0) console.log(`${file}：结构检查通过（离线检查，不是微软在线服务的完整验证）`);
    else {
      failed = true;
      for (const problem of problems) console.error(problem);
    }
  }
  return failed ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = { validateManifest, main };
