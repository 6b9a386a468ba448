/** Running the command line in-process, and a temporary folder per test file. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Io } from "../../src/cli/io";
import { main } from "../../src/cli/main";

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `bangfu ARGV…` with captured output; stderr is a terminal only when asked. */
export async function runCli(argv: readonly string[], options: { stderrIsTTY?: boolean } = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stderrIsTTY: options.stderrIsTTY ?? false };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** A temporary folder made before the file's tests and removed after them; call the result for its path. */
export function useTempDir(prefix: string): () => string {
  let dir = "";
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => dir;
}
