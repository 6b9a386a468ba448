/**
 * Ribbon actions (tab 增收帮扶). In the shared runtime this script runs in taskpane.html,
 * in the same JavaScript context as the task pane: a command asks the pane for what to do
 * (../taskpane/bus) and shows it. The pane does the work through its WorkbookHost, so
 * 检查本表 runs the same check as the pane's 开始检查 button.
 *
 * Every id passed to Office.actions.associate here is a <FunctionName> in manifest.xml
 * (test/manifest.test.ts checks both ways).
 */
import { PaneRequest, sendToPane } from "../taskpane/bus";

/** Run after the request is queued; Office waits for event.completed() even when showing the pane failed. */
async function showPane(event: Office.AddinCommands.Event | undefined, request: PaneRequest | null): Promise<void> {
  try {
    if (request) sendToPane(request);
    await Office.addin.showAsTaskpane();
  } finally {
    event?.completed();
  }
}

/** 打开助手 (also a ShowTaskpane button; kept for keyboard shortcuts). */
export function showTaskpane(event?: Office.AddinCommands.Event): Promise<void> {
  return showPane(event, null);
}

/** 检查本表: check the active sheet and open the pane on the results. */
export function checkActiveSheet(event?: Office.AddinCommands.Event): Promise<void> {
  return showPane(event, { kind: "checkActiveSheet" });
}

/** 生成汇总: open the pane on 汇总. */
export function showSummaries(event?: Office.AddinCommands.Event): Promise<void> {
  return showPane(event, { kind: "showSummaries" });
}

/** The ribbon's ExecuteFunction ids. */
export const COMMANDS = { showTaskpane, checkActiveSheet, showSummaries } as const;

// Outside Office (a plain browser, or office.js failed to load) there is nothing to register with;
// Office without add-in commands (the task pane of Office 2016/2019) has no Office.actions.
if (typeof Office !== "undefined") {
  void Office.onReady(() => {
    if (!Office.actions) return;
    Office.actions.associate("showTaskpane", showTaskpane);
    Office.actions.associate("checkActiveSheet", checkActiveSheet);
    Office.actions.associate("showSummaries", showSummaries);
  });
}
