import { parseArgs } from "node:util";
import { z } from "zod";
import { Email, Password } from "../common/contracts/auth.ts";
import { signUp } from "./commands/accounts.ts";
import { createWorkspace } from "./commands/workspaces.ts";
import { loadEnv } from "./env.ts";
import { createLogger } from "./logging/logger.ts";
import { startTether } from "./start.ts";

const usage = `Usage: npm run tether -- create-admin --email <email> --password <password> [--name <name>] [--workspace <name>]`;

/** Administrative commands that run against the configured database (embedded by default). */
async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: "string" },
      password: { type: "string" },
      name: { type: "string" },
      workspace: { type: "string" },
    },
  });
  if (positionals[0] !== "create-admin") {
    console.error(usage);
    process.exit(2);
  }
  const input = z
    .object({ email: Email, password: Password, name: z.string().min(1).max(100), workspace: z.string().min(1).max(100) })
    .safeParse({ email: values.email, password: values.password, name: values.name ?? "Admin", workspace: values.workspace ?? "My workspace" });
  if (!input.success) {
    console.error(input.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
    console.error(usage);
    process.exit(2);
  }
  const env = loadEnv();
  const tether = await startTether({ env, logger: createLogger({ level: "warn" }), services: [] });
  try {
    const user = await signUp(tether.deps.db, { email: input.data.email, password: input.data.password, displayName: input.data.name });
    const workspace = await createWorkspace(tether.deps.db, user.id, input.data.workspace);
    console.log(`Created ${user.email}, Admin of "${workspace.name}". Start Tether with \`npm start\` and log in.`);
  } finally {
    await tether.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
