import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from "kysely";

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/** Numbered plain-SQL files (`0001_name.sql`), each applied once, in order, in a transaction. */
class SqlFileMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(migrationsDir)).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      const text = await readFile(path.join(migrationsDir, file), "utf8");
      migrations[file.replace(/\.sql$/, "")] = {
        up: async (db) => {
          await sql.raw(text).execute(db);
        },
      };
    }
    return migrations;
  }
}

function migrator<T>(db: Kysely<T>): Migrator {
  return new Migrator({ db, provider: new SqlFileMigrationProvider(), migrationTableName: "tether_migrations" });
}

export async function migrateToLatest<T>(db: Kysely<T>): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) throw new Error("Database migration failed", { cause: error });
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/** For /readyz: true when every migration file has been applied. */
export async function migrationsPending<T>(db: Kysely<T>): Promise<number> {
  const all = await migrator(db).getMigrations();
  return all.filter((m) => m.executedAt === undefined).length;
}
