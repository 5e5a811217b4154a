import { type NextRequest, NextResponse } from "next/server";

const PUBLIC_PATHS = [/^\/login$/, /^\/verify(\/|$)/, /^\/api\/auth(\/|$)/, /^\/api\/health$/];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * Coarse checks only: no session cookie means the sign-in page, and a state-changing API call from
 * another origin is refused. Every page and handler still checks the user and role itself.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;

  if (pathname.startsWith("/api/") && !["GET", "HEAD", "OPTIONS"].includes(request.method)) {
    const origin = request.headers.get("origin");
    if (origin && new URL(origin).host !== request.headers.get("host")) {
      return NextResponse.json(
        { code: "forbidden:origin", message: "Cross-origin request refused" },
        { status: 403 },
      );
    }
  }

  if (PUBLIC_PATHS.some((p) => p.test(pathname))) return NextResponse.next();
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ code: "unauthorized:session", message: "Please sign in" }, { status: 401 });
  }
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = "";
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|woff2?)$).*)"],
};
