export type BuildState = "missing" | "changed" | "current";
export function sourceDigest(root: string, env?: NodeJS.ProcessEnv): string;
export function buildState(root: string, env?: NodeJS.ProcessEnv): BuildState;
export function writeBuildStamp(root: string, digest?: string, env?: NodeJS.ProcessEnv): void;
