/** Where the command line writes; tests pass their own. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly stderrIsTTY: boolean;
}

export const processIo: Io = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  stderrIsTTY: Boolean(process.stderr.isTTY),
};

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
