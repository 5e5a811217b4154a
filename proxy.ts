import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";
import { can, isRole } from "@/lib/auth/roles";
import { TokenCache, type TokenFacts } from "@/lib/auth/token-cache";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { LOCALE_COOKIE, LOCALES, localeOf } from "@/lib/i18n/locales";

const PUBLIC_PATHS = [
  /^\/login$/,
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

const tokens = new TokenCache();

/** Role and expiry from the verified session token (null when missing, forged or expired). */
async function sessionFacts(request: NextRequest): Promise<TokenFacts | null> {
  const cookie = SESSION_COOKIES.map((name) => request.cookies.get(name)?.value).find(Boolean);
  if (!cookie) return null;
  const cached = tokens.get(cookie);
  if (cached) return cached;
  const token = await getToken({
    req: request,
    secret: env.AUTH_SECRET,
    secureCookie: request.nextUrl.protocol === "https:",
  });
  if (!token?.exp) return null;
  const facts = { role: token.role, expiresAt: token.exp * 1000 };
  tokens.set(cookie, facts);
  return facts;
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
  if (isApi) return pass(request);

  if (PRERENDERED_LEARN.test(pathname)) {
    const facts = await sessionFacts(request);
    if (!facts) return NextResponse.redirect(new URL("/login", request.url));
    if (!isRole(facts.role) || !can(facts.role, "learn")) return denied(request);
  }
  return pass(request);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|woff2?)$).*)"],
};
