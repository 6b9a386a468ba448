/**
 * Runs the production build once (into a temporary folder) and checks what would be
 * deployed: the shared-runtime page, the bundles, both metadata files, the rewritten
 * manifest and the icons.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { FunctionsMetadata, localizeMetadata } from "../src/functions/localizeMetadata";
import { ZH_CN } from "../src/functions/zh-CN";

const ROOT = path.resolve(__dirname, "..");
const PUBLIC_URL = "https://bangfu.test.example/";
const IDS = ["TIER", "COURTYARD_SUBSIDY", "FILIAL_MATCH", "PER_CAPITA", "AGE"];
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

let dist: string;
let output: string;

const read = (file: string) => fs.readFileSync(path.join(dist, file), "utf8");
const readJson = (file: string) => JSON.parse(read(file)) as FunctionsMetadata;

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), "bangfu-dist-"));
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const result = await promisify(execFile)(process.execPath, [cli, "--mode", "production"], {
    cwd: ROOT,
    env: { ...process.env, BANGFU_PUBLIC_URL: PUBLIC_URL, BANGFU_DIST: dist, NO_COLOR: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  output = result.stdout + result.stderr;
}, 180_000);

afterAll(() => {
  if (dist) fs.rmSync(dist, { recursive: true, force: true });
});

describe("npm run build (production)", () => {
  it("compiles without errors and without the placeholder-URL warning", () => {
    expect(output).toMatch(/compiled (successfully|with \d+ warnings?)/);
    expect(output).not.toMatch(/ERROR/);
    expect(output).not.toMatch(/BANGFU_PUBLIC_URL is not set/);
  });

  it("writes taskpane.html loading office.js from the CDN, then the three bundles", () => {
    const html = read("taskpane.html");
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]);
    expect(scripts).toEqual([OFFICE_JS, "taskpane.js", "commands.js", "functions.js"]);
    expect(html).toContain("增收帮扶助手");
  });

  it("writes functions.js registering every function with Excel", () => {
    const js = read("functions.js");
    for (const id of IDS) expect(js).toContain(`CustomFunctions.associate("${id}"`);
    expect(fs.existsSync(path.join(dist, "taskpane.js"))).toBe(true);
    expect(fs.existsSync(path.join(dist, "commands.js"))).toBe(true);
  });

  it("writes functions.json and its zh-CN twin with the same ids and parameter names", () => {
    const english = readJson("functions.json");
    const chinese = readJson("functions.zh-CN.json");
    expect(english.functions.map((f) => f.id)).toEqual(IDS);
    const shape = (m: FunctionsMetadata) => m.functions.map((f) => [f.id, f.name, f.parameters.map((p) => p.name)]);
    expect(shape(chinese)).toEqual(shape(english));
    expect(chinese).toEqual(localizeMetadata(english, ZH_CN));
    for (const fn of chinese.functions) expect(fn.description).toMatch(/[\u4e00-\u9fff]/);
  });

  it("writes manifest.xml pointing at the public URL, with no localhost left", () => {
    const manifest = read("manifest.xml");
    const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    expect(manifest).not.toMatch(/localhost/i);
    expect(manifest.split(PUBLIC_URL).length - 1).toBe(source.split("https://localhost:3000/").length - 1);
    expect(manifest).toContain(`${PUBLIC_URL}functions.zh-CN.json`);
  });

  it("copies the icons unchanged", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      const name = `assets/icon-${size}.png`;
      expect(fs.readFileSync(path.join(dist, name)).equals(fs.readFileSync(path.join(ROOT, name)))).toBe(true);
    }
  });
});
