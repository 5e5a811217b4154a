import { mkdirSync } from "node:fs";
import path from "node:path";
import {
  type APIRequest,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  test as base,
  expect,
  type Page,
} from "@playwright/test";

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

/** Signs in through the sign-in page in `context` and waits until it leaves it. */
async function signInThroughUi(context: BrowserContext, employeeNo: string, password = PASSWORD) {
  const page = await context.newPage();
  await signIn(page, employeeNo, password);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return page;
}

/**
 * Every handler behind `requireApiUser` answers 401 exactly when the session no longer counts
 * (deactivated, role changed, signed out everywhere); this one does no other work for any role.
 */
const SESSION_PROBE = "/api/admin/import-template";

/**
 * One signed-in storage state per role and worker, under the git-ignored e2e/.auth/. Each role
 * signs in through the UI the first time a test asks for it; before every later use the saved
 * state is checked against the server and signed in again if a test has ended that session.
 */
class SignedInStates {
  private readonly saved = new Set<Role>();

  constructor(
    private readonly dir: string,
    private readonly baseURL: string,
    private readonly api: APIRequest,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  async file(role: Role, browser: Browser): Promise<string> {
    const file = path.join(this.dir, `${role}.json`);
    if (this.saved.has(role) && (await this.accepted(file))) return file;
    const context = await browser.newContext({ baseURL: this.baseURL });
    await signInThroughUi(context, ACCOUNTS[role]);
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

type WorkerFixtures = { signedInStates: SignedInStates };

type TestFixtures = {
  learnerPage: Page;
  trainerPage: Page;
  managerPage: Page;
  adminPage: Page;
  learnerRequest: APIRequestContext;
  trainerRequest: APIRequestContext;
  managerRequest: APIRequestContext;
  adminRequest: APIRequestContext;
  /** A page signed in as the role, from the shared state (its context is closed after the test). */
  pageAs: (role: Role) => Promise<Page>;
  /** An API client signed in as the role, from the shared state (disposed after the test). */
  requestAs: (role: Role) => Promise<APIRequestContext>;
  /**
   * A new browser context signed in through the UI as `employeeNo`, closed after the test. For
   * tests that sign out, deactivate, reset, change role or locale, or need an account of their own:
   * they must never end or change a shared state.
   */
  freshSignIn: (employeeNo: string, password?: string) => Promise<Page>;
};

function rolePage(role: Role) {
  return async ({ pageAs }: { pageAs: TestFixtures["pageAs"] }, use: (page: Page) => Promise<void>) => {
    await use(await pageAs(role));
  };
}

function roleRequest(role: Role) {
  return async (
    { requestAs }: { requestAs: TestFixtures["requestAs"] },
    use: (api: APIRequestContext) => Promise<void>,
  ) => {
    await use(await requestAs(role));
  };
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  signedInStates: [
    async ({ playwright }, use, workerInfo) => {
      const dir = path.join("e2e/.auth", String(workerInfo.parallelIndex));
      await use(new SignedInStates(dir, String(workerInfo.project.use.baseURL), playwright.request));
    },
    { scope: "worker" },
  ],
  pageAs: async ({ browser, signedInStates }, use) => {
    const opened: BrowserContext[] = [];
    await use(async (role) => {
      const context = await browser.newContext({ storageState: await signedInStates.file(role, browser) });
      opened.push(context);
      return context.newPage();
    });
    for (const context of opened) await context.close();
  },
  learnerPage: rolePage("learner"),
  trainerPage: rolePage("trainer"),
  managerPage: rolePage("manager"),
  adminPage: rolePage("admin"),
  requestAs: async ({ browser, playwright, signedInStates, baseURL }, use) => {
    const opened: APIRequestContext[] = [];
    await use(async (role) => {
      const api = await playwright.request.newContext({
        baseURL,
        storageState: await signedInStates.file(role, browser),
      });
      opened.push(api);
      return api;
    });
    for (const api of opened) await api.dispose();
  },
  learnerRequest: roleRequest("learner"),
  trainerRequest: roleRequest("trainer"),
  managerRequest: roleRequest("manager"),
  adminRequest: roleRequest("admin"),
  freshSignIn: async ({ browser }, use) => {
    const opened: BrowserContext[] = [];
    await use(async (employeeNo, password) => {
      const context = await browser.newContext();
      opened.push(context);
      return signInThroughUi(context, employeeNo, password);
    });
    for (const context of opened) await context.close();
  },
});

export { expect };
