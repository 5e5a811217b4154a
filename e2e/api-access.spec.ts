import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { expect, type Role, test } from "./fixtures";

/**
 * Every route handler, called as each role and signed out: the status and error code each gets.
 * A role the handler lets through sends a malformed body where the handler writes, so the call
 * proves the authorisation passed (it reaches the 400 of the input check) and changes nothing.
 */
type Caller = Role | "visitor";
type Outcome = { status: number; code?: string; type?: string };
type Route = {
  file: string;
  method: "GET" | "POST" | "PUT";
  path: string;
  data?: unknown;
  /** What every caller gets when no role is refused (public routes). */
  everyone?: Outcome;
  /** The roles let through, what they get, and the code everyone else is refused with. */
  allowed?: Role[];
  granted?: Outcome;
  refused?: string;
  /** What a visitor gets instead of the 401 API answer (pages' route handlers redirect to sign-in). */
  visitor?: Outcome;
};

const ROLES: Role[] = ["learner", "trainer", "manager", "admin"];
const CALLERS: Caller[] = [...ROLES, "visitor"];
const SLUG = "basic-skills";
const NO_ATTEMPT = "00000000-0000-4000-8000-000000000000";
const SIGNED_OUT: Outcome = { status: 401, code: "unauthorized:session" };
const TO_SIGN_IN: Outcome = { status: 307, type: "redirect:/login" };

const AUTHORS: Pick<Route, "allowed" | "refused"> = {
  allowed: ["trainer", "admin"],
  refused: "forbidden:author",
};
const LEARNERS: Pick<Route, "allowed" | "refused"> = { allowed: ["learner"], refused: "forbidden:learn" };
const ADMINS: Pick<Route, "allowed" | "refused"> = { allowed: ["admin"], refused: "forbidden:admin" };
const REPORTERS: Pick<Route, "allowed" | "refused"> = {
  allowed: ["manager", "admin"],
  refused: "forbidden:reports",
};

