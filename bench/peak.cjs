// Preloaded into a benchmarked process (node --require bench/peak.cjs …): at exit it writes its
// peak resident memory (VmHWM, Linux) and CPU time to the file named by BANGFU_BENCH_STATS, so the
// bench needs no /usr/bin/time. A process killed by V8 running out of memory writes nothing.
const fs = require("node:fs");
process.on("exit", () => {
  const target = process.env.BANGFU_BENCH_STATS;
  if (!target) return;
  const status = fs.readFileSync("/proc/self/status", "utf8");
  const cpu = process.cpuUsage();
  fs.writeFileSync(
    target,
    JSON.stringify({ peakKb: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN), cpuSeconds: (cpu.user + cpu.system) / 1e6 }),
  );
});
