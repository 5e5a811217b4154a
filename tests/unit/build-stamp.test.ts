import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildState, sourceDigest, writeBuildStamp } from "@/scripts/build-stamp.mjs";

let root = "";
const write = (rel: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
};
/** What `next build` leaves: a new BUILD_ID each time. */
const build = (id: string) => write(".next/BUILD_ID", id);

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "build-stamp-"));
  write("package-lock.json", "{}");
  write("next.config.mjs", "export default {};");
  write("app/page.tsx", "export default function Page() { return null; }");
  write("messages/en.json", '{"a":"b"}');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("the demo's build-skip decision", () => {
  it("builds when there is no build, or a build without a stamp", () => {
    expect(buildState(root, {})).toBe("missing");
    build("one");
    expect(buildState(root, {})).toBe("changed");
  });

  it("skips a build stamped from the same sources, even when only mtimes changed", () => {
    build("one");
    writeBuildStamp(root, undefined, {});
    expect(buildState(root, {})).toBe("current");
    utimesSync(path.join(root, "app/page.tsx"), new Date(), new Date(Date.now() + 60_000));
    expect(buildState(root, {})).toBe("current");
  });

  it.each([
    ["a source file", () => write("app/page.tsx", "export default function Page() { return 1; }")],
    ["a new file", () => write("components/x.tsx", "export const x = 1;")],
    ["the lockfile", () => write("package-lock.json", '{"lockfileVersion":3}')],
    ["the config", () => write("next.config.mjs", "export default { poweredByHeader: false };")],
    ["a message file", () => write("messages/en.json", '{"a":"c"}')],
    ["the build itself (another `next build`)", () => build("two")],
  ])("rebuilds after a change to %s", (_, change) => {
    build("one");
    writeBuildStamp(root, undefined, {});
    change();
    expect(buildState(root, {})).toBe("changed");
  });

  it("ignores what the build does not read: data, tests, node_modules, the README", () => {
    build("one");
    writeBuildStamp(root, undefined, {});
    write("data/app.db", "rows");
    write("e2e/x.spec.ts", "test");
    write("node_modules/x/index.js", "1");
    write("README.md", "# docs");
    expect(buildState(root, {})).toBe("current");
  });

  it("counts the NEXT_PUBLIC_ variables a build inlines, and no others", () => {
    const before = sourceDigest(root, { NEXT_PUBLIC_X: "1", PATH: "/bin" });
    expect(sourceDigest(root, { NEXT_PUBLIC_X: "1", PATH: "/usr/bin" })).toBe(before);
    expect(sourceDigest(root, { NEXT_PUBLIC_X: "2" })).not.toBe(before);
  });

  it("keeps the digest taken before the build, so an edit made while building is not lost", () => {
    const digest = sourceDigest(root, {});
    write("app/page.tsx", "edited during the build");
    build("one");
    writeBuildStamp(root, digest, {});
    expect(buildState(root, {})).toBe("changed");
  });
});
