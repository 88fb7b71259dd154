import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { Email, Password } from "../common/contracts/auth.ts";
import { resetPassword, signUp } from "./commands/accounts.ts";
import { createWorkspace } from "./commands/workspaces.ts";
import { loadEnv } from "./env.ts";
import { createLogger } from "./logging/logger.ts";
import { reencryptSecrets, stageKeyFile } from "./security/rotate-secret-key.ts";
import { SecretBox } from "./security/secret-box.ts";
import { keyFileFor } from "./security/secret-key.ts";
import { startTether } from "./start.ts";

const usage = `Usage:
  npm run tether -- create-admin --email <email> --password <password> [--name <name>] [--workspace <name>]
  npm run tether -- reset-password --email <email> --password <new password>
      (ends every session of the account and revokes its API tokens)
  npm run tether -- rotate-secret-key [--new-key <64 hex chars>]
      (stop Tether first; re-encrypts every stored secret with the new key, generated if not given)`;

const SecretKey = z.string().regex(/^[0-9a-fA-F]{64}$/, { error: "must be 64 hex characters (openssl rand -hex 32)" });

const commands = {
  "create-admin": z.object({ email: Email, password: Password, name: z.string().min(1).max(100).default("Admin"), workspace: z.string().min(1).max(100).default("My workspace") }),
  "reset-password": z.object({ email: Email, password: Password }),
  "rotate-secret-key": z.object({ "new-key": SecretKey.optional() }),
};
type Command = keyof typeof commands;
const isCommand = (name: string | undefined): name is Command => name !== undefined && name in commands;

function fail(message: string): never {
  console.error(message);
  console.error(usage);
  process.exit(2);
}

/** Administrative commands that run against the configured database (embedded by default). */
async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: "string" },
      password: { type: "string" },
      name: { type: "string" },
      workspace: { type: "string" },
      "new-key": { type: "string" },
    },
  });
  const command = positionals[0];
  if (!isCommand(command)) fail(command ? `Unknown command "${command}".` : "Name a command.");
  const input = commands[command].safeParse(values);
  if (!input.success) fail(input.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
  const env = loadEnv();
  const tether = await startTether({ env, logger: createLogger({ level: "warn" }), services: [] });
  try {
    const db = tether.deps.db;
    if (command === "create-admin") {
      const args = commands[command].parse(values);
      const user = await signUp(db, { email: args.email, password: args.password, displayName: args.name });
      const workspace = await createWorkspace(db, user.id, args.workspace);
      console.log(`Created ${user.email}, Admin of "${workspace.name}". Start Tether with \`npm start\` and log in.`);
    } else if (command === "reset-password") {
      const args = commands[command].parse(values);
      const user = await resetPassword(db, args.email, args.password);
      console.log(`New password set for ${user.email}; every session ended and every API token revoked.`);
    } else {
      const given = commands[command].parse(values)["new-key"];
      const newKey = given ?? randomBytes(32).toString("hex");
      const keyFile = env.TETHER_SECRET_KEY || env.DATABASE_URL ? null : keyFileFor(env.dataDir);
      const staged = keyFile ? stageKeyFile(keyFile, newKey) : null;
      const count = await reencryptSecrets(db, tether.deps.secretBox, new SecretBox(newKey));
      console.log(`Re-encrypted ${count} stored secret(s) with the new key.`);
      if (staged && keyFile) {
        staged.install();
        console.log(`Wrote the new key to ${keyFile} (the old one is in ${keyFile}.old: delete it once backups hold the new key).`);
      } else {
        console.log(`Now set TETHER_SECRET_KEY=${given ? "<the new key>" : newKey} wherever Tether runs, then start it.`);
      }
    }
  } finally {
    await tether.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
