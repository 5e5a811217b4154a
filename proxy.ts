import { type NextRequest, NextResponse } from "next/server";
import { decode, encode, type JWT } from "next-auth/jwt";
import { hitRateLimit } from "@/db/queries/rate-limit";
import { getSessionUser } from "@/db/queries/users";
import { can } from "@/lib/auth/roles";
import { clockOf, type SessionClock, sessionEndsAt, sessionState } from "@/lib/auth/session-clock";
import { SESSION_TIMING } from "@/lib/auth/session-timing";
import { sessionCounts } from "@/lib/auth/session-version";
import { TokenCache } from "@/lib/auth/token-cache";
import { VERIFY_RATE_LIMIT } from "@/lib/certification/verify-limit";
import { env } from "@/lib/env";
import { AppError, type ErrorCode } from "@/lib/errors";
import { canonicalPath } from "@/lib/http/canonical-path";
import { clientIp } from "@/lib/http/client-ip";
import { contentSecurityPolicy, newNonce } from "@/lib/http/csp";
import { isCrossOrigin } from "@/lib/http/origin";
import { DENIED_HEADER, LOCALE_HEADER, PROXY_MARKERS, VERIFY_LIMITED_HEADER } from "@/lib/http/proxy-markers";
import { LOCALE_COOKIE, LOCALES, localeOf } from "@/lib/i18n/locales";

const PUBLIC_PATHS = [
  /^\/login(\/verify)?$/,
  /^\/verify(\/|$)/,
  /^\/set-password\/[A-Za-z0-9_-]+$/,
  /^\/api\/auth(\/|$)/,
  /^\/api\/(health|ready)$/,
  /^\/api\/verify\/[^/]+$/,
];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
/** Chapter pages are prerendered, the same for every learner: the proxy checks the session for them. */
const CHAPTER = /^\/learn\//;
/** Pages served from one prerendered document (chapters, and the 403 page they rewrite to): no nonce. */
const PRERENDERED = /^\/(learn\/|denied$)/;
/** One certificate looked up by code, as a page or as JSON: counted against the address's limit. */
const VERIFY_LOOKUP = /^(\/api)?\/verify\/[^/]+$/;
/** Next's limit on a server action's body (serverActions.bodySizeLimit, 1 MB by default). */
const ACTION_BODY_LIMIT = 1024 * 1024;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** How long a checked session counts before the database is asked again (per instance). */
const RECHECK_MS = 2_000;

type Verdict = "ok" | "denied" | "ended";
const verdicts = new TokenCache<{ verdict: Verdict; expiresAt: number }>();

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

/**
 * May this request read a chapter? The token must verify and the account must still hold the
 * session it was issued (not deactivated, no role change, password reset or sign-out since), and
 * the role must read chapters. One read by primary key, remembered for the cookie for a moment.
 */
async function chapterVerdict(request: NextRequest, session: SessionFacts | null): Promise<Verdict> {
  const cookie = session && request.cookies.get(session.name)?.value;
  if (!session || !cookie) return "ended";
  const now = Date.now();
  const cached = verdicts.get(cookie, now);
  if (cached) return cached.verdict;
  const { token } = session;
  const user = token.uid ? await getSessionUser({ id: token.uid }) : undefined;
  const verdict: Verdict =
    !user || !sessionCounts(user, token.sessionVersion) ? "ended" : can(user.role, "learn") ? "ok" : "denied";
  verdicts.set(cookie, { verdict, expiresAt: Math.min(now + RECHECK_MS, session.expiresAt) });
  return verdict;
}

/** The idle warning asks how long is left here (GET) without that counting as activity; POST is "stay signed in". */
const SESSION_STATUS = "/api/session";

/**
 * Any other request counts as activity: once `lastSeenAt` is older than the refresh interval the
 * response carries a new token with it set to now (the 12 hours still count from signing in).
 */
