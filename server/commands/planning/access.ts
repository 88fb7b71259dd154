import { isJiraError, type JiraClient } from "../../../integrations/jira/client/index.ts";
import { explainJiraError } from "../../../integrations/jira/connection/explain.ts";
import { AppError } from "../../errors.ts";
import type { AppDeps } from "../../deps.ts";
import { loadFeatures } from "../../models/integration-features.ts";
import { type ConnectionRow, findConnection } from "../../models/jira-connections.ts";
import { findPi, type PlanningIncrementRow } from "../../models/planning.ts";
import { roleMay, type WorkspaceAction } from "../../policies/roles.ts";
import type { UseCaseCaller } from "../use-case-access.ts";
import { jiraClientFor } from "../jira/client-for.ts";

export type PlanningCaller = UseCaseCaller;
export type PlanningContext = { connection: ConnectionRow; jira: JiraClient };

export const piNotFound = () => new AppError("not_found", "Program increment was not found, or you may not see it.");

/** Visitors see nothing of planning (404); Members may look but not set up (403). */
export function authorisePlanning(caller: PlanningCaller, action: Extract<WorkspaceAction, `planning.${string}`>): void {
  if (!roleMay(caller.role, "planning.view")) throw new AppError("not_found", "Planning was not found.");
  if (!roleMay(caller.role, action)) throw new AppError("forbidden", `Your role (${caller.role}) may not do this in planning: Admins and Moderators set up program increments.`, { action, role: caller.role });
}

/** The feature is on and Jira is connected; the client for the workspace's connection. */
export async function planningContext(deps: AppDeps, workspaceId: string): Promise<PlanningContext> {
  const features = await loadFeatures(deps.db, workspaceId);
  if (!features.planning) throw new AppError("feature_disabled", "The “Planning” feature is switched off for this workspace. An Admin can switch it on under Settings → Jira → Features.");
  const connection = await findConnection(deps.db, workspaceId);
  if (!connection) throw new AppError("not_connected", "This workspace has no Jira connection. An Admin or Moderator can add one under Settings → Jira.");
  return { connection, jira: jiraClientFor(deps, connection) };
}

export async function requirePi(deps: AppDeps, caller: PlanningCaller, piId: string): Promise<PlanningIncrementRow> {
  const pi = await findPi(deps.db, caller.workspaceId, piId);
  if (!pi) throw piNotFound();
  return pi;
}

/** A Jira failure in the words of the permission report; 4xx answers Jira gives to bad input become planning_refused. */
export function planningJiraError(error: unknown, connection: ConnectionRow, doing: string): unknown {
  if (!isJiraError(error)) return error;
  const problem = explainJiraError(error, { baseUrl: connection.base_url });
  const refused = ["NOT_FOUND", "FORBIDDEN", "VALIDATION", "CONFLICT"].includes(error.code);
  return new AppError(refused ? "planning_refused" : "jira_failed", `Jira refused to ${doing}: ${problem.message}`, { jiraCode: problem.code }, { cause: error });
}
