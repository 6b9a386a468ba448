"use strict";
/**
 * The WPS add-in's build steps that are not bundling (webpack.wps.config.js uses this plugin):
 *
 * 1. ribbon.xml (CustomUI, tab 增收帮扶) and manifest.xml, written from the button table in
 *    src/wps/ribbon.ts, so the callbacks and ids in the XML are the ones the code handles;
 * 2. every script lowered to WPS_TARGET by esbuild and minified (webpack's own minifier is off);
 * 3. after emitting, the offline package beside the add-in folder: publish.xml (per-user route),
 *    jsplugins.xml (all users under /opt), jsplugins.server.xml (an intranet server), bangfu.7z,
 *    the install scripts and INSTALL.txt (from src/wps/package/), and one .zip of all of it.
 *
 * The file formats follow wpsjs 2.2 (the WPS add-in toolkit): its offline build copies the folder
 * <name>_<version> into jsaddons and lists it in publish.xml as
 *   <jsplugin name=… type="et" url="<name>_<version>" version=… enable="enable_dev" install="null" customDomain=""/>
 * and its offline archive is a .7z holding that folder. wpsjs itself is not used: its build and
 * publish commands ask questions interactively, which a CI build cannot answer.
 */
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");
const { Compilation, WebpackError, sources } = require("webpack");
const { require: tsxRequire } = require("tsx/cjs/api");
const esbuild = require("esbuild");
const JSZip = require("jszip");

const NAME = "BangfuWpsAddinPlugin";
/** The add-in's name in publish.xml / jsplugins.xml: ASCII, as wpsjs requires. */
const ADDIN_NAME = "bangfu";
/**
 * esbuild's target for the WPS scripts. Kingsoft does not document the Chromium version of WPS's
 * embedded browser; Chromium 64 is the floor because the shared text rules use regular-expression
 * features (Unicode property escapes, named groups) that first ran in Chromium 64 and cannot be
 * transpiled. Everything newer (optional chaining, ??, class fields, …) is lowered to it.
 */
const WPS_TARGET = "chrome64";

const addinFolderName = (version) => `${ADDIN_NAME}_${version}`;
const packageFolderName = (version) => `bangfu-wps-${version}`;

function escapeXml(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function ribbonXml(buttons) {
  const controls = Object.entries(buttons)
    .map(
      ([id, b]) =>
        `        <button id="${escapeXml(id)}" label="${escapeXml(b.label)}" size="large" onAction="OnAction" getImage="GetImage"/>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui" onLoad="OnAddinLoad">
  <ribbon startFromScratch="false">
    <tabs>
      <tab id="bangfuTab" label="增收帮扶">
        <group id="bangfuGroup" label="助手">
${controls}
        </group>
      </tab>
    </tabs>
  </ribbon>
</customUI>
`;
}

function manifestXml(version) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<JsPlugin>
  <ApiVersion>1.0.0</ApiVersion>
  <Name>${ADDIN_NAME}</Name>
  <Description>增收帮扶助手 ${escapeXml(version)}：按十项增收帮扶行动实施方案检查脱贫户台账、生成汇总表</Description>
</JsPlugin>
`;
}

function listXml(entry) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  ${entry}\n</jsplugins>\n`;
}

/** The files of the package beside the add-in folder (name → text). */
function packageTexts(version, templatesDir) {
  const folder = addinFolderName(version);
  const fill = (text) =>
    text
      .replace(/@NAME@/g, ADDIN_NAME)
      .replace(/@VERSION@/g, version)
      .replace(/@FOLDER@/g, folder);
  const crlf = (text) => text.replace(/\r?\n/g, "\r\n");
  const template = (file) => fill(fs.readFileSync(path.join(templatesDir, file), "utf8"));
  const BOM = "\ufeff";
  return {
    "publish.xml": listXml(
      `<jsplugin name="${ADDIN_NAME}" type="et" url="${folder}" version="${version}" enable="enable_dev" install="null" customDomain=""/>`,
    ),
    "jsplugins.xml": listXml(
      `<jsplugin name="${ADDIN_NAME}" type="et" url="file:///opt/bangfu-wps/${ADDIN_NAME}.7z" version="${version}" enable="true"/>`,
    ),
    "jsplugins.server.xml": listXml(
      `<!-- 把 http://内网服务器/bangfu/ 换成放置 ${ADDIN_NAME}.7z 的实际地址 -->\n  <jsplugin ` +
        `name="${ADDIN_NAME}" type="et" url="http://内网服务器/bangfu/${ADDIN_NAME}.7z" ` +
        `version="${version}" enable="true"/>`,
    ),
    "install-linux.sh": template("install-linux.sh"),
    // Windows reads these: CRLF; PowerShell and Notepad need the BOM to read UTF-8.
    "install-windows.ps1": BOM + crlf(template("install-windows.ps1")),
    "install-windows.bat": crlf(template("install-windows.bat")),
    "INSTALL.txt": BOM + crlf(template("INSTALL.txt")),
  };
}

/** 7zip-bin's 7za for this machine (its files may arrive without the execute bit). */
function sevenZip() {
  const { path7za } = require("7zip-bin");
  fs.chmodSync(path7za, 0o755);
  return path7za;
}

async function zipFolder(folder, file) {
  const zip = new JSZip();
  const base = path.basename(folder);
  const add = (dir, prefix) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      const name = `${prefix}/${entry.name}`;
      if (entry.isDirectory()) add(full, name);
      else
        zip.file(name, fs.readFileSync(full), { unixPermissions: entry.name.endsWith(".sh") ? 0o755 : 0o644, date: new Date(2020, 0, 1) });
    }
  };
  add(folder, base);
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", platform: "UNIX", compression: "DEFLATE" }));
}

