import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import Provider, { type Configuration } from "oidc-provider";
import { escapeHtml, page, readForm } from "./html";
import { OIDC_CLIENT } from "./sso-env";

/**
 * A real OpenID Connect provider (panva/oidc-provider) for the SSO end-to-end tests, mounted under
 * /oidc on 127.0.0.1 with its own sign-in and consent pages, so the browser fills in real forms.
 */

export const IDP_PASSWORD = "Idp@2026";

/**
 * Where the provider releases a person's claims. oidc-provider, like many identity providers, puts
 * only `sub` in the ID token by default and the rest in userinfo; others (Keycloak mappers set to
 * "ID token only", Entra ID optional claims) do the opposite. Each test account picks one.
 */
export type ClaimPlacement = "userinfo" | "id_token";

export interface IdpAccount {
  username: string;
  sub: string;
  placement: ClaimPlacement;
  claims: { employee_no?: string; email?: string; email_verified?: boolean; name?: string };
}

export const IDP_ACCOUNTS = [
  {
    username: "sun.haoran",
    sub: "00u-1011",
    placement: "userinfo",
    claims: { employee_no: "E1011", name: "孙浩然" },
  },
  {
    username: "ma.xiaoyan",
    sub: "00u-1012",
    placement: "id_token",
    claims: { employee_no: "E1012", name: "马晓燕" },
  },
  {
    username: "zhao.liping",
    sub: "00u-3002",
    placement: "userinfo",
    claims: { email: "Zhao.Liping@demo-bank.cn", email_verified: true, name: "赵丽萍" },
  },
  {
    username: "chen.jingyi",
    sub: "00u-2001",
    placement: "id_token",
    claims: { email: "chen.jingyi@demo-bank.cn", email_verified: true, name: "陈静怡" },
  },
  {
    username: "zhu.wenbo",
    sub: "00u-1013",
    placement: "userinfo",
    claims: { employee_no: "E1013", name: "朱文博" },
  },
  {
    username: "stranger",
    sub: "00u-9999",
    placement: "userinfo",
    claims: { employee_no: "E5999", email: "stranger@example.com", email_verified: true, name: "Stranger" },
  },
] as const satisfies readonly IdpAccount[];
export type IdpUsername = (typeof IDP_ACCOUNTS)[number]["username"];

function account(sub: string): IdpAccount | undefined {
  return IDP_ACCOUNTS.find((a) => a.sub === sub);
}

function configuration(redirectUri: string): Configuration {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    clients: [
      {
        client_id: OIDC_CLIENT.id,
        client_secret: OIDC_CLIENT.secret,
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], profile: ["name", "employee_no"], email: ["email", "email_verified"] },
    // false: the ID token may carry scope claims too; each account's claims() then decides per token.
    conformIdTokenClaims: false,
    async findAccount(_ctx, sub) {
      const found = account(sub);
      if (!found) return undefined;
      return {
        accountId: sub,
        async claims(use) {
          return use === found.placement ? { sub, ...found.claims } : { sub };
        },
      };
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/oidc/interaction/${interaction.uid}` },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "e2e", use: "sig", alg: "RS256" }] },
  } as Configuration;
}

function loginPage(uid: string, error?: string) {
  return page(
    "示范银行统一身份认证 · Demo Bank identity provider",
    `${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
    <form method="post" action="/oidc/interaction/${escapeHtml(uid)}/login">
      <p><label for="username">IdP username</label><input id="username" name="username" autocomplete="username"></p>
      <p><label for="password">IdP password</label><input id="password" name="password" type="password"></p>
      <button type="submit">Continue</button>
    </form>`,
  );
}

function consentPage(uid: string, client: string, scopes: string[]) {
  return page(
    "Share your details",
    `<p><strong>${escapeHtml(client)}</strong> asks for: ${scopes.map(escapeHtml).join(", ")}</p>
    <form method="post" action="/oidc/interaction/${escapeHtml(uid)}/confirm"><button type="submit">Allow</button></form>
    <form method="post" action="/oidc/interaction/${escapeHtml(uid)}/abort"><button type="submit">Deny</button></form>`,
  );
}

function send(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8" }).end(html);
}

/** The provider's own interaction routes: sign-in, consent, and refusing consent. */
async function interaction(provider: Provider, req: IncomingMessage, res: ServerResponse, path: string) {
  const [, uid = "", step] = path.split("/").filter(Boolean).slice(1);
  const details = await provider.interactionDetails(req, res);
  if (req.method === "GET") {
    if (details.prompt.name === "login") return send(res, 200, loginPage(uid));
    const scopes = String(details.params.scope ?? "").split(" ");
    return send(res, 200, consentPage(uid, String(details.params.client_id), scopes));
  }
  if (step === "login") {
    const form = await readForm(req);
    const found = IDP_ACCOUNTS.find((a) => a.username === form.get("username"));
    if (!found || form.get("password") !== IDP_PASSWORD)
      return send(res, 401, loginPage(uid, "Wrong IdP username or password."));
    return provider.interactionFinished(
      req,
      res,
      { login: { accountId: found.sub } },
      { mergeWithLastSubmission: false },
    );
  }
  if (step === "confirm") {
    const { accountId } = details.session ?? {};
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    if (!grant) return send(res, 400, page("Error", "<p>Unknown grant.</p>"));
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    const grantId = await grant.save();
    return provider.interactionFinished(
      req,
      res,
      { consent: { grantId } },
      { mergeWithLastSubmission: true },
    );
  }
  return provider.interactionFinished(
    req,
    res,
    { error: "access_denied", error_description: "End-User aborted interaction" },
    { mergeWithLastSubmission: false },
  );
}

export interface RunningOidcProvider {
  issuer: string;
  stop(): Promise<void>;
}

/** Starts the provider with issuer http://127.0.0.1:<port>/oidc for one client whose callback is `redirectUri`. */
export async function startOidcProvider({
  port,
  redirectUri,
}: {
  port: number;
  redirectUri: string;
}): Promise<RunningOidcProvider> {
  const issuer = `http://127.0.0.1:${port}/oidc`;
  const provider = new Provider(issuer, configuration(redirectUri));
  const callback = provider.callback();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", issuer).pathname;
    if (!path.startsWith("/oidc")) return send(res, 404, page("Not found", ""));
    if (path.startsWith("/oidc/interaction/")) {
      interaction(provider, req, res, path).catch((e: unknown) => {
        send(res, 400, page("Interaction error", `<p>${escapeHtml(String(e))}</p>`));
      });
      return;
    }
    // oidc-provider derives its mount path from originalUrl minus url, as under Express or Koa mount.
    Object.assign(req, { originalUrl: req.url, url: (req.url ?? "/").slice("/oidc".length) || "/" });
    callback(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return {
    issuer,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
