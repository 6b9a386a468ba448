"use strict";
/**
 * Where taskpane.html loads office.js from (BANGFU_OFFICE_JS):
 *
 *   local (default)  office/office.js served with the add-in, copied from the @microsoft/office-js
 *                    package with the companion files it loads from its own folder (the Excel host
 *                    scripts, every locale's office_strings.js, the telemetry sink). Works on an
 *                    office network without internet. Microsoft allows a local copy for internal
 *                    deployments ("Referencing the Office JavaScript API library": the CDN is
 *                    required only for add-ins published to Microsoft Marketplace).
 *   cdn              Microsoft's CDN, as Marketplace add-ins must use.
 *   cn               The CDN of Office 365 operated by 21Vianet (same document, "CDN references for
 *                    other Microsoft 365 environments").
 *
 * Pure and CommonJS: webpack.config.js and the tests share it.
 */
const path = require("path");

const OFFICE_JS_MODES = {
  local: "office/office.js",
  cdn: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
  cn: "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js",
};

/** Folder of dist/ that holds the local copy. */
const LOCAL_FOLDER = "office";

/**
 * What office.js needs beside itself (globs relative to the package's dist/), without the
 * .debug.js twins, Outlook, Word, PowerPoint, OneNote and Project files:
 * - the Excel host scripts it picks by platform and version (excel-win32-16.01.js, excel-web-16.00.js …),
 *   and the Office 2013 mapping table;
 * - office_strings.js of every display language (it loads <locale>/office_strings.js, then en-us);
 * - telemetry/oteljs_agave.js and ariatelemetry/aria-web-telemetry.js, which office.js and the
 *   Excel host scripts load from the same folder, and webauth/ (loaded only for sign-in flows).
 * The host scripts can also fetch MicrosoftAjax.js from Microsoft's CDN for old-style APIs that
 * BANGFU does not use; the package does not contain it.
 */
const LOCAL_FILES = [
  "office.js",
  "excel*.js",
  "o15apptofilemappingtable.js",
  "*/office_strings.js",
  "telemetry/*.js",
  "ariatelemetry/*.js",
  "webauth/*.js",
];

function officeJsMode(value) {
  const mode = value === undefined || value === "" ? "local" : String(value).trim().toLowerCase();
  if (!Object.prototype.hasOwnProperty.call(OFFICE_JS_MODES, mode)) {
    throw new Error(
      `BANGFU_OFFICE_JS must be local, cdn or cn (got "${value}"). local serves office.js with the add-in and needs no internet.`,
    );
  }
  return mode;
}

/** The src of taskpane.html's office.js script. */
function officeJsUrl(mode) {
  return OFFICE_JS_MODES[officeJsMode(mode)];
}

/** The package folder holding office.js and its companions. */
function officeJsPackageDir() {
  return path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");
}

/** copy-webpack-plugin patterns for the local copy; empty for the CDN modes. */
function officeJsCopyPatterns(mode) {
  if (officeJsMode(mode) !== "local") return [];
  const context = officeJsPackageDir();
  return LOCAL_FILES.map((glob) => ({
    from: glob,
    context,
    to: `${LOCAL_FOLDER}/[path][name][ext]`,
    globOptions: { ignore: ["**/*.debug.js"] },
    // Already minified by Microsoft: webpack must not minify it again (office.js breaks).
    info: { minimized: true },
  }));
}

module.exports = { OFFICE_JS_MODES, LOCAL_FOLDER, LOCAL_FILES, officeJsMode, officeJsUrl, officeJsPackageDir, officeJsCopyPatterns };
