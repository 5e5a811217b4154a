import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { config } from "@/proxy";

/**
 * Another origin's writes are refused by the proxy and again by handleRoute, so a route the
 * proxy's matcher ever leaves out is still covered: every state-changing handler under app/api
 * must run inside handleRoute, or sit behind the matcher. Checked on the source, since a route
 * module needs the framework to load.
 */
const routes = readdirSync("app/api", { recursive: true, encoding: "utf8" })
  .filter((f) => path.basename(f) === "route.ts")
  .map((f) => `/api/${path.dirname(f)}`);

const writers = (source: string) =>
  [...source.matchAll(/export async function (POST|PUT|PATCH|DELETE)\(([^)]*)\)[^{]*\{\s*(.*)/g)].map(
    ([, method, , firstLine]) => ({ method, wrapped: /^return handleRoute\(request,/.test(firstLine ?? "") }),
  );

const matcher = new RegExp(`^${(config.matcher[0] as string).replace(/^\//, "\\/")}$`);

describe("API routes and requests from another origin", () => {
  it("every state-changing API handler runs in handleRoute, or the proxy sees its route", () => {
    const handlers = routes.flatMap((route) =>
      writers(readFileSync(`app${route}/route.ts`, "utf8")).map((w) => ({ ...w, route })),
    );
    expect(handlers.length).toBeGreaterThanOrEqual(8);
    const unguarded = handlers.filter((w) => !w.wrapped && !matcher.test(w.route));
    expect(unguarded.map((w) => `${w.method} ${w.route}`)).toEqual([]);
  });
});
