import type { Server, ServerResponse } from "node:http";

export type DrainResult = { finished: boolean; inFlight: number; ms: number };

/**
 * Graceful stop for an HTTP server: stop accepting, let the requests in flight finish (each
 * response then closes its connection), close idle keep-alive connections, and give up after
 * `timeoutMs` by closing whatever is still open.
 */
export class Drain {
  draining = false;
  private readonly active = new Set<ServerResponse>();

  constructor(private readonly server: Server) {}

  /** Call for every response as it starts. */
  track(res: ServerResponse) {
    this.active.add(res);
    if (this.draining) res.setHeader("Connection", "close");
    res.once("close", () => {
      this.active.delete(res);
      if (this.draining) this.server.closeIdleConnections();
    });
  }

  start(timeoutMs: number): Promise<DrainResult> {
    this.draining = true;
    const started = performance.now();
    const inFlight = this.active.size;
    for (const res of this.active) if (!res.headersSent) res.setHeader("Connection", "close");
    return new Promise((resolve) => {
      const done = (finished: boolean) => resolve({ finished, inFlight, ms: performance.now() - started });
      const timer = setTimeout(() => {
        this.server.closeAllConnections();
        done(false);
      }, timeoutMs);
      this.server.close(() => {
        clearTimeout(timer);
        done(true);
      });
      this.server.closeIdleConnections();
    });
  }
}
