/**
 * Ribbon and keyboard actions. In the shared runtime this script runs in taskpane.html;
 * "showTaskpane" lets a future ExecuteFunction control or shortcut open the pane.
 */
export async function showTaskpane(event?: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } finally {
    event?.completed(); // Office waits for this even when showing the pane failed
  }
}

// Outside Office (a plain browser) there is nothing to register with.
if (typeof Office !== "undefined") {
  void Office.onReady(() => {
    Office.actions.associate("showTaskpane", showTaskpane);
  });
}
