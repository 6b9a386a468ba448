/** Where the command line writes; tests pass their own. */
export interface Io {
  stdout(text: string): void;
  /**
   * Like stdout, for one piece of a long output: resolves once more may be written. Node writes
   * to a pipe asynchronously, so without waiting a slow reader (`check --json | …`) would leave
   * the whole output queued in memory. Without it, stdout is used.
   */
  stdoutPiece?(text: string): Promise<void>;
  stderr(text: string): void;
  readonly stderrIsTTY: boolean;
}

export const processIo: Io = {
  stdout: (text) => void process.stdout.write(text),
  stdoutPiece: (text) => (process.stdout.write(text) ? Promise.resolve() : drained(process.stdout)),
  stderr: (text) => void process.stderr.write(text),
  stderrIsTTY: Boolean(process.stderr.isTTY),
};

/** Resolves when a stream may be written again; also when it fails or closes (the error is reported where it is raised). */
function drained(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.removeListener("drain", done);
      stream.removeListener("error", done);
      stream.removeListener("close", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("error", done);
    stream.on("close", done);
  });
}

/** Rows read so far, on one terminal line that is erased when reading ends; nothing when stderr is not a terminal. */
export interface ReadProgress {
  readonly onProgress: ((rows: number) => void) | undefined;
  done(): void;
}

export function terminalProgress(io: Io): ReadProgress {
  if (!io.stderrIsTTY) return { onProgress: undefined, done: () => undefined };
  let shown = false;
  return {
    onProgress: (rows) => {
      shown = true;
      io.stderr(`\r已读取 ${rows} 行…`);
    },
    // Carriage return, erase to the end of the line: later messages start on a clean line.
    done: () => {
      if (shown) io.stderr("\r\u001b[K");
    },
  };
}
