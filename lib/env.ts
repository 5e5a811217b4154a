import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { z } from "zod";
import { completeSsoGroups, configuredSso, SSO_ENV } from "./auth/sso-env";
import { LOOPBACK_PROXIES, parseProxyList } from "./http/client-ip";

/** A running production server (not `next build`, which also runs with NODE_ENV=production). */
const productionRun =
  process.env.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build";

/** The public origin every link the app writes starts with; required where a wrong default would leak. */
const appUrl = z
  .url({ error: "APP_URL must be the public address, e.g. https://training.bank.local" })
  .refine((v) => new URL(v).pathname === "/", "APP_URL must be an origin without a path")
  .transform((v) => new URL(v).origin);

const blankIsUnset = (v: unknown) => (v === "" ? undefined : v);

const schema = z
  .object({
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
    /** OIDC, WeCom and DingTalk sign-in: lib/auth/sso-env.ts. */
    ...SSO_ENV,
    /** Public address of the app: links in e-mails, the certificate's QR code, set-password links. */
    APP_URL: productionRun ? appUrl : appUrl.default("http://localhost:3000"),
    /** Addresses whose X-Forwarded-For / -Proto / X-Request-Id are believed (server.ts); "" trusts none. */
    TRUSTED_PROXIES: z
      .string()
      .default(LOOPBACK_PROXIES)
      .transform((v, ctx) => {
        const parsed = parseProxyList(v);
        if (typeof parsed === "string") ctx.addIssue({ code: "custom", message: parsed });
        return typeof parsed === "string" ? [] : parsed;
      }),
    /** The least severe server log line written (server.ts): one JSON line per request at "info". */
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    /** Where reminder e-mails go, e.g. smtp://user:pass@mail.bank.local:587; no e-mail when unset. */
    SMTP_URL: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z
        .string()
        .regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://")
        .optional(),
    ),
    MAIL_FROM: z.string().min(1).default("培训平台 <training@localhost>"),
    /** The LRS's xAPI base, e.g. https://lrs.bank.local/data/xAPI (`/statements` is appended); unset: statements only queue. */
    LRS_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url().optional()),
    LRS_USERNAME: z.string().optional(),
    LRS_PASSWORD: z.string().optional(),
    /** The whole Authorization value ("Basic …"), instead of LRS_USERNAME and LRS_PASSWORD. */
    LRS_AUTH: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(1).optional()),
    /** Also forward from inside each app instance every N seconds (0, the default: only `npm run xapi:forward`). */
    XAPI_FORWARD_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(0),
    /** A session unused this long ends (besides its 12-hour lifetime); fractions allowed (tests). */
    SESSION_IDLE_MINUTES: z.preprocess(blankIsUnset, z.coerce.number().positive().max(720).default(30)),
    /** When set, a password older than this must be replaced at the next sign-in. */
    PASSWORD_MAX_AGE_DAYS: z.preprocess(
      blankIsUnset,
      z.coerce.number().int().positive().max(3650).optional(),
    ),
    /**
     * Encrypts the second factor's secrets and keys the recovery-code hashes; derived from
     * AUTH_SECRET when unset. Set it so that rotating AUTH_SECRET does not void every enrolment.
     */
    TWO_FACTOR_KEY: z.string().min(32).optional(),
    /** Audit entries are kept at least this long; `npm run audit:archive` moves older ones to signed files. */
    AUDIT_RETENTION_DAYS: z.preprocess(
      blankIsUnset,
      z.coerce.number().int().min(180, "AUDIT_RETENTION_DAYS must be at least 180").default(180),
    ),
    /** The Ed25519 private key (PEM) that signs audit archives. */
    AUDIT_ARCHIVE_KEY_FILE: z.preprocess(blankIsUnset, z.string().min(1).optional()),
    /** Where `npm run audit:archive` writes the archives. */
    AUDIT_ARCHIVE_DIR: z.preprocess(blankIsUnset, z.string().min(1).default("./data/audit-archive")),
    /** The issuing bank on every certificate (PDF and verify page); the English name falls back to it. */
    CERTIFICATE_ISSUER_NAME: z.preprocess(blankIsUnset, z.string().trim().min(1).max(80).default("示范银行")),
    CERTIFICATE_ISSUER_NAME_EN: z.preprocess(blankIsUnset, z.string().trim().min(1).max(80).optional()),
    /** Who signs the certificates (a signature line with name and title); no name: an unnamed line. */
    CERTIFICATE_SIGNATORY_NAME: z.preprocess(blankIsUnset, z.string().trim().min(1).max(40).optional()),
    CERTIFICATE_SIGNATORY_TITLE: z.preprocess(blankIsUnset, z.string().trim().min(1).max(60).optional()),
    CERTIFICATE_SIGNATORY_TITLE_EN: z.preprocess(blankIsUnset, z.string().trim().min(1).max(60).optional()),
    /** A PNG or JPEG seal drawn over the signature line; it must exist when set. */
    CERTIFICATE_SEAL_FILE: z.preprocess(
      blankIsUnset,
      z
        .string()
        .regex(/\.(png|jpe?g)$/i, "CERTIFICATE_SEAL_FILE must be a .png or .jpg file")
        .refine((v) => existsSync(v), "CERTIFICATE_SEAL_FILE does not exist")
        .optional(),
    ),
    /**
     * Tests only: every certification exam's time limit in seconds, instead of the definition's
     * timeLimitMinutes, so an end-to-end test can run out of time. Never set it in production.
     */
    EXAM_TIME_LIMIT_SECONDS: z.coerce.number().int().min(10).max(86_400).optional(),
  })
  .superRefine(completeSsoGroups);

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
  return devSecret();
}

function devSecret(): string {
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

/**
 * What the second factor's keys are derived from (lib/auth/two-factor-keys.ts): TWO_FACTOR_KEY,
 * else AUTH_SECRET. Scripts need it too (the seed enrols the demo admin and trainer), so outside
 * production the development secret is used as the server itself would.
 */
export function twoFactorKeyMaterial(): string {
  const material =
    env.TWO_FACTOR_KEY ?? env.AUTH_SECRET ?? (env.NODE_ENV !== "production" ? devSecret() : undefined);
  if (!material)
    throw new Error("Set TWO_FACTOR_KEY or AUTH_SECRET: the second factor's secrets are encrypted with it");
  return material;
}

/** The single sign-on buttons the sign-in page offers. */
export const ssoButtons = configuredSso(env);
