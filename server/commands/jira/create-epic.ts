import type { JiraMapping } from "../../../common/contracts/jira-mapping.ts";
import { isJiraError, type JiraClient } from "../../../integrations/jira/client/index.ts";
import type { MappingContext } from "../../../integrations/jira/sync/mapping-context.ts";
import type { SyncValues } from "../../../integrations/jira/sync/values.ts";
import type { UseCaseFields as UseCase } from "../../../common/contracts/use-cases.ts";
import type { AppDeps } from "../../http/types.ts";
import { type JiraLinkRow, updateLink } from "../../models/jira-links.ts";

/** The issue property that marks an Epic as created for a link (invisible to people, readable by Tether). */
export const LINK_MARKER = "tether.link";

export type EpicCreation =
  | { kind: "created" | "adopted"; issueId: string; issueKey: string; base: SyncValues }
  | { kind: "wait"; until: Date; reason: string };

type MarkerValue = { linkId?: unknown };

/** Looks among the project's recently created issues of the mapped type for one carrying this link's marker. */
async function findMarkedIssue(client: JiraClient, link: JiraLinkRow, mapping: JiraMapping, attemptedAt: Date) {
  const minutes = Math.ceil((Date.now() - attemptedAt.getTime()) / 60_000) + 2;
  // Relative JQL dates are immune to the account's time zone (SYNC-PITFALLS 14).
  const jql = `project = "${mapping.projectKey}" AND issuetype = ${mapping.issueTypeId} AND created >= -${minutes}m ORDER BY created DESC`;
  // Every page: in a busy project more Epics than one page holds may have been created since.
  let cursor: string | null = null;
  do {
    const page = await client.searchIssuesPage(jql, { fields: ["summary"], pageSize: 50, cursor });
    for (const issue of page.issues) {
      const marker = (await client.getIssueProperty(issue.key, LINK_MARKER)) as MarkerValue | null;
      if (marker?.linkId === link.id) return issue;
    }
    cursor = page.nextCursor;
  } while (cursor);
  return null;
}

/**
 * Creates the link's Epic at most once. The attempt is recorded (committed) before the request;
 * after an attempt whose answer was lost, the marker is searched for first, and a new create is
 * sent only once a search made after Jira's index settled finds nothing (docs/SYNC.md).
 */
export async function ensureEpic(deps: AppDeps, client: JiraClient, link: JiraLinkRow, mapping: JiraMapping, useCase: UseCase, context: MappingContext): Promise<EpicCreation> {
  const base: SyncValues = { title: useCase.title.trim() };
  if (link.create_attempted_at) {
    const found = await findMarkedIssue(client, link, mapping, link.create_attempted_at);
    if (found) {
      await updateLink(deps.db, link.id, { issue_id: found.id, issue_key: found.key, state: "pending", create_attempted_at: null });
      return { kind: "adopted", issueId: found.id, issueKey: found.key, base: {} };
    }
    const settledAt = new Date(link.create_attempted_at.getTime() + deps.env.JIRA_SEARCH_SETTLE_MS);
    if (settledAt.getTime() > Date.now()) {
      return { kind: "wait", until: settledAt, reason: "An earlier create may have reached Jira; Tether waits for Jira's search to settle before creating again." };
    }
  }
  await updateLink(deps.db, link.id, { create_attempted_at: new Date() });
  const description = context.richText.normalise(useCase.description);
  try {
    const created = await client.createIssue({
      projectKey: mapping.projectKey,
      issueTypeId: mapping.issueTypeId,
      summary: useCase.title.trim(),
      ...(description.length > 0 ? { description: context.richText.fromMarkdown(description) } : {}),
      epicName: useCase.title.trim(),
      properties: { [LINK_MARKER]: { linkId: link.id, useCaseId: link.use_case_id } },
    });
    if (description.length > 0) base.description = description;
    await updateLink(deps.db, link.id, { issue_id: created.id, issue_key: created.key, state: "pending", create_attempted_at: null });
    return { kind: "created", issueId: created.id, issueKey: created.key, base };
  } catch (error) {
    if (isJiraError(error) && error.mayHaveCommitted) {
      return { kind: "wait", until: new Date(Date.now() + 200), reason: "Jira's answer to the create was lost; Tether checks whether the Epic exists before trying again." };
    }
    // Certainly not created: the next attempt may create without searching.
    await updateLink(deps.db, link.id, { create_attempted_at: null });
    throw error;
  }
}
