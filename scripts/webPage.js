"use strict";
/**
 * Assembles the offline page (webpack.web.config.js): one HTML file that holds everything — the
 * page's script, the worker's script (a data block the page starts as a Blob worker), the styles
 * and the icon — and a Content-Security-Policy that allows only those: the inline script by its
 * hash, no network at all (no connect-src, default 'none'), workers only from blob:, images only
 * from data: (the inlined icon).
 *
 * Both scripts are lowered by esbuild to ES2020 syntax (Chromium 86, the oldest browser the
 * offices have, runs it) and, in production, minified.
 */
const crypto = require("crypto");
const fs = require("fs");
const esbuild = require("esbuild");

/** What the scripts are lowered to: ES2020 syntax, which Chromium 86 runs (test/webPage.test.ts parses the result as ES2020). */
const TARGET = ["es2020", "chrome86"];

/**
 * Script text that can sit inside <script>…</script>: no "</script" and no "<!--" (both are valid JS escapes in strings, templates and
 * regular expressions).
 */
function inlineable(code) {
  return code.replace(/<\/(script)/gi, "\\x3C/$1").replace(/<!--/g, "\\x3C!--");
}

function sha256(text) {
  return `'sha256-${crypto.createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

function lower(code, minify) {
  return esbuild.transformSync(code, { loader: "js", target: TARGET, minify, charset: "utf8", legalComments: "none" }).code;
}

/**
 * The policy: nothing but the page itself. Styles are 'unsafe-inline' because Fluent UI writes its
 * styles into style elements at run time (a hash cannot cover them, and listing one would switch
 * 'unsafe-inline' off); the script is allowed by its hash only, so no other script can run.
 */
function contentSecurityPolicy(scriptHash) {
  return [
    "default-src 'none'",
    `script-src ${scriptHash}`,
    "style-src 'unsafe-inline'",
    "img-src data:",
    "worker-src blob:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

const STYLE = [
  'body{margin:0;font-family:"Segoe UI","Microsoft YaHei","PingFang SC","Noto Sans CJK SC",' +
    '"WenQuanYi Micro Hei",sans-serif;background:#fff;color:#242424}',
  ".loading{max-width:720px;margin:48px auto;padding:0 16px;line-height:1.8}",
].join("");

/**
 * Replace each %NAME% of the template once (the scripts are put in last, whatever they contain).
 */
function fill(template, values) {
  let html = template;
  for (const [name, value] of Object.entries(values)) {
    const marker = `%${name}%`;
    const parts = html.split(marker);
    if (parts.length !== 2) throw new Error(`page template: ${marker} must appear exactly once`);
    html = parts[0] + value + parts[1];
  }
  return html;
}

class SinglePagePlugin {
  /**
   * @param {{ template: string, icon: string, workerFile: string, pageAsset: string, output: string, minify: boolean, parts: string }}
   * options
   */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const { template, icon, workerFile, pageAsset, output, minify, parts } = this.options;
    compiler.hooks.thisCompilation.tap("SinglePagePlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "SinglePagePlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const page = compilation.getAsset(pageAsset);
          if (!page) throw new Error(`no ${pageAsset} in the page build`);
          const script = inlineable(lower(page.source.source().toString(), minify));
          const worker = inlineable(lower(fs.readFileSync(workerFile, "utf8"), minify));
          const iconUri = `data:image/png;base64,${fs.readFileSync(icon).toString("base64")}`;
          const csp = contentSecurityPolicy(sha256(script));
          const html = fill(fs.readFileSync(template, "utf8"), { CSP: csp, ICON: iconUri, STYLE, WORKER: worker, SCRIPT: script });
          compilation.deleteAsset(pageAsset);
          compilation.emitAsset(output, new compiler.webpack.sources.RawSource(html));
        },
      );
    });
    // The worker's script was only a step: once the page holds it, its file goes.
    compiler.hooks.afterEmit.tap("SinglePagePlugin", () => fs.rmSync(parts, { recursive: true, force: true }));
  }
}

module.exports = { SinglePagePlugin, contentSecurityPolicy, inlineable, TARGET };
