/**
 * Reading a small file given on the command line (the policy file) without trusting it: only a
 * regular file is opened for reading (a FIFO would block, /dev/zero never ends), and its size is
 * checked before a byte is read. Its bytes become text in src/policy/fileText.ts, as a file chosen
 * in the 设置 tab does.
 */
import * as fs from "node:fs";
import { formatFileSize, TextFileError } from "../policy/fileText";
import { describeFileError } from "../xlsx/fileErrors";

export { TextFileError };

/** The bytes of a file of at most `maxBytes` bytes. `hint` ends the message about a file that is not regular or too large. */
export function readSmallFile(file: string, maxBytes: number, hint: string): Uint8Array {
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
    if (stat.size > maxBytes) throw new TextFileError(`文件有 ${formatFileSize(stat.size)}，超过上限 ${formatFileSize(maxBytes)}：${hint}`);
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < buffer.length) {
      const n = fs.readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } catch (error) {
    if (error instanceof TextFileError) throw error;
    throw new TextFileError(`无法读取：${describeFileError(error)}`);
  } finally {
    fs.closeSync(fd);
  }
}

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return "是一个文件夹";
  if (stat.isFIFO()) return "是一个管道";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "是一个设备";
  if (stat.isSocket()) return "是一个套接字";
  return "不是普通文件";
}
