/**
 * How ribbon commands reach the task pane. In the shared runtime the commands bundle and
 * the pane bundle run in one JavaScript context but are separate webpack entries (each with
 * its own module instances), so the channel lives on globalThis under a fixed key.
 *
 * A request sent before the pane listens (Office may run a ribbon command while the pane
 * is still loading) waits in a queue and is delivered when the pane starts listening.
 */

export type PaneRequest =
  /** 检查本表: check the active sheet and show the results. */
  | { readonly kind: "checkActiveSheet" }
  /** 生成汇总: show the 汇总 tab. */
  | { readonly kind: "showSummaries" };

type Listener = (request: PaneRequest) => void;

interface Channel {
  readonly queue: PaneRequest[];
  listener: Listener | null;
}

const KEY = "__BANGFU_PANE_CHANNEL__";

function channel(): Channel {
  const scope = globalThis as unknown as Record<string, Channel | undefined>;
  let found = scope[KEY];
  if (!found) {
    found = { queue: [], listener: null };
    scope[KEY] = found;
  }
  return found;
}

/** Deliver a request to the pane, or queue it until the pane listens. */
export function sendToPane(request: PaneRequest): void {
  const c = channel();
  if (c.listener) c.listener(request);
  else c.queue.push(request);
}

/**
 * The pane's one listener (a later call replaces an earlier one). Queued requests are
 * delivered at once, oldest first. Returns a function that stops listening.
 */
export function listenToPane(listener: Listener): () => void {
  const c = channel();
  c.listener = listener;
  for (const request of c.queue.splice(0)) listener(request);
  return () => {
    if (c.listener === listener) c.listener = null;
  };
}
