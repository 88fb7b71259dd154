import path from "node:path";
import { z } from "zod";

/** Every setting Tether reads from the environment, validated once at boot. README lists them. */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional(),
  TETHER_DATA_DIR: z.string().min(1).default("./data"),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  TETHER_SECRET_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, "must be 64 hex characters (32 bytes)")
    .optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(8),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 14),
  /** `log` (default): mails are recorded and logged, not sent. `smtp`: sent through SMTP_URL from MAIL_FROM. */
  MAIL_TRANSPORT: z.enum(["log", "smtp"]).default("log"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().min(3).optional(),
  /** Behind one reverse proxy: take the client address from the last X-Forwarded-For hop it adds. */
  TRUST_PROXY: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
  /** `invite`: after the first account, only people holding an invitation link may sign up. */
  SIGNUP_MODE: z.enum(["invite", "open"]).default("invite"),
  /** Where Jira Cloud scoped API tokens are sent (`<gateway>/ex/jira/{cloudId}`). */
  JIRA_CLOUD_GATEWAY_URL: z.url().default("https://api.atlassian.com"),
  /** Per-request timeout for calls to Jira. */
  JIRA_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(20_000),
  // How long after an unanswered Epic create a search that finds no marker proves it did not happen (search/jql lags).
  JIRA_SEARCH_SETTLE_MS: z.coerce.number().int().min(0).max(600_000).default(30_000),
  /** Demo mode (same as `--demo`): an in-process Jira simulator and a ready workspace (server/demo/). */
  TETHER_DEMO: z
    .enum(["0", "1", "true", "false"])
    .default("0")
    .transform((value) => value === "1" || value === "true"),
  /** Demo mode: the simulator's port (default: PORT + 1; 0 picks a free one). */
  TETHER_DEMO_JIRA_PORT: z.coerce.number().int().min(0).max(65535).optional(),
});

export type Env = z.infer<typeof envSchema> & { dataDir: string };

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Parses the whole environment and reports every bad variable at once, not just the first. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema
    .refine((env) => env.MAIL_TRANSPORT !== "smtp" || (env.SMTP_URL && env.MAIL_FROM), {
      path: ["MAIL_TRANSPORT"],
      message: "smtp needs SMTP_URL and MAIL_FROM",
    })
    .safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  return { ...result.data, dataDir: path.resolve(result.data.TETHER_DATA_DIR) };
}
