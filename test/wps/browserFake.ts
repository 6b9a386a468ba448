/**
 * The fake ET for a page of the built WPS add-in in headless Chromium (test/wps/addin.test.ts
 * bundles this and injects it before the page's scripts). The top page gets a workbook with the
 * harness's synthetic ledger as `wps`/`Application`; task panes are shown as frames of that page,
 * and a frame uses its parent's `wps`, as every page of a WPS add-in shares one application.
 */
import { NOTES_ROWS, SAMPLE_ROWS, SAMPLE_SHEET } from "../../src/taskpane/harness/sampleLedger";
import { FakeEt, type FakeTaskPane } from "./fakeEt";

/** The page's globals as this script sets them (typed loosely: et-jsapi-declare also declares `wps`). */
type Scope = Record<string, unknown> & { bangfuFake?: FakeEt };

const scope = window as unknown as Scope;
const parent = window.parent as unknown as Scope;

if (window.parent !== window && parent.bangfuFake) {
  scope.wps = parent.wps;
  scope.Application = parent.Application;
} else {
  const et = new FakeEt(
    [
      { name: SAMPLE_SHEET, cells: SAMPLE_ROWS as (string | number)[][], fills: { A3: "#DDEBF7" } },
      { name: "说明", cells: NOTES_ROWS as string[][] },
    ],
    { activeSheet: SAMPLE_SHEET },
  );
  const frames = new Map<number, HTMLIFrameElement>();
  const frameOf = (pane: FakeTaskPane): HTMLIFrameElement => {
    let frame = frames.get(pane.ID);
    if (!frame) {
      frame = document.createElement("iframe");
      frame.name = `taskpane-${pane.ID}`;
      frame.title = pane.title;
      frame.style.cssText = "position:fixed;top:0;right:0;width:420px;height:100%;border:0;display:none";
      document.body.appendChild(frame);
      frames.set(pane.ID, frame);
    }
    return frame;
  };
  et.paneHooks = {
    created: (pane) => (frameOf(pane).src = pane.url),
    navigated: (pane) => (frameOf(pane).src = pane.url),
    shown: (pane, visible) => (frameOf(pane).style.display = visible ? "block" : "none"),
  };
  scope.bangfuFake = et;
  scope.wps = et.app;
  scope.Application = et.app;
}
