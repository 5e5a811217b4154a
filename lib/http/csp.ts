/**
 * The Content-Security-Policy of a page. A page rendered for this request gets a fresh nonce: only
 * scripts carrying it run, and `'strict-dynamic'` lets them load the rest of Next's chunks, so no
 * injected inline script can run. A prerendered chapter page is one cached HTML document for every
 * learner: it cannot carry a per-request nonce, and its inline scripts (Next's RSC payload, which
 * holds the chapter's text) are only known once it renders, after the headers are chosen; there
 * `'unsafe-inline'` stays, behind the sanitised, whitelisted chapter HTML.
 */
export function contentSecurityPolicy(scripts: { nonce: string } | "prerendered", dev = false): string {
  const script =
    scripts === "prerendered" ? "'self' 'unsafe-inline'" : `'self' 'nonce-${scripts.nonce}' 'strict-dynamic'`;
  return [
    "default-src 'self'",
    // eval is only allowed for the dev server's hot reload.
    `script-src ${script}${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 128 random bits, base64: a nonce no page can guess. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
