import { isJiraError, type JiraClient } from "../../../integrations/jira/client/index.ts";
import { explainJiraError } from "../../../integrations/jira/connection/explain.ts";
import { AppError } from "../../errors.ts";
import type { AppDeps } from "../../deps.ts";
import type { JiraMetadata, JiraProjectMetadata } from "../../../common/contracts/jira-metadata.ts";
import type { ConnectionRow } from "../../models/jira-connections.ts";
import { saveJiraMetadata } from "../../models/jira-metadata.ts";
import { jiraClientFor } from "./client-for.ts";
import { testConnection } from "./test-connection.ts";

async function collect<T>(items: AsyncIterable<T>, limit: number): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) {
    out.push(item);
    if (out.length >= limit) break;
  }
  return out;
}

/**
 * Promise.all, but it waits for every call and then fails with the first failure in argument
 * order — not with whichever came back first, which depends on how busy Jira and this machine
 * are. (Once all are settled, Promise.all sees their outcomes in argument order.)
 */
async function allInOrder<T extends readonly unknown[] | []>(promises: T): Promise<{ -readonly [P in keyof T]: Awaited<T[P]> }> {
  await Promise.allSettled(promises);
  return Promise.all(promises);
}

/** Per selected project: issue types (and which is the Epic), statuses per type, boards with open sprints. */
async function projectMetadata(client: JiraClient, projectKey: string): Promise<JiraProjectMetadata> {
  // The project itself comes first: an account that may no longer browse it gets Jira's 404 from
  // it, which the caller answers with a permission re-check (boards would say 400 instead).
  const [project, issueTypes, epicType, statuses, boards] = await allInOrder([
    client.getProject(projectKey),
    client.issueTypesForProject(projectKey),
    client.epicIssueType(projectKey),
    client.projectStatuses(projectKey),
    collect(client.boardsForProject(projectKey), 50),
  ]);
  const boardsWithSprints = [];
  for (const board of boards) {
    // Kanban boards have no sprints; Jira answers 400 for them.
    const sprints = board.type === "scrum" ? await collect(client.sprintsForBoard(board.id, { states: ["active", "future"] }), 100) : [];
    boardsWithSprints.push({ ...board, sprints });
  }
  return {
    project: { id: project.id, key: project.key, name: project.name, projectTypeKey: project.projectTypeKey, teamManaged: project.teamManaged },
    issueTypes: issueTypes.map((t) => ({ id: t.id, name: t.name, subtask: t.subtask, hierarchyLevel: t.hierarchyLevel })),
    epicTypeId: epicType?.id ?? null,
    statuses,
    boards: boardsWithSprints,
  };
}

/**
 * Pulls and caches what setup and sync need to know about the Jira site: ids, keys, names and
 * schemas only (data minimisation), never issue contents. Replaces the previous cache atomically.
 */
export async function refreshMetadata(deps: AppDeps, row: ConnectionRow): Promise<JiraMetadata> {
  const client = jiraClientFor(deps, row);
  try {
    const [projects, fields, fieldRoles, priorities, statuses, linkTypes] = await Promise.all([
      collect(client.listProjects(), 5000),
      client.fields(),
      client.fieldRoles(),
      client.priorities(),
      client.statuses(),
      client.listIssueLinkTypes(),
    ]);
    const projectDetails: Record<string, JiraProjectMetadata> = {};
    for (const key of row.project_keys) projectDetails[key] = await projectMetadata(client, key);
    return await saveJiraMetadata(deps.db, row.id, {
      projects: projects.map((p) => ({ id: p.id, key: p.key, name: p.name })),
      fields: fields.map((f) => ({ id: f.id, name: f.name, custom: f.custom, schema: f.schema, scopeProjectId: f.scopeProjectId })),
      fieldRoles,
      priorities: priorities.map((p) => ({ id: p.id, name: p.name })),
      statuses: statuses.map((s) => ({ id: s.id, name: s.name, categoryKey: s.categoryKey })),
      linkTypes: linkTypes.map((l) => ({ id: l.id, name: l.name, inward: l.inward, outward: l.outward })),
      projectDetails,
    });
  } catch (error) {
    if (!isJiraError(error)) throw error;
    // A 403 (or Jira's 404 for a project the account may no longer browse) means the cached
    // permission report may be out of date: re-check, so the settings page shows why.
    if (error.code === "FORBIDDEN" || error.code === "NOT_FOUND") await testConnection(deps, row);
    const problem = explainJiraError(error, { baseUrl: row.base_url });
    throw new AppError("jira_failed", problem.message, { jiraCode: problem.code, status: error.status }, { cause: error });
  }
}
