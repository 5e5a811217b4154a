import type { APIRequestContext } from "@playwright/test";
import { ACCOUNTS, expect, PASSWORD, test } from "./fixtures";
import { deactivate, signOutEverywhere, userIdOf } from "./support/arrange";

/**
 * Issue 17: the holes the attack run found in the HTTP, auth and data surface, each replayed the
 * way the attack run sent it. Accounts E1021–E1026 are this file's own (each test that ends a
 * session or fails sign-ins uses one nobody else signs in as).
 */

const CHAPTER = "/learn/basic-skills";
/** How long the proxy may remember a chapter session's verdict (proxy.ts RECHECK_MS), plus slack. */
const RECHECK_WAIT_MS = 2_500;
const baseURL = () => String(test.info().project.use.baseURL);

/** Sign-in through Auth.js's own endpoint, as a script would (CSRF token first). */
async function signInByApi(api: APIRequestContext, employeeNo: string, password: string) {
  const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
  const response = await api.post("/api/auth/callback/credentials", {
    form: { csrfToken, employeeNo, password },
    maxRedirects: 0,
  });
  return new URL(response.headers().location ?? "", baseURL());
}

test("item 1: a chapter cannot be read with an empty cookie and a percent-encoded path", async ({
  playwright,
  trainerRequest,
}) => {
  const api = await playwright.request.newContext({
    baseURL: baseURL(),
    extraHTTPHeaders: { Cookie: "authjs.session-token=" },
  });
  for (const path of ["/learn/basic%2Dskills", "/learn/%62asic-skills", "/%6Cearn/basic-skills"]) {
    const response = await api.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(new URL(response.headers().location ?? "", baseURL()).pathname, path).toBe("/login");
  }
  await api.dispose();
  // A role that may not read chapters gets the 403 page, whatever the spelling.
  const denied = await trainerRequest.get("/learn/%62asic-skills", { maxRedirects: 0 });
  expect(denied.status()).toBe(403);
  expect(await denied.text()).not.toContain("银行服务的基本技巧");
});

test("item 7: signing out ends the session at once, so the old cookie is refused", async ({
  freshSignIn,
  playwright,
}) => {
  const page = await freshSignIn("E1021");
  const state = await page.context().storageState();
  expect((await page.request.get("/api/learn/basic-skills/me")).status()).toBe(200);
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  await page.request.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 });

  const replay = await playwright.request.newContext({ baseURL: baseURL(), storageState: state });
  expect((await replay.get("/api/learn/basic-skills/me")).status()).toBe(401);
  // The home page prefetched chapters, so the proxy may remember that cookie's verdict a moment.
  await page.waitForTimeout(RECHECK_WAIT_MS);
  const chapter = await replay.get(CHAPTER, { maxRedirects: 0 });
  expect(chapter.status()).toBe(307);
  await replay.dispose();
});

test("item 8: an ended session no longer reads prerendered chapters (forced sign-out, deactivation, reset)", async ({
  freshSignIn,
}) => {
  const reset = async (employeeNo: string) => {
    const { issuePasswordReset } = await import("@/db/queries/password-tokens");
    const done = await issuePasswordReset({
      userId: await userIdOf(employeeNo),
      actorId: await userIdOf(ACCOUNTS.admin),
    });
    if (!done) throw new Error(`could not reset ${employeeNo}`);
  };
  const endings: [string, (employeeNo: string) => Promise<unknown>][] = [
    ["E1022", signOutEverywhere],
    ["E1023", deactivate],
    ["E1024", reset],
  ];
  for (const [employeeNo, end] of endings) {
    const page = await freshSignIn(employeeNo);
    expect((await page.request.get(CHAPTER, { maxRedirects: 0 })).status(), employeeNo).toBe(200);
    await end(employeeNo);
    await page.waitForTimeout(RECHECK_WAIT_MS);
    const after = await page.request.get(CHAPTER, { maxRedirects: 0 });
    expect(after.status(), employeeNo).toBe(307);
    expect(new URL(after.headers().location ?? "", baseURL()).pathname).toBe("/login");
  }
});

