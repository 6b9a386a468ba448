import { PolicyFileError } from "../policy";
import { InputError } from "../values";
import { UsageError } from "./args";
import { CHECK_USAGE, EXIT_CANNOT_CHECK, runCheck } from "./check";
import { Io, processIo } from "./io";

const HELP = `BANGFU 增收帮扶助手（命令行）

${CHECK_USAGE}
  按方案规则检查台账，逐条列出问题及所在单元格。
  退出码：0 无错误级问题；1 有错误级问题；2 文件无法检查。
`;

/** Entry point: returns the exit status instead of exiting, so tests can call it. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "check":
        return await runCheck(rest, io);
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.stdout(HELP);
        return command === undefined ? EXIT_CANNOT_CHECK : 0;
      default:
        throw new UsageError(`不认识的命令：${command}`);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof PolicyFileError || error instanceof InputError) {
      io.stderr(`${error.message}\n\n${HELP}`);
      return EXIT_CANNOT_CHECK;
    }
    throw error;
  }
}

