/**
 * The WPS add-in's main page (index.html), which WPS loads hidden when 表格 starts: it puts the
 * ribbon's callbacks on the page (ribbon.xml names them) and registers the custom functions.
 * The task pane is a page of its own (taskpane.html).
 */
import "./polyfills";
import type { WpsApplication, WpsFunctionMetadata } from "./et";
import { registerWpsFunctions } from "./functions";
import { createRibbon, paneUrlOf } from "./ribbon";
import { wpsApplicationIn } from "./application";

/** The functions' metadata, generated at build time from src/functions (webpack.wps.config.js). */
declare const __BANGFU_WPS_FUNCTIONS__: Record<string, WpsFunctionMetadata>;

function start(): void {
  const app: WpsApplication | null = wpsApplicationIn(window);
  if (!app) {
    document.body.textContent = "增收帮扶助手是 WPS 表格加载项：请安装后在 WPS 表格的“增收帮扶”选项卡中使用。";
    return;
  }
  const report = (message: string) => window.alert(message);
  Object.assign(window, createRibbon(app, paneUrlOf(window.location.href), report));
  registerWpsFunctions(app, __BANGFU_WPS_FUNCTIONS__);
}

start();
