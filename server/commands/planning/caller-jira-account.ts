import type { JiraClient } from "../../../integrations/jira/client/index.ts";
import type { AppDeps } from "../../deps.ts";
import { AppError } from "../../errors.ts";
import { findMapping } from "../../models/jira-mappings.ts";
import type { PlanningCaller } from "./access.ts";

const sameEmail = (a: string | null, b: string) => a !== null && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The caller's own Jira account, for the "Me" filter: the mapping's people map first, then a match
 * the sync already found by email, then one live user search by the caller's email (a single exact,
 * active match only). Nothing found is the caller's to fix, said in words they can act on.
 */
export async function callerJiraAccount(deps: AppDeps, caller: PlanningCaller, jira: JiraClient): Promise<{ jiraUserId: string; jiraRequests: number }> {
  const mapped = (await findMapping(deps.db, caller.workspaceId))?.mapping.userMap.find((entry) => entry.userId === caller.userId);
  if (mapped) return { jiraUserId: mapped.jiraUserId, jiraRequests: 0 };
  const matched = await deps.db
    .selectFrom("jira_user_matches")
    .select("jira_user_id")
    .where("workspace_id", "=", caller.workspaceId)
    .where("user_id", "=", caller.userId)
    .executeTakeFirst();
  if (matched) return { jiraUserId: matched.jira_user_id, jiraRequests: 0 };
  const user = await deps.db.selectFrom("users").select("email").where("id", "=", caller.userId).executeTakeFirstOrThrow();
  const found = (await jira.searchUsers(user.email, { maxResults: 5 })).filter((candidate) => candidate.active && sameEmail(candidate.email, user.email));
  const only = found.length === 1 ? found[0] : undefined;
  if (only) return { jiraUserId: only.id, jiraRequests: 1 };
  throw new AppError(
    "planning_refused",
    `Tether cannot tell which Jira account is yours: no Jira user shows the email ${user.email}. Pick yourself from the assignee list, or ask an Admin to add you to the people map (Settings → Jira → Mapping).`,
    { reason: "jira_account_unknown" },
  );
}
