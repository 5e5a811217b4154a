import createNextIntlPlugin from "next-intl/plugin";

/**
 * Every page lives under app/[locale]/ but its address has no locale: /learn is served from
 * /zh-CN/learn or /en/learn. These rewrites pick the segment from the language proxy.ts negotiated
 * (the cookie, else Accept-Language, else Chinese: lib/i18n/locales.ts) and passes on in
 * x-training-locale (lib/http/proxy-markers.ts). Config rewrites have relative destinations, so Next always serves them in-process; a rewrite from proxy.ts would be proxied over HTTP when Next's
 * idea of its own host differs from the bind address (vercel/next.js#94745). proxy.ts redirects
 * /zh-CN/… and /en/… to the address without the segment, so no page skips its checks.
 */
// The tab icon (app/icon.svg) is a file of the root, not a page: it is never rewritten.
const PAGE = "/:path((?!api/|_next/|icon\\.svg$|zh-CN(?:/|$)|en(?:/|$)).+)";

/** The rules that serve `source` from `/<locale><target>`, in the order they are tried. */
function localized(source, target, has = []) {
  return [
    {
      source,
      has: [...has, { type: "header", key: "x-training-locale", value: "en" }],
      destination: `/en${target}`,
    },
    { source, has, destination: `/zh-CN${target}` },
  ];
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["@node-rs/argon2", "@node-rs/jieba", "@libsql/client", "libsql"],
  experimental: {
    authInterrupts: true,
    // Instances share one build directory: each keeps the pages it renders (chapters) in memory,
    // so two never write the same file and none keeps state on disk.
    isrFlushToDisk: false,
  },
  async rewrites() {
    return {
      beforeFiles: [
        // proxy.ts marks a prerendered page the role may not open (and answers 403); see lib/http/proxy-markers.ts.
        ...localized(PAGE, "/denied", [{ type: "header", key: "x-training-denied", value: "1" }]),
        ...localized("/", ""),
        ...localized(PAGE, "/:path"),
      ],
    };
  },
  async headers() {
    return [
      {
        source: "/:path*",
        // The Content-Security-Policy is set by proxy.ts: a fresh nonce for each rendered page.
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
