import type { OpenAPIHono } from "@hono/zod-openapi";
import { syncWebhookRegistration } from "../../../commands/jira/webhook-registration.ts";
import { revealWebhookSecret, saveWebhookSettings, verifyWebhook, webhookView } from "../../../commands/jira/webhook-settings.ts";
import { requireActor, requireMembership } from "../../../http/actor.ts";
import { mount } from "../../../http/mount.ts";
import type { AppDeps, AppEnv } from "../../../http/types.ts";
import { getWebhookRoute, registerWebhookRoute, revealWebhookSecretRoute, saveWebhookRoute, verifyWebhookRoute } from "./schema.ts";

export function registerJiraWebhookRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  mount(app, deps, getWebhookRoute, async (c) => c.json(await webhookView(deps, requireMembership(c.get("membership")).workspaceId), 200));

  mount(app, deps, saveWebhookRoute, async (c) => {
    const { workspaceId } = requireMembership(c.get("membership"));
    return c.json(await saveWebhookSettings(deps, workspaceId, requireActor(c.get("actor")).userId, c.req.valid("json")), 200);
  });

  mount(app, deps, registerWebhookRoute, async (c) => {
    const { workspaceId } = requireMembership(c.get("membership"));
    await webhookView(deps, workspaceId); // 409 when not connected, before any Jira call
    await syncWebhookRegistration(deps, workspaceId);
    return c.json(await webhookView(deps, workspaceId), 200);
  });

  mount(app, deps, verifyWebhookRoute, async (c) => {
    const { workspaceId } = requireMembership(c.get("membership"));
    // The body is optional: no body waits the full 30 s.
    const timeoutSeconds = (c.req.valid("json") as { timeoutSeconds?: number } | undefined)?.timeoutSeconds ?? 30;
    return c.json(await verifyWebhook(deps, workspaceId, timeoutSeconds, c.req.raw.signal), 200);
  });

  mount(app, deps, revealWebhookSecretRoute, async (c) => {
    const { workspaceId } = requireMembership(c.get("membership"));
    return c.json(await revealWebhookSecret(deps, workspaceId, requireActor(c.get("actor")).userId), 200);
  });
}
