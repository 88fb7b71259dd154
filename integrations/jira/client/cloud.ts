import { mapIterable } from "./agile-api.ts";
import { BaseJiraClient, type RichTextRequest } from "./base-client.ts";
import { JiraError } from "./errors.ts";
import type { JiraHttp } from "./http.ts";
import { defaultIssueFields, jqlString } from "./jql.ts";
import { type IssueMapping, toIssue, type UserIdentity } from "./mappers.ts";
import { chunk, offsetPaged } from "./pagination.ts";
import * as s from "./schemas.ts";
import type * as t from "./types.ts";
import { searchJiraUsers } from "./user-search.ts";
import { assignableUsers, cloudIssueRefPage } from "./assignee-search.ts";
import { AdminWebhooksApi } from "./webhooks-api.ts";

/** `POST /rest/api/3/issue/bulkfetch` takes at most 100 issues. */
const bulkFetchLimit = 100;

/**
 * Jira Cloud: REST API v3, ADF rich text, users by accountId, Epic children by `parent`,
 * search by `nextPageToken` (no total; eventually consistent: a just-created issue may be missing).
 */
export class CloudJiraClient extends BaseJiraClient {
  readonly flavor = "cloud" as const;
  protected readonly api = "/rest/api/3" as const;
  protected readonly identity: UserIdentity = "accountId";
  private readonly webhooks: AdminWebhooksApi;

  constructor(http: JiraHttp) {
    super(http);
    this.webhooks = new AdminWebhooksApi(http, true);
  }

  listProjects(): AsyncIterable<t.JiraProject> {
    return mapIterable(
      offsetPaged((startAt) =>
        this.http.request({
          method: "GET",
          path: `${this.api}/project/search`,
          query: { startAt, maxResults: 50, orderBy: "key" },
          schema: s.offsetPageSchema(s.projectSchema),
        }),
      ),
      (p) => ({ id: p.id, key: p.key, name: p.name, projectTypeKey: p.projectTypeKey }),
    );
  }

  async priorities(): Promise<t.JiraPriority[]> {
    const priorities: t.JiraPriority[] = [];
    const pages = offsetPaged((startAt) =>
      this.http.request({
        method: "GET",
        path: `${this.api}/priority/search`,
        query: { startAt, maxResults: 50 },
        schema: s.offsetPageSchema(s.prioritySchema),
      }),
    );
    for await (const priority of pages) priorities.push(priority);
    return priorities;
  }

  async searchIssuesPage(jql: string, options: t.SearchOptions & { cursor?: string | null } = {}): Promise<t.IssuePage> {
    const answer = await this.http.request({
      method: "POST",
      path: `${this.api}/search/jql`,
      body: {
        jql,
        maxResults: options.pageSize ?? 100,
        // search/jql returns only ids unless told which fields to send.
        fields: (await this.withParentFields(options.fields)) ?? [...defaultIssueFields, "parent"],
        ...(options.cursor ? { nextPageToken: options.cursor } : {}),
        ...(options.expandChangelog ? { expand: "changelog" } : {}),
        ...(options.reconcileIssues && options.reconcileIssues.length > 0 ? { reconcileIssues: options.reconcileIssues.map(Number) } : {}),
      },
      schema: s.tokenSearchSchema,
      idempotent: true,
    });
    const mapping = await this.issueMapping();
    return {
      issues: answer.issues.map((issue) => toIssue(issue, mapping)),
      nextCursor: answer.isLast === false || (answer.isLast === undefined && answer.nextPageToken) ? (answer.nextPageToken ?? null) : null,
      total: null,
    };
  }

  async epicChildrenJql(epicKey: string): Promise<string> {
    return `parent = ${jqlString(epicKey)} ORDER BY key ASC`;
  }

  async bulkFetch(issueKeys: string[], options: { fields?: string[] } = {}): Promise<t.BulkFetchResult> {
    const mapping = await this.issueMapping();
    const issues: t.JiraIssue[] = [];
    for (const keys of chunk(issueKeys, bulkFetchLimit)) {
      const answer = await this.http.request({
        method: "POST",
        path: `${this.api}/issue/bulkfetch`,
        body: { issueIdsOrKeys: keys, fields: (await this.withParentFields(options.fields)) ?? [...defaultIssueFields, "parent"] },
        schema: s.bulkFetchSchema,
        idempotent: true,
      });
      issues.push(...answer.issues.map((issue) => toIssue(issue, mapping)));
    }
    const found = new Set(issues.map((issue) => issue.key.toUpperCase()));
    return { issues, missingKeys: issueKeys.filter((key) => !found.has(key.toUpperCase())) };
  }

  searchUsers(query: string, options: { maxResults?: number } = {}): Promise<t.JiraUser[]> {
    return searchJiraUsers(this.http, this.api, this.identity, { query }, options.maxResults);
  }

  assignableUsers(projectKey: string, options: { query?: string; maxResults?: number } = {}): Promise<t.JiraUser[]> {
    return assignableUsers(this.http, this.api, this.identity, projectKey, options.query ? { query: options.query } : {}, options.maxResults);
  }

  searchIssueRefsPage(jql: string, options: { cursor?: string | null; pageSize?: number } = {}): Promise<t.IssueRefPage> {
    return cloudIssueRefPage(this.http, jql, options);
  }

  plainText(text: string): t.RichText {
    const content = text === "" ? [] : [{ type: "paragraph", content: [{ type: "text", text }] }];
    return { kind: "adf", doc: { type: "doc", version: 1, content } };
  }

  listWebhooks(): Promise<t.JiraWebhook[]> {
    return this.webhooks.list();
  }

  registerWebhook(draft: t.WebhookDraft): Promise<t.JiraWebhook> {
    return this.webhooks.register(draft);
  }

  deleteWebhook(webhookId: string): Promise<void> {
    return this.webhooks.delete(webhookId);
  }

  protected richTextValue(text: t.RichText, request: RichTextRequest): unknown {
    if (text.kind === "adf") return text.doc;
    throw new JiraError("VALIDATION", "Jira Cloud (API v3) takes rich text as ADF, not wiki markup.", { status: null, ...request });
  }

  protected userReference(userId: t.JiraUserId | null): Record<string, string | null> {
    return { accountId: userId };
  }

  protected async epicFields(draft: t.IssueDraft): Promise<Record<string, unknown>> {
    return draft.epicKey ? { parent: { key: draft.epicKey } } : {};
  }

  protected async issueMapping(): Promise<IssueMapping> {
    return { identity: this.identity, epicLinkFieldId: null };
  }

  protected async parentFieldIds(): Promise<string[]> {
    return ["parent"];
  }
}
