import type { Provider } from "next-auth/providers";
import { ssoSettings } from "@/lib/auth/sso-env";
import type { Env } from "@/lib/env";
import { dingTalkProvider } from "./dingtalk";
import { oidcProvider } from "./oidc";
import { weComProviders } from "./wecom";

/** The single sign-on providers the environment configures (lib/auth/sso-env.ts says which). */
export function ssoProviders(env: Env): Provider[] {
  const { oidc, wecom, dingtalk } = ssoSettings(env);
  return [
    ...(oidc ? [oidcProvider(env, oidc)] : []),
    ...(wecom ? weComProviders(env, wecom) : []),
    ...(dingtalk ? [dingTalkProvider(env, dingtalk)] : []),
  ];
}
