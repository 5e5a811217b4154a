import path from "node:path";
import {
  type APIRequestContext,
  type BrowserContext,
  test as base,
  expect,
  type Page,
} from "@playwright/test";
import { type Role, SignedInStates, signInThroughUi } from "./support/sessions";

export { ACCOUNTS, PASSWORD, type Role, signIn } from "./support/sessions";

type WorkerFixtures = { signedInStates: SignedInStates };

type TestFixtures = {
  /** Pages signed in as E1001, E2001, E3001 and E9001 from the shared per-worker states. */
  learnerPage: Page;
  trainerPage: Page;
  managerPage: Page;
  adminPage: Page;
  /** API clients signed in the same way, for calling route handlers as the role. */
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
  return async ({ pageAs }: Pick<TestFixtures, "pageAs">, use: (page: Page) => Promise<void>) => {
    await use(await pageAs(role));
  };
}

function roleRequest(role: Role) {
  return async (
    { requestAs }: Pick<TestFixtures, "requestAs">,
    use: (api: APIRequestContext) => Promise<void>,
  ) => {
    await use(await requestAs(role));
  };
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  signedInStates: [
    async ({ playwright }, use, workerInfo) => {
      const dir = path.join(workerInfo.project.testDir, ".auth", String(workerInfo.parallelIndex));
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
  freshSignIn: async ({ browser }, use) => {
    const opened: BrowserContext[] = [];
    await use(async (employeeNo, password) => {
      const context = await browser.newContext();
      opened.push(context);
      return signInThroughUi(context, employeeNo, password);
    });
    for (const context of opened) await context.close();
  },
  learnerPage: rolePage("learner"),
  trainerPage: rolePage("trainer"),
  managerPage: rolePage("manager"),
  adminPage: rolePage("admin"),
  learnerRequest: roleRequest("learner"),
  trainerRequest: roleRequest("trainer"),
  managerRequest: roleRequest("manager"),
  adminRequest: roleRequest("admin"),
});

export { expect };
