import type { SyncMetadata } from "../../../integrations/jira/sync/mapping-metadata.ts";
import type { Db } from "../../db/pool.ts";
import { loadMetadata } from "../../models/jira-connections.ts";

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/**
 * The cached metadata the mapping and the sync engine read (written by refresh-metadata, from
 * parsed Jira responses). Null when the connection's metadata was never refreshed.
 */
export async function readSyncMetadata(db: Db, connectionId: string): Promise<SyncMetadata | null> {
  const rows = await loadMetadata(db, connectionId);
  if (rows.length === 0) return null;
  const byKind = new Map(rows.map((row) => [row.kind, row.data as Record<string, unknown>]));
  const projects: SyncMetadata["projects"] = {};
  for (const [kind, data] of byKind) {
    if (!kind.startsWith("project:")) continue;
    projects[kind.slice("project:".length)] = {
      issueTypes: list(data.issueTypes),
      epicTypeId: typeof data.epicTypeId === "string" ? data.epicTypeId : null,
      statuses: list(data.statuses),
    };
  }
  const roles = (byKind.get("fieldRoles") ?? {}) as Partial<SyncMetadata["fieldRoles"]>;
  return {
    fields: list(byKind.get("fields")),
    fieldRoles: { epicLink: roles.epicLink ?? null, epicName: roles.epicName ?? null, storyPoints: roles.storyPoints ?? null, sprint: roles.sprint ?? null },
    priorities: list(byKind.get("priorities")),
    statuses: list(byKind.get("statuses")),
    projects,
  };
}
