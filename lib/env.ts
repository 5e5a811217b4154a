import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(
      /^(file:|libsql:|https?:|wss?:)/,
      "DATABASE_URL must start with file:, libsql:, http(s): or ws(s):",
    )
    .default("file:./data/app.db"),
  DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
  /** Signs session tokens; required in production (see sessionSecret). */
  AUTH_SECRET: z.string().min(32).optional(),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default("SSO"),
  /** Public address of the app, for links in e-mails. */
  APP_URL: z.url().default("http://localhost:3000"),
  /** Where reminder e-mails go, e.g. smtp://user:pass@mail.bank.local:587; no e-mail when unset. */
  SMTP_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://")
      .optional(),
  ),
  MAIL_FROM: z.string().min(1).default("培训平台 <training@localhost>"),
  /**
   * Tests only: every certification exam's time limit in seconds, instead of the definition's
   * timeLimitMinutes, so an end-to-end test can run out of time. Never set it in production.
   */
  EXAM_TIME_LIMIT_SECONDS: z.coerce.number().int().min(10).max(86_400).optional(),
});

export type Env = z.infer<typeof schema>;

/** Where development keeps the session secret it generated, as `npm run demo` does (git-ignored). */
const DEV_SECRET_FILE = ".auth-secret";

/**
 * The secret that signs and checks session tokens, needed only inside the Next.js server: `next
 * build` and the tsx scripts (seed, reminders, migrations) sign nothing. Production requires
 * AUTH_SECRET; development generates one into .auth-secret on first run, so `npm run dev` signs in
 * as the README says and sessions survive restarts.
 */
function sessionSecret(given: string | undefined, nodeEnv: Env["NODE_ENV"]): string | undefined {
  if (given) return given;
  if (!process.env.NEXT_RUNTIME || process.env.NEXT_PHASE === "phase-production-build") return undefined;
  if (nodeEnv === "production") {
    throw new Error(
      "Invalid environment configuration:\n  AUTH_SECRET: required in production, at least 32 characters (openssl rand -base64 32)",
    );
  }
  if (!existsSync(DEV_SECRET_FILE)) {
    writeFileSync(DEV_SECRET_FILE, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(DEV_SECRET_FILE, "utf8").trim();
}

function parseEnv(): Env {
  const result = schema.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${problems}`);
  }
  const env = result.data;
  return { ...env, AUTH_SECRET: sessionSecret(env.AUTH_SECRET, env.NODE_ENV) };
}

export const env = parseEnv();

export const oidcEnabled = Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
