/**
 * What the offline page says around the pane (choosing a file, privacy, a chosen cell), and the
 * few pane strings that it words its own way: there is no Excel workbook here, only a file that
 * is read, and a copy that is downloaded.
 */
import { formatBytes } from "../taskpane/format";
import { Language, STRINGS, Strings } from "../taskpane/i18n";

const ZH = {
  locale: "zh-CN",
  pageTitle: "增收帮扶助手 · 网页版",
  pageSubtitle: "十项增收帮扶行动（2023—2025年）台账检查与汇总，不需要安装，也不需要网络",
  switchLanguage: "English",
  switchLanguageLabel: "Switch to English",
  privacyTitle: "台账不会离开这台电脑",
  privacyBody:
    "读取、检查和生成汇总都在本机浏览器中完成：台账不会上传，本页面也不连接任何网络（页面的安全策略禁止一切网络请求）。原文件不会被修改，汇总写在下载的副本中。",
  fileLabel: "台账文件",
  dropHint: "把 .xlsx 台账文件拖到这里，或",
  chooseFile: "选择文件…",
  chooseFileLabel: "选择台账文件（.xlsx）",
  otherFile: "换一个文件…",
  opening: (name: string) => `正在打开 ${name}…`,
  openedFile: (name: string, bytes: number, sheets: number) => `${name}（${formatBytes(bytes)}，${sheets} 个工作表）`,
  droppedSeveral: (count: number, name: string) =>
    `一次拖入了 ${count} 个文件，只打开了第一个“${name}”（每次检查一个台账文件）。其余的文件如果是结对表、上年收入等附表，` +
    `可以在下方“附表文件（可选）”中点“添加附表文件…”并入；如果也是台账，请逐个拖入或选择打开。`,
  openFailedTitle: "无法打开这个文件",
  openFailedAction: "请选择其他文件；如果是旧版 .xls 或加了密码的文件，请先在 Excel 或 WPS 中另存为不加密的 .xlsx。",
  noSheetsTitle: "文件中没有可检查的工作表",
  noLedgerTitle: "没有找到像台账的工作表",
  noLedgerBody: (name: string) =>
    `“${name}”各工作表的前 15 行中没有识别出台账表头（如“户编号”“姓名”“人均纯收入”）。可以选择工作表后点“开始检查”查看原因，或在“设置 → 列映射”中为各列指定字段。`,
  passedOver: (notes: readonly string[]) => `未列出：${notes.join("；")}`,
  cellCopied: (ref: string) => `已复制单元格地址 ${ref}。在 Excel 或 WPS 中按 Ctrl+G，粘贴后按回车，即可转到这个单元格。`,
  cellNotCopied: (ref: string) => `单元格 ${ref}：在 Excel 或 WPS 中按 Ctrl+G，输入这个地址后按回车，即可转到这个单元格。`,
  storageUnavailable: "浏览器不允许本页保存设置：政策参数和列映射只在本页打开期间有效。",
  savedSettingsUnreadable:
    "浏览器中保存的设置无法读取（可能已损坏，或由其他版本保存），本次使用默认设置：内置政策参数、按表头自动识别的列。在“设置”页重新设置并保存后，下次打开即按新设置。",
  workerUnavailable: "浏览器无法在后台处理文件。请使用 Chrome、Edge 86 及以上版本，或 360、QQ 浏览器的“极速模式”打开本页。",
  sideFilesLabel: "附表文件（可选）",
  sideFilesHint:
    "帮扶责任人结对查询、上年的全县全字段、小额信贷等导出是单独的文件时，在这里添加：检查和生成汇总时按户编号或证件号码把它们并入台账（与命令行的 --with 相同），结果中写明哪些内容取自哪个文件。台账文件中的其他工作表在下方“检查”页中勾选。",
  addSideFiles: "添加附表文件…",
  addSideFilesLabel: "选择附表文件（.xlsx）",
  probingSide: (name: string) => `正在查看 ${name}…`,
  sideFile: (name: string, bytes: number, sheet: string) => `${name}（${formatBytes(bytes)}，并入工作表“${sheet}”）`,
  removeSideFile: "移除",
  removeSideFileLabel: (name: string) => `移除附表 ${name}`,
  sideFileFailed: (name: string) => `无法并入“${name}”`,
};

export type PageStrings = typeof ZH;

