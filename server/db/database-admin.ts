import { randomBytes } from "node:crypto";
import pg from "pg";

/** Connection URL of another database on the same server as `url`. */
export function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

const safeName = /^[a-z_][a-z0-9_]*$/;

/** Creates a database (optionally as a copy of a template) through the server's admin database. */
export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<string> {
  if (!safeName.test(name) || (template !== undefined && !safeName.test(template))) {
    throw new Error(`Unsafe database name: ${name}`);
  }
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  } finally {
    await client.end();
  }
  return databaseUrl(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  if (!safeName.test(name)) throw new Error(`Unsafe database name: ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const result = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return result.rowCount === 1;
  } finally {
    await client.end();
  }
}

export const uniqueDatabaseName = (prefix: string) => `${prefix}_${randomBytes(6).toString("hex")}`;
