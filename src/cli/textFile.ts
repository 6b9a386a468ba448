/**
 * Reading a small text file given on the command line (the policy file) without trusting it:
 * only a regular file is opened for reading (a FIFO would block, /dev/zero never ends), its
 * size is checked before a byte is read, and its encoding is told from its byte-order mark.
 */
import * as fs from "node:fs";
import { describeFileError } from "../xlsx/fileErrors";

/** Why a text file cannot be read; the message is a Chinese reason, without the file's name. */
export class TextFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TextFileError";
  }
}

/**
 * Read a text file of at most `maxBytes` bytes: UTF-8 (with or without a BOM) or UTF-16 with a
 * BOM (Windows Notepad's "Unicode"). `hint` ends the message about a file that is not regular.
 */
export function readSmallTextFile(file: string, maxBytes: number, hint: string): string {
  let fd: number;
  try {
    // Non-blocking, so a FIFO opens at once instead of waiting for a writer; it is refused below.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new TextFileError(`无法读取：${describeFileError(error)}`);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new TextFileError(`不是普通文件（${kindOf(stat)}）：${hint}`);
    if (stat.size > maxBytes) throw new TextFileError(`文件有 ${formatBytes(stat.size)}，超过上限 ${formatBytes(maxBytes)}：${hint}`);
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < buffer.length) {
      const n = fs.readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return decodeText(buffer.subarray(0, read));
  } catch (error) {
    if (error instanceof TextFileError) throw error;
    throw new TextFileError(`无法读取：${describeFileError(error)}`);
  } finally {
    fs.closeSync(fd);
  }
}

/** UTF-8 (BOM optional) or UTF-16 LE/BE with a BOM; anything else that is not valid UTF-8 is refused. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    throw new TextFileError("不是 UTF-8 编码（可能是 GBK/GB2312）：请在记事本中“另存为”，编码选 UTF-8");
  }
}

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return "是一个文件夹";
  if (stat.isFIFO()) return "是一个管道";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "是一个设备";
  if (stat.isSocket()) return "是一个套接字";
  return "不是普通文件";
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} 字节`;
}
