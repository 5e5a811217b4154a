// Runs commands one after another as child processes and passes SIGINT/SIGTERM/SIGHUP on to the
// one running, so stopping a parent (npm run demo, systemd, a test) never orphans a server.
import { spawn } from "node:child_process";
import { constants } from "node:os";

let current = null;
let stopping = null;

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    stopping ??= signal;
    if (current) current.kill(signal);
    else process.exit(128 + constants.signals[signal]);
  });
}

/** Runs `command` to its end and resolves with its exit code; after a signal, exits with it. */
export function run(command, args, options = {}) {
  if (stopping) process.exit(128 + constants.signals[stopping]);
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", ...options });
    current = child;
    child.on("exit", (code, signal) => {
      current = null;
      const status = code ?? 128 + (constants.signals[signal] ?? 0);
      if (stopping) process.exit(status);
      resolve(status);
    });
  });
}

/** Node with tsx for TypeScript entry points (server.ts, db/seed.ts…). */
export function runTs(script, args = [], { reactServer = false, ...options } = {}) {
  const flags = [...(reactServer ? ["--conditions=react-server"] : []), "--import", "tsx/esm"];
  return run(process.execPath, [...flags, script, ...args], options);
}
