/**
 * A tiny argument parser: no dependency, Chinese messages, and no surprises for `--flag=value`.
 * A bare `--` ends the options, so a file named -台账.xlsx can be given (or as ./-台账.xlsx).
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export interface ParsedArgs {
  readonly positional: string[];
  readonly options: Map<string, string | true>;
  /** Values of the options that may be given several times (--with a.xlsx --with b.xlsx), in order. */
  readonly lists: Map<string, string[]>;
}

export function parseArgs(
  argv: readonly string[],
  valued: readonly string[],
  flags: readonly string[],
  repeatable: readonly string[] = [],
): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  const lists = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    // After a bare --, everything is a file name, even one that starts with a hyphen (-台账.xlsx).
    if (arg === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (valued.includes(name) || repeatable.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith("--"))) throw new UsageError(`选项 ${name} 后面需要一个值`);
      if (repeatable.includes(name)) lists.set(name, [...(lists.get(name) ?? []), value]);
      else options.set(name, value);
    } else if (flags.includes(name)) {
      options.set(name, true);
    } else {
      // A file whose name starts with a hyphen looks like an option: say how to give it.
      const looksLikeFile = /\.[A-Za-z]{2,5}$/.test(arg) || /[^\x00-\x7f]/.test(arg);
      const hint = looksLikeFile ? `。如果这是文件名，请写作 ./${arg}，或写在 -- 之后（如 bangfu check -- ${arg}）` : "";
      throw new UsageError(`不认识的选项：${name}${hint}`);
    }
  }
  return { positional, options, lists };
}

/**
 * What is wrong when a command that reads one ledger got none or several files: several are
 * named, with where each kind of second file goes (附表 with --with, one file per street in rank).
 */
export function oneFileProblem(files: readonly string[], none: string, verb: string): string {
  if (files.length === 0) return none;
  const named = files.map((f) => `“${f}”`).join("、");
  return (
    `一次只${verb}一个台账文件，收到 ${files.length} 个：${named}。` +
    `要并入附表（结对表、上年收入、贷款台账等）请在附表前写 --with；要给几个街道排名请用 bangfu rank；其他文件请逐个${verb}`
  );
}
