import { z } from "zod";
import { completeSsoGroups, configuredSso, SSO_ENV } from "./auth/sso-env";

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
    AUTH_SECRET: z.string().min(32).optional(),
    /** OIDC, WeCom and DingTalk sign-in: lib/auth/sso-env.ts. */
    ...SSO_ENV,
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
  })
  .superRefine(completeSsoGroups);

export type Env = z.infer<typeof schema>;

function parseEnv(): Env {
  const result = schema.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${problems}`);
  }
  return result.data;
}

export const env = parseEnv();

/** The single sign-on buttons the sign-in page offers. */
export const ssoButtons = configuredSso(env);
