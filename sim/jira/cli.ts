import { parseArgs } from "node:util";
import { z } from "zod";
import { startJiraSim } from "./index.ts";
import type { FaultPatch } from "./options.ts";

const usage = `Usage: npm run jira-sim -- --flavor cloud|datacenter [--port 8080] [--host 127.0.0.1]
       [--seed demo|empty|<snapshot.json>] [--version 9|10] [--no-basic-auth] [--no-control]
       [--cloud-id <id>]  (Cloud: pin the cloudId of /_edge/tenant_info and the /ex/jira gateway)
  faults: [--latency ms] [--jitter ms] [--error-rate 0..1] [--error-status 500|502|503]
          [--rate-limit-rate 0..1] [--retry-after seconds|none] [--per-issue-limit]
          [--burst-limit] [--reset-after-write-rate 0..1] [--search-lag ms]
          [--webhook-drop 0..1] [--webhook-duplicate 0..1] [--webhook-reorder 0..1] [--webhook-delay ms]
          [--webhook-secondary-delay ms] [--webhook-retry-scale 0..1]  (1 = Cloud's real retries, up to 30 min)`;

const rate = z.coerce.number().min(0).max(1);
const ms = z.coerce.number().int().min(0);

const argsSchema = z.object({
  flavor: z.enum(["cloud", "datacenter"]),
  port: z.coerce.number().int().min(0).max(65535).default(8080),
  host: z.string().default("127.0.0.1"),
  seed: z.string().default("demo"),
  version: z.enum(["9", "10"]).default("9").transform((value) => (value === "10" ? 10 : 9) as 9 | 10),
  "no-basic-auth": z.boolean().default(false),
  "no-control": z.boolean().default(false),
  "cloud-id": z.string().regex(/^[A-Za-z0-9-]+$/).optional(),
  latency: ms.optional(),
  jitter: ms.optional(),
  "error-rate": rate.optional(),
  "error-status": z.enum(["500", "502", "503"]).transform((value) => Number(value) as 500 | 502 | 503).optional(),
  "rate-limit-rate": rate.optional(),
  "retry-after": z.string().transform((value) => (value === "none" ? null : Number(value))).pipe(z.number().int().min(0).nullable()).optional(),
  "per-issue-limit": z.boolean().default(false),
  "burst-limit": z.boolean().default(false),
  "reset-after-write-rate": rate.optional(),
  "search-lag": ms.optional(),
  "webhook-drop": rate.optional(),
  "webhook-duplicate": rate.optional(),
  "webhook-reorder": rate.optional(),
  "webhook-delay": ms.optional(),
  "webhook-secondary-delay": ms.optional(),
  "webhook-retry-scale": rate.optional(),
});

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

async function main(): Promise<void> {
  const stringOption = { type: "string" } as const;
  const flagOption = { type: "boolean" } as const;
  const { values } = parseArgs({
    options: {
      flavor: stringOption, port: stringOption, host: stringOption, seed: stringOption, version: stringOption,
      "no-basic-auth": flagOption, "no-control": flagOption, help: flagOption, "cloud-id": stringOption,
      latency: stringOption, jitter: stringOption, "error-rate": stringOption, "error-status": stringOption,
      "rate-limit-rate": stringOption, "retry-after": stringOption, "per-issue-limit": flagOption, "burst-limit": flagOption,
      "reset-after-write-rate": stringOption, "search-lag": stringOption,
      "webhook-drop": stringOption, "webhook-duplicate": stringOption, "webhook-reorder": stringOption, "webhook-delay": stringOption,
      "webhook-secondary-delay": stringOption, "webhook-retry-scale": stringOption,
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("\n"));
    console.error(usage);
    process.exitCode = 2;
    return;
  }
  const args = parsed.data;
  const faults: FaultPatch = definedOnly({
    latencyMs: args.latency,
    jitterMs: args.jitter,
    errorRate: args["error-rate"],
    errorStatus: args["error-status"],
    rateLimitRate: args["rate-limit-rate"],
    retryAfterSeconds: args["retry-after"],
    resetAfterWriteRate: args["reset-after-write-rate"],
    searchIndexLagMs: args["search-lag"],
    ...(args["per-issue-limit"] ? { perIssueWriteLimit: { enabled: true } } : {}),
    ...(args["burst-limit"] ? { burstLimit: { enabled: true } } : {}),
    webhooks: definedOnly({
      dropRate: args["webhook-drop"],
      duplicateRate: args["webhook-duplicate"],
      reorderRate: args["webhook-reorder"],
      delayMs: args["webhook-delay"],
      secondaryDelayMs: args["webhook-secondary-delay"],
      retryTimeScale: args["webhook-retry-scale"],
    }),
  });
  const sim = await startJiraSim({
    flavor: args.flavor,
    port: args.port,
    host: args.host,
    seed: args.seed,
    version: args.version,
    dcBasicAuth: !args["no-basic-auth"],
    control: !args["no-control"],
    ...(args["cloud-id"] ? { cloudId: args["cloud-id"] } : {}),
    faults,
  });
  const cloud = args.flavor === "cloud";
  console.log(`Jira ${cloud ? "Cloud" : `Data Center ${args.version}`} simulator listening on ${sim.url}`);
  if (sim.cloudId) console.log(`API gateway (scoped tokens): ${sim.url}/ex/jira/${sim.cloudId}  (cloudId from ${sim.url}/_edge/tenant_info)`);
  console.log(`Control API: ${args["no-control"] ? "disabled" : `${sim.url}/_sim/health`}`);
  console.log("Demo credentials:");
  for (const user of sim.control.users()) {
    const role = user.siteAdmin ? " (site admin)" : "";
    const login = cloud
      ? `email ${user.email}  API token ${user.apiToken}${user.scopedApiToken ? `  scoped API token ${user.scopedApiToken} (gateway only)` : ""}${user.emailVisible ? "" : "  [email hidden]"}`
      : `username ${user.name}  password ${user.password}  PAT ${user.personalAccessToken ?? "-"}`;
    console.log(`  ${user.displayName}${role}: ${login}`);
  }
  const shutdown = () => {
    void sim.stop().then(() => process.exit(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

void main().catch((error: unknown) => {
  console.error("jira-sim failed to start:", error);
  process.exit(1);
});
