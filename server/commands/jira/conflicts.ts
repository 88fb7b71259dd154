import { sql } from "kysely";
import { z } from "zod";
import { SyncField } from "../../../common/contracts/jira-mapping.ts";
import type { OpenConflict, ResolveConflictBody } from "../../../common/contracts/jira-reconcile.ts";
import { AppError } from "../../errors.ts";
import type { Db } from "../../db/pool.ts";
import type { AppDeps } from "../../http/types.ts";
import { recordSyncLog } from "../../models/jira-sync-log.ts";
import { useCaseKey } from "../../presenters/use-case.ts";
import { enqueue } from "../../queue/enqueue.ts";
import { linkSyncJobKey } from "../../queue/job-keys.ts";

/** How sync-apply logs an "ask" conflict: `{ field, old: base, new: { tether, jira } }`. */
const AskedChange = z.object({ field: SyncField, old: z.unknown(), new: z.object({ tether: z.unknown(), jira: z.unknown() }).strict() });

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

type ParkedLink = { id: string; use_case_id: string; issue_key: string | null; base: Record<string, unknown>; number: number; title: string };

async function parkedLinks(db: Db, workspaceId: string, linkId?: string): Promise<ParkedLink[]> {
  let query = db
    .selectFrom("jira_links")
    .innerJoin("use_cases", "use_cases.id", "jira_links.use_case_id")
    .select(["jira_links.id", "jira_links.use_case_id", "jira_links.issue_key", "jira_links.base", "use_cases.number", "use_cases.title"])
    .where("jira_links.workspace_id", "=", workspaceId)
    .where("jira_links.state", "=", "blocked")
    .where("jira_links.state_code", "=", "sync_conflict");
  if (linkId) query = query.where("jira_links.id", "=", linkId);
  return query.execute();
}

/**
 * The conflicts of a link still open: those of its latest conflict entry whose base has not moved
 * since (resolving one writes the base, so it drops out while the sync job runs).
 */
async function openConflictsOf(db: Db, workspaceId: string, link: ParkedLink): Promise<OpenConflict[]> {
  const entry = await db
    .selectFrom("jira_sync_log")
    .select(["changes", "created_at"])
    .where("workspace_id", "=", workspaceId)
    .where("link_id", "=", link.id)
    .where("outcome", "=", "blocked")
    .where("error_code", "=", "sync_conflict")
    .orderBy(sql`id`, "desc")
    .limit(1)
    .executeTakeFirst();
  if (!entry || !Array.isArray(entry.changes)) return [];
  return entry.changes.flatMap((raw: unknown) => {
    const change = AskedChange.safeParse(raw);
    if (!change.success || !same(link.base[change.data.field], change.data.old)) return [];
    return [
      {
        linkId: link.id,
        useCase: { id: link.use_case_id, key: useCaseKey(link.number), title: link.title },
        issueKey: link.issue_key,
        field: change.data.field,
        tether: change.data.new.tether ?? null,
        jira: change.data.new.jira ?? null,
        base: change.data.old ?? null,
        detectedAt: entry.created_at.toISOString(),
      },
    ];
  });
}

/** The conflicts inbox ("ask" mode): every open conflict of the workspace, oldest use case first. */
export async function listOpenConflicts(deps: AppDeps, workspaceId: string): Promise<OpenConflict[]> {
  const links = await parkedLinks(deps.db, workspaceId);
  links.sort((a, b) => a.number - b.number);
  const conflicts: OpenConflict[] = [];
  for (const link of links) conflicts.push(...(await openConflictsOf(deps.db, workspaceId, link)));
  return conflicts;
}

/**
 * A person chose a side. The losing side's value becomes the base, so the next sync run sees only
 * the winner as changed and carries it (keep Tether → push; keep Jira → pull). Then the sync runs.
 */
export async function resolveConflict(deps: AppDeps, caller: { userId: string; workspaceId: string }, linkId: string, body: ResolveConflictBody): Promise<{ remaining: number }> {
  return deps.db.transaction().execute(async (trx) => {
    await trx.selectFrom("jira_links").select("id").where("id", "=", linkId).where("workspace_id", "=", caller.workspaceId).forUpdate().executeTakeFirst();
    const [link] = await parkedLinks(trx, caller.workspaceId, linkId);
    const open = link ? await openConflictsOf(trx, caller.workspaceId, link) : [];
    const conflict = open.find((c) => c.field === body.field);
    if (!link || !conflict) throw new AppError("not_found", `There is no open conflict on ${body.field} for this link (resolved already, or the sync moved on). Reload the inbox.`);
    const losing = body.keep === "tether" ? conflict.jira : conflict.tether;
    const remaining = open.length - 1;
    const stamp = JSON.stringify({ [body.field]: new Date().toISOString() });
    await trx
      .updateTable("jira_links")
      .set({
        base: sql`jsonb_set(base, ARRAY[${body.field}]::text[], ${JSON.stringify(losing ?? null)}::jsonb, true)`,
        ...(body.keep === "tether" ? { tether_changed_at: sql`tether_changed_at || ${stamp}::jsonb` } : {}),
        ...(remaining === 0 ? { state: "pending" as const, state_code: null, state_reason: null } : {}),
        updated_at: new Date(),
      })
      .where("id", "=", linkId)
      .execute();
    await recordSyncLog(trx, {
      workspaceId: caller.workspaceId,
      useCaseId: link.use_case_id,
      linkId,
      issueKey: link.issue_key,
      operation: "conflict_resolved",
      direction: body.keep === "tether" ? "to_jira" : "from_jira",
      outcome: "ok",
      actorId: caller.userId,
      changes: [{ field: body.field, old: conflict.base, new: body.keep === "tether" ? conflict.tether : conflict.jira }],
      message: `Conflict on ${body.field} resolved: ${body.keep === "tether" ? "Tether's" : "Jira's"} value is kept and carried to the other side.`,
    });
    await enqueue(trx, "jira_sync_link", { linkId, trigger: "manual" }, { jobKey: linkSyncJobKey(linkId) });
    return { remaining };
  });
}
