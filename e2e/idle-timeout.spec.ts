import { type ChildProcess, spawn } from "node:child_process";
import { expect, test } from "./fixtures";
import { signInThroughUi } from "./support/sessions";

// The idle timeout needs a server of its own: this one ends sessions after 30 seconds without a
// request (SESSION_IDLE_MINUTES=0.5), so it warns 10 seconds before. Its port is the suite's + 4: the
// three after the suite's are the single sign-on stand-ins' (e2e/support/sso-env.ts).
const PORT = Number(process.env.E2E_PORT ?? 3100) + 4;
const URL_ = `http://127.0.0.1:${PORT}`;
let server: ChildProcess | undefined;

test.describe.configure({ timeout: 240_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = spawn(
    process.execPath,
    ["scripts/serve.mjs", "--port", String(PORT), "--db", "file:./data/e2e-idle.db", "--fresh"],
    {
      detached: true,
      stdio: "ignore",
      env: {
        ...process.env,
        NODE_OPTIONS: (process.env.NODE_OPTIONS ?? "").replace("--conditions=react-server", "").trim(),
        DATABASE_URL: "file:./data/e2e-idle.db",
        SESSION_IDLE_MINUTES: "0.5",
      },
    },
  );
  const until = Date.now() + 170_000;
  for (;;) {
    const up = await fetch(`${URL_}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > until || server.exitCode !== null)
      throw new Error("the idle-timeout server did not start");
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(() => {
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
});

test("an idle session is warned, kept with the keyboard, and ended on the server when left alone", async ({
  browser,
  playwright,
}) => {
  const context = await browser.newContext({ baseURL: URL_ });
  const page = await signInThroughUi(context, "E1001");
  await expect(page.getByRole("heading", { level: 1, name: "我的培训" })).toBeVisible();

  const dialog = page.getByRole("alertdialog", { name: "即将自动退出" });
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  await expect(dialog).toContainText(/将在 0:\d\d 后自动退出登录/);
  await expect(dialog.getByRole("button", { name: "保持登录" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // "Stay signed in" was a request: the 30 seconds count again from it.
  const status = await (await page.request.get("/api/session")).json();
  expect(status.remainingMs).toBeGreaterThan(20_000);
  const before = await context.storageState();

  // Left alone: warned again, then signed out, in the browser and on the server.
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveURL(/\/login\?reason=idle$/, { timeout: 20_000 });
  await expect(page.getByText("为保护账户已自动退出")).toBeVisible();

  // The token saved before is refused by itself, however it is sent (each check in a client of
  // its own: the refusal also deletes the cookie in the client that receives it).
  const api = await playwright.request.newContext({ baseURL: URL_, storageState: before });
  expect((await api.get("/api/session")).status()).toBe(401);
  await api.dispose();
  const browserLike = await playwright.request.newContext({ baseURL: URL_, storageState: before });
  const home = await browserLike.get("/", { maxRedirects: 0 });
  expect(home.status()).toBe(307);
  expect(home.headers().location).toContain("/login?reason=idle");
  await browserLike.dispose();
  await context.close();
});