test("items 9 and 10: an unparsable Origin, and a cross-origin server action, get 403 with a code", async ({
  request,
}) => {
  const host = new URL(baseURL()).host;
  for (const origin of ["null", "not a url", `http://${host}.evil.example`]) {
    const response = await request.post("/api/health", { headers: { Origin: origin } });
    expect(response.status(), origin).toBe(403);
    expect((await response.json()).code, origin).toBe("forbidden:origin");
  }
  const action = await request.post("/login", {
    headers: { Origin: "https://evil.example", "Next-Action": "0".repeat(42), "Content-Type": "text/plain" },
    data: "[]",
  });
  expect(action.status()).toBe(403);
  expect((await action.json()).code).toBe("forbidden:origin");
});

test("item 11: a 7 MB employee file gets the form's own message, and a visitor never reaches the parser", async ({
  adminPage: page,
  request,
}) => {
  const big = { name: "staff.csv", mimeType: "text/csv", buffer: Buffer.alloc(7 * 1024 * 1024, "a") };
  const visitor = await request.post("/api/admin/users/import", {
    multipart: { file: big },
    maxRedirects: 0,
  });
  expect(visitor.status()).toBe(401);
  expect((await visitor.json()).code).toBe("unauthorized:session");

  const admin = await page.request.post("/api/admin/users/import", {
    multipart: { file: big },
    maxRedirects: 0,
  });
  expect(admin.status()).toBe(303);
  const location = admin.headers().location ?? "";
  expect(location).toBe("/admin/users/import?upload=too_large");
  await page.goto(location);
  await expect(page.locator("#import-file-status")).toHaveText("文件超过 5 MB，请拆分后分批上传。");

  // The same body sent as a server action is refused by its length before Next.js reads it.
  const action = await page.request.post("/admin/users/import", {
    headers: { "Next-Action": "0".repeat(42) },
    multipart: { file: big },
  });
  expect(action.status()).toBe(413);
  expect((await action.json()).code).toBe("too_large:body");
});

test("item 12: the attempts route refuses a JSON body sent as text/plain", async ({ learnerRequest }) => {
  const response = await learnerRequest.post("/api/learn/basic-skills/attempts", {
    headers: { "Content-Type": "text/plain" },
    data: JSON.stringify({ attemptId: crypto.randomUUID(), answers: {} }),
  });
  expect(response.status()).toBe(415);
  expect((await response.json()).code).toBe("unsupported:body");
});

test("item 14: a learner opening /reports/items gets status 403 with the 403 page", async ({
  learnerPage: page,
}) => {
  const response = await page.goto("/reports/items");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
});

