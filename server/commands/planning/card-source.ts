import { z } from "zod";
import type { JiraClient, JiraIssue } from "../../../integrations/jira/client/index.ts";
import type { AppDeps } from "../../deps.ts";
import type { ConnectionRow } from "../../models/jira-connections.ts";
import { readJiraMetadata } from "../../models/jira-metadata.ts";
import type { DependencyWrite, PlanningIncrementRow } from "../../models/planning.ts";
import { type CardFieldIds } from "./card-fields.ts";

/** Where a PI's cards come from: its use cases' Epics' children and the issues its JQL takes in. */

export async function cardFieldIds(deps: AppDeps, connection: ConnectionRow, pi: Pick<PlanningIncrementRow, "wsjf_field_id">, jira: JiraClient): Promise<CardFieldIds> {
  const metadata = await readJiraMetadata(deps.db, connection.id);
  const roles = metadata?.fieldRoles ?? (await jira.fieldRoles());
  return { storyPoints: roles.storyPoints, sprint: roles.sprint, wsjf: pi.wsjf_field_id };
}

export async function epicKeysOf(deps: AppDeps, piId: string): Promise<string[]> {
  const rows = await deps.db
    .selectFrom("planning_use_cases")
    .innerJoin("jira_links", "jira_links.use_case_id", "planning_use_cases.use_case_id")
    .select("jira_links.issue_key")
    .where("planning_use_cases.pi_id", "=", piId)
    .where("jira_links.issue_key", "is not", null)
    .execute();
  return rows.map((row) => row.issue_key).filter((key): key is string => key !== null);
}

/** JQL quoting for project keys (letters, digits, underscore: safe inside double quotes). */
const quoted = (value: string) => `"${value.replace(/["\\]/g, "\\$&")}"`;

export async function* piIssues(jira: JiraClient, epicKeys: readonly string[], pi: Pick<PlanningIncrementRow, "jql">, projectKeys: readonly string[], fields: string[]): AsyncGenerator<JiraIssue> {
  for (const epicKey of epicKeys) yield* jira.epicChildren(epicKey, { fields });
  if (pi.jql && projectKeys.length > 0) {
    yield* jira.searchIssues(`project in (${projectKeys.map(quoted).join(", ")}) AND (${pi.jql})`, { fields });
  }
}

const linkedIssue = z.object({ id: z.union([z.string(), z.number()]).transform(String) });
const issueLinks = z.array(z.object({ id: z.union([z.string(), z.number()]).transform(String), type: z.object({ name: z.string() }), inwardIssue: linkedIssue.optional(), outwardIssue: linkedIssue.optional() }));

/** The issue's links as dependencies (outward blocks inward), from its raw `issuelinks` field. */
export function dependenciesOf(issue: JiraIssue): DependencyWrite[] {
  const parsed = issueLinks.safeParse(issue.fields.issuelinks ?? []);
  if (!parsed.success) return [];
  return parsed.data.map((link) => ({
    linkId: link.id,
    linkType: link.type.name,
    outwardIssueId: link.outwardIssue?.id ?? issue.id,
    inwardIssueId: link.inwardIssue?.id ?? issue.id,
  }));
}
