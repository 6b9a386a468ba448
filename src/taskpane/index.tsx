/**
 * The task pane in Excel: wait for Office, pick the language from Office's display language,
 * and render the pane on the Office.js workbook host. Ribbon commands (src/commands) reach
 * the pane through ./bus in the shared runtime.
 */
import { OfficeWorkbookHost } from "../office";
import { languageOf, STRINGS } from "./i18n";
import { mountMessage, mountPane } from "./mount";

async function start(): Promise<void> {
  // Opened in a plain browser: there is no Office (or no Excel) to work on.
  if (typeof Office === "undefined") {
    mountMessage(STRINGS.zh.notInExcelTitle, STRINGS.zh.notInExcelBody);
    return;
  }
  await Office.onReady();
  const language = languageOf(Office.context?.displayLanguage);
  if (typeof Excel === "undefined") {
    mountMessage(STRINGS[language].notInExcelTitle, STRINGS[language].notInExcelBody);
    return;
  }
  mountPane({ host: new OfficeWorkbookHost(), language });
}

start().catch((error: unknown) => {
  // Office failed to start: say so in the pane rather than leave it blank, and keep the error visible to the console.
  mountMessage(STRINGS.zh.errorTitle, error instanceof Error ? error.message : String(error));
  throw error;
});
