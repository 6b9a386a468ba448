/**
 * How a ribbon button reaches the WPS task pane. The ribbon's callbacks run in the add-in's main
 * page and the pane is a page of its own (Application.CreateTaskPane), so the globalThis channel
 * that Excel's shared runtime uses (../taskpane/bus.ts) cannot carry the request. The request
 * travels in the pane's URL fragment instead: "#bangfu=checkActiveSheet&n=7". A new pane reads it
 * when it loads; an open pane is sent to the same page with a new fragment (TaskPane.Navigate),
 * which fires hashchange without reloading. The sequence number makes a repeated click a new URL.
 */
import { sendToPane, type PaneRequest } from "../taskpane/bus";

const KINDS: readonly PaneRequest["kind"][] = ["checkActiveSheet", "showSummaries"];

export function requestUrl(paneUrl: string, request: PaneRequest, sequence: number): string {
  return `${paneUrl.replace(/#.*$/, "")}#bangfu=${request.kind}&n=${sequence}`;
}

/** The request in a URL fragment; null when there is none. */
export function requestFromHash(hash: string): PaneRequest | null {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const kind = KINDS.find((k) => k === params.get("bangfu"));
  return kind ? { kind } : null;
}

/** Deliver the request the page was opened with and every later one; returns a function that stops listening. */
export function listenForRibbonRequests(win: Pick<Window, "location" | "addEventListener" | "removeEventListener">): () => void {
  let last = "";
  const deliver = () => {
    const hash = win.location.hash;
    if (hash === last) return;
    last = hash;
    const request = requestFromHash(hash);
    if (request) sendToPane(request);
  };
  deliver();
  win.addEventListener("hashchange", deliver);
  return () => win.removeEventListener("hashchange", deliver);
}
