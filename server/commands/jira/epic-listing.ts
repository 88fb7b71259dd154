import type { EpicIssue, EpicIssuesPage, EpicIssuesQuery } from "../../../common/contracts/jira-listing.ts";
import { isJiraError } from "../../../integrations/jira/client/index.ts";
import { explainJiraError } from "../../../integrations/jira/connection/explain.ts";
import type { Role } from "../../db/schema.ts";
import { AppError } from "../../errors.ts";
import type { AppDeps } from "../../http/types.ts";
import { type CachedEpicIssue, countMatching, dropSnapshots, type EpicSnapshot, findSnapshot, pageIssues } from "../../models/epic-listing-cache.ts";
import { loadFeatures } from "../../models/integration-features.ts";
import { type ConnectionRow, findConnection } from "../../models/jira-connections.ts";
import { findLinkByUseCase } from "../../models/jira-links.ts";
import { roleMay } from "../../policies/roles.ts";
import { type UseCaseAccessFacts, useCaseMay } from "../../policies/use-cases.ts";
import { authoriseUseCase, type UseCaseCaller, useCaseNotFound } from "../use-case-access.ts";
import { jiraClientFor } from "./client-for.ts";
import { decodeCursor, encodeCursor } from "./epic-listing-cursor.ts";
import { fillSnapshot, isUsable, MAX_CHILDREN } from "./epic-listing-fill.ts";
import { readJiraMetadata } from "../../models/jira-metadata.ts";
import { storyPointsFieldOf } from "../../../integrations/jira/sync/project-mapping.ts";

/** Admins and Moderators on every use case they can read, Members on use cases assigned to them, Visitors never. */
export function mayListEpicIssues(role: Role, userId: string, facts: UseCaseAccessFacts): boolean {
  if (role === "visitor") return false;
  if (role === "member") return useCaseMay(role, userId, "update", facts);
  return useCaseMay(role, userId, "read", facts);
}

async function authoriseListing(deps: AppDeps, caller: UseCaseCaller, useCaseId: string) {
  // Visitors see nothing of the integration: for them it does not exist.
  if (!roleMay(caller.role, "integration.view")) throw useCaseNotFound();
  const facts = await authoriseUseCase(deps.db, caller, useCaseId, "read");
  if (!mayListEpicIssues(caller.role, caller.userId, facts)) {
    throw new AppError("forbidden", "Members see the Epic's issues only on use cases assigned to them.", { action: "integration.listing", role: caller.role });
  }
}

const browseUrl = (baseUrl: string, key: string) => `${baseUrl.replace(/\/+$/, "")}/browse/${encodeURIComponent(key)}`;

function presentIssue(row: CachedEpicIssue, baseUrl: string): EpicIssue {
  return {
    key: row.issue_key,
    summary: row.summary,
    issueType: row.issue_type ? { name: row.issue_type, iconUrl: row.issue_type_icon_url } : null,
    status: row.status ? { name: row.status, category: row.status_category } : null,
    assignee: row.assignee_id ? { id: row.assignee_id, displayName: row.assignee_name ?? row.assignee_id } : null,
    priority: row.priority,
    storyPoints: row.story_points,
    sprint: row.sprint,
    updated: row.updated ? row.updated.toISOString() : null,
    url: browseUrl(baseUrl, row.issue_key),
  };
}

function jiraFailure(error: unknown, connection: ConnectionRow, lastLoaded: EpicSnapshot | undefined): AppError | null {
  if (!isJiraError(error)) return null;
  const problem = explainJiraError(error, { baseUrl: connection.base_url });
  const when = lastLoaded ? ` The list last loaded at ${lastLoaded.fetched_at.toISOString()}.` : " The list has not loaded before.";
  return new AppError("jira_failed", `Could not load the Epic's issues from Jira: ${problem.message}${when}`, { jiraCode: problem.code, lastLoadedAt: lastLoaded?.fetched_at.toISOString() ?? null }, { cause: error });
}

/** The Epic's issues for one linked use case: filtered, sorted and paged from a fresh snapshot, with progress for the whole Epic. */
export async function listEpicIssues(deps: AppDeps, caller: UseCaseCaller, useCaseId: string, query: EpicIssuesQuery): Promise<EpicIssuesPage> {
  const askedAt = new Date();
  await authoriseListing(deps, caller, useCaseId);
  const features = await loadFeatures(deps.db, caller.workspaceId);
  if (!features.issueListing) {
    // Data minimisation: whatever the listing cached goes with the feature.
    await dropSnapshots(deps.db, { workspaceId: caller.workspaceId });
    throw new AppError("feature_disabled", "The “Issue listing” feature is switched off for this workspace. An Admin can switch it on under Settings → Jira → Features.");
  }
  const link = await findLinkByUseCase(deps.db, caller.workspaceId, useCaseId);
  if (!link?.issue_key) throw new AppError("not_found", "This use case is not linked to a Jira Epic yet.");
  const connection = await findConnection(deps.db, caller.workspaceId);
  if (!connection) throw new AppError("not_connected", "This workspace has no Jira connection. An Admin or Moderator can add one under Settings → Jira.");
  const after = query.cursor ? decodeCursor(query.cursor, query.sort) : null;
  const epicKey = link.issue_key;

  let snapshot = await findSnapshot(deps.db, link.id);
  let warning: EpicIssuesPage["warning"] = null;
  const force = query.refresh === "true";
  // Paging on (a cursor) keeps serving the snapshot the first page came from while it is retained.
  if (force || !(isUsable(snapshot, epicKey, askedAt) || (after && snapshot?.epic_key === epicKey))) {
    try {
      // A team-managed project estimates in its own field, not the site's.
      const metadata = await readJiraMetadata(deps.db, connection.id);
      const storyPointsField = metadata?.projectDetails[link.project_key]?.project.teamManaged ? { storyPointsField: storyPointsFieldOf(metadata, link.project_key) } : {};
      snapshot = (await fillSnapshot(deps, { linkId: link.id, workspaceId: caller.workspaceId, epicKey, client: () => jiraClientFor(deps, connection, { maxAttempts: 2 }), ...storyPointsField }, { force, askedAt })).snapshot;
    } catch (error) {
      const failure = jiraFailure(error, connection, snapshot);
      if (!failure) throw error;
      if (!snapshot || snapshot.epic_key !== epicKey) throw failure;
      warning = { code: (failure.details as { jiraCode: string }).jiraCode, message: `${failure.message} Showing that list.` };
    }
  }
  if (!snapshot) throw new Error("epic listing: no snapshot after a fill");
  if (!warning && snapshot.issue_count >= MAX_CHILDREN) {
    warning = { code: "epic_truncated", message: `This Epic has more than ${MAX_CHILDREN} issues; the list shows the first ${MAX_CHILDREN} by rank. Open the Epic in Jira for all of them.` };
  }

  const filter = { type: query.type, assignee: query.assignee, status: query.status, category: query.category, q: query.q };
  const [rows, matching] = await Promise.all([pageIssues(deps.db, link.id, filter, query.sort, after, query.limit + 1), countMatching(deps.db, link.id, filter)]);
  const pageRows = rows.slice(0, query.limit);
  const last = pageRows.at(-1);
  return {
    epic: { key: epicKey, url: browseUrl(connection.base_url, epicKey) },
    issues: pageRows.map((row) => presentIssue(row, connection.base_url)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(query.sort, last.keyset) : null,
    matching,
    progress: snapshot.progress,
    facets: snapshot.facets,
    fetchedAt: snapshot.fetched_at.toISOString(),
    freshUntil: snapshot.fresh_until.toISOString(),
    warning,
  };
}
