/**
 * The HostError messages, in Chinese, each saying what happened and what to do. Shared by
 * the Excel adapter and the in-memory workbook so that the pane shows the same text for both.
 */
import { HostError } from "./types";

/** What the user was doing, for the messages: 读取 / 写入汇总 / 标记 / 清除标记 / 定位 / 保存设置 … */
export type HostAction = "read" | "write" | "mark" | "clear" | "select" | "list" | "settings" | "formulas" | "recalculate";

export const ACTION_LABELS: Record<HostAction, string> = {
  read: "读取工作表",
  write: "写入汇总表",
  mark: "标记问题单元格",
  clear: "清除标记",
  select: "定位单元格",
  list: "列出工作表",
  settings: "保存设置",
  formulas: "写入公式",
  recalculate: "重新计算",
};

export const CELL_EDIT_MODE_MESSAGE = "Excel 正处于单元格编辑状态：请先按 Enter 或 Esc 结束编辑，再点一次。";

export function protectedSheetMessage(action: HostAction, sheet?: string): string {
  const what = sheet ? `“${sheet}”` : "";
  const target = action === "write" ? "工作簿结构或工作表" : `工作表${what}`;
  const reassurance = action === "mark" || action === "clear" ? "（标记只改填充色和批注，从不改动单元格的内容）" : "";
  return (
    `工作表受保护：${target}设置了保护，BANGFU 无法${ACTION_LABELS[action]}${reassurance}。` +
    `请先撤销工作表保护（审阅 → ` +
    `撤销工作表保护${action === "write" ? "；若是工作簿结构受保护，则为 审阅 → 保护工作簿" : ""}）` +
    `，完成后可以重新保护。`
  );
}

export function sheetMissingMessage(sheet?: string): string {
  return sheet
    ? `找不到工作表“${sheet}”：它可能已被重命名或删除。请重新选择要检查的工作表后再试。`
    : "找不到要操作的工作表或单元格：它可能已被重命名或删除。请重新选择后再试。";
}

export function payloadTooLargeMessage(action: HostAction): string {
  return `数据量超过了 Excel 单次请求的上限（Excel 网页版为 5 MB），${ACTION_LABELS[action]}未完成。请把台账按村拆成几个工作表，或删去不需要的列后再试。`;
}

export function otherErrorMessage(action: HostAction, original: string): string {
  return `${ACTION_LABELS[action]}未完成：${original}`;
}

export function hostError(kind: HostError["kind"], message: string, cause?: unknown): HostError {
  const error = new HostError(kind, message);
  if (cause !== undefined) error.cause = cause;
  return error;
}
