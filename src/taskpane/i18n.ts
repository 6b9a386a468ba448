/**
 * Every string the task pane shows, in Chinese (the default: the product's users read
 * Chinese) and English (used when Office's display language starts with "en").
 * Findings, rule reasons and ledger field labels come from the engine and stay Chinese:
 * they name the columns of a Chinese ledger.
 */
import { RuleOutcome, Severity } from "../checks";
import type { SummaryKey } from "../summaries/model";

export type Language = "zh" | "en";

/** English for an English Office display language, Chinese otherwise. */
export function languageOf(displayLanguage: string | null | undefined): Language {
  return displayLanguage?.toLowerCase().startsWith("en") ? "en" : "zh";
}

const ZH = {
  /** BCP 47 tag of the strings (the pane's lang attribute). */
  locale: "zh-CN",
  title: "增收帮扶助手",
  subtitle: "十项增收帮扶行动（2023—2025年）台账助手",
  tabsLabel: "助手功能",
  tabCheck: "检查",
  tabSummary: "汇总",
  tabSettings: "设置",
  tabFormulas: "公式",
  loadingSettings: "正在读取工作簿中的设置…",
  notInExcelTitle: "请在 Excel 或 WPS 表格中打开",
  notInExcelBody: "增收帮扶助手是 Excel 和 WPS 表格的加载项：请在“增收帮扶”选项卡中点“打开助手”。",
  errorTitle: "出错了",
  officeJsMissingTitle: "未能加载 Office 脚本 office.js",
  officeJsMissingBody: (src: string) =>
    `助手、功能区按钮和 =BANGFU. 公式都需要 Office 的脚本 office.js，但它没有从 ${src} 加载成功。` +
    "怎么办：若加载项放在单位内网，请确认网站上有 dist/ 中的全部文件（包括 office 文件夹），重新复制后关闭并重新打开 Excel；" +
    "若构建时选用了微软或世纪互联的 CDN（BANGFU_OFFICE_JS=cdn 或 cn），本机必须能访问互联网，没有互联网的办公网请用默认的本地构建（见使用说明“部署”一节）。",
  officeTimeoutTitle: "Office 没有响应",
  officeTimeoutBody:
    "office.js 已加载，但 Office 长时间没有完成初始化。请关闭任务窗格后重新打开；仍不行时关闭 Excel 再打开。若加载项放在单位内网，请确认 office 文件夹中的全部文件都已复制到网站上。",
  whatToDo: "怎么办：",
  dismiss: "关闭提示",

  // sheet chooser
  sheetLabel: "工作表",
  refreshSheets: "刷新工作表列表",
  noSheets: "工作簿中没有可检查的工作表",

  // 检查
  startCheck: "开始检查",
  checking: "正在检查…",
  readingProgress: (read: number, total: number) => `正在读取：已读 ${read.toLocaleString("zh-CN")} / ${total.toLocaleString("zh-CN")} 行`,
  readingRows: (read: number, fraction: number) => `正在读取：已读 ${read.toLocaleString("zh-CN")} 行（约 ${Math.floor(fraction * 100)}%）`,
  runningRules: "正在按规则检查…",
  checkIntro: "选择台账所在的工作表，点“开始检查”。检查只读取单元格，不修改台账。",
  sidesLegend: "并入其他工作表（附表）",
  sidesHint:
    "帮扶责任人结对查询、上年的全县全字段、小额信贷等导出放在本工作簿的其他工作表中时，勾选它们：按户编号或证件号码对到各户一并检查，结果中写明哪些内容取自哪个工作表。",
  noOtherSheets: "工作簿中没有其他工作表。",
  layoutLine: (reason: string) => `读法：${reason}`,
  scopeHeading: "检查范围",
  includeMonitored: "风险已消除的监测户也按脱贫户检查",
  includeMonitoredHint:
    "方案所称的脱贫户是脱贫户和风险未消除的监测对象。一般农户和风险已消除的监测户默认单列：不分层、不按方案各项检查、不计入排名。",
  summaryLine: (households: number, persons: number, counts: Record<Severity, number>) =>
    `共 ${households} 户 ${persons} 人：错误 ${counts.error} 条、警告 ${counts.warning} 条、提示 ${counts.info} 条`,
  checkedAt: (sheet: string, date: string, year: number) => `工作表“${sheet}”，检查日期 ${date}，政策年度 ${year}`,
  noFindingsTitle: "未发现问题",
  noFindingsBody: "已运行的检查规则都没有发现问题。被跳过的规则见下方“检查规则”。",
  filteredOutAll: "所选级别没有问题。请勾选其他级别。",
  severityFilter: "显示级别",
  groupBy: "分组方式",
  groupByRule: "按规则",
  groupByHousehold: "按户",
  findingsHeading: "问题清单",
  wholeSheet: "整表问题",
  householdGroup: (key: string, head: string | null) => (head ? `户 ${key}（户主 ${head}）` : `户 ${key}`),
  goToCell: (ref: string, message: string) => `转到 ${ref}：${message}`,
  noCell: "（整表）",
  showMore: (n: number) => `再显示 ${n} 条`,
  markCells: "标记问题单元格",
  clearMarks: "清除标记",
  markHint: "标记当前显示级别的问题单元格（填充颜色并加批注）；清除时恢复原来的填充。",
  marksUnavailable: "这里不修改文件，不能在单元格上做标记；点一条问题可复制它的单元格地址。",
  marked: (n: number) => `已标记 ${n} 个单元格。`,
  cleared: (n: number) => `已清除 ${n} 个单元格的标记。`,
  nothingToMark: "当前显示的问题都没有对应的单元格，无需标记。",
  coverageHeading: (ran: number, skipped: number) => `检查规则（已运行 ${ran} 项，跳过 ${skipped} 项）`,
  ruleRan: (findings: number) => (findings === 0 ? "已运行，无问题" : `已运行，${findings} 条`),
  ruleSkipped: (reason: string) => `已跳过：${reason}`,
  withCount: (label: string, n: number) => `${label}（${n}）`,
  unconfirmedNote: (n: number) => `有 ${n} 项当地参数尚未确认，检查使用的是默认值。请到“设置”中确认。`,
  otherLedgerSheets: (names: readonly string[], checked: string) =>
    `文件中还有其他台账工作表：${names.map((n) => `“${n}”`).join("")}，本次只检查了“${checked}”。在上方选择工作表即可检查它们。`,

  // 汇总
  summaryIntro: "按最新检查结果生成汇总工作表。已生成的同名汇总表会被替换；台账本身不会被修改。",
  summaryTabsLabel: "要生成的汇总表",
  fullIds: "显示完整证件号码",
  fullIdsHint: "默认只显示前 6 位和后 4 位，其余以 * 代替。",
  generate: "生成汇总",
  generating: "正在生成…",
  chooseTabs: "请至少选择一个汇总表。",
  sourceSheet: (sheet: string) => `来源工作表：${sheet}`,
  writtenHeading: (n: number) => `已写入 ${n} 个工作表`,
  goToTab: (name: string) => `转到工作表 ${name}`,
  downloadCopy: (fileName: string, size: string) => `下载 ${fileName}（${size}）`,

  // 设置
  policyHeading: "政策参数",
  policyYear: "政策年度",
  policyYearHint: (year: number) => `留空则使用检查日期所在年份（${year}）。`,
  policyYearInvalid: "政策年度应为 2000—2100 之间的四位年份，或留空。",
  save: "保存",
  cancel: "取消",
  saved: "已保存。下次检查将使用新设置。",
  parametersOf: (year: number) => `${year} 年适用的政策参数`,
  parameter: "参数",
  value: "值",
  clause: "条款",
  actions: "操作",
  unconfirmed: "待确认",
  local: "本地",
  confirm: "确认",
  confirmLabel: (label: string) => `确认参数“${label}”`,
  edit: "修改",
  editLabel: (label: string) => `修改参数“${label}”`,
  newValue: (label: string, unit: string) => `“${label}”的新值（${unit}）`,
  percentUnit: "%",
  unconfirmedTitle: "有参数待确认",
  unconfirmedBody: (n: number) => `${n} 项参数由当地确定，目前为默认值，请核对后“确认”或“修改”（表中标为“待确认”）。`,
  outsideTitle: "不在方案期内",
  outsideBody: (year: number, first: number, last: number) => `${year} 年不在方案期（${first}—${last} 年）内，沿用最近一年的参数。`,
  policyFileProblem: "工作簿中保存的政策参数有误，已改用内置参数。",
  resetPolicy: "清除本地参数设置",
  loadPolicyFile: "载入参数文件…",
  policyFileLoaded: (name: string) => `已载入参数文件 ${name}。下次检查将使用其中的参数。`,

  mappingHeading: "列映射",
  mappingIntro: "检查前会自动识别每列对应的台账字段。识别错了或没识别的列，可在这里指定，保存后下次检查使用。",
  mappingSheet: (sheet: string, row: number) => `工作表“${sheet}”，表头在第 ${row} 行`,
  mappingNoHeader: (sheet: string) => `工作表“${sheet}”中没有自动识别出表头，下面列出的是第一行非空内容，请为各列指定字段。`,
  readHeaders: "读取表头",
  readingHeaders: "正在读取…",
  mappingNeedsRead: "还没有读取这个工作表的表头。点“读取表头”，或先在“检查”中检查一次。",
  column: "列",
  header: "表头",
  field: "对应字段",
  fieldFor: (letter: string, header: string) => `${letter} 列“${header}”对应的字段`,
  autoOption: (detected: string) => `自动识别（${detected}）`,
  ignoreColumn: "忽略此列",
  notRecognised: "未识别",
  measureKind: (kind: string) => `措施列：${kind}`,
  saveMapping: "保存列映射",
  resetMapping: "恢复自动识别",
  duplicateMapping: (field: string, headers: string[]) => `“${headers.join("”“")}”都指定为“${field}”，一个字段只能对应一列。`,
  mappingSaved: (sheet: string) => `已保存“${sheet}”的列映射，下次检查将使用。`,

  // error states
  errors: {
    cellEditMode: {
      title: "Excel 正在编辑单元格",
      action: "请按 Enter 或 Esc 结束单元格编辑，再点一次按钮。",
    },
    protectedSheet: {
      title: "工作表受保护",
      action: "请在“审阅 → 撤消工作表保护”后重试；检查只读取数据，标记和生成汇总需要修改工作簿。",
    },
    sheetMissing: {
      title: "找不到工作表",
      action: "工作表可能已被重命名或删除。请点“刷新工作表列表”后重新选择。",
    },
    payloadTooLarge: {
      title: "数据太多，Excel 无法一次处理",
      action: "请把台账拆成几个较小的工作表（例如按村）分别检查，或使用命令行 bangfu check。",
    },
    ledgerNotFound: {
      title: "没有找到台账",
      action: "请选择台账所在的工作表；表头应在前 15 行内，含“户编号”“姓名”“人均纯收入”等列。列名不同时，可在“设置 → 列映射”中指定。",
    },
    policyFile: {
      title: "政策参数有误",
      action: "请在“设置 → 政策参数”中修改，或点“清除本地参数设置”恢复内置参数。",
    },
    policyFileNotLoaded: {
      title: "参数文件没有载入",
      action: "原有的参数设置没有改变。请按上面的说明改好这个文件（可用记事本打开），再点“载入参数文件…”重新选择它。",
    },
    input: {
      title: "无法使用输入的内容",
      action: "请按提示修改（列映射在“设置”中），然后重试。",
    },
    unreadableFile: {
      title: "无法读取这个文件",
      action: "请按上面的说明处理文件，再重新选择它。",
    },
    other: {
      title: "操作失败",
      action: "请重试；如果仍然失败，请关闭并重新打开助手，再把这段提示发给技术支持。",
    },
  },

  // 公式
  formulasHeading: "公式速查",
  formulasUnavailableTitle: "此版本的 WPS 表格不能使用加载项公式",
  formulasUnavailableBody:
    "=BANGFU. 自定义函数需要 WPS 12.1.0.20540 或更高版本，升级 WPS 并重新启动后即可使用下列公式。检查、汇总、设置照常可用；不升级也可以用本页下方的“写入原生公式”：原生公式不需要加载项函数，照样能计算。",
  excelFormulasUnavailableTitle: "此版本的 Excel 不能使用加载项公式",
  excelFormulasUnavailableBody:
    "=BANGFU. 自定义函数需要支持自定义函数的 Excel：Microsoft 365、Office LTSC 2024、" +
    "更新到版本 2311 或以上的零售版 Office、Excel 网页版或 Mac 版（Office LTSC 2021：" +
    "微软两处文档说法不一，以这台电脑的实际情况为准）。检查、汇总、设置照常可用；" +
    "用本页下方的“写入原生公式”可以得到同样的计算：原生公式不需要加载项函数，照样能计算。",
  formulasHint: "在单元格中输入公式；选中一列区域作参数，结果自动向下填充。",
  nativeHeading: "写入原生公式（台账发到没装本助手的电脑也能计算）",
  nativeHint:
    "把政策参数直接写进普通公式，Excel（包括旧版）、WPS 表格和 LibreOffice 都能计算。先在表格中选中要写入的单元格（可选一整列），参数填第一行的单元格，如 R4；可选参数可以留空。",
  nativeFunction: "函数",
  nativePreview: "将写入的公式",
  nativeInsert: "写入所选单元格",
  nativeMissing: (names: string) => `先填写：${names}`,
  nativeInserted: (address: string, cells: number) => `已在 ${address} 写入 ${cells} 个原生公式。`,
  convertHeading: "转换所选区域中的 BANGFU 公式",
  convertHint:
    "台账要发给县里或别的单位前，先选中含 =BANGFU. 公式的区域（没装本助手的 Excel 显示为 _xldudf_BANGFU_… 的也可以）：可改成原生公式（仍会计算），或改成数值（只保留当前结果）。其他单元格不会改动。",
  convertNative: "改为原生公式",
  convertValues: "改为数值",
  converted: (count: number, cells: number) => `已转换 ${count} 个 BANGFU 公式（写入 ${cells} 个单元格）。`,
  convertedNone: "所选区域中没有 BANGFU 公式。",
  convertSkipped: (address: string, reason: string) => `${address} 未转换：${reason}`,
};