class BangfuWpsAddinPlugin {
  /** @param {{ version: string, packageDir: string, addinDir: string, minify: boolean }} options */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const { version, minify } = this.options;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        try {
          const ribbon = tsxRequire(path.resolve(compiler.context, "src/wps/ribbon.ts"), __filename);
          compilation.fileDependencies.add(path.resolve(compiler.context, "src/wps/ribbon.ts"));
          compilation.emitAsset("ribbon.xml", new sources.RawSource(ribbonXml(ribbon.RIBBON_BUTTONS)));
          compilation.emitAsset("manifest.xml", new sources.RawSource(manifestXml(version)));
        } catch (error) {
          compilation.errors.push(new WebpackError(`${NAME}: ${error instanceof Error ? error.message : String(error)}`));
        }
      });
      compilation.hooks.processAssets.tap({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_COMPATIBILITY }, (assets) => {
        for (const file of Object.keys(assets)) {
          if (!file.endsWith(".js")) continue;
          try {
            const result = esbuild.transformSync(compilation.getAsset(file).source.source().toString(), {
              loader: "js",
              target: WPS_TARGET,
              minify,
              charset: "utf8",
              legalComments: "none",
            });
            compilation.updateAsset(file, new sources.RawSource(result.code), { minimized: true });
          } catch (error) {
            compilation.errors.push(
              new WebpackError(
                `${NAME}: ${file} cannot be lowered to ${WPS_TARGET}: ${error instanceof Error ? error.message : String(error)}`,
              ),
            );
          }
        }
      });
    });
    compiler.hooks.afterEmit.tapPromise(NAME, async (compilation) => {
      if (compilation.errors.length > 0) return;
      const { packageDir, addinDir } = this.options;
      for (const [file, text] of Object.entries(packageTexts(version, path.resolve(compiler.context, "src/wps/package")))) {
        fs.writeFileSync(path.join(packageDir, file), text, { mode: file.endsWith(".sh") ? 0o755 : 0o644 });
      }
      const archive = path.join(packageDir, `${ADDIN_NAME}.7z`);
      fs.rmSync(archive, { force: true });
      execFileSync(sevenZip(), ["a", "-t7z", "-bd", "-y", archive, path.basename(addinDir)], { cwd: packageDir, stdio: "pipe" });
      await zipFolder(packageDir, `${packageDir}.zip`);
    });
  }
}

module.exports = { BangfuWpsAddinPlugin, WPS_TARGET, ADDIN_NAME, addinFolderName, packageFolderName, ribbonXml };
