/**
 * The ribbon of the WPS add-in (ribbon.xml, tab 增收帮扶): its callbacks, which WPS looks up by
 * name on the add-in's main page. OnAddinLoad receives the ribbon; OnAction runs a button by its
 * id; GetImage gives each button the same icon as in Excel. The buttons do what Excel's do:
 * 检查本表 opens the pane and checks the active sheet, 生成汇总 opens it on 汇总, 打开助手 opens it.
 * The pane does the work through the WPS host, with the same code as its own buttons.
 */
import type { PaneRequest } from "../taskpane/bus";
import { DOCK_RIGHT, type WpsApplication, type WpsRibbonUi, type WpsTaskPane } from "./et";
import { requestUrl } from "./paneRequests";

export const PANE_TITLE = "增收帮扶助手";
/** A task pane about as wide as Excel's. */
export const PANE_WIDTH = 420;
export const TASKPANE_ID_KEY = "bangfu.taskpaneId";
export const SEQUENCE_KEY = "bangfu.requestSequence";

export interface RibbonButton {
  readonly label: string;
  readonly request: PaneRequest | null;
  /** Relative to the add-in's folder. */
  readonly image: string;
}

/** Button id → what it does; ribbon.xml is written from this table (scripts/wpsAddin.js). */
export const RIBBON_BUTTONS: Readonly<Record<string, RibbonButton>> = {
  bangfuCheck: { label: "检查本表", request: { kind: "checkActiveSheet" }, image: "assets/check-32.png" },
  bangfuSummary: { label: "生成汇总", request: { kind: "showSummaries" }, image: "assets/summary-32.png" },
  bangfuPane: { label: "打开助手", request: null, image: "assets/icon-32.png" },
};

export interface RibbonControl {
  readonly Id: string;
}

/** The callbacks ribbon.xml names; WPS finds them on the main page's window. */
export interface RibbonCallbacks {
  OnAddinLoad(ribbonUI: WpsRibbonUi): boolean;
  OnAction(control: RibbonControl): boolean;
  GetImage(control: RibbonControl): string;
}

export function paneUrlOf(mainPageUrl: string): string {
  return new URL("taskpane.html", mainPageUrl.replace(/[?#].*$/, "")).href;
}

/** Show the task pane, creating it once per WPS session, with the request in its URL. */
export function openPane(app: WpsApplication, paneUrl: string, request: PaneRequest | null): WpsTaskPane {
  const storage = app.PluginStorage;
  const sequence = Number(storage.getItem(SEQUENCE_KEY) ?? 0) + 1;
  storage.setItem(SEQUENCE_KEY, sequence);
  const url = request ? requestUrl(paneUrl, request, sequence) : paneUrl;
  const pane = existingPane(app);
  if (pane) {
    if (request) pane.Navigate(url);
    pane.Visible = true;
    return pane;
  }
  const created = app.CreateTaskPane(url, PANE_TITLE);
  storage.setItem(TASKPANE_ID_KEY, created.ID);
  created.DockPosition = DOCK_RIGHT;
  created.Width = PANE_WIDTH;
  created.Visible = true;
  return created;
}

/** The pane created earlier in this session (PluginStorage is not saved), if WPS still has it. */
function existingPane(app: WpsApplication): WpsTaskPane | null {
  const id = app.PluginStorage.getItem(TASKPANE_ID_KEY);
  if (id === null || id === undefined || id === "") return null;
  try {
    return app.GetTaskPane(Number(id));
  } catch {
    // WPS no longer knows that pane (closed for good): a new one is created instead.
    return null;
  }
}

export function createRibbon(app: WpsApplication, paneUrl: string, report: (message: string) => void): RibbonCallbacks {
  return {
    OnAddinLoad: () => true,
    OnAction: (control) => {
      const button = RIBBON_BUTTONS[control.Id];
      if (!button) {
        report(`增收帮扶助手：未知的按钮 ${control.Id}`);
        return false;
      }
      try {
        openPane(app, paneUrl, button.request);
        return true;
      } catch (error) {
        report(`增收帮扶助手无法打开任务窗格：${error instanceof Error ? error.message : String(error)}`);
        return false;
      }
    },
    GetImage: (control) => RIBBON_BUTTONS[control.Id]?.image ?? "assets/icon-32.png",
  };
}
