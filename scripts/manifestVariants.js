"use strict";
/**
 * manifest-taskpane.xml: the manifest without VersionOverrides, for catalogs that do not take
 * them. Microsoft's "Deploy and publish Office Add-ins" lists SharePoint add-in catalogs (the
 * on-premises way to give an add-in to a whole office) as not supporting add-ins with any feature
 * that requires VersionOverrides; from such a catalog BANGFU installs as its task pane alone (no
 * ribbon, no =BANGFU. functions; native formulas still work). It has its own Id so that both
 * manifests can be installed side by side without one replacing the other.
 */
const TASKPANE_ONLY_ID = "5b7f0c1e-2f43-4d8a-9a61-3c2e8d9b4f70";

function taskpaneOnlyManifest(xml) {
  const text = String(xml);
  const withoutOverrides = text.replace(/\s*<VersionOverrides\b[\s\S]*<\/VersionOverrides>/, "");
  if (withoutOverrides === text) throw new Error("manifest.xml has no <VersionOverrides> to remove");
  return withoutOverrides
    .replace(/<Id>[^<]*<\/Id>/, `<Id>${TASKPANE_ONLY_ID}</Id>`)
    .replace(/(<DisplayName DefaultValue=")([^"]*)(")/, "$1$2 (task pane)$3")
    .replace(/(<DisplayName[\s\S]*?<Override Locale="zh-CN" Value=")([^"]*)(")/, "$1$2（任务窗格版）$3");
}

module.exports = { TASKPANE_ONLY_ID, taskpaneOnlyManifest };
