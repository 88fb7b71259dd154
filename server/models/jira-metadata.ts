import { JiraMetadata } from "../../common/contracts/jira-metadata.ts";
import type { Db } from "../db/pool.ts";

const PROJECT_PREFIX = "project:";

/** Replaces a connection's cached metadata atomically; one row per kind, one per selected project. */
export async function saveJiraMetadata(db: Db, connectionId: string, metadata: Omit<JiraMetadata, "fetchedAt">): Promise<JiraMetadata> {
  const fetchedAt = new Date();
  const { projectDetails, ...kinds } = metadata;
  const entries: [string, unknown][] = [...Object.entries(kinds), ...Object.entries(projectDetails).map(([key, details]) => [`${PROJECT_PREFIX}${key}`, details] as [string, unknown])];
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("jira_metadata").where("connection_id", "=", connectionId).execute();
    const rows = entries.map(([kind, data]) => ({ connection_id: connectionId, kind, data: JSON.stringify(data), fetched_at: fetchedAt }));
    if (rows.length > 0) await trx.insertInto("jira_metadata").values(rows).execute();
  });
  return { ...metadata, fetchedAt: fetchedAt.toISOString() };
}

/**
 * The connection's cached metadata, typed; null when nothing is cached, or when the cache was
 * written in an older shape (then a refresh replaces it).
 */
export async function readJiraMetadata(db: Db, connectionId: string): Promise<JiraMetadata | null> {
  const rows = await db.selectFrom("jira_metadata").select(["kind", "data", "fetched_at"]).where("connection_id", "=", connectionId).execute();
  const first = rows[0];
  if (!first) return null;
  const assembled: Record<string, unknown> = { fetchedAt: first.fetched_at.toISOString(), projectDetails: {} };
  const projectDetails: Record<string, unknown> = {};
  for (const row of rows) {
    if (row.kind.startsWith(PROJECT_PREFIX)) projectDetails[row.kind.slice(PROJECT_PREFIX.length)] = row.data;
    else assembled[row.kind] = row.data;
  }
  assembled.projectDetails = projectDetails;
  const parsed = JiraMetadata.safeParse(assembled);
  return parsed.success ? parsed.data : null;
}
