import type { OpenAPIHono } from "@hono/zod-openapi";
import { refreshMetadata } from "../../../commands/jira/refresh-metadata.ts";
import { saveConnection } from "../../../commands/jira/save-connection.ts";
import { testConnection } from "../../../commands/jira/test-connection.ts";
import { updateFeatures } from "../../../commands/jira/update-features.ts";
import { loadFeatures } from "../../../models/integration-features.ts";
import { getFeaturesRoute, updateFeaturesRoute } from "./features-schema.ts";
import { AppError } from "../../../errors.ts";
import { requireActor, requireMembership } from "../../../http/actor.ts";
import { mount } from "../../../http/mount.ts";
import type { AppDeps, AppEnv } from "../../../http/types.ts";
import { recordAudit } from "../../../models/audit-log.ts";
import { deleteConnection, findConnection } from "../../../models/jira-connections.ts";
import { readJiraMetadata } from "../../../models/jira-metadata.ts";
import { presentConnection } from "../../../presenters/jira-connection.ts";
import {
  deleteConnectionRoute,
  getConnectionRoute,
  getMetadataRoute,
  refreshMetadataRoute,
  saveConnectionRoute,
  testConnectionRoute,
} from "./schema.ts";

const notConnected = () => new AppError("not_connected", "This workspace has no Jira connection yet. An Admin or Moderator can add one under Settings → Integrations → Jira.");

export function registerJiraConnectionRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const connectionOf = async (workspaceId: string) => {
    const row = await findConnection(deps.db, workspaceId);
    if (!row) throw notConnected();
    return row;
  };

  mount(app, deps, getConnectionRoute, async (c) => {
    const row = await findConnection(deps.db, requireMembership(c.get("membership")).workspaceId);
    return c.json({ connection: row ? presentConnection(row) : null }, 200);
  });

  mount(app, deps, saveConnectionRoute, async (c) => {
    const actor = requireActor(c.get("actor"));
    const { workspaceId } = requireMembership(c.get("membership"));
    const row = await saveConnection(deps, workspaceId, actor.userId, c.req.valid("json"));
    return c.json({ connection: presentConnection(row) }, 200);
  });

  mount(app, deps, deleteConnectionRoute, async (c) => {
    const actor = requireActor(c.get("actor"));
    const { workspaceId } = requireMembership(c.get("membership"));
    if (!(await deleteConnection(deps.db, workspaceId))) throw notConnected();
    await recordAudit(deps.db, { workspaceId, actorId: actor.userId, action: "jira.connection_deleted" });
    return c.body(null, 204);
  });

  mount(app, deps, testConnectionRoute, async (c) => {
    const row = await connectionOf(requireMembership(c.get("membership")).workspaceId);
    return c.json({ test: await testConnection(deps, row) }, 200);
  });

  mount(app, deps, getMetadataRoute, async (c) => {
    const row = await connectionOf(requireMembership(c.get("membership")).workspaceId);
    const metadata = await readJiraMetadata(deps.db, row.id);
    return c.json({ fetchedAt: metadata?.fetchedAt ?? null, metadata }, 200);
  });

  mount(app, deps, refreshMetadataRoute, async (c) => {
    const row = await connectionOf(requireMembership(c.get("membership")).workspaceId);
    const metadata = await refreshMetadata(deps, row);
    return c.json({ fetchedAt: metadata.fetchedAt, metadata }, 200);
  });

  mount(app, deps, getFeaturesRoute, async (c) => {
    return c.json({ features: await loadFeatures(deps.db, requireMembership(c.get("membership")).workspaceId) }, 200);
  });

  mount(app, deps, updateFeaturesRoute, async (c) => {
    const actor = requireActor(c.get("actor"));
    const { workspaceId } = requireMembership(c.get("membership"));
    return c.json({ features: await updateFeatures(deps.db, workspaceId, actor.userId, c.req.valid("json")) }, 200);
  });
}
