import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";
import { can, isRole } from "@/lib/auth/roles";
import { TokenCache, type TokenFacts } from "@/lib/auth/token-cache";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isCrossOriginWrite } from "@/lib/http/same-origin";
import { LOCALE_COOKIE, localeOf, toLocale } from "@/lib/i18n/locales";

const PUBLIC_PATHS = [/^\/login$/, /^\/verify(\/|$)/, /^\/set-password\/[A-Za-z0-9_-]+$/];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
/** Prerendered pages: the same for every learner, so the proxy checks the session token itself. */
const PRERENDERED_LEARN = /^\/learn\/[a-z0-9-]+$/;

/** Auth.js's routes and the health checks are the only API routes the proxy sees (see the matcher). */
function forOtherOrigin(request: NextRequest) {
  return request.nextUrl.pathname.startsWith("/api/") && isCrossOriginWrite(request);
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

/** Serves a page from its locale segment: /learn → /zh-CN/learn, without changing the address. */
function withLocale(request: NextRequest, path = request.nextUrl.pathname, status?: number) {
  const url = request.nextUrl.clone();
  url.pathname = `/${toLocale(request.cookies.get(LOCALE_COOKIE)?.value)}${path}`;
  return NextResponse.rewrite(url, status ? { status } : undefined);
}

/**
 * Coarse checks and routing only: no session cookie means the sign-in page, a state-changing call
 * to Auth.js from another origin is refused (the app's API routes refuse it themselves), and pages
 * get their locale segment. Every dynamic page and handler still checks the user and role itself.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;

  if (forOtherOrigin(request)) {
    return new AppError("forbidden:origin").toResponse(localeOf(request));
  }
  if (pathname.startsWith("/api/")) return NextResponse.next();
  if (PUBLIC_PATHS.some((p) => p.test(pathname))) return withLocale(request);

  if (!SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const url = request.nextUrl.clone();
    url.pathname = "/login";
    url.search = "";
    return NextResponse.redirect(url);
  }

  if (PRERENDERED_LEARN.test(pathname)) {
    const facts = await sessionFacts(request);
    if (!facts) return NextResponse.redirect(new URL("/login", request.url));
    if (!isRole(facts.role) || !can(facts.role, "learn")) return withLocale(request, "/denied", 403);
  }
  return withLocale(request);
}

/**
 * Everything but static files and the app's API routes: running the proxy costs a request more CPU
 * than an API route handler's own work, and every app API route makes its checks itself
 * (handleRoute refuses other origins, requireApiUser the signed-out). Auth.js's routes and the
 * health checks still come through, for the origin check.
 */
export const config = {
  matcher: [
    "/((?!api/(?!auth/|health|ready)|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|woff2?)$).*)",
  ],
};
