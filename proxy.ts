import { type NextRequest, NextResponse } from "next/server";
import { decode, encode, type JWT } from "next-auth/jwt";
import { can, isRole } from "@/lib/auth/roles";
import { clockOf, type SessionClock, sessionEndsAt, sessionState } from "@/lib/auth/session-clock";
import { SESSION_TIMING } from "@/lib/auth/session-timing";
import { TokenCache } from "@/lib/auth/token-cache";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { LOCALE_COOKIE, LOCALES, localeOf } from "@/lib/i18n/locales";

const PUBLIC_PATHS = [
  /^\/login(\/verify)?$/,
  /^\/verify(\/|$)/,
  /^\/set-password\/[A-Za-z0-9_-]+$/,
  /^\/api\/auth(\/|$)/,
  /^\/api\/(health|ready)$/,
];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
/** Prerendered pages: the same for every learner, so the proxy checks the session token itself. */
const PRERENDERED_LEARN = /^\/learn\/[a-z0-9-]+$/;

function forOtherOrigin(request: NextRequest) {
  if (!request.nextUrl.pathname.startsWith("/api/") || ["GET", "HEAD", "OPTIONS"].includes(request.method)) {
    return false;
  }
  const origin = request.headers.get("origin");
  return Boolean(origin && new URL(origin).host !== request.headers.get("host"));
}

type SessionFacts = { name: string; token: JWT; clock: SessionClock; role: unknown; expiresAt: number };
const tokens = new TokenCache<SessionFacts>();

/**
 * The verified session token with its clock (null when missing, forged or expired). Decoded once
 * per cookie value and remembered until the session would end.
 */
async function readSession(request: NextRequest): Promise<SessionFacts | null> {
  const name = SESSION_COOKIES.find((n) => request.cookies.get(n)?.value);
  const cookie = name && request.cookies.get(name)?.value;
  if (!name || !cookie || !env.AUTH_SECRET) return null;
  const cached = tokens.get(cookie);
  if (cached) return cached;
  const token = await decode({ token: cookie, secret: env.AUTH_SECRET, salt: name }).catch(() => null);
  const clock = token && clockOf(token);
  if (!token?.exp || !clock) return null;
  const facts = {
    name,
    token,
    clock,
    role: token.role,
    expiresAt: Math.min(token.exp * 1000, sessionEndsAt(clock, SESSION_TIMING)),
  };
  tokens.set(cookie, facts);
  return facts;
}

/** The idle warning asks how long is left here (GET) without that counting as activity; POST is "stay signed in". */
const SESSION_STATUS = "/api/session";

/**
 * Any other request counts as activity: once `lastSeenAt` is older than the refresh interval the
 * response carries a new token with it set to now (the 12 hours still count from signing in).
 */
async function keepAlive(response: NextResponse, request: NextRequest, session: SessionFacts, now: number) {
  if (request.nextUrl.pathname === SESSION_STATUS && request.method === "GET") return response;
  if (sessionState(session.clock, SESSION_TIMING, now) !== "refresh" || !env.AUTH_SECRET) return response;
  const maxAge = Math.floor((session.clock.signedInAt + SESSION_TIMING.absoluteMs - now) / 1000);
  const token = { ...session.token, lastSeenAt: now };
  const value = await encode({ token, secret: env.AUTH_SECRET, salt: session.name, maxAge });
  tokens.set(value, { ...session, token, clock: { ...session.clock, lastSeenAt: now } });
  response.cookies.set(session.name, value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: session.name.startsWith("__Secure-"),
    maxAge,
  });
  return response;
}

/** A session idle too long: APIs answer 401, pages go to sign-in saying why; the cookie is dropped. */
function idleEnded(request: NextRequest, session: SessionFacts) {
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = "?reason=idle";
  const response = request.nextUrl.pathname.startsWith("/api/")
    ? new AppError("unauthorized:session").toResponse(localeOf(request))
    : NextResponse.redirect(url);
  response.headers.append("Set-Cookie", `${session.name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`);
  return response;
}

/** `/en/learn` → `/learn` in English: one address per page, so no path skips the checks below. */
const LOCALE_PREFIX = new RegExp(`^/(${LOCALES.join("|")})(/.*)?$`);

function withoutLocalePrefix(request: NextRequest) {
  const match = LOCALE_PREFIX.exec(request.nextUrl.pathname);
  if (!match) return null;
  const url = request.nextUrl.clone();
  url.pathname = match[2] ?? "/";
  const response = NextResponse.redirect(url);
  response.cookies.set(LOCALE_COOKIE, match[1] as string, {
    path: "/",
    maxAge: 365 * 24 * 3600,
    sameSite: "lax",
  });
  return response;
}

/** Set only by this proxy; next.config.mjs rewrites a request carrying it to the localized 403 page. */
const DENIED_HEADER = "x-training-denied";

function denied(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(DENIED_HEADER, "1");
  return NextResponse.next({ status: 403, request: { headers } });
}

/** Passes the request on, dropping a denial marker that came from the client. */
function pass(request: NextRequest) {
  if (!request.headers.has(DENIED_HEADER)) return NextResponse.next();
  const headers = new Headers(request.headers);
  headers.delete(DENIED_HEADER);
  return NextResponse.next({ request: { headers } });
}

/**
 * Coarse checks only: no session cookie means the sign-in page, a state-changing API call from
 * another origin is refused. It never rewrites: next.config.mjs adds the locale segment (a config
 * rewrite is always served in-process, however the server is bound). Every dynamic page and
 * handler still checks the user and role itself.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;

  if (forOtherOrigin(request)) {
    return new AppError("forbidden:origin").toResponse(localeOf(request));
  }
  const canonical = withoutLocalePrefix(request);
  if (canonical) return canonical;
  const isApi = pathname.startsWith("/api/");
  if (PUBLIC_PATHS.some((p) => p.test(pathname))) return pass(request);

  if (!SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    if (isApi) return new AppError("unauthorized:session").toResponse(localeOf(request));
    const url = request.nextUrl.clone();
    url.pathname = "/login";
    url.search = "";
    return NextResponse.redirect(url);
  }
  const session = await readSession(request);
  const now = Date.now();
  if (session && sessionState(session.clock, SESSION_TIMING, now) === "ended") {
    // A server action POSTs to a page: its handler refuses the token itself (auth.ts jwt).
    if (isApi || request.method === "GET") return idleEnded(request, session);
    return pass(request);
  }
  if (PRERENDERED_LEARN.test(pathname)) {
    if (!session) return NextResponse.redirect(new URL("/login", request.url));
    if (!isRole(session.role) || !can(session.role, "learn")) return denied(request);
  }
  return session ? keepAlive(pass(request), request, session, now) : pass(request);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|woff2?)$).*)"],
};
