import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { TokenCache } from "@/lib/auth/token-cache";
import { env } from "@/lib/env";

/** Auth.js's session cookie: the __Secure- one over HTTPS. */
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];
/** A token that does not decode is remembered as nobody for a while, then decoded again. */
const UNREADABLE_FOR_MS = 60_000;

export type SessionToken = { userId: string; sessionVersion: number };

/**
 * Decoded session tokens by cookie value. A token never changes before it expires, so decoding it
 * once per instance is enough (Auth.js's auth() decodes, re-signs and serialises it on every call).
 * Safe to lose; whether the person may still use it is checked against the database every time.
 */
const decoded = new TokenCache<{ token: SessionToken | null; expiresAt: number }>();

/** Who the request's session cookie says it is, or null when it has none, or a forged or expired one. */
export async function readSessionToken(): Promise<SessionToken | null> {
  const jar = await cookies();
  const name = SESSION_COOKIES.find((n) => jar.has(n));
  const value = name && jar.get(name)?.value;
  if (!name || !value) return null;
  const known = decoded.get(value);
  if (known) return known.token;
  const payload = await decode({ token: value, secret: env.AUTH_SECRET ?? "", salt: name }).catch(() => null);
  const token =
    typeof payload?.uid === "string"
      ? { userId: payload.uid, sessionVersion: payload.sessionVersion ?? 0 }
      : null;
  const expiresAt = token && payload?.exp ? payload.exp * 1000 : Date.now() + UNREADABLE_FOR_MS;
  decoded.set(value, { token, expiresAt });
  return token;
}
