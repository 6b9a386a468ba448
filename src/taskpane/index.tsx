/**
 * The task pane in Excel: find Office (./officeStartup), pick the language from Office's display
 * language, and render the pane on the Office.js workbook host. Ribbon commands (src/commands)
 * reach the pane through ./bus in the shared runtime.
 */
import { OfficeWorkbookHost } from "../office";
import { STRINGS } from "./i18n";
import { mountMessage, mountPane } from "./mount";
import { startOffice } from "./officeStartup";

async function start(): Promise<void> {
  const office = await startOffice();
  switch (office.kind) {
    case "officeJsMissing":
      mountMessage(STRINGS.zh.officeJsMissingTitle, STRINGS.zh.officeJsMissingBody(office.src));
      return;
    case "timeout":
      mountMessage(STRINGS.zh.officeTimeoutTitle, STRINGS.zh.officeTimeoutBody);
      return;
    case "notInExcel":
      mountMessage(STRINGS[office.language].notInExcelTitle, STRINGS[office.language].notInExcelBody);
      return;
    case "excel":
      mountPane({ host: new OfficeWorkbookHost(), language: office.language });
  }
}

start().catch((error: unknown) => {
  // Office failed to start: say so in the pane rather than leave it blank, and keep the error visible to the console.
  mountMessage(STRINGS.zh.errorTitle, error instanceof Error ? error.message : String(error));
  throw error;
});
