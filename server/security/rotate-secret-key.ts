import { sql } from "kysely";
import { existsSync, renameSync, writeFileSync } from "node:fs";
import type { Db } from "../db/pool.ts";
import type { SecretBox } from "./secret-box.ts";

/**
 * Every column holding a SecretBox ciphertext, with the column whose value was sealed in as its
 * context. A new encrypted column is added here, so key rotation re-encrypts it too.
 */
export const sealedColumns = [
  { table: "jira_connections", column: "secret_ciphertext", key: "id", contextPrefix: "" },
  { table: "jira_webhook_endpoints", column: "secret_ciphertext", key: "path_id", contextPrefix: "" },
  { table: "invitations", column: "link_ciphertext", key: "id", contextPrefix: "invitation-link:" },
] as const;

/**
 * Re-encrypts every stored secret from the old key to the new one, in one transaction: either all
 * of them move to the new key or none does (a secret the old key cannot open stops the rotation).
 * Returns how many secrets were re-encrypted.
 */
export async function reencryptSecrets(db: Db, from: SecretBox, to: SecretBox): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let count = 0;
    // Each secret is sealed with a context (the row's key, with a prefix for some) it is opened with.
    for (const { table, column, key, contextPrefix } of sealedColumns) {
      const rows = await sql<{ key: string; sealed: string }>`
        SELECT ${sql.ref(key)}::text AS key, ${sql.ref(column)} AS sealed
        FROM ${sql.table(table)} WHERE ${sql.ref(column)} IS NOT NULL FOR UPDATE`.execute(trx);
      for (const row of rows.rows) {
        const context = `${contextPrefix}${row.key}`;
        const resealed = to.seal(from.open(row.sealed, context), context);
        await sql`UPDATE ${sql.table(table)} SET ${sql.ref(column)} = ${resealed} WHERE ${sql.ref(key)}::text = ${row.key}`.execute(trx);
        count++;
      }
    }
    return count;
  });
}

/**
 * The embedded mode's key file, replaced in two steps: the new key is written beside it (`.new`)
 * before the database changes, so a crash in between leaves both keys on disk; after the
 * re-encryption commits, `install()` moves it in place and keeps the old one as `.old`.
 */
export function stageKeyFile(file: string, newKey: string): { install(): void } {
  const staged = `${file}.new`;
  writeFileSync(staged, `${newKey}\n`, { mode: 0o600 });
  return {
    install: () => {
      if (existsSync(file)) renameSync(file, `${file}.old`);
      renameSync(staged, file);
    },
  };
}
