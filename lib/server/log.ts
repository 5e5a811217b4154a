import { AsyncLocalStorage } from "node:async_hooks";
import { format } from "node:util";

export type LogLevel = "debug" | "info" | "warn" | "error";
const SEVERITY: Record<LogLevel | "silent", number> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
  silent: 99,
};

/** The request a line belongs to, so that an error Next logs mid-render carries its request id. */
export const requestContext = new AsyncLocalStorage<{ requestId: string }>();

export type Logger = (level: LogLevel, fields: Record<string, unknown>) => void;

/** One JSON object per line, at `minimum` or more severe. */
export function createLogger(
  minimum: LogLevel | "silent",
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Logger {
  return (level, fields) => {
    if (SEVERITY[level] < SEVERITY[minimum]) return;
    const requestId = requestContext.getStore()?.requestId;
    write(
      JSON.stringify({
        time: new Date().toISOString(),
        level,
        ...(requestId ? { requestId } : {}),
        ...fields,
      }),
    );
  };
}

/** An error as a log field: the stack stays in the server's log, never in a response. */
export function errorFields(e: unknown) {
  if (!(e instanceof Error)) return { message: String(e) };
  const digest = (e as { digest?: unknown }).digest;
  return { name: e.name, message: e.message, stack: e.stack, ...(digest ? { digest } : {}) };
}

/**
 * Routes console output (Next's own warnings and errors, and any console.error in the app)
 * through the logger, so the whole log is JSON lines.
 */
export function captureConsole(log: Logger) {
  const to =
    (level: LogLevel) =>
    (...args: unknown[]) => {
      const error = args.find((a) => a instanceof Error);
      const rest = args.filter((a) => a !== error);
      log(level, {
        msg: format(...rest).trim() || (error as Error | undefined)?.message,
        ...(error ? { error: errorFields(error) } : {}),
      });
    };
  console.debug = to("debug");
  console.log = to("info");
  console.info = to("info");
  console.warn = to("warn");
  console.error = to("error");
}
