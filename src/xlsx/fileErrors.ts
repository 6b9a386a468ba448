/**
 * The operating system's file errors in Chinese. Node's messages ("ENOSPC: no space left on
 * device, write") are English and name a system call: a cadre needs what happened and what to
 * do. Unknown codes keep only the code, for whoever maintains the machine.
 */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: "文件不存在（或所在文件夹不存在）",
  EACCES: "没有权限（请换一个有权限的位置，或请管理员开放权限）",
  EPERM: "操作系统不允许（文件可能被设为只读，或没有权限）",
  EISDIR: "这是一个文件夹，不是文件",
  ENOTDIR: "路径中的某一级不是文件夹",
  ENOSPC: "磁盘空间不足（请清理磁盘或换一个位置）",
  EDQUOT: "超出磁盘配额（请清理空间或换一个位置）",
  EROFS: "该位置只读（如光盘或只读共享），无法写入",
  EBUSY: "文件正被其他程序（如 Excel、WPS）打开，请先关闭",
  ETXTBSY: "文件正被其他程序使用，请先关闭",
  EMFILE: "同时打开的文件太多，请关闭其他程序后重试",
  ENFILE: "系统同时打开的文件太多，请稍后重试",
  ENAMETOOLONG: "文件名或路径太长",
  ELOOP: "路径中的快捷方式（符号链接）互相指向，形成了循环",
  EIO: "读写出错（磁盘、U盘或网络盘可能有故障）",
  EFBIG: "文件太大，超出了该磁盘的限制",
  EEXIST: "文件已存在",
  EINVAL: "文件名或路径无效",
  EAGAIN: "资源暂时不可用，请稍后重试",
  ENXIO: "设备不存在或未连接",
  ENODEV: "设备不存在",
  ECONNRESET: "网络盘连接中断",
  ETIMEDOUT: "网络盘响应超时",
};

/** A Chinese reason for a file-system error; never the English message. */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === "string") return REASONS[code] ?? `系统错误（代码 ${code}）`;
  return "系统错误";
}
