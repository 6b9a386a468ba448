/**
 * Shared by the headless-Chromium tests: a static file server on 127.0.0.1 and Debian's
 * chromium through playwright-core, with every request that is not to the local server
 * aborted and recorded (nothing leaves the machine). Never downloads a browser.
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import type { BrowserContext } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const CJK_FONT_DIR = "/usr/share/fonts/opentype/noto";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".json": "application/json",
};

/** Serve a folder on 127.0.0.1 (a free port); "/" is index.html. */
export function serve(root: string): Promise<http.Server> {
  const s = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    const file = path.join(root, pathname === "/" ? "index.html" : pathname);
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    fs.readFile(file, (error, body) => {
      if (error) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
    });
  });
  return new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve(s)));
}

export function serverUrl(server: http.Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

export function requireChromium(): void {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found: the browser tests need Debian's chromium (and fonts-noto-cjk for Chinese). ` +
        "Install them with: apt-get update && apt-get install -y chromium fonts-noto-cjk (.ci/run " +
        "does this). No browser is ever downloaded.",
    );
  }
}

export interface LocalBrowser {
  readonly context: BrowserContext;
  /** Requests to anywhere but baseUrl, all aborted. */
  readonly foreignRequests: string[];
  close(): Promise<void>;
}

/** Chromium with a fresh profile where only `baseUrl` (and data: URLs) answer. */
export async function launchLocalBrowser(baseUrl: string, viewport: { width: number; height: number }): Promise<LocalBrowser> {
  requireChromium();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "bangfu-chromium-"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- playwright-core is CommonJS
  const { chromium } = require("playwright-core") as typeof import("playwright-core");
  // A persistent context is how Playwright takes a fresh --user-data-dir of our own.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    locale: "zh-CN",
    deviceScaleFactor: 1,
  });
  const foreignRequests: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(baseUrl) || url.startsWith("data:")) return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
  return {
    context,
    foreignRequests,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
