import { decode } from "next-auth/jwt";
import { TokenCache } from "../auth/token-cache";

const COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];
const UNKNOWN_FOR_MS = 60_000;

/**
 * The user id in a request's session cookie, for the request log. Decoded once per cookie value
 * and remembered until the token expires; a forged or expired token is remembered as no user.
 */
export function sessionUserReader(secret: string | undefined) {
  const cache = new TokenCache<{ userId: string | null; expiresAt: number }>();
  return async (cookieHeader: string | undefined): Promise<string | null> => {
    if (!secret || !cookieHeader) return null;
    const cookies = new Map(
      cookieHeader.split(";").map((c) => {
        const i = c.indexOf("=");
        return [c.slice(0, i).trim(), c.slice(i + 1).trim()] as const;
      }),
    );
    const name = COOKIES.find((n) => cookies.has(n));
    const token = name && cookies.get(name);
    if (!name || !token) return null;
    const cached = cache.get(token);
    if (cached) return cached.userId;
    const payload = await decode({ token, secret, salt: name }).catch(() => null);
    const userId = typeof payload?.uid === "string" ? payload.uid : null;
    const expiresAt = payload?.exp ? payload.exp * 1000 : Date.now() + UNKNOWN_FOR_MS;
    cache.set(token, { userId, expiresAt: userId ? expiresAt : Date.now() + UNKNOWN_FOR_MS });
    return userId;
  };
}
