/**
 * The offline page's worker: started by the page from its inlined script (a Blob worker), it
 * holds the chosen file and does every heavy step (./session.ts), one request at a time, posting
 * progress as the sheet is read. The page's thread only draws.
 */
import { serializeError } from "./errors";
import type { CheckResult } from "../taskpane/model";
import { PART_SIZE, WorkerRequest, WorkerResponse } from "./protocol";
import { isFileError, PageSession, probeSideFile } from "./session";

/** The few members of a dedicated worker's global scope used here (the build's types are the DOM's). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const session = new PageSession();
/** Requests run one after another: a check and a generation never read the file at once. */
let queue: Promise<void> = Promise.resolve();

/** Progress at most every 100 ms: enough for a moving bar, little for the page to draw. */
function progressOf(id: number): (read: number, fraction: number) => void {
  let last = 0;
  return (read, fraction) => {
    const now = Date.now();
    if (fraction < 1 && now - last < 100) return;
    last = now;
    scope.postMessage({ kind: "progress", id, read, fraction });
  };
}

/** Post the result's findings and household labels in parts; the result itself follows without them. */
function sendParts(id: number, result: CheckResult): CheckResult {
  const { findings } = result.report;
  const { households } = result;
  for (let at = 0; at < Math.max(findings.length, households.length); at += PART_SIZE) {
    scope.postMessage({ kind: "part", id, findings: findings.slice(at, at + PART_SIZE), households: households.slice(at, at + PART_SIZE) });
  }
  return { ...result, report: { ...result.report, findings: [] }, households: [] };
}

async function handle(request: WorkerRequest): Promise<void> {
  session.useMemoryBudget(request.memoryBudget);
  try {
    switch (request.kind) {
      case "open":
        scope.postMessage({ kind: "opened", id: request.id, workbook: await session.open(request.file) });
        return;
      case "probeSide":
        scope.postMessage({ kind: "sideProbed", id: request.id, side: await probeSideFile(request.file, request.memoryBudget) });
        return;
      case "check":
        scope.postMessage({
          kind: "checked",
          id: request.id,
          result: sendParts(request.id, await session.check(request, progressOf(request.id))),
        });
        return;
      case "generate": {
        const generated = await session.generate({ ...request, clock: new Date(request.clock) }, progressOf(request.id));
        scope.postMessage(
          { kind: "generated", id: request.id, generated: { ...generated, result: sendParts(request.id, generated.result) } },
          [generated.bytes],
        );
        return;
      }
      case "detect":
        scope.postMessage({ kind: "detected", id: request.id, columns: await session.detect(request.sheet) });
        return;
    }
  } catch (error) {
    scope.postMessage({ kind: "failed", id: request.id, error: serializeError(error, isFileError) });
  }
}

scope.onmessage = (event) => {
  queue = queue.then(() => handle(event.data));
};