const API_ROUTES: Route[] = [
  { file: "health", method: "GET", path: "/api/health", everyone: { status: 200, type: "application/json" } },
  { file: "ready", method: "GET", path: "/api/ready", everyone: { status: 200, type: "application/json" } },
  {
    file: "auth/[...nextauth]",
    method: "GET",
    path: "/api/auth/session",
    everyone: { status: 200, type: "application/json" },
  },
  {
    file: "auth/[...nextauth]",
    method: "POST",
    path: "/api/auth/callback/credentials",
    data: { employeeNo: "E0000", password: "not-the-password" },
    // Without the CSRF token Auth.js refuses before it checks any credentials.
    everyone: { status: 302, type: "redirect:/login?error=MissingCSRF" },
  },
  // The idle warning's question (GET, not activity) and its "stay signed in" (POST): any signed-in role.
  {
    file: "session",
    method: "GET",
    path: "/api/session",
    allowed: ROLES,
    granted: { status: 200, type: "application/json" },
  },
  {
    file: "session",
    method: "POST",
    path: "/api/session",
    allowed: ROLES,
    granted: { status: 200, type: "application/json" },
  },
  {
    file: "admin/audit",
    method: "GET",
    path: "/api/admin/audit?action=e2e.none",
    ...ADMINS,
    granted: { status: 200, type: "text/csv" },
  },
  {
    file: "admin/import-template",
    method: "GET",
    path: "/api/admin/import-template",
    ...ADMINS,
    granted: { status: 200, type: "text/csv" },
  },
  {
    file: "author/preview",
    method: "POST",
    path: "/api/author/preview",
    data: {},
    ...AUTHORS,
    granted: { status: 400, code: "bad_request:preview" },
  },
  {
    file: "author/try-answer",
    method: "POST",
    path: "/api/author/try-answer",
    data: {},
    ...AUTHORS,
    granted: { status: 400, code: "bad_request:try_answer" },
  },
  {
    file: "author/[kind]/[slug]/draft",
    method: "PUT",
    path: `/api/author/chapter/${SLUG}/draft`,
    data: {},
    ...AUTHORS,
    granted: { status: 400, code: "bad_request:draft" },
  },
  {
    file: "author/[kind]/[slug]/publish",
    method: "POST",
    path: `/api/author/chapter/${SLUG}/publish`,
    data: {},
    ...AUTHORS,
    granted: { status: 400, code: "bad_request:publish" },
  },
  {
    file: "author/[kind]/[slug]/rollback",
    method: "POST",
    path: `/api/author/chapter/${SLUG}/rollback`,
    data: {},
    ...AUTHORS,
    granted: { status: 400, code: "bad_request:rollback" },
  },
  {
    file: "author/[kind]/[slug]/revisions/[number]",
    method: "GET",
    path: `/api/author/chapter/${SLUG}/revisions/1`,
    ...AUTHORS,
    granted: { status: 200, type: "text/markdown" },
  },
  {
    file: "data-export/[userId]",
    method: "GET",
    // Nobody's id: only an admin gets past the check (to the 404); everyone else may export only themselves.
    path: `/api/data-export/${NO_ATTEMPT}`,
    allowed: ["admin"],
    granted: { status: 404, code: "not_found:person" },
    refused: "forbidden:my_data",
  },
  {
    file: "learn/[slug]/me",
    method: "GET",
    path: `/api/learn/${SLUG}/me`,
    ...LEARNERS,
    granted: { status: 200, type: "application/json" },
  },
  {
    file: "learn/[slug]/attempts",
    method: "POST",
    path: `/api/learn/${SLUG}/attempts`,
    data: {},
    ...LEARNERS,
    granted: { status: 400, code: "bad_request:submission" },
  },
  // The server-held checks, the exam and the daily review: reads answer 200, writes reach the
  // input check with a body that starts nothing (a shared learner's attempts stay as they are).
  {
    file: "learn/[slug]/check",
    method: "GET",
    path: `/api/learn/${SLUG}/check`,
    ...LEARNERS,
    granted: { status: 200, type: "application/json" },
  },
  {
    file: "learn/[slug]/check",
    method: "POST",
    path: `/api/learn/${SLUG}/check`,
    data: { draw: 20 },
    ...LEARNERS,
    granted: { status: 400, code: "bad_request:body" },
  },
  {
    file: "attempts/[id]/answers",
    method: "PUT",
    path: `/api/attempts/${NO_ATTEMPT}/answers`,
    data: {},
    ...LEARNERS,
    granted: { status: 400, code: "bad_request:answers" },
  },
  {
    file: "exam/[certification]",
    method: "GET",
    path: "/api/exam/counter-service",
    ...LEARNERS,
    granted: { status: 200, type: "application/json" },
  },
  {
    file: "exam/[certification]",
    method: "POST",
    path: "/api/exam/counter-service",
    data: { minutes: 600 },
    ...LEARNERS,
    granted: { status: 400, code: "bad_request:body" },
  },
  {
    file: "exam/[certification]/submit",
    method: "POST",
    path: "/api/exam/counter-service/submit",
    data: {},
    ...LEARNERS,
    granted: { status: 400, code: "bad_request:submission" },
  },
  {
    file: "review",
    method: "GET",
    path: "/api/review",
    ...LEARNERS,
    granted: { status: 200, type: "application/json" },
  },
  {
    file: "review",
    method: "POST",
    path: "/api/review",
    data: { size: 50 },
    ...LEARNERS,
    granted: { status: 400, code: "bad_request:body" },
  },
  {
    file: "review/[id]/answer",
    method: "POST",
    path: `/api/review/${NO_ATTEMPT}/answer`,
    data: {},
    ...LEARNERS,
    granted: { status: 400, code: "bad_request:answer" },
  },
  {
    file: "learn/[slug]/progress",
    method: "POST",
    path: `/api/learn/${SLUG}/progress`,
    data: {},
    ...LEARNERS,
    granted: { status: 400, code: "bad_request:progress" },
  },
  {
    file: "practice/[slug]/attempts",
    method: "POST",
    path: "/api/practice/greeting/attempts",
    data: { extendedTime: "yes" },
    ...LEARNERS,
    granted: { status: 400, code: "bad_request:play" },
  },
  {
    file: "practice/attempts/[id]/answer",
    method: "POST",
    path: `/api/practice/attempts/${NO_ATTEMPT}/answer`,
    data: {},
    ...LEARNERS,
    granted: { status: 400, code: "bad_request:answer" },
  },
  {
    file: "practice/attempts/[id]/replay",
    method: "POST",
    path: `/api/practice/attempts/${NO_ATTEMPT}/replay`,
    data: {},
    ...LEARNERS,
    granted: { status: 400, code: "bad_request:replay" },
  },
  {
    file: "verify/[code]",
    method: "GET",
    path: "/api/verify/222222222222",
    everyone: { status: 404, code: "not_found:certificate" },
  },
  {
    file: "admin/users/import",
    method: "POST",
    path: "/api/admin/users/import",
    data: {},
    ...ADMINS,
    // Not a multipart form: back to the import page with its "choose a file" message.
    granted: { status: 303, type: "redirect:/admin/users/import" },
  },
  {
    file: "reports/overview",
    method: "GET",
    path: "/api/reports/overview",
    ...REPORTERS,
    granted: { status: 200, type: "application/json" },
  },
];

