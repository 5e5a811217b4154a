// npm run bench:pages — chapter pages under 20 concurrent connections, plus the client JS a chapter
// page loads compared with a bare page of the same build. Last line: one JSON object.
import { gzipSync } from "node:zlib";
import { fileCatalog } from "@/lib/content/catalog";
import { load, percentile, request, round, signIn, startServer, stopServer } from "./harness";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = 20;

/** Gzipped size in KB of every script a page's HTML loads. */
async function scriptKb(path: string, cookie: string): Promise<number> {
  const { text } = await request(path, { cookie });
  const srcs = [...new Set([...text.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1] as string))];
  let bytes = 0;
  for (const src of srcs) bytes += gzipSync((await request(src)).text).length;
  return round(bytes / 1024);
}

const server = await startServer("file:./data/bench-pages.db");
try {
  const cookies = await Promise.all(["E1001", "E1002", "E1003", "E1004"].map((e) => signIn(e)));
  const slugs = fileCatalog().chapterSlugs();
  for (const slug of slugs) await request(`/learn/${slug}`, { cookie: cookies[0] }); // warm up

  const results = await load(CONNECTIONS, SECONDS, (w, i) =>
    request(`/learn/${slugs[(w + i) % slugs.length]}`, { cookie: cookies[w % cookies.length] }),
  );
  const ok = results.filter((r) => r.status === 200);
  const ttfb = ok.map((r) => r.ttfb);
  const chapterJs = await scriptKb("/learn/basic-skills", cookies[0] as string);
  const floorJs = await scriptKb("/this-page-does-not-exist", cookies[0] as string);
  console.log(
    `${ok.length} chapter pages in ${SECONDS}s at ${CONNECTIONS} connections; ${results.length - ok.length} non-200; ` +
      `total p50 ${round(
        percentile(
          ok.map((r) => r.total),
          50,
        ),
      )} ms`,
  );
  console.log(
    JSON.stringify({
      ttfb_p50_ms: round(percentile(ttfb, 50)),
      ttfb_p95_ms: round(percentile(ttfb, 95)),
      rps: round(ok.length / SECONDS),
      chapter_js_kb_gzip: chapterJs,
      floor_js_kb_gzip: floorJs,
      errors: results.length - ok.length,
    }),
  );
} finally {
  stopServer(server);
}
