/**
 * The developer loop as Microsoft's templates have it, and as it behaves on these Linux machines:
 * webpack-dev-server's Node engine agrees with package.json's, office-addin-debugging finds its
 * config, `npm start` and `npm run dev-server` fail on Linux with a message saying what to do,
 * and `npm run validate` works offline.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  engines: { node: string };
  config: Record<string, unknown>;
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The lowest version a simple ">=x.y.z" / ">= x.y.z" range admits. */
function minimum(range: string): number[] {
  const m = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  if (!m) throw new Error(`unexpected engine range ${range}`);
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

const atLeast = (a: number[], b: number[]) => (a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] > b[1] : a[2] >= b[2]);

describe("developer loop", () => {
  it("webpack-dev-server runs on every Node that engines admits (Node 20, as offices and CI have)", () => {
    const wds = JSON.parse(fs.readFileSync(require.resolve("webpack-dev-server/package.json", { paths: [ROOT] }), "utf8")) as {
      version: string;
      engines: { node: string };
    };
    expect(wds.version).toMatch(/^5\.2\./);
    expect(atLeast(minimum(pkg.engines.node), minimum(wds.engines.node))).toBe(true);
    expect(minimum(pkg.engines.node)[0]).toBe(20);
  });

  it("engines admits no Node that the build tools refuse (webpack-cli 7 needs ≥ 20.9)", () => {
    for (const tool of ["webpack-cli", "webpack", "ts-loader", "esbuild"]) {
      const manifest = JSON.parse(fs.readFileSync(require.resolve(`${tool}/package.json`, { paths: [ROOT] }), "utf8")) as {
        engines?: { node?: string };
      };
      const range = manifest.engines?.node;
      if (!range) continue;
      expect({ tool, admitted: atLeast(minimum(pkg.engines.node), minimum(range)) }).toEqual({ tool, admitted: true });
    }
  });

  it("has the config office-addin-debugging reads, matching the dev server's port and the manifest", () => {
    expect(pkg.config).toEqual({ app_to_debug: "excel", app_type_to_debug: "desktop", dev_server_port: 3000 });
    expect(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8")).toContain(`https://localhost:${pkg.config.dev_server_port}/`);
  });

  it("npm start on Linux says that sideloading needs Windows or macOS, and fails", () => {
    if (process.platform !== "linux") return; // on Windows/macOS it starts office-addin-debugging
    const result = spawnSync(process.execPath, [path.join(ROOT, "scripts/start.js"), "start"], { encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("只能在 Windows 或 macOS 上进行");
    expect(result.stderr).toContain("BANGFU_DEV_HTTP=1");
  });

  it("npm run dev-server on Linux explains the certificates instead of serving without them; plain http works", async () => {
    if (process.platform !== "linux") return;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is CommonJS
    const config = require("../webpack.config.js") as (
      env: object,
      argv: object,
    ) => Promise<{ devServer?: { host?: string; port: number; server: { type: string } } }>;
    const refusal = await config({ WEBPACK_SERVE: true }, { mode: "development" }).then(
      () => null,
      (error: unknown) => error as Error,
    );
    expect(refusal?.message).toMatch(/开发证书.*BANGFU_DEV_HTTP=1/s);
    // webpack-cli prints the stack of a configuration error: the refusal shows its message, no stack frames.
    expect(refusal?.stack).toBe(refusal?.message);
    const previous = process.env.BANGFU_DEV_HTTP;
    process.env.BANGFU_DEV_HTTP = "1";
    try {
      const served = await config({ WEBPACK_SERVE: true }, { mode: "development" });
      expect(served.devServer).toMatchObject({ host: "localhost", port: 3000, server: { type: "http" } });
    } finally {
      if (previous === undefined) delete process.env.BANGFU_DEV_HTTP;
      else process.env.BANGFU_DEV_HTTP = previous;
    }
  });

  it("npm run validate checks manifest.xml offline and fails on a broken manifest", () => {
    expect(pkg.scripts.validate).toBe("node scripts/validateManifest.js");
    const ok = spawnSync(process.execPath, [path.join(ROOT, "scripts/validateManifest.js"), "manifest.xml"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("结构检查通过");
    const broken = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bangfu-validate-")), "manifest.xml");
    fs.writeFileSync(
      broken,
      fs
        .readFileSync(path.join(ROOT, "manifest.xml"), "utf8")
        .replace('<SupportUrl DefaultValue="https://', '<SupportUrl DefaultValue="http://'),
    );
    const bad = spawnSync(process.execPath, [path.join(ROOT, "scripts/validateManifest.js"), broken], { cwd: ROOT, encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("不是 https");
  });
});
