/**
 * The single sign-on set-up of the end-to-end run: the stand-ins listen on the three ports after
 * E2E_PORT, and the app under test is configured against them (playwright.config.ts passes
 * ssoServerEnv to its web server).
 *
 * The SSO specs browse the app as http://localhost:<port>, not 127.0.0.1: Next.js rewrites a
 * 127.x or [::1] host in request URLs to "localhost" (NextURL), so Auth.js builds the callback
 * as localhost whatever AUTH_URL says; browser, AUTH_URL and the registered redirect URIs must
 * then all be localhost for the state and PKCE cookies to come back with the callback.
 */
export function asLocalhost(url: string): URL {
  const local = new URL(url);
  local.hostname = "localhost";
  return local;
}

export const OIDC_NAME = "示范银行统一认证";
export const OIDC_CLIENT = { id: "training-app", secret: "e2e-oidc-client-secret-not-for-production" };
export const WECOM = { corpId: "ww-e2e-demo-bank", agentId: "1000002", secret: "e2e-wecom-corp-secret" };
export const DINGTALK = { clientId: "ding-e2e-demo-bank", clientSecret: "e2e-dingtalk-app-secret" };

export function ssoPorts(appPort: number) {
  return { oidc: appPort + 1, wecom: appPort + 2, dingtalk: appPort + 3 };
}

export function ssoServerEnv(appPort: number): Record<string, string> {
  const ports = ssoPorts(appPort);
  const wecom = `http://127.0.0.1:${ports.wecom}`;
  const dingtalk = `http://127.0.0.1:${ports.dingtalk}`;
  return {
    // The trailing slash is deliberate: the app normalises it to the provider's issuer.
    OIDC_ISSUER: `http://127.0.0.1:${ports.oidc}/oidc/`,
    OIDC_CLIENT_ID: OIDC_CLIENT.id,
    OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
    OIDC_NAME,
    WECOM_CORP_ID: WECOM.corpId,
    WECOM_AGENT_ID: WECOM.agentId,
    WECOM_SECRET: WECOM.secret,
    WECOM_LOGIN_URL: wecom,
    WECOM_OAUTH_URL: wecom,
    WECOM_API_URL: wecom,
    DINGTALK_CLIENT_ID: DINGTALK.clientId,
    DINGTALK_CLIENT_SECRET: DINGTALK.clientSecret,
    DINGTALK_MATCH: "job_number",
    DINGTALK_LOGIN_URL: dingtalk,
    DINGTALK_API_URL: dingtalk,
    DINGTALK_OAPI_URL: dingtalk,
  };
}
