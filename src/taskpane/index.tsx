/**
 * The task pane's page, in Excel and in WPS 表格: ./startup.tsx finds the host and renders the
 * pane on it. In Excel, ribbon commands (src/commands) reach the pane through ./bus in the
 * shared runtime; in WPS, through the pane's URL (src/wps/paneRequests.ts).
 */
import { STRINGS } from "./i18n";
import { mountMessage } from "./mount";
import { startPane } from "./startup";

// taskpane.html's ES5 check already said this browser is too old (the bundle rarely gets this far there).
const tooOld = (window as { bangfuBrowserTooOld?: boolean }).bangfuBrowserTooOld === true;
if (!tooOld) {
  startPane().catch((error: unknown) => {
    // The host failed to start: say so in the pane rather than leave it blank, and keep the error visible to the console.
    mountMessage(STRINGS.zh.errorTitle, error instanceof Error ? error.message : String(error));
    throw error;
  });
}
