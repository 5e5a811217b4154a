import { type Browser, test as base, expect, type Page } from "@playwright/test";
import { type DingTalkPerson, startDingTalkStandIn } from "./dingtalk-standin";
import { type RunningOidcProvider, startOidcProvider } from "./oidc-provider";
import { signInThroughUi } from "./sessions";
import { asLocalhost, DINGTALK, ssoPorts, WECOM } from "./sso-env";
import type { RunningStandIn } from "./standin";
import { startWeComStandIn, type WeComMember, type WeComStandIn } from "./wecom-standin";

/** The people each stand-in knows; the app's seeded bank holds the employee numbers. */
export const WECOM_MEMBERS: WeComMember[] = [
  { userid: "E1014", name: "胡佳怡" },
  { userid: "E1015", name: "郭子涵" },
];
export const WECOM_OUTSIDER = "oExternal42";
export const DINGTALK_PEOPLE: DingTalkPerson[] = [
  { unionId: "union-1016", nick: "何雨欣", userid: "manager1016", jobNumber: "E1016" },
  { unionId: "union-guest", nick: "访客" },
];

export interface SsoStandIns {
  oidc: { stop(): Promise<void>; start(): Promise<void> };
  wecom: WeComStandIn;
  dingtalk: RunningStandIn;
}

/**
 * Starts the OIDC provider and the WeCom and DingTalk stand-ins once per worker, on the ports
 * after the app's (the app itself was started by Playwright's web server, before any of them),
 * and browses the app as localhost (see sso-env.ts).
 */
export const test = base.extend<object, { sso: SsoStandIns }>({
  baseURL: async ({ baseURL }, use) => {
    await use(baseURL && asLocalhost(baseURL).origin);
  },
  sso: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a worker fixture's dependencies from this pattern.
    async ({}, use, workerInfo) => {
      const app = asLocalhost(String(workerInfo.project.use.baseURL));
      const ports = ssoPorts(Number(app.port));
      const callback = (id: string) => `${app.origin}/api/auth/callback/${id}`;
      let idp: RunningOidcProvider | undefined;
      const oidc = {
        async start() {
          idp = await startOidcProvider({ port: ports.oidc, redirectUri: callback("oidc") });
        },
        async stop() {
          await idp?.stop();
          idp = undefined;
        },
      };
      await oidc.start();
      const wecom = await startWeComStandIn({
        port: ports.wecom,
        ...WECOM,
        trustedHost: app.host,
        members: WECOM_MEMBERS,
        outsiders: [WECOM_OUTSIDER],
      });
      const dingtalk = await startDingTalkStandIn({
        port: ports.dingtalk,
        ...DINGTALK,
        redirectUri: callback("dingtalk"),
        people: DINGTALK_PEOPLE,
      });
      await use({ oidc, wecom, dingtalk });
      await Promise.all([oidc.stop(), wecom.stop(), dingtalk.stop()]);
    },
    { scope: "worker", auto: true },
  ],
});

/** An administrator signed in with a password in a context of their own, on the admin home. */
export async function adminPage(browser: Browser): Promise<Page> {
  return signInThroughUi(await browser.newContext(), "E9001");
}

export { expect };