export type Strings = typeof ZH;

const EN: Strings = {
  locale: "en-US",
  title: "Income Support Assistant",
  subtitle: "Ledger assistant for the ten income-support actions (2023–2025)",
  tabsLabel: "Assistant sections",
  tabCheck: "Check",
  tabSummary: "Summaries",
  tabSettings: "Settings",
  tabFormulas: "Formulas",
  loadingSettings: "Reading the settings saved in the workbook…",
  notInExcelTitle: "Open this in Excel or WPS Spreadsheets",
  notInExcelBody:
    "The Income Support Assistant is an add-in for Excel and WPS Spreadsheets: open it from the Income Support tab of the ribbon.",
  errorTitle: "Something went wrong",
  officeJsMissingTitle: "office.js could not be loaded",
  officeJsMissingBody: (src: string) =>
    `The assistant, its ribbon buttons and the =BANGFU. functions need Office's script office.js, which did not load from ${src}. ` +
    "If the add-in is served on your office network, make sure every file of dist/ (the office " +
    "folder too) is on the web server, then close and reopen Excel. " +
    "A build that uses Microsoft's or 21Vianet's CDN (BANGFU_OFFICE_JS=cdn or cn) needs " +
    "internet access; offices without internet should use the default local build (see " +
    "Deployment in the README).",
  officeTimeoutTitle: "Office did not respond",
  officeTimeoutBody:
    "office.js loaded, but Office did not finish starting. Close the task pane and open it " +
    "again; if that does not help, restart Excel. On an office network, make sure every file " +
    "of the office folder is on the web server.",
  whatToDo: "What to do: ",
  dismiss: "Dismiss",

  sheetLabel: "Worksheet",
  refreshSheets: "Refresh the list of worksheets",
  noSheets: "The workbook has no worksheet to check",

  startCheck: "Check",
  checking: "Checking…",
  readingProgress: (read: number, total: number) => `Reading: ${read.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} rows`,
  readingRows: (read: number, fraction: number) => `Reading: ${read.toLocaleString("en-US")} rows (about ${Math.floor(fraction * 100)}%)`,
  runningRules: "Applying the rules…",
  checkIntro: "Choose the worksheet holding the ledger and press Check. The check only reads cells; the ledger is never changed.",
  sidesLegend: "Join other worksheets (side ledgers)",
  sidesHint:
    "When exports such as the pairing query (帮扶责任人结对查询), last year's all-fields " +
    "export or the small-loan ledger are other worksheets of this workbook, tick them: they " +
    "are matched to each household by 户编号 or ID number and used in the check; the results " +
    "say which facts came from which worksheet.",
  noOtherSheets: "The workbook has no other worksheet.",
  layoutLine: (reason: string) => `How the rows were read: ${reason}`,
  scopeHeading: "Scope",
  includeMonitored: "Also check monitored households whose risk was removed as 脱贫户",
  includeMonitoredHint:
    "The plan's 脱贫户 are poverty-alleviated households and monitored households whose risk " +
    "is not removed. General households (一般农户) and monitored households whose risk was " +
    "removed are listed apart by default: not tiered, not checked against the plan, not ranked.",
  summaryLine: (households: number, persons: number, counts: Record<Severity, number>) =>
    `${households} households, ${persons} persons: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes`,
  checkedAt: (sheet: string, date: string, year: number) => `Worksheet "${sheet}", checked on ${date}, policy year ${year}`,
  noFindingsTitle: "No problems found",
  noFindingsBody: "None of the rules that ran found a problem. Skipped rules are listed under Rules below.",
  filteredOutAll: "No findings at the selected levels. Tick another level.",
  severityFilter: "Show levels",
  groupBy: "Group by",
  groupByRule: "Rule",
  groupByHousehold: "Household",
  findingsHeading: "Findings",
  wholeSheet: "Whole sheet",
  householdGroup: (key: string, head: string | null) => (head ? `Household ${key} (head: ${head})` : `Household ${key}`),
  goToCell: (ref: string, message: string) => `Go to ${ref}: ${message}`,
  noCell: "(sheet)",
  showMore: (n: number) => `Show ${n} more`,
  markCells: "Mark the cells",
  clearMarks: "Clear the marks",
  markHint: "Marks the cells of the findings shown (fill colour and a note); clearing restores the previous fill.",
  marksUnavailable: "Nothing here changes the file, so cells cannot be marked; click a finding to copy its cell address.",
  marked: (n: number) => `${n} cells marked.`,
  cleared: (n: number) => `Marks cleared from ${n} cells.`,
  nothingToMark: "None of the findings shown points at a cell: nothing to mark.",
  coverageHeading: (ran: number, skipped: number) => `Rules (${ran} ran, ${skipped} skipped)`,
  ruleRan: (findings: number) => (findings === 0 ? "ran, no findings" : `ran, ${findings} findings`),
  ruleSkipped: (reason: string) => `skipped: ${reason}`,
  withCount: (label: string, n: number) => `${label} (${n})`,
  unconfirmedNote: (n: number) => `${n} local parameters are not confirmed; the check used their defaults. Confirm them under Settings.`,
  otherLedgerSheets: (names: readonly string[], checked: string) =>
    `The file has other ledger worksheets: ${names.map((n) => `"${n}"`).join(", ")}. Only "${checked}" was checked this time; ` +
    "choose a worksheet above to check them.",

  summaryIntro:
    "Writes summary worksheets from a fresh check. Summary tabs generated before are replaced; the ledger itself is never changed.",
  summaryTabsLabel: "Summaries to write",
  fullIds: "Show full ID numbers",
  fullIdsHint: "By default only the first 6 and last 4 characters are shown.",
  generate: "Generate",
  generating: "Generating…",
  chooseTabs: "Choose at least one summary.",
  sourceSheet: (sheet: string) => `Source worksheet: ${sheet}`,
  writtenHeading: (n: number) => `${n} worksheets written`,
  goToTab: (name: string) => `Go to worksheet ${name}`,
  downloadCopy: (fileName: string, size: string) => `Download ${fileName} (${size})`,

  policyHeading: "Policy parameters",
  policyYear: "Policy year",
  policyYearHint: (year: number) => `Leave empty to use the check date's year (${year}).`,
  policyYearInvalid: "The policy year must be a four-digit year between 2000 and 2100, or empty.",
  save: "Save",
  cancel: "Cancel",
  saved: "Saved. The next check uses the new settings.",
  parametersOf: (year: number) => `Policy parameters in force for ${year}`,
  parameter: "Parameter",
  value: "Value",
  clause: "Clause",
  actions: "Actions",
  unconfirmed: "To confirm",
  local: "Local",
  confirm: "Confirm",
  confirmLabel: (label: string) => `Confirm the parameter "${label}"`,
  edit: "Edit",
  editLabel: (label: string) => `Edit the parameter "${label}"`,
  newValue: (label: string, unit: string) => `New value of "${label}" (${unit})`,
  percentUnit: "%",
  unconfirmedTitle: "Parameters to confirm",
  unconfirmedBody: (n: number) =>
    `${n} parameters are set locally and still at their default; check them, then Confirm or Edit (marked "To confirm").`,
  outsideTitle: "Outside the plan period",
  outsideBody: (year: number, first: number, last: number) =>
    `${year} is outside the plan period (${first}–${last}); the nearest year's parameters apply.`,
  policyFileProblem: "The policy parameters saved in the workbook are invalid; the built-in parameters are used instead.",
  resetPolicy: "Remove the local parameter settings",
  loadPolicyFile: "Load a policy file…",
  policyFileLoaded: (name: string) => `Loaded the policy file ${name}. The next check uses its parameters.`,

  mappingHeading: "Column mapping",
  mappingIntro:
    "Each column is matched to a ledger field automatically. Correct a wrong or missing match here; the next check uses what you save.",
  mappingSheet: (sheet: string, row: number) => `Worksheet "${sheet}", header on row ${row}`,
  mappingNoHeader: (sheet: string) =>
    `No header was recognised in "${sheet}"; the first non-empty row is listed below. Choose a field for its columns.`,
  readHeaders: "Read the header",
  readingHeaders: "Reading…",
  mappingNeedsRead: "This worksheet's header has not been read yet. Press Read the header, or run a check first.",
  column: "Column",
  header: "Header",
  field: "Field",
  fieldFor: (letter: string, header: string) => `Field of column ${letter} "${header}"`,
  autoOption: (detected: string) => `Automatic (${detected})`,
  ignoreColumn: "Ignore this column",
  notRecognised: "not recognised",
  measureKind: (kind: string) => `measure column: ${kind}`,
  saveMapping: "Save the mapping",
  resetMapping: "Back to automatic",
  duplicateMapping: (field: string, headers: string[]) =>
    `"${headers.join('", "')}" are all mapped to "${field}"; a field can have only one column.`,
  mappingSaved: (sheet: string) => `Column mapping of "${sheet}" saved; the next check uses it.`,

  errors: {
    cellEditMode: {
      title: "Excel is editing a cell",
      action: "Press Enter or Esc to finish editing the cell, then press the button again.",
    },
    protectedSheet: {
      title: "The worksheet is protected",
      action: "Unprotect it (Review → Unprotect Sheet) and try again; the check only reads, but marking and summaries change the workbook.",
    },
    sheetMissing: {
      title: "Worksheet not found",
      action: "It may have been renamed or deleted. Refresh the list of worksheets and choose again.",
    },
    payloadTooLarge: {
      title: "Too much data for Excel at once",
      action: "Split the ledger into smaller worksheets (e.g. by village) and check them one by one, or use the bangfu check command line.",
    },
    ledgerNotFound: {
      title: "No ledger found",
      action:
        "Choose the worksheet holding the ledger; its header must be within the first 15 rows, " +
        "with columns such as 户编号, 姓名, 人均纯收入. Map differently named columns under " +
        "Settings → Column mapping.",
    },
    policyFile: {
      title: "Invalid policy parameters",
      action: "Correct them under Settings → Policy parameters, or remove the local parameter settings.",
    },
    policyFileNotLoaded: {
      title: "The policy file was not loaded",
      action:
        "The parameter settings are unchanged. Correct the file as described above (Notepad opens it), " +
        "then choose it again with Load a policy file….",
    },
    input: {
      title: "The input cannot be used",
      action: "Correct it as the message says (the column mapping is under Settings), then try again.",
    },
    unreadableFile: {
      title: "This file cannot be read",
      action: "Deal with the file as the message says, then choose it again.",
    },
    other: {
      title: "The operation failed",
      action: "Try again; if it still fails, close and reopen the assistant, and send this message to support.",
    },
  },

  formulasHeading: "Formula guide",
  formulasUnavailableTitle: "This WPS Spreadsheets cannot run add-in formulas",
  formulasUnavailableBody:
    "The =BANGFU. custom functions need WPS 12.1.0.20540 or later; after upgrading WPS and " +
    "restarting it, the formulas below work. Checking, summaries and settings work as usual, " +
    "and so do the native formulas further down this page, which compute without add-in " +
    "functions.",
  excelFormulasUnavailableTitle: "This Excel cannot run add-in formulas",
  excelFormulasUnavailableBody:
    "The =BANGFU. custom functions need an Excel with custom functions: Microsoft 365, Office " +
    "LTSC 2024, retail Office updated to Version 2311 or later, Excel on the web or on Mac " +
    "(Office LTSC 2021: Microsoft's pages disagree; this notice is what this Excel reports). " +
    "Checking, summaries and settings work as usual, and the native formulas further down this " +
    "page compute the same without add-in functions.",
  formulasHint: "Type a formula in a cell; pass a column range and the results spill down.",
  nativeHeading: "Insert native formulas (compute where the assistant is not installed)",
  nativeHint:
    "Writes the policy's numbers into a plain formula that any Excel (older ones too), WPS " +
    "Spreadsheets and LibreOffice compute. Select the cells to fill first (a whole column is " +
    "fine) and give the arguments for the first row, e.g. R4; optional arguments may stay " +
    "empty.",
  nativeFunction: "Function",
  nativePreview: "Formula to insert",
  nativeInsert: "Insert into the selected cells",
  nativeMissing: (names: string) => `Fill in first: ${names}`,
  nativeInserted: (address: string, cells: number) => `Inserted ${cells} native formula(s) in ${address}.`,
  convertHeading: "Convert the BANGFU formulas of the selection",
  convertHint:
    "Before sending the ledger on, select the cells with =BANGFU. formulas (also as " +
    "_xldudf_BANGFU_…, as Excel shows them where the add-in is not registered): turn them into " +
    "native formulas (they keep computing) or into values (the current results). Other cells " +
    "are not changed.",
  convertNative: "To native formulas",
  convertValues: "To values",
  converted: (count: number, cells: number) => `Converted ${count} BANGFU formula(s) (${cells} cell(s) written).`,
  convertedNone: "The selection holds no BANGFU formula.",
  convertSkipped: (address: string, reason: string) => `${address} not converted: ${reason}`,
};

