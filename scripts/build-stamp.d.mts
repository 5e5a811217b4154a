export type BuildState = "missing" | "changed" | "current";
export function sourceDigest(root: string, env?: Record<string, string | undefined>): string;
export function buildState(root: string, env?: Record<string, string | undefined>): BuildState;
export function writeBuildStamp(
  root: string,
  digest?: string,
  env?: Record<string, string | undefined>,
): void;
