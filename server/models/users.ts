import { sql } from "kysely";
import type { Db } from "../db/pool.ts";

export async function findUserByEmail(db: Db, email: string) {
  return db
    .selectFrom("users")
    .select(["id", "email", "display_name", "password_hash"])
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
    .executeTakeFirst();
}

export async function insertUser(db: Db, user: { email: string; displayName: string; passwordHash: string }) {
  return db
    .insertInto("users")
    .values({ email: user.email.toLowerCase(), display_name: user.displayName, password_hash: user.passwordHash })
    .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
    .returning(["id", "email", "display_name"])
    .executeTakeFirst();
}
