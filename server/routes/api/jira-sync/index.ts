import type { Context } from "hono";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { getMapping, resyncProgress, saveMapping } from "../../../commands/jira/mapping.ts";
import { linkUseCase, syncUseCaseNow, unlinkUseCase, useCaseJira } from "../../../commands/jira/link.ts";
import { scheduleWebhookRegistration } from "../../../commands/jira/webhook-settings.ts";
import type { UseCaseCaller } from "../../../commands/use-case-access.ts";
import { requireActor, requireMembership } from "../../../http/actor.ts";
import { mount } from "../../../http/mount.ts";
import type { AppDeps, AppEnv } from "../../../http/types.ts";
import { listSyncLog } from "../../../models/jira-sync-log.ts";
import { presentSyncLogEntry } from "../../../presenters/jira-sync.ts";
import { getMappingRoute, linkRoute, saveMappingRoute, syncLogRoute, syncNowRoute, unlinkRoute, useCaseJiraRoute } from "./schema.ts";

function callerOf(c: Context<AppEnv>): UseCaseCaller {
  const actor = requireActor(c.get("actor"));
  const membership = requireMembership(c.get("membership"));
  return { userId: actor.userId, role: membership.role, workspaceId: membership.workspaceId };
}

export function registerJiraSyncRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  mount(app, deps, getMappingRoute, async (c) => {
    const { workspaceId } = requireMembership(c.get("membership"));
    return c.json({ ...(await getMapping(deps, workspaceId)), resync: await resyncProgress(deps, workspaceId) }, 200);
  });

  mount(app, deps, saveMappingRoute, async (c) => {
    const caller = callerOf(c);
    const { version, ...mapping } = c.req.valid("json");
    const dryRun = c.req.valid("query").dryRun === "true";
    const saved = await saveMapping(deps, caller, mapping, { dryRun, version });
    // The webhook's default JQL follows the mapped project (docs/WEBHOOKS.md); unchanged → no Jira write.
    if (!dryRun) await scheduleWebhookRegistration(deps.db, caller.workspaceId);
    return c.json({ mapping, version: saved.version, dryRun, impact: saved.impact }, 200);
  });

  mount(app, deps, syncLogRoute, async (c) => {
    const { workspaceId } = requireMembership(c.get("membership"));
    const query = c.req.valid("query");
    const page = await listSyncLog(deps.db, workspaceId, { ...query, before: query.cursor });
    return c.json({ entries: page.rows.map(presentSyncLogEntry), nextCursor: page.nextCursor }, 200);
  });

  mount(app, deps, useCaseJiraRoute, async (c) => c.json(await useCaseJira(deps, callerOf(c), c.req.valid("param").useCaseId), 200));

  mount(app, deps, linkRoute, async (c) => {
    const link = await linkUseCase(deps, callerOf(c), c.req.valid("param").useCaseId, c.req.valid("json"));
    return c.json({ link }, 201);
  });

  mount(app, deps, unlinkRoute, async (c) => {
    await unlinkUseCase(deps, callerOf(c), c.req.valid("param").useCaseId, { deleteInJira: c.req.valid("query").deleteInJira === "true" });
    return c.body(null, 204);
  });

  mount(app, deps, syncNowRoute, async (c) => c.json({ link: await syncUseCaseNow(deps, callerOf(c), c.req.valid("param").useCaseId) }, 200));
}