/** Route handlers outside app/api: behind the pages' proxy, so a visitor is sent to sign in. */
const PAGE_ROUTES: Route[] = [
  {
    file: "app/[locale]/(reports)/reports/export/[file]/route.ts",
    method: "GET",
    path: "/reports/export/people.csv?q=E0000",
    ...REPORTERS,
    granted: { status: 200, type: "text/csv" },
    visitor: TO_SIGN_IN,
  },
  {
    file: "app/[locale]/certificates/[id]/pdf/route.ts",
    method: "GET",
    path: `/certificates/${NO_ATTEMPT}/pdf`,
    allowed: ROLES,
    granted: { status: 404, code: "not_found:certificate" },
    visitor: TO_SIGN_IN,
  },
];

function expected(route: Route, caller: Caller): Outcome {
  if (route.everyone) return route.everyone;
  if (caller === "visitor") return route.visitor ?? SIGNED_OUT;
  if (route.allowed?.includes(caller)) return route.granted as Outcome;
  return { status: 403, code: route.refused };
}

/** What the response says, in the terms of an Outcome. */
async function observed(response: APIResponse, want: Outcome): Promise<Outcome> {
  const got: Outcome = { status: response.status() };
  if (want.code) got.code = (await response.json()).code;
  if (want.type?.startsWith("redirect:")) {
    const location = new URL(response.headers().location ?? "", "http://x");
    const error = location.searchParams.get("error");
    got.type = `redirect:${location.pathname}${error ? `?error=${error}` : ""}`;
  } else if (want.type) got.type = response.headers()["content-type"]?.split(";")[0];
  return got;
}

async function call(api: APIRequestContext, route: Route) {
  const options = { maxRedirects: 0, ...(route.data === undefined ? {} : { data: route.data }) };
  if (route.method === "GET") return api.get(route.path, options);
  if (route.method === "PUT") return api.put(route.path, options);
  return api.post(route.path, options);
}

for (const route of [...API_ROUTES, ...PAGE_ROUTES]) {
  test(`${route.method} ${route.path} answers each role and a visitor as expected`, async ({
    requestAs,
    request,
  }) => {
    for (const caller of CALLERS) {
      const api = caller === "visitor" ? request : await requestAs(caller);
      const want = expected(route, caller);
      const response = await call(api, route);
      expect(await observed(response, want), `${caller}: ${route.method} ${route.path}`).toEqual(want);
    }
  });
}

test("the session endpoint reports each role from its shared sign-in, and nobody signed out", async ({
  requestAs,
  request,
}) => {
  for (const role of ROLES) {
    const session = await (await (await requestAs(role)).get("/api/auth/session")).json();
    expect(session?.user?.role, role).toBe(role);
  }
  expect(await (await request.get("/api/auth/session")).json()).toBeNull();
});

/** Exported HTTP methods of a route file: `export async function GET` or `export const { GET, POST }`. */
function exportedMethods(source: string) {
  const functions = [...source.matchAll(/export\s+(?:async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE)\b/g)];
  const consts = [...source.matchAll(/export\s+const\s+\{([^}]+)\}/g)].flatMap((m) =>
    (m[1] ?? "").split(",").map((s) => s.trim()),
  );
  return [...functions.map((m) => m[1] as string), ...consts].sort();
}

test("the tables above cover every route handler and method the app exports", () => {
  const routeFiles = readdirSync("app", { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === "route.ts")
    .map((f) => path.join("app", f));
  const fileOf = (r: Route) => (r.file.startsWith("app/") ? r.file : `app/api/${r.file}/route.ts`);
  const covered = [...API_ROUTES, ...PAGE_ROUTES].map((r) => `${fileOf(r)} ${r.method}`);
  const exported = routeFiles.flatMap((f) =>
    exportedMethods(readFileSync(f, "utf8")).map((m) => `${f} ${m}`),
  );
  expect(exported.length).toBeGreaterThan(0);
  expect([...new Set(covered)].sort()).toEqual(exported.sort());
});
