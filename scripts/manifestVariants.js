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

/** What this file is, in place of manifest.xml's comment (which speaks of the ribbon and the functions). */
const TASKPANE_ONLY_COMMENT = `<!--
  BANGFU task-pane-only manifest, written by \`npm run build\` from manifest.xml (scripts/manifestVariants.js):
  the same add-in without VersionOverrides, so without the ribbon tab and the =BANGFU. custom
  functions; its own Id, so that it can be installed beside manifest.xml. It is for SharePoint
  add-in catalogs, which do not take add-ins that need VersionOverrides ("Deploy and publish
  Office Add-ins"); every other way of deploying uses manifest.xml. The pane opens from
  Home → Add-ins (Insert → My Add-ins); it runs where Office shows panes in WebView2 (Office 2021
  and later, Microsoft 365), not in the Internet Explorer 11 of volume-licensed Office 2016/2019.
-->`;

function taskpaneOnlyManifest(xml) {
  const text = String(xml);
  const withoutOverrides = text.replace(/\s*<VersionOverrides\b[\s\S]*<\/VersionOverrides>/, "");
  if (withoutOverrides === text) throw new Error("manifest.xml has no <VersionOverrides> to remove");
  const withComment = withoutOverrides.replace(/<!--[\s\S]*?-->/, TASKPANE_ONLY_COMMENT);
  if (withComment === withoutOverrides) throw new Error("manifest.xml has no leading comment to replace");
  return withComment
    .replace(/<Id>[^<]*<\/Id>/, `<Id>${TASKPANE_ONLY_ID}</Id>`)
    .replace(/(<DisplayName DefaultValue=")([^"]*)(")/, "$1$2 (task pane)$3")
    .replace(/(<DisplayName[\s\S]*?<Override Locale="zh-CN" Value=")([^"]*)(")/, "$1$2（任务窗格版）$3");
}

module.exports = { TASKPANE_ONLY_ID, taskpaneOnlyManifest };
