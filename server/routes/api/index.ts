import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../http/types.ts";
import { registerAuditLogRoutes } from "./audit-log/index.ts";
import { registerAuthRoutes } from "./auth/index.ts";
import { registerCustomFieldRoutes } from "./custom-fields/index.ts";
import { registerInvitationRoutes } from "./invitations/index.ts";
import { registerJiraHealthRoute } from "./jira-connection/health.ts";
import { registerJiraConnectionRoutes } from "./jira-connection/index.ts";
import { registerJiraReconcileRoutes } from "./jira-reconcile/index.ts";
import { registerJiraListingRoutes } from "./jira-listing/index.ts";
import { registerJiraSyncRoutes } from "./jira-sync/index.ts";
import { registerJiraWebhookRoutes } from "./jira-webhook/index.ts";
import { registerMemberRoutes } from "./members/index.ts";
import { registerPlanningRoutes } from "./planning/index.ts";
import { registerStatusRoutes } from "./statuses/index.ts";
import { registerTokenRoutes } from "./tokens/index.ts";
import { registerUseCaseBoardRoutes } from "./use-case-board/index.ts";
import { registerUseCaseRoutes } from "./use-cases/index.ts";
import { registerWorkspaceRoutes } from "./workspaces/index.ts";

/** Every resource of /api/v1. A new resource registers here and gets rows in the access matrix test. */
export function registerApiRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  registerAuthRoutes(app, deps);
  registerTokenRoutes(app, deps);
  registerWorkspaceRoutes(app, deps);
  registerMemberRoutes(app, deps);
  registerInvitationRoutes(app, deps);
  registerStatusRoutes(app, deps);
  registerCustomFieldRoutes(app, deps);
  registerAuditLogRoutes(app, deps);
  registerJiraConnectionRoutes(app, deps);
  registerJiraHealthRoute(app, deps);
  registerJiraSyncRoutes(app, deps);
  registerJiraReconcileRoutes(app, deps);
  registerJiraWebhookRoutes(app, deps);
  registerJiraListingRoutes(app, deps);
  registerPlanningRoutes(app, deps);
  registerUseCaseRoutes(app, deps);
  registerUseCaseBoardRoutes(app, deps);
}