test("item 18: a malformed percent-encoding gets our 400 with the security headers, not a bare 500", async ({
  request,
}) => {
  for (const path of ["/verify/%FF", "/learn/%E4%BD", "/api/verify/%C0"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect((await response.json()).code, path).toBe("bad_request:path");
    expect(response.headers()["content-security-policy"], path).toContain("default-src 'none'");
    expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
  }
});

test("item 19: setting a password without JavaScript ends on the sign-in page saying it worked", async ({
  browser,
  playwright,
}) => {
  const { issuePasswordReset } = await import("@/db/queries/password-tokens");
  const link = await issuePasswordReset({
    userId: await userIdOf("E1025"),
    actorId: await userIdOf(ACCOUNTS.admin),
  });
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/set-password/${link?.token}`);
  const password = "Teller#2026-nojs";
  await page.getByLabel("新密码", { exact: true }).fill(password);
  await page.getByLabel("再次输入新密码").fill(password);
  await page.getByRole("button", { name: "设置密码" }).click();
  await expect(page).toHaveURL(/\/login\?password=set$/);
  await expect(page.getByRole("status")).toContainText("密码已设置");
  await context.close();
  // The password was set: it signs in.
  const api = await playwright.request.newContext({ baseURL: baseURL() });
  await signInByApi(api, "E1025", password);
  expect((await (await api.get("/api/auth/session")).json())?.user?.role).toBe("learner");
  await api.dispose();
});

test("item 21: the employee number signs in whatever its case and spacing", async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: baseURL() });
  await signInByApi(api, " e1001 ", PASSWORD);
  expect((await (await api.get("/api/auth/session")).json())?.user?.role).toBe("learner");
  await api.dispose();
});

test("item 6: one address is throttled after 20 failed sign-ins across numbers, even with a right password after", async ({
  playwright,
}) => {
  const api = await playwright.request.newContext({
    baseURL: baseURL(),
    // The server trusts the loopback proxy (TRUSTED_PROXIES' default), so this is the client's address.
    extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.61" },
  });
  for (let i = 0; i < 20; i++) {
    const to = await signInByApi(api, `X${9000 + i}`, "Wrong-password-1");
    expect(to.searchParams.get("code"), `attempt ${i + 1}`).toBe("invalid");
  }
  const blocked = await signInByApi(api, "E1026", PASSWORD);
  expect(blocked.searchParams.get("code")).toBe("throttled");
  expect((await (await api.get("/api/auth/session")).json())?.user).toBeUndefined();
  await api.dispose();

  // Another address is not affected.
  const other = await playwright.request.newContext({
    baseURL: baseURL(),
    extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.62" },
  });
  await signInByApi(other, "E1026", PASSWORD);
  expect((await (await other.get("/api/auth/session")).json())?.user?.role).toBe("learner");
  await other.dispose();
});

test("item 17: rendered pages carry a nonce policy without 'unsafe-inline' and still run; chapters keep theirs", async ({
  page,
  learnerPage,
}) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const login = await page.goto("/login");
  const csp = login?.headers()["content-security-policy"] ?? "";
  const script = csp.split("; ").find((d) => d.startsWith("script-src ")) ?? "";
  expect(script).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'$/);
  const nonce = /'nonce-([^']+)'/.exec(script)?.[1];
  const scripts = await page
    .locator("script")
    .evaluateAll((all) => all.map((s) => (s as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);
  // Hydrated: the form answers on the client (an empty submission is refused without a reload).
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("status")).toContainText("请输入员工号和密码");
  expect(violations).toEqual([]);

  const second = await page.request.get("/login");
  expect(second.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);

  // The prerendered chapter is one cached document for everyone: no per-request nonce there.
  const chapter = await learnerPage.request.get(CHAPTER);
  expect(chapter.headers()["content-security-policy"]).toContain("script-src 'self' 'unsafe-inline'");
});

test("item 24: verify answers 404 for an unknown code, 429 past the limit, and JSON for HR systems", async ({
  playwright,
}) => {
  const api = await playwright.request.newContext({
    baseURL: baseURL(),
    extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.24" },
  });
  const page = await api.get("/verify/222222222222");
  expect(page.status()).toBe(404);
  expect(await page.text()).toContain("未找到与该编号对应的证书");
  const json = await api.get("/api/verify/222222222222");
  expect(json.status()).toBe(404);
  expect((await json.json()).code).toBe("not_found:certificate");
  // A real code (the demo's E1004 holds one): the page's masking, names in both languages.
  const known = await api.get("/api/verify/demq-3226-k7pa");
  expect(known.status()).toBe(200);
  const body = await known.json();
  expect(body).toMatchObject({ code: "DEMQ3226K7PA", status: expect.stringMatching(/^(valid|expiring)$/) });
  expect(body.holder).toContain("*");
  expect(Object.keys(body.certification).sort()).toEqual(["en", "zh-CN"]);
  expect(JSON.stringify(body)).not.toMatch(/employeeNo|E1004|userId/);
  for (let i = 3; i < 30; i++) await api.get("/api/verify/222222222222");
  const limited = await api.get("/api/verify/222222222222");
  expect(limited.status()).toBe(429);
  expect((await limited.json()).code).toBe("too_many:verify");
  const limitedPage = await api.get("/verify/222222222222");
  expect(limitedPage.status()).toBe(429);
  expect(await limitedPage.text()).toContain("查询过于频繁");
  await api.dispose();
});
