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
  const hrana = await startHranaServer({ port: Number(process.env.HRANA_PORT ?? 3170), dir });
  project.provide("hranaUrl", hrana.url);
  return async () => {
    await hrana.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
