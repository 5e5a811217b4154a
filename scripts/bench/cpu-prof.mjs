// Preloaded into the app's Node processes by bench:submit with BENCH_CPU_PROF=<dir> (through
// NODE_OPTIONS=--import, since Node 20 refuses --cpu-prof there): profiles the process like
// --cpu-prof and writes <dir>/<pid>.cpuprofile when it exits (open in Chrome DevTools or speedscope).
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";

const dir = process.env.BENCH_CPU_PROF;
if (dir) {
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 1000 });
  session.post("Profiler.start");
  // A session on the main thread answers synchronously, so this completes inside the exit handler.
  process.on("exit", () => {
    session.post("Profiler.stop", (error, result) => {
      if (!error) writeFileSync(path.join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
