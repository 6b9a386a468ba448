#!/usr/bin/env node
"use strict";
/**
 * `npm run web`: serve the offline page (dist-web/bangfu.html, built by `npm run build:web`, or
 * built here first when it is missing) on
 * 127.0.0.1 only — for offices that prefer a local address to opening the file from disk. Prints
 * the address. The page needs nothing else from the server: it is one file, and its own
 * Content-Security-Policy (sent as a header too) forbids every request.
 *
 *   node scripts/serveWeb.js [--port 8080] [--file dist-web/bangfu.html]
 */
const fs = require("fs");
const http = require("http");
const path = require("path");

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i !== -1 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

const file = path.resolve(option("file", path.join(__dirname, "..", "dist-web", "bangfu.html")));
const port = Number(option("port", process.env.PORT || "8080"));

if (!fs.existsSync(file)) {
  // A fresh checkout: build the page first (npm run build:web).
  console.log(`还没有 ${path.relative(process.cwd(), file)}，先构建网页版……`);
  const { spawnSync } = require("child_process");
  const built = spawnSync(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--config", path.join(__dirname, "..", "webpack.web.config.js")],
    { stdio: "inherit" },
  );
  if (built.status !== 0 || !fs.existsSync(file)) {
    console.error(`构建失败，找不到 ${file}。`);
    process.exit(2);
  }
}

/** The policy the page carries in its <meta>, sent as a header as well. */
function policyOf(html) {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  if (!meta) throw new Error(`${file} has no Content-Security-Policy`);
  return meta[1];
}

const server = http.createServer((request, response) => {
  const pathname = new URL(request.url || "/", "http://127.0.0.1").pathname;
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { Allow: "GET, HEAD" }).end();
    return;
  }
  if (pathname !== "/" && pathname !== "/bangfu.html") {
    response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("只有 / 这一个页面。\n");
    return;
  }
  // Read on each request: a rebuilt page is served without restarting.
  fs.readFile(file, "utf8", (error, html) => {
    if (error) {
      response.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" }).end(`无法读取 ${file}：${error.message}\n`);
      return;
    }
    response.writeHead(200, {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": policyOf(html),
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "Cache-Control": "no-store",
    });
    response.end(request.method === "HEAD" ? undefined : html);
  });
});

server.on("error", (error) => {
  console.error(
    error.code === "EADDRINUSE" ? `端口 ${port} 已被占用：请用 --port 指定其他端口，例如 npm run web -- --port 8081` : error.message,
  );
  process.exit(2);
});

server.listen(port, "127.0.0.1", () => {
  const address = server.address();
  console.log(`增收帮扶助手网页版：http://127.0.0.1:${address.port}/`);
  console.log("只在本机可访问；按 Ctrl+C 停止。");
});
