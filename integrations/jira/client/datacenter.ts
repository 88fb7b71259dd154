import { z } from "zod";
import { BaseJiraClient, type RichTextRequest } from "./base-client.ts";
import { JiraError } from "./errors.ts";
import type { JiraHttp } from "./http.ts";
import { defaultIssueFields, jqlString } from "./jql.ts";
import { type IssueMapping, toIssue, type UserIdentity } from "./mappers.ts";
import { chunk } from "./pagination.ts";
import * as s from "./schemas.ts";
import type * as t from "./types.ts";
import { searchJiraUsers } from "./user-search.ts";
import { assignableUsers, dataCenterIssueRefPage } from "./assignee-search.ts";
import { AdminWebhooksApi, DataCenterWebhooksApi } from "./webhooks-api.ts";

/** Keys per `key in (…)` search when fetching many issues (Data Center has no bulkfetch). */
const bulkFetchLimit = 100;

/**
 * Jira Data Center / Server: REST API v2, wiki-markup rich text, users by name/key, Epic children
 * through the "Epic Link" custom field, search with startAt/total, and a webhook API that changed
 * in version 10.
 */
export class DataCenterJiraClient extends BaseJiraClient {
  readonly flavor = "datacenter" as const;
  protected readonly api = "/rest/api/2" as const;
  protected readonly identity: UserIdentity = "name";
  private majorVersion: Promise<number> | null;

  constructor(http: JiraHttp, options: { majorVersion?: number } = {}) {
    super(http);
    this.majorVersion = options.majorVersion ? Promise.resolve(options.majorVersion) : null;
  }

  async *listProjects(): AsyncIterable<t.JiraProject> {
    // Data Center returns every visible project in one unpaged array.
    const projects = await this.http.request({ method: "GET", path: `${this.api}/project`, schema: z.array(s.projectSchema) });
    for (const p of projects) yield { id: p.id, key: p.key, name: p.name, projectTypeKey: p.projectTypeKey };
  }

  async priorities(): Promise<t.JiraPriority[]> {
    return this.http.request({ method: "GET", path: `${this.api}/priority`, schema: z.array(s.prioritySchema) });
  }

  async searchIssuesPage(jql: string, options: t.SearchOptions & { cursor?: string | null } = {}): Promise<t.IssuePage> {
    const startAt = options.cursor ? Number.parseInt(options.cursor, 10) || 0 : 0;
    const answer = await this.http.request({
      method: "POST",
      path: `${this.api}/search`,
      body: {
        jql,
        startAt,
        maxResults: options.pageSize ?? 100,
        fields: (await this.withParentFields(options.fields)) ?? [...defaultIssueFields, ...(await this.parentFieldIds())],
        ...(options.expandChangelog ? { expand: ["changelog"] } : {}),
      },
      schema: s.offsetSearchSchema,
      idempotent: true,
    });
    const mapping = await this.issueMapping();
    const next = answer.startAt + answer.issues.length;
    return {
      issues: answer.issues.map((issue) => toIssue(issue, mapping)),
      nextCursor: answer.issues.length > 0 && next < answer.total ? String(next) : null,
      total: answer.total,
    };
  }

  async epicChildrenJql(epicKey: string): Promise<string> {
    const epicLinkId = (await this.fieldRoles()).epicLink;
    const field = (await this.fields()).find((f) => f.id === epicLinkId);
    if (!field) throw this.missingField("Epic Link");
    // The field's current name survives renames; cf[id] only when another field shares the name.
    const fields = await this.fields();
    const ambiguous = fields.filter((f) => f.name.toLowerCase() === field.name.toLowerCase()).length > 1;
    const clause = ambiguous && field.schema?.customId ? `cf[${field.schema.customId}]` : jqlString(field.name);
    return `${clause} = ${jqlString(epicKey)} ORDER BY key ASC`;
  }

