"use strict";
/**
 * Production manifests must not point at the dev server: every https://localhost:3000/
 * becomes the public URL. Pure and CommonJS so webpack.config.js and the tests share it.
 */

const DEV_URL = "https://localhost:3000/";
/** Placeholder only: a real deployment must set BANGFU_PUBLIC_URL to where dist/ is served. */
const DEFAULT_PUBLIC_URL = "https://bangfu.example.org/";

/** The public base URL, with exactly one trailing slash; Office only loads add-ins over https. */
function normalizePublicUrl(url) {
  const trimmed = String(url).trim();
  if (!/^https:\/\/[^/\s]+(\/\S*)?$/.test(trimmed)) {
    throw new Error(`BANGFU_PUBLIC_URL must be an https URL such as https://addin.example.org/bangfu/, got "${url}"`);
  }
  return trimmed.replace(/\/+$/, "") + "/";
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Replace every occurrence of the dev URL; fail if any other localhost reference is left. */
function rewriteManifestUrls(xml, publicUrl, devUrl = DEV_URL) {
  const base = normalizePublicUrl(publicUrl);
  const rewritten = String(xml).replace(new RegExp(escapeRegExp(devUrl), "g"), base);
  const leftover = rewritten.match(/.{0,40}localhost.{0,40}/);
  if (leftover) {
    throw new Error(`manifest.xml still refers to localhost after rewriting ${devUrl}: "${leftover[0].trim()}"`);
  }
  return rewritten;
}

module.exports = { DEV_URL, DEFAULT_PUBLIC_URL, normalizePublicUrl, rewriteManifestUrls };
