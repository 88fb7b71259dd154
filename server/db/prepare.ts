import { runMigrations } from "graphile-worker";
import { migrateToLatest } from "./migrate.ts";
import { openDatabase } from "./pool.ts";

/** Brings a database up to date: Tether's migrations, then graphile-worker's own schema. */
export async function prepareDatabase(url: string): Promise<string[]> {
  const handle = openDatabase(url, { max: 2 });
  try {
    const applied = await migrateToLatest(handle.db);
    await runMigrations({ pgPool: handle.pool });
    return applied;
  } finally {
    await handle.close();
  }
}
