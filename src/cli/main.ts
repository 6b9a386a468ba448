import { PolicyFileError } from "../policy";
import { InputError } from "../values";
import { UsageError } from "./args";
import { CHECK_USAGE, EXIT_CANNOT_CHECK, runCheck } from "./check";
import { Io, processIo } from "./io";
import { RANK_USAGE, runRank } from "./rank";
import { runSummary, SUMMARY_USAGE } from "./summary";

const HELP = `BANGFU 增收帮扶助手（命令行）

${CHECK_USAGE}
  按方案规则检查台账，逐条列出问题及所在单元格。
  --with 附表.xlsx 并入附表（可给多个）：帮扶责任人结对查询导出（取现任帮扶责任人）、上年的全县全字段
  导出（取上年人均纯收入）、小额信贷台账（逐笔贷款）等，按户编号或证件号码对到各户，报告中写明哪些
  内容取自哪个文件。
  --include-monitored 风险已消除的监测户也按脱贫户检查（默认只检查脱贫户和风险未消除的监测对象，
  一般农户和风险已消除的监测户单列）。
  --json 输出 JSON；文件无法检查时输出 {"error": {…}}。
  退出码：0 无错误级问题；1 有错误级问题；2 文件无法检查。

${SUMMARY_USAGE}
  检查台账，并把汇总表（汇总-分层、汇总-措施、汇总-资金、汇总-增收、重点户清单、检查结果）
  加到工作簿的副本中写出；输入文件不会被修改。再次生成时只替换 BANGFU 生成的工作表。
  --full-ids 在重点户清单中显示完整证件号码（默认只显示前6位和后4位）。
  退出码：0 已写出；2 文件无法检查或无法写出。

${RANK_USAGE}
  每个文件是一个街道（只给一个文件时，其中每个台账工作表是一个街道），按脱贫户人均纯收入
  增幅排名，标出增幅低于当地农民收入增幅的街道（方案三（三））；-o 另写出“街道排名”工作簿。
  退出码：0 已排名；2 有文件无法读取或无法写出。
`;

/** Entry point: returns the exit status instead of exiting, so tests can call it. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "check":
        return await runCheck(rest, io);
      case "summary":
        return await runSummary(rest, io);
      case "rank":
        return await runRank(rest, io);
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.stdout(HELP);
        return command === undefined ? EXIT_CANNOT_CHECK : 0;
      default:
        throw new UsageError(
          /\.(xlsx|xlsm|xls|et)$/i.test(command)
            ? `命令写在文件名前面：要检查这个文件，请写 bangfu check ${command}（生成汇总：bangfu summary ${command} -o 输出.xlsx）`
            : `不认识的命令：${command}（可用的命令：check、summary、rank、help）`,
        );
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof PolicyFileError || error instanceof InputError) {
      io.stderr(`${error.message}\n\n${HELP}`);
      return EXIT_CANNOT_CHECK;
    }
    throw error;
  }
}
