import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startHranaServer } from "./server";

declare module "vitest" {
  export interface ProvidedContext {
    hranaUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "hrana-unit-"));
  // A port of the system's choosing, so parallel runs never collide.
  const hrana = await startHranaServer({ dir });
  project.provide("hranaUrl", hrana.url);
  return async () => {
    await hrana.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