async function keepAlive(response: NextResponse, request: NextRequest, session: SessionFacts, now: number) {
  if (canonicalPath(request.nextUrl.pathname) === SESSION_STATUS && request.method === "GET") return response;
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
function idleEnded(request: NextRequest, session: SessionFacts, policy: Policy) {
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = "?reason=idle";
  const response = canonicalPath(request.nextUrl.pathname)?.startsWith("/api/")
    ? new AppError("unauthorized:session").toResponse(localeOf(request))
    : NextResponse.redirect(url);
  response.headers.append("Set-Cookie", `${session.name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`);
  response.headers.set("Content-Security-Policy", policy.csp);
  return response;
}

/** `/en/learn` → `/learn` in English: one address per page, so no path skips the checks below. */
const LOCALE_PREFIX = new RegExp(`^/(${LOCALES.join("|")})(/.*)?$`);

function withoutLocalePrefix(request: NextRequest, path: string) {
  const match = LOCALE_PREFIX.exec(path);
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

/** A server action's body Next would fail on: too large, or of unstated length. */
function actionBodyProblem(request: NextRequest): ErrorCode | null {
  const length = request.headers.get("content-length");
  if (length === null) return request.headers.has("transfer-encoding") ? "length_required:body" : null;
  return Number(length) > ACTION_BODY_LIMIT ? "too_large:body" : null;
}

type Policy = { csp: string; nonce: string | null };

/**
 * Passes the request on with the page's policy, dropping any marker a client sent; `marked` sets
 * one of ours and the status of the answer.
 */
function pass(request: NextRequest, policy: Policy, marked?: { marker: string; status: number }) {
  const headers = new Headers(request.headers);
  for (const marker of PROXY_MARKERS) headers.delete(marker);
  if (marked) headers.set(marked.marker, "1");
  // The language cookie, else the browser's languages: next.config.mjs serves the page in that locale.
  headers.set(LOCALE_HEADER, localeOf(request));
  // Next gives its own scripts the nonce it finds in the request's policy.
  if (policy.nonce) headers.set("content-security-policy", policy.csp);
  const response = NextResponse.next({ status: marked?.status, request: { headers } });
  response.headers.set("Content-Security-Policy", policy.csp);
  return response;
}

function refuse(request: NextRequest, code: ErrorCode, policy: Policy) {
  const response = new AppError(code).toResponse(localeOf(request));
  response.headers.set("Content-Security-Policy", policy.csp);
  return response;
}

/**
 * Coarse checks first: an address no page can have, a state-changing request from another origin
 * and a server action body Next cannot take are refused; no session cookie means the sign-in
 * page. Chapter pages, prerendered, get their session checked here against the database; every
 * other page and handler checks the user and role itself. It never rewrites: next.config.mjs adds
 * the locale segment (a config rewrite is always served in-process, however the server is bound).
 */
export async function proxy(request: NextRequest) {
  const path = canonicalPath(request.nextUrl.pathname);
  const chapter = path !== null && CHAPTER.test(path);
  const nonce = path !== null && PRERENDERED.test(path) ? null : newNonce();
  const policy = {
    nonce,
    csp: contentSecurityPolicy(nonce ? { nonce } : "prerendered", env.NODE_ENV === "development"),
  };

  if (path === null) return refuse(request, "bad_request:path", policy);
  if (isCrossOrigin(request.method, request.headers.get("origin"), request.headers.get("host"))) {
    return refuse(request, "forbidden:origin", policy);
  }
  const isApi = path.startsWith("/api/");
  const changes = !SAFE_METHODS.has(request.method);
  const bodyProblem = changes && !isApi ? actionBodyProblem(request) : null;
  if (bodyProblem) return refuse(request, bodyProblem, policy);
  const canonical = withoutLocalePrefix(request, path);
  if (canonical) return canonical;

  if (VERIFY_LOOKUP.test(path) && request.method === "GET") {
    const ip = clientIp(request.headers.get("x-forwarded-for"));
    const { allowed } = await hitRateLimit({ key: `verify:${ip}`, ...VERIFY_RATE_LIMIT });
    if (!allowed && isApi) return refuse(request, "too_many:verify", policy);
    if (!allowed) return pass(request, policy, { marker: VERIFY_LIMITED_HEADER, status: 429 });
  }
  if (PUBLIC_PATHS.some((p) => p.test(path))) return pass(request, policy);

  if (!SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    if (isApi || changes) return refuse(request, "unauthorized:session", policy);
    const url = request.nextUrl.clone();
    url.pathname = "/login";
    url.search = "";
    return NextResponse.redirect(url);
  }
  const session = await readSession(request);
  const now = Date.now();
  if (session && sessionState(session.clock, SESSION_TIMING, now) === "ended") {
    // A server action POSTs to a page: its handler refuses the token itself (auth.ts jwt).
    if (isApi || request.method === "GET") return idleEnded(request, session, policy);
    return pass(request, policy);
  }
  if (chapter) {
    const verdict = await chapterVerdict(request, session);
    if (verdict === "ended") return NextResponse.redirect(new URL("/login", request.url));
    if (verdict === "denied") return pass(request, policy, { marker: DENIED_HEADER, status: 403 });
  }
  const response = pass(request, policy);
  return session ? keepAlive(response, request, session, now) : response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|woff2?)$).*)"],
};
