/**
 * A policy file's bytes as text, one reading for the command line (`--policy`) and the 设置 tab
 * (a file chosen in the task pane or on the offline page): UTF-8 with or without a BOM, or UTF-16
 * with a BOM (what Windows Notepad saves as "Unicode"). Anything else is refused rather than read
 * as garbled text: a file saved as GBK would otherwise lose every Chinese character it holds.
 */
import { POLICY_FILE_MAX_BYTES, PolicyFileError } from "./policy";

/** Why a text file's bytes cannot be read as text; the message is a Chinese reason, without the file's name. */
export class TextFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TextFileError";
  }
}

/** UTF-8 (BOM optional) or UTF-16 LE/BE with a BOM; anything else that is not valid UTF-8 is refused. */
function textOfBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    return decoder.decode(body);
  } catch (error) {
    // A fatal decoder reports bytes that are not UTF-8 as a TypeError (WHATWG Encoding); anything else is not about the file.
    // By name: Node's decoder throws its own realm's TypeError, not the one of a sandbox the code may run in.
    if (typeof error === "object" && error !== null && "name" in error && error.name === "TypeError")
      throw new TextFileError("不是 UTF-8 编码（可能是 GBK/GB2312）：请在记事本中“另存为”，编码选 UTF-8");
    throw error;
  }
}

/** Sizes in a message: bytes, KB or MB with one decimal. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} 字节`;
}

/** Why a file of `size` bytes is not read as a policy file, or null when its size is allowed. */
export function policyFileSizeProblem(size: number): string | null {
  return size > POLICY_FILE_MAX_BYTES
    ? `文件有 ${formatFileSize(size)}，超过上限 ${formatFileSize(POLICY_FILE_MAX_BYTES)}：参数文件通常只有几 KB，请确认选的是参数文件（.json）`
    : null;
}

/**
 * A policy file's text, or a PolicyFileError naming it when its bytes are not UTF-8/UTF-16 text.
 * Its size is the caller's to check before reading (the command line from the file's stat, the
 * 设置 tab from the chosen File), so that a huge file is never read.
 */
export function policyFileText(bytes: Uint8Array, source: string): string {
  try {
    return textOfBytes(bytes);
  } catch (error) {
    if (error instanceof TextFileError) throw new PolicyFileError(source, [error.message]);
    throw error;
  }
}
