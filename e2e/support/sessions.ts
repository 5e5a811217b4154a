import { mkdirSync } from "node:fs";
import path from "node:path";
import type { APIRequest, Browser, BrowserContext, Page } from "@playwright/test";

export const PASSWORD = "Demo@2026";

export type Role = "learner" | "trainer" | "manager" | "admin";

/** Whose saved sign-in each role fixture uses. A test that ends a session or changes the account uses its own. */
export const ACCOUNTS: Record<Role, string> = {
  learner: "E1001",
  trainer: "E2001",
  manager: "E3001",
  admin: "E9001",
};

export async function signIn(page: Page, employeeNo: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("员工号").fill(employeeNo);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

/** Signs in through the sign-in page in a new page of `context` and waits until it leaves that page. */
export async function signInThroughUi(context: BrowserContext, employeeNo: string, password = PASSWORD) {
  const page = await context.newPage();
  await signIn(page, employeeNo, password);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return page;
}

/**
 * A handler behind `requireApiUser` answers 401 exactly when the session no longer counts
 * (deactivated, role changed, signed out everywhere); this one reads nothing else for any role.
 */
const SESSION_PROBE = "/api/admin/import-template";

/**
 * One signed-in storage state per role and worker, in a git-ignored folder. Each role signs in
 * through the UI the first time a test asks for it; before every later use the saved state is
 * checked against the server and made again if a test has ended that session.
 */
export class SignedInStates {
  private readonly saved = new Set<Role>();

  constructor(
    private readonly dir: string,
    private readonly baseURL: string,
    private readonly api: APIRequest,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  /** The path of a storage state signed in as `role` that the server accepts now. */
  async file(role: Role, browser: Browser): Promise<string> {
    const file = path.join(this.dir, `${role}.json`);
    if (this.saved.has(role) && (await this.accepted(file))) return file;
    const context = await browser.newContext({ baseURL: this.baseURL });
    await signInThroughUi(context, ACCOUNTS[role]);
    const session = await (await context.request.get("/api/auth/session")).json();
    if (session?.user?.role !== role)
      throw new Error(
        `${ACCOUNTS[role]} signed in as ${session?.user?.role}: a test changed a shared account`,
      );
    await context.storageState({ path: file });
    await context.close();
    this.saved.add(role);
    return file;
  }

  private async accepted(file: string) {
    const api = await this.api.newContext({ baseURL: this.baseURL, storageState: file });
    const status = (await api.get(SESSION_PROBE)).status();
    await api.dispose();
    return status !== 401;
  }
}