const EN: PageStrings = {
  locale: "en-US",
  pageTitle: "Income Support Assistant · offline page",
  pageSubtitle: "Check and summarise ledgers for the ten income-support actions (2023–2025): nothing to install, no network needed",
  switchLanguage: "中文",
  switchLanguageLabel: "切换到中文",
  privacyTitle: "The ledger never leaves this computer",
  privacyBody:
    "Reading, checking and summarising all happen in this browser: the ledger is not uploaded, " +
    "and this page connects to no network at all (its security policy forbids every request). " +
    "The original file is never changed; the summaries go into a copy that you download.",
  fileLabel: "Ledger file",
  dropHint: "Drop an .xlsx ledger here, or",
  chooseFile: "Choose a file…",
  chooseFileLabel: "Choose a ledger file (.xlsx)",
  otherFile: "Choose another file…",
  opening: (name: string) => `Opening ${name}…`,
  openedFile: (name: string, bytes: number, sheets: number) =>
    `${name} (${formatBytes(bytes)}, ${sheets} worksheet${sheets === 1 ? "" : "s"})`,
  droppedSeveral: (count: number, name: string) =>
    `${count} files were dropped; only the first, "${name}", was opened (one ledger file is checked at a time). ` +
    'Other files that are side ledgers (a pairing export, last year\'s incomes …) can be joined under "Side ledger files" below ' +
    'with "Add side ledger files…"; other ledgers are dropped or chosen one at a time.',
  openFailedTitle: "This file cannot be opened",
  openFailedAction:
    "Choose another file; an old .xls or a password-protected file must first be saved as an unencrypted .xlsx in Excel or WPS.",
  noSheetsTitle: "The file has no worksheet to check",
  noLedgerTitle: "No worksheet looks like a ledger",
  noLedgerBody: (name: string) =>
    `No ledger header (户编号, 姓名, 人均纯收入 …) was found in the first 15 rows of any ` +
    `worksheet of "${name}". Choose a worksheet and press Check to see why, or map its columns ` +
    `under Settings → Column mapping.`,
  passedOver: (notes: readonly string[]) => `Not listed: ${notes.join("; ")}`,
  cellCopied: (ref: string) => `Copied the cell address ${ref}. In Excel or WPS, press Ctrl+G, paste it and press Enter to go to the cell.`,
  cellNotCopied: (ref: string) => `Cell ${ref}: in Excel or WPS, press Ctrl+G, type this address and press Enter to go to the cell.`,
  storageUnavailable:
    "This browser does not let the page keep settings: the policy parameters and column mappings last only while the page is open.",
  savedSettingsUnreadable:
    "The settings saved in this browser could not be read (damaged, or saved by another " +
    "version): the defaults are used this time — the built-in policy parameters and the " +
    "columns recognised by their headers. Set and save them again on the Settings tab to keep " +
    "them.",
  workerUnavailable:
    "This browser cannot process files in the background. Open this page in Chrome or Edge 86 " +
    "or newer, or in the high-speed (极速) mode of 360 or QQ Browser.",
  sideFilesLabel: "Side ledger files (optional)",
  sideFilesHint:
    "When exports such as the pairing query (帮扶责任人结对查询), last year's all-fields " +
    "export or the small-loan ledger are separate files, add them here: checks and summaries " +
    "join them to the ledger's households by 户编号 or ID number (as the command line's --with " +
    "does), and the results say which facts came from which file. Other worksheets of the " +
    "ledger file are ticked in the Check tab below.",
  addSideFiles: "Add side ledger files…",
  addSideFilesLabel: "Choose side ledger files (.xlsx)",
  probingSide: (name: string) => `Looking at ${name}…`,
  sideFile: (name: string, bytes: number, sheet: string) => `${name} (${formatBytes(bytes)}, worksheet "${sheet}" joined)`,
  removeSideFile: "Remove",
  removeSideFileLabel: (name: string) => `Remove side ledger ${name}`,
  sideFileFailed: (name: string) => `"${name}" cannot be joined`,
};

export const PAGE_STRINGS: Record<Language, PageStrings> = { zh: ZH, en: EN };

/** The pane's strings as the page words them. */
export const PANE_STRINGS: Record<Language, Strings> = {
  zh: {
    ...STRINGS.zh,
    loadingSettings: "正在读取设置…",
    checkIntro: "选择台账所在的工作表，点“开始检查”。检查只读取文件，不修改它。",
    sidesHint:
      "结对表、上年收入、小额信贷等导出是本文件的其他工作表时，勾选它们：按户编号或证件号码对到各户一并检查，结果中写明哪些内容取自哪个工作表。单独的文件在页面上方的“附表文件”中添加。",
    noOtherSheets: "文件中没有其他工作表。",
    summaryIntro: "按最新检查结果生成汇总表，写入台账的一个副本供下载。原文件不会被修改，副本中原有的工作表逐字节保留。",
    generate: "生成并下载汇总工作簿",
    writtenHeading: (n: number) => `已生成 ${n} 个汇总表`,
    policyFileProblem: "本页保存的政策参数有误，已改用内置参数。",
    errors: {
      ...STRINGS.zh.errors,
      payloadTooLarge: {
        title: "台账太大，这个浏览器的内存不够",
        action: "请按乡镇或村把台账拆成几个文件分别检查；或在内存更大的电脑上检查，或用命令行 bangfu check。",
      },
      other: { ...STRINGS.zh.errors.other, action: "请重试；如果仍然失败，请刷新页面、重新选择文件，再把这段提示发给技术支持。" },
    },
  },
  en: {
    ...STRINGS.en,
    loadingSettings: "Reading the settings…",
    checkIntro: "Choose the worksheet that holds the ledger and press Check. The check only reads the file; it never changes it.",
    sidesHint:
      "When exports such as the pairing query, last year's incomes or the small-loan ledger are " +
      "other worksheets of this file, tick them: they are matched to each household by 户编号 or " +
      "ID number and used in the check; the results say which facts came from which worksheet. " +
      'Separate files are added under "Side ledger files" above.',
    noOtherSheets: "The file has no other worksheet.",
    summaryIntro:
      "Builds the summary tabs from a fresh check and writes them into a copy of the ledger for " +
      "you to download. The original file is not changed; its sheets come through byte for byte " +
      "in the copy.",
    generate: "Generate and download the summary workbook",
    writtenHeading: (n: number) => `${n} summary tab${n === 1 ? "" : "s"} generated`,
    policyFileProblem: "The policy parameters this page kept are invalid; the built-in parameters are used instead.",
    errors: {
      ...STRINGS.en.errors,
      payloadTooLarge: {
        title: "The ledger is too large for this browser's memory",
        action:
          "Split the ledger into files by township or village and check each, or check it on a computer with more memory, " +
          "or with the command line (bangfu check).",
      },
      other: {
        ...STRINGS.en.errors.other,
        action: "Try again; if it fails again, reload the page, choose the file again and send this message to support.",
      },
    },
  },
};
