import { once } from "node:events";
import pg from "pg";

/**
 * Makes a pool safe to drop its database under: errors from the pool or any of its clients are
 * expected (DROP DATABASE … WITH (FORCE) ends their connections) and never become unhandled, and
 * `closed()` resolves only when every connection has really ended. `pool.end()` alone resolves as
 * soon as it has *asked* its clients to end, so a drop right after it still meets live backends.
 */
export function guardPool(pool: pg.Pool): { closed(): Promise<void> } {
  const live = new Set<pg.Client>();
  pool.on("error", () => undefined);
  pool.on("connect", (client) => {
    live.add(client);
    client.on("error", () => undefined);
    client.once("end", () => live.delete(client));
  });
  return {
    closed: async () => {
      if (!pool.ending) await pool.end();
      await Promise.all([...live].map((client) => once(client, "end")));
    },
  };
}

/** A pool of the test's own on a test database, guarded (see guardPool). */
export function openGuardedPool(url: string, max: number): { pool: pg.Pool; closed(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: url, max });
  return { pool, ...guardPool(pool) };
}
