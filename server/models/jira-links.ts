import { sql } from "kysely";
import type { Db } from "../db/pool.ts";
import type { Updateable } from "kysely";
import type { JiraLinkRow, JiraLinksTable, LinkState } from "../db/schema-jira-sync.ts";

export type { JiraLinkRow } from "../db/schema-jira-sync.ts";

export async function findLinkByUseCase(db: Db, workspaceId: string, useCaseId: string): Promise<JiraLinkRow | undefined> {
  return db.selectFrom("jira_links").selectAll().where("workspace_id", "=", workspaceId).where("use_case_id", "=", useCaseId).executeTakeFirst();
}

export async function findLink(db: Db, linkId: string): Promise<JiraLinkRow | undefined> {
  return db.selectFrom("jira_links").selectAll().where("id", "=", linkId).executeTakeFirst();
}

export async function findLinkByIssue(db: Db, workspaceId: string, issue: { id?: string | null; key?: string | null }): Promise<JiraLinkRow | undefined> {
  let query = db.selectFrom("jira_links").selectAll().where("workspace_id", "=", workspaceId);
  if (issue.id) query = query.where("issue_id", "=", issue.id);
  else if (issue.key) query = query.where("issue_key", "=", issue.key);
  else return undefined;
  return query.executeTakeFirst();
}

export async function insertLink(
  db: Db,
  values: { workspaceId: string; useCaseId: string; projectKey: string; state: LinkState; issueId?: string; issueKey?: string; createdBy: string | null },
): Promise<JiraLinkRow> {
  return db
    .insertInto("jira_links")
    .values({
      workspace_id: values.workspaceId,
      use_case_id: values.useCaseId,
      project_key: values.projectKey,
      state: values.state,
      issue_id: values.issueId ?? null,
      issue_key: values.issueKey ?? null,
      created_by: values.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Columns a sync step may change; `base` is given as an object and stored as JSON. */
export type LinkUpdate = Omit<Updateable<JiraLinksTable>, "id" | "workspace_id" | "use_case_id" | "base" | "tether_changed_at" | "created_at"> & { base?: Record<string, unknown> };

export async function updateLink(db: Db, linkId: string, update: LinkUpdate): Promise<void> {
  const { base, ...rest } = update;
  await db
    .updateTable("jira_links")
    .set({ ...rest, ...(base ? { base: JSON.stringify(base) } : {}), updated_at: new Date() })
    .where("id", "=", linkId)
    .execute();
}

/**
 * Marks fields changed in Tether now (for "newest change wins") and the link as waiting to be
 * carried. `push_requested_at` anchors a burst: the first uncarried save sets it, later ones keep
 * it. Returns the anchor as it was before this save (null: this save starts a burst).
 */
export async function markTetherChanged(db: Db, linkId: string, fields: readonly string[]): Promise<Date | null> {
  const now = new Date().toISOString();
  const stamps = JSON.stringify(Object.fromEntries(fields.map((f) => [f, now])));
  const before = await db.selectFrom("jira_links").select("push_requested_at").where("id", "=", linkId).forUpdate().executeTakeFirst();
  await db
    .updateTable("jira_links")
    .set({
      tether_changed_at: sql`tether_changed_at || ${stamps}::jsonb`,
      // Millisecond precision (a JS date), so the run that carries the burst can clear exactly this anchor.
      push_requested_at: sql`COALESCE(push_requested_at, ${new Date()}::timestamptz)`,
      state: sql`CASE WHEN state IN ('ok', 'error') THEN 'pending' ELSE state END`,
      updated_at: new Date(),
    })
    .where("id", "=", linkId)
    .execute();
  return before?.push_requested_at ?? null;
}

/** Ends the burst a sync run started from, unless a later run already did. */
export async function clearPushRequest(db: Db, linkId: string, anchor: Date | null): Promise<void> {
  if (!anchor) return;
  await db.updateTable("jira_links").set({ push_requested_at: null }).where("id", "=", linkId).where("push_requested_at", "=", anchor).execute();
}

export async function deleteLink(db: Db, linkId: string): Promise<void> {
  await db.deleteFrom("jira_links").where("id", "=", linkId).execute();
}

export async function linksOfWorkspace(db: Db, workspaceId: string): Promise<JiraLinkRow[]> {
  return db.selectFrom("jira_links").selectAll().where("workspace_id", "=", workspaceId).orderBy("created_at").execute();
}
