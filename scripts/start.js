"use strict";
/**
 * `npm start` / `npm stop`: sideload manifest.xml into desktop Excel with office-addin-debugging,
 * as Microsoft's templates do (it reads config.dev_server_port and app_to_debug from package.json
 * and waits for `npm run dev-server`). That tool supports Windows and macOS only; on Linux it
 * would print that and still exit 0, so say it here, with what to do instead, and fail.
 */
const { spawnSync } = require("child_process");

const command = process.argv[2] === "stop" ? "stop" : "start";

if (process.platform === "linux") {
  console.error(
    [
      `npm ${command}：旁加载到桌面版 Excel 只能在 Windows 或 macOS 上进行（office-addin-debugging 不支持 Linux）。`,
      "在 Linux 上可以：npm run build 构建后按使用说明“部署”一节放到内网网站；npm test 运行全部测试；",
      "BANGFU_DEV_HTTP=1 npm run dev-server 以纯 http 在 http://localhost:3000 提供网页（只供浏览器打开测试页，Office 不加载 http）。",
      `npm ${command}: sideloading into desktop Excel works on Windows and macOS only (office-addin-debugging does not support Linux).`,
    ].join("\n"),
  );
  process.exit(1);
}

let cli;
try {
  cli = require.resolve("office-addin-debugging/cli.js");
} catch {
  console.error("office-addin-debugging 没有安装（它是可选依赖）：请运行 npm install office-addin-debugging@7 后再试。");
  process.exit(1);
}
const result = spawnSync(process.execPath, [cli, command, "manifest.xml", ...process.argv.slice(3)], { stdio: "inherit" });
process.exit(result.status ?? 1);
