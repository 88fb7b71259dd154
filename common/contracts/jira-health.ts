import { z } from "zod";
import type { ConnectionTestResult } from "./jira-connection.ts";

/**
 * The connection's health as the last "Test connection" left it (stored on the connection; no
 * call to Jira is made to answer it): `ok`, `broken` (wrong token, unreachable, missing required
 * permissions…), `untested` (saved since the last test) or `not_connected`.
 */
export const ConnectionHealth = z
  .object({
    state: z.enum(["ok", "broken", "untested", "not_connected"]),
    /** Why it is not ok, in words an Admin can act on; null when ok. */
    reason: z.string().nullable(),
    checkedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "JiraConnectionHealth" });
export type ConnectionHealth = z.infer<typeof ConnectionHealth>;
export const HealthResponse = z.object({ health: ConnectionHealth });

/** Pure: the health of a connection (null: none) from its stored last test. */
export function connectionHealthOf(connection: { lastTest: ConnectionTestResult | null } | null): ConnectionHealth {
  if (!connection) return { state: "not_connected", reason: "Jira is not connected: an Admin or Moderator connects it in Jira settings.", checkedAt: null };
  const test = connection.lastTest;
  if (!test) return { state: "untested", reason: "The connection was saved but not tested yet: run “Test connection” in Jira settings.", checkedAt: null };
  if (test.ok) return { state: "ok", reason: null, checkedAt: test.checkedAt };
  const problem = test.problems.find((p) => p.code !== "token_expiring");
  const reason = problem?.message ?? (test.reachable ? "The account lacks permissions Tether needs: see the permission report in Jira settings." : "Jira could not be reached.");
  return { state: "broken", reason, checkedAt: test.checkedAt };
}
