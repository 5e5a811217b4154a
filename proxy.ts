import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";
import { can, isRole } from "@/lib/auth/roles";
import { TokenCache, type TokenFacts } from "@/lib/auth/token-cache";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { LOCALE_COOKIE, localeOf, toLocale } from "@/lib/i18n/locales";

const PUBLIC_PATHS = [
  /^\/login$/,
  /^\/verify(\/|$)/,
  /^\/set-password\/[A-Za-z0-9_-]+$/,
  /^\/api\/auth(\/|$)/,
  /^\/api\/health$/,
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

/** Serves a page from its locale segment: /learn → /zh-CN/learn, without changing the address. */
function withLocale(request: NextRequest, path = request.nextUrl.pathname, status?: number) {
  const url = request.nextUrl.clone();
  url.pathname = `/${toLocale(request.cookies.get(LOCALE_COOKIE)?.value)}${path}`;
  return NextResponse.rewrite(url, status ? { status } : undefined);
}

/**
 * Coarse checks and routing only: no session cookie means the sign-in page, a state-changing API
 * call from another origin is refused, and pages get their locale segment. Every dynamic page and
 * handler still checks the user and role itself.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;

  if (forOtherOrigin(request)) {
    return new AppError("forbidden:origin").toResponse(localeOf(request));
  }
  const isApi = pathname.startsWith("/api/");
  if (PUBLIC_PATHS.some((p) => p.test(pathname))) return isApi ? NextResponse.next() : withLocale(request);

  if (!SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    if (isApi) return new AppError("unauthorized:session").toResponse(localeOf(request));
    const url = request.nextUrl.clone();
    url.pathname = "/login";
    url.search = "";
    return NextResponse.redirect(url);
  }
  if (isApi) return NextResponse.next();

  if (PRERENDERED_LEARN.test(pathname)) {
    const facts = await sessionFacts(request);
    if (!facts) return NextResponse.redirect(new URL("/login", request.url));
    if (!isRole(facts.role) || !can(facts.role, "learn")) return withLocale(request, "/denied", 403);
  }
  return withLocale(request);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|woff2?)$).*)"],
};