  async bulkFetch(issueKeys: string[], options: { fields?: string[] } = {}): Promise<t.BulkFetchResult> {
    const issues: t.JiraIssue[] = [];
    for (const keys of chunk(issueKeys, bulkFetchLimit)) {
      const jql = `key in (${keys.map(jqlString).join(", ")})`;
      let cursor: string | null = null;
      do {
        const page: t.IssuePage = await this.searchIssuesPage(jql, {
          ...(options.fields ? { fields: options.fields } : {}),
          pageSize: bulkFetchLimit,
          cursor,
        });
        issues.push(...page.issues);
        cursor = page.nextCursor;
      } while (cursor);
    }
    const found = new Set(issues.map((issue) => issue.key.toUpperCase()));
    return { issues, missingKeys: issueKeys.filter((key) => !found.has(key.toUpperCase())) };
  }

  searchUsers(query: string, options: { maxResults?: number } = {}): Promise<t.JiraUser[]> {
    return searchJiraUsers(this.http, this.api, this.identity, { username: query }, options.maxResults);
  }

  assignableUsers(projectKey: string, options: { query?: string; maxResults?: number } = {}): Promise<t.JiraUser[]> {
    return assignableUsers(this.http, this.api, this.identity, projectKey, options.query ? { username: options.query } : {}, options.maxResults);
  }

  searchIssueRefsPage(jql: string, options: { cursor?: string | null; pageSize?: number } = {}): Promise<t.IssueRefPage> {
    return dataCenterIssueRefPage(this.http, jql, options);
  }

  plainText(text: string): t.RichText {
    return { kind: "wiki", text };
  }

  async listWebhooks(): Promise<t.JiraWebhook[]> {
    return (await this.webhooksApi()).list();
  }

  async registerWebhook(draft: t.WebhookDraft): Promise<t.JiraWebhook> {
    return (await this.webhooksApi()).register(draft);
  }

  async deleteWebhook(webhookId: string): Promise<void> {
    return (await this.webhooksApi()).delete(webhookId);
  }

  protected richTextValue(text: t.RichText, request: RichTextRequest): unknown {
    if (text.kind === "wiki") return text.text;
    throw new JiraError("VALIDATION", "Jira Data Center (API v2) takes rich text as wiki markup, not ADF.", { status: null, ...request });
  }

  protected userReference(userId: t.JiraUserId | null): Record<string, string | null> {
    return { name: userId };
  }

  /** Epic Link holds the parent Epic's key; a new Epic needs its (often required) Epic Name. */
  protected async epicFields(draft: t.IssueDraft): Promise<Record<string, unknown>> {
    const roles = await this.fieldRoles();
    const fields: Record<string, unknown> = {};
    if (draft.epicKey) {
      if (!roles.epicLink) throw this.missingField("Epic Link");
      fields[roles.epicLink] = draft.epicKey;
    }
    const epicType = await this.epicIssueType(draft.projectKey);
    if (epicType && epicType.id === draft.issueTypeId && roles.epicName) {
      fields[roles.epicName] = draft.epicName ?? draft.summary;
    }
    return fields;
  }

  protected async issueMapping(): Promise<IssueMapping> {
    return { identity: this.identity, epicLinkFieldId: (await this.fieldRoles()).epicLink };
  }

  protected async parentFieldIds(): Promise<string[]> {
    const epicLink = (await this.fieldRoles()).epicLink;
    return epicLink ? [epicLink] : [];
  }

  private async webhooksApi(): Promise<AdminWebhooksApi | DataCenterWebhooksApi> {
    this.majorVersion ??= this.serverInfo().then((info) => info.versionNumbers[0] ?? 0);
    this.majorVersion.catch(() => (this.majorVersion = null));
    return (await this.majorVersion) >= 10 ? new DataCenterWebhooksApi(this.http) : new AdminWebhooksApi(this.http, false);
  }

  private missingField(name: string): JiraError {
    return new JiraError("VALIDATION", `This Jira has no "${name}" field (is Jira Software installed?).`, {
      status: null,
      method: "GET",
      path: `${this.api}/field`,
    });
  }
}
