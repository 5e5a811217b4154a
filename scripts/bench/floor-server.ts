// The floors of bench:submit: a bare node:http server (no Next.js, no Auth.js) on the same database
// client the app uses. POST /start and POST /submit run the check's two use cases (startCheck,
// submitCheck) for the learner the body names, as the app's routes call them; POST /insert stores
// the body as one durable row (one INSERT, its own commit). Started by
// submit.ts: DATABASE_URL=… tsx --conditions=react-server scripts/bench/floor-server.ts <port>
import { randomUUID } from "node:crypto";
import http from "node:http";
import { client, db } from "@/db/client";
import { isAppError } from "@/lib/errors";
import { throughUseCase } from "./submit-driver";

const port = Number(process.argv[2]);

await client.execute(`create table if not exists bench_inserts
  (id text primary key, user_id text not null, body text not null, created_at integer not null)`);

async function handle(path: string, body: string): Promise<[number, unknown]> {
  if (path === "/api/health") return [200, { ok: true }];
  const parsed = JSON.parse(body);
  if (path === "/start" || path === "/submit")
    return [200, await throughUseCase(path === "/start" ? "start" : "submit", parsed, db)];
  if (path === "/insert") {
    await client.execute({
      sql: "insert into bench_inserts (id, user_id, body, created_at) values (?, ?, ?, ?)",
      args: [randomUUID(), parsed.user.id, body, Date.now()],
    });
    return [200, { ok: true }];
  }
  return [404, { code: "not_found" }];
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    handle(req.url ?? "/", Buffer.concat(chunks).toString())
      .catch((e): [number, unknown] =>
        isAppError(e) ? [e.status, { code: e.code }] : [500, { error: String(e) }],
      )
      .then(([status, payload]) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(payload));
      });
  });
});
server.keepAliveTimeout = 60_000;
server.listen(port, "127.0.0.1");
process.on("SIGTERM", () => server.close(() => process.exit(0)));
