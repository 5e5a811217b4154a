// Every database a unit test opens by file URL is opened on the Hrana test server instead, one
// namespace (its own database file there) per test database.
import { createHash } from "node:crypto";
import { inject, vi } from "vitest";

vi.mock("@/db/client", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/db/client")>();
  const base = inject("hranaUrl");
  return {
    ...original,
    openClient: (url?: string, authToken?: string) => {
      if (!url?.startsWith("file:")) return original.openClient(url, authToken);
      const namespace = `t${createHash("sha256").update(url).digest("hex").slice(0, 24)}`;
      return original.openClient(`${base}/${namespace}/`);
    },
  };
});