export const STRINGS: Record<Language, Strings> = { zh: ZH, en: EN };

/** Excel's wording: the 公式 tab's notice speaks of Excel versions (the default, of WPS builds). */
export const EXCEL_STRINGS: Record<Language, Strings> = {
  zh: { ...ZH, formulasUnavailableTitle: ZH.excelFormulasUnavailableTitle, formulasUnavailableBody: ZH.excelFormulasUnavailableBody },
  en: { ...EN, formulasUnavailableTitle: EN.excelFormulasUnavailableTitle, formulasUnavailableBody: EN.excelFormulasUnavailableBody },
};

export const SEVERITY_TEXT: Record<Language, Record<Severity, string>> = {
  zh: { error: "错误", warning: "警告", info: "提示" },
  en: { error: "Error", warning: "Warning", info: "Note" },
};

/** A rule's title as the check gave it (its numbers from the policy in force), in the pane's language. */
export function ruleTitle(rule: RuleOutcome, language: Language): string {
  return language === "zh" ? rule.title : rule.titleEn;
}

/** What each summary tab holds; the tab names themselves (SUMMARY_TITLES) are Chinese in both languages. */
export const SUMMARY_DESCRIPTIONS: Record<Language, Record<SummaryKey, string>> = {
  zh: {
    tiers: "各村高、中、低收入户数（含图表）",
    measures: "各项增收措施覆盖的户数",
    funds: "庭院经济、孝善养老等奖补资金",
    growth: "人均纯收入增幅与当地农民增幅比较",
    focus: "低收入户、收入下降户等重点户",
    findings: "本次检查的全部问题，可点击转到单元格",
  },
  en: {
    tiers: "High, middle and low-income households per village (with a chart)",
    measures: "Households covered by each income-support measure",
    funds: "Courtyard, filial elder-care and other subsidies",
    growth: "Per-capita income growth against local farmers' growth",
    focus: "Households needing attention: low income, falling income",
    findings: "Every finding of the check, with links to the cells",
  },
};
