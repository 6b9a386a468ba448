/**
 * The page's side of the worker: the worker's script is inlined in the page (a data block that
 * is not run, #bangfu-worker) and started from a Blob, which Chromium allows on file:// where a
 * worker loaded by URL is refused. Requests are answered by id; progress goes to the caller's
 * callback.
 */
import type { Finding } from "../checks/types";
import type {
  CheckRequest,
  CheckResult,
  DetectedColumns,
  GenerateOutcome,
  GenerateRequest,
  HouseholdLabel,
  PaneEngine,
  ReadProgressValue,
} from "../taskpane/model";
import { deserializeError } from "./errors";
import { MemoryBudget, pageMemoryBudget } from "./memoryBudget";
import type { OpenedWorkbook, SideFileInfo, WorkerRequest, WorkerResponse } from "./protocol";

/** A request without its id (the client numbers them) and the memory budget (the client adds its own). */
type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, "id" | "memoryBudget"> : never) : never;

interface Pending {
  readonly resolve: (response: WorkerResponse) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress?: (progress: ReadProgressValue) => void;
  /** Findings and household labels received ahead of the result. */
  readonly findings: Finding[];
  readonly households: HouseholdLabel[];
}

/** The result with the parts that came ahead of it put back. */
function withParts(result: CheckResult, pending: Pending): CheckResult {
  return { ...result, report: { ...result.report, findings: pending.findings }, households: pending.households };
}

export const WORKER_SCRIPT_ID = "bangfu-worker";

export class WorkerClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  /** `memoryBudget`: the reader's row budget in the worker (null: no guard). */
  constructor(
    source: string,
    private readonly memoryBudget: MemoryBudget | null = null,
  ) {
    const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
    this.worker = new Worker(url);
    this.worker.onmessage = (event: MessageEvent<WorkerResponse>) => this.receive(event.data);
    this.worker.onerror = (event: ErrorEvent) => {
      // The worker itself failed (not one request): every request waiting fails with its message.
      const error = new Error(`后台处理出错：${event.message}`);
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
  }

  /** The worker of this page, from the script inlined in it, with the memory budget of this browser's heap limit. */
  static fromPage(): WorkerClient {
    const source = document.getElementById(WORKER_SCRIPT_ID)?.textContent;
    if (!source) throw new Error("页面不完整：缺少后台处理脚本。请使用构建生成的 bangfu.html。");
    return new WorkerClient(source, pageMemoryBudget());
  }

  private receive(response: WorkerResponse): void {
    const pending = this.pending.get(response.id);
    if (!pending) return;
    if (response.kind === "progress") {
      pending.onProgress?.({ read: response.read, total: null, fraction: response.fraction });
      return;
    }
    if (response.kind === "part") {
      for (const f of response.findings) pending.findings.push(f);
      for (const h of response.households) pending.households.push(h);
      return;
    }
    this.pending.delete(response.id);
    if (response.kind === "failed") pending.reject(deserializeError(response.error));
    else if (response.kind === "checked") pending.resolve({ ...response, result: withParts(response.result, pending) });
    else if (response.kind === "generated")
      pending.resolve({ ...response, generated: { ...response.generated, result: withParts(response.generated.result, pending) } });
    else pending.resolve(response);
  }

  private request<K extends WorkerResponse["kind"]>(
    request: Request,
    expect: K,
    onProgress?: (progress: ReadProgressValue) => void,
  ): Promise<Extract<WorkerResponse, { kind: K }>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, {
        resolve: (response) =>
          response.kind === expect
            ? resolve(response as Extract<WorkerResponse, { kind: K }>)
            : reject(new Error(`internal: ${expect} expected, got ${response.kind}`)),
        reject,
        onProgress,
        findings: [],
        households: [],
      });
      this.worker.postMessage({ ...request, id, memoryBudget: this.memoryBudget });
    });
  }

  async open(file: File): Promise<OpenedWorkbook> {
    return (await this.request({ kind: "open", file }, "opened")).workbook;
  }

  /** A side ledger file: the sheet of it that will be joined, or why it cannot be. */
  async probeSide(file: File): Promise<SideFileInfo> {
    return (await this.request({ kind: "probeSide", file }, "sideProbed")).side;
  }

  async check(request: CheckRequest, sideFiles: readonly File[], onProgress?: (progress: ReadProgressValue) => void): Promise<CheckResult> {
    const { sheet, settings, asOf, sides = [] } = request;
    return (await this.request({ kind: "check", sheet, settings, asOf, sides, sideFiles }, "checked", onProgress)).result;
  }

  async generate(request: GenerateRequest, sideFiles: readonly File[], onProgress?: (progress: ReadProgressValue) => void) {
    const { clock, sides = [], ...rest } = request;
    return (await this.request({ kind: "generate", ...rest, sides, sideFiles, clock: clock.getTime() }, "generated", onProgress)).generated;
  }

  async detect(sheet: string): Promise<DetectedColumns> {
    return (await this.request({ kind: "detect", sheet }, "detected")).columns;
  }

  terminate(): void {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new Error("已换用其他文件"));
    this.pending.clear();
  }
}

/**
 * The pane's engine on the page: every step in the worker, over the chosen file, with the side
 * ledger files chosen on the page at the time joined. A generated workbook becomes a download (an
 * object URL, released when the next one replaces it).
 */
export function workerEngine(client: WorkerClient, sideFiles: () => readonly File[] = () => []): PaneEngine & { dispose(): void } {
  let lastUrl: string | null = null;
  return {
    check: (request, onProgress) => client.check(request, sideFiles(), onProgress),
    generate: async (request: GenerateRequest, onProgress): Promise<GenerateOutcome> => {
      const generated = await client.generate(request, sideFiles(), onProgress);
      if (lastUrl !== null) URL.revokeObjectURL(lastUrl);
      const type = /\.xlsm$/i.test(generated.fileName)
        ? "application/vnd.ms-excel.sheet.macroEnabled.12"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
      lastUrl = URL.createObjectURL(new Blob([generated.bytes], { type }));
      return {
        result: generated.result,
        written: generated.written,
        download: { fileName: generated.fileName, url: lastUrl, bytes: generated.bytes.byteLength },
      };
    },
    detectColumns: (sheet) => client.detect(sheet),
    dispose: () => {
      if (lastUrl !== null) URL.revokeObjectURL(lastUrl);
      lastUrl = null;
    },
  };
}
