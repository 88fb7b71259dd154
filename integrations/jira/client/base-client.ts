import { z } from "zod";
import * as agileApi from "./agile-api.ts";
import * as linksApi from "./links-api.ts";
import * as metaApi from "./meta-api.ts";
import { JiraError, type JiraHttpMethod } from "./errors.ts";
import { findFieldRoles } from "./field-roles.ts";
import type { JiraHttp } from "./http.ts";
import type { JiraClient } from "./jira-client.ts";
import { findEpicType, type IssueMapping, toField, toIssue, toIssueType, toUser, type UserIdentity } from "./mappers.ts";
import { bulkCreateOutcome } from "./bulk-create.ts";
import { getIssueProperty, setIssueProperty } from "./issue-properties.ts";
import { getTransitions, transitionIssue } from "./transitions-api.ts";
import { chunk, cursorPaged } from "./pagination.ts";
import { createMeta, editMeta } from "./screens-api.ts";
import * as s from "./schemas.ts";

/** Which request a rich-text value is for, so a refusal names the real method and path. */
export type RichTextRequest = { method: JiraHttpMethod; path: string };
import type * as t from "./types.ts";

/** `POST /issue/bulk` accepts at most 50 issues. */
const bulkCreateLimit = 50;

/**
 * What Cloud (API v3) and Data Center (API v2) share: the same resources under a different API
 * root. The flavour-specific parts are the abstract members, implemented in cloud.ts and
 * datacenter.ts — never an `if (flavor)` here.
 */
export abstract class BaseJiraClient implements JiraClient {
  abstract readonly flavor: t.JiraFlavor;
  protected abstract readonly api: "/rest/api/3" | "/rest/api/2";
  protected abstract readonly identity: UserIdentity;

  private fieldsCache: Promise<t.JiraField[]> | null = null;
  private readonly epicTypeCache = new Map<string, Promise<t.JiraIssueType | null>>();

  constructor(protected readonly http: JiraHttp) {}

  // —— flavour-specific ——
  abstract listProjects(): AsyncIterable<t.JiraProject>;
  abstract priorities(): Promise<t.JiraPriority[]>;
  abstract searchIssuesPage(jql: string, options?: t.SearchOptions & { cursor?: string | null }): Promise<t.IssuePage>;
  abstract epicChildrenJql(epicKey: string): Promise<string>;
  abstract bulkFetch(issueKeys: string[], options?: { fields?: string[] }): Promise<t.BulkFetchResult>;
  abstract searchUsers(query: string, options?: { maxResults?: number }): Promise<t.JiraUser[]>;
  abstract assignableUsers(projectKey: string, options?: { query?: string; maxResults?: number }): Promise<t.JiraUser[]>;
  abstract searchIssueRefsPage(jql: string, options?: { cursor?: string | null; pageSize?: number }): Promise<t.IssueRefPage>;
  abstract plainText(text: string): t.RichText;
  abstract listWebhooks(): Promise<t.JiraWebhook[]>;
  abstract registerWebhook(draft: t.WebhookDraft): Promise<t.JiraWebhook>;
  abstract deleteWebhook(webhookId: string): Promise<void>;
  /** The rich-text value this flavour's API takes (ADF object or wiki string). */
  protected abstract richTextValue(text: t.RichText, request: RichTextRequest): unknown;
  /** `{ accountId }` on Cloud, `{ name }` on Data Center. */
  protected abstract userReference(userId: t.JiraUserId | null): Record<string, string | null>;
  /** Fields that place an issue under an Epic and (Data Center) name a new Epic. */
  protected abstract epicFields(draft: t.IssueDraft): Promise<Record<string, unknown>>;
  protected abstract issueMapping(): Promise<IssueMapping>;
  /** Field ids that carry the parent Epic, added when the caller names the fields to read. */
  protected abstract parentFieldIds(): Promise<string[]>;

  // —— shared ——
  serverInfo(): Promise<t.ServerInfo> {
    return metaApi.serverInfo(this.http, this.api);
  }

  async myself(): Promise<t.JiraUser> {
    const path = `${this.api}/myself`;
    const wire = await this.http.request({ method: "GET", path, schema: s.userSchema });
    const user = toUser(wire, this.identity);
    if (!user) throw new JiraError("BAD_RESPONSE", "Jira's myself answer names no user.", { status: 200, method: "GET", path });
    return user;
  }

  myPermissions(projectKeys: string[], permissions: string[]): Promise<t.PermissionCheck[]> {
    return metaApi.myPermissions(this.http, this.api, projectKeys, permissions);
  }

  async getProject(projectKey: string): Promise<t.JiraProject> {
    const project = await this.projectWire(projectKey);
    return { id: project.id, key: project.key, name: project.name, projectTypeKey: project.projectTypeKey, teamManaged: project.simplified === true || project.style === "next-gen" };
  }

  async issueTypesForProject(projectKey: string): Promise<t.JiraIssueType[]> {
    // Cloud lists a project's issue types only when asked to expand them.
    return ((await this.projectWire(projectKey, "issueTypes")).issueTypes ?? []).map(toIssueType);
  }

  epicIssueType(projectKey: string): Promise<t.JiraIssueType | null> {
    const key = projectKey.toUpperCase();
    let cached = this.epicTypeCache.get(key);
    if (!cached) {
      cached = this.issueTypesForProject(projectKey).then(findEpicType);
      cached.catch(() => this.epicTypeCache.delete(key));
      this.epicTypeCache.set(key, cached);
    }
    return cached;
  }

  /** Cached for the client's life: custom fields rarely change, and Data Center needs them on every epic call. */
  fields(): Promise<t.JiraField[]> {
    if (!this.fieldsCache) {
      this.fieldsCache = this.http
        .request({ method: "GET", path: `${this.api}/field`, schema: z.array(s.fieldSchema) })
        .then((fields) => fields.map(toField));
      this.fieldsCache.catch(() => (this.fieldsCache = null));
    }
    return this.fieldsCache;
  }

  async fieldRoles(): Promise<t.FieldRoles> {
    return findFieldRoles(await this.fields());
  }

  statuses(): Promise<t.JiraStatus[]> {
    return metaApi.statuses(this.http, this.api);
  }

  projectStatuses(projectKey: string): Promise<t.ProjectIssueTypeStatuses[]> {
    return metaApi.projectStatuses(this.http, this.api, projectKey);
  }

  editMeta(issueKey: string): Promise<t.ScreenField[]> {
    return editMeta(this.http, this.api, issueKey);
  }

  createMeta(projectKey: string, issueTypeId: string): Promise<t.ScreenField[]> {
    return createMeta(this.http, this.api, projectKey, issueTypeId);
  }

  getIssueProperty(issueKey: string, key: string): Promise<unknown> {
    return getIssueProperty(this.http, this.api, issueKey, key);
  }

  setIssueProperty(issueKey: string, key: string, value: unknown): Promise<void> {
    return setIssueProperty(this.http, this.api, issueKey, key, value);
  }

  getTransitions(issueKey: string, options: { expandFields?: boolean } = {}): Promise<t.JiraTransition[]> {
    return getTransitions(this.http, this.api, issueKey, options);
  }

  transitionIssue(issueKey: string, transitionId: string, fields?: Record<string, unknown>): Promise<void> {
    return transitionIssue(this.http, this.api, issueKey, transitionId, fields);
  }

  async createIssue(draft: t.IssueDraft): Promise<t.CreatedIssue> {
    const path = `${this.api}/issue`;
    const created = await this.http.request({
      method: "POST",
      path,
      body: {
        fields: await this.draftFields(draft, path),
        ...(draft.properties ? { properties: Object.entries(draft.properties).map(([key, value]) => ({ key, value })) } : {}),
      },
      schema: s.createdIssueSchema,
      permission: "CREATE_ISSUES",
    });
    return { id: created.id, key: created.key };
  }

  async createIssuesBulk(drafts: t.IssueDraft[]): Promise<t.BulkCreateResult> {
    const path = `${this.api}/issue/bulk`;
    const result: t.BulkCreateResult = { created: [], failed: [] };
    let offset = 0;
    for (const part of chunk(drafts, bulkCreateLimit)) {
      const issueUpdates = [];
      for (const draft of part) issueUpdates.push({ fields: await this.draftFields(draft, path) });
      const answer = await this.http.request({
        method: "POST",
        path,
        body: { issueUpdates },
        schema: s.createdIssuesSchema,
        permission: "CREATE_ISSUES",
      });
      const outcome = bulkCreateOutcome(answer, part.length, offset);
      result.created.push(...outcome.created);
      result.failed.push(...outcome.failed);
      offset += part.length;
    }
    return result;
  }

  async getIssue(issueKey: string, options: { fields?: string[]; expandChangelog?: boolean } = {}): Promise<t.JiraIssue> {
    const wire = await this.http.request({
      method: "GET",
      path: `${this.api}/issue/${encodeURIComponent(issueKey)}`,
      query: {
        fields: await this.withParentFields(options.fields),
        expand: options.expandChangelog ? "changelog" : undefined,
      },
      schema: s.issueSchema,
    });
    return toIssue(wire, await this.issueMapping());
  }

  async editIssue(issueKey: string, changes: t.IssueChanges): Promise<void> {
    const path = `${this.api}/issue/${encodeURIComponent(issueKey)}`;
    const fields: Record<string, unknown> = { ...changes.fields };
    if (changes.summary !== undefined) fields.summary = changes.summary;
    if (changes.description !== undefined) {
      fields.description = changes.description === null ? null : this.richTextValue(changes.description, { method: "PUT", path });
    }
    if (changes.priorityId !== undefined) fields.priority = { id: changes.priorityId };
    if (changes.labels !== undefined) fields.labels = changes.labels;
    if (changes.assigneeId !== undefined) fields.assignee = changes.assigneeId === null ? null : this.userReference(changes.assigneeId);
    for (const [fieldId, user] of Object.entries(changes.userFields ?? {})) fields[fieldId] = user === null ? null : this.userReference(user);
    const body = { fields, ...(changes.update && Object.keys(changes.update).length > 0 ? { update: changes.update } : {}) };
    await this.http.request({ method: "PUT", path, body, schema: s.ignoredBodySchema, issueKey, permission: "EDIT_ISSUES" });
  }

  async deleteIssue(issueKey: string, options: { deleteSubtasks?: boolean } = {}): Promise<void> {
    await this.http.request({
      method: "DELETE",
      path: `${this.api}/issue/${encodeURIComponent(issueKey)}`,
      query: { deleteSubtasks: options.deleteSubtasks ? "true" : undefined },
      schema: s.ignoredBodySchema,
      issueKey,
      permission: "DELETE_ISSUES",
    });
  }

  async assignIssue(issueKey: string, assignee: t.JiraUserId | null): Promise<void> {
    const body = this.userReference(assignee);
    await this.http.request({
      method: "PUT",
      path: `${this.api}/issue/${encodeURIComponent(issueKey)}/assignee`,
      body,
      schema: s.ignoredBodySchema,
      issueKey,
      permission: "ASSIGN_ISSUES",
    });
  }

  searchIssues(jql: string, options: t.SearchOptions = {}): AsyncIterable<t.JiraIssue> {
    return cursorPaged(async (cursor) => {
      const page = await this.searchIssuesPage(jql, { ...options, cursor });
      return { items: page.issues, nextCursor: page.nextCursor };
    });
  }

  async *epicChildren(epicKey: string, options: t.SearchOptions = {}): AsyncIterable<t.JiraIssue> {
    yield* this.searchIssues(await this.epicChildrenJql(epicKey), options);
  }

  listIssueLinkTypes(): Promise<t.IssueLinkType[]> {
    return linksApi.listIssueLinkTypes(this.http, this.api);
  }

  createIssueLink(link: t.IssueLinkDraft): Promise<void> {
    return linksApi.createIssueLink(this.http, this.api, link);
  }

  issueLinks(issueKey: string): Promise<t.IssueLink[]> {
    return linksApi.issueLinks(this.http, this.api, issueKey);
  }

  deleteIssueLink(linkId: string): Promise<void> {
    return linksApi.deleteIssueLink(this.http, this.api, linkId);
  }

  boardsForProject(projectKey: string): AsyncIterable<t.JiraBoard> {
    return agileApi.boardsForProject(this.http, projectKey);
  }

  getBoard(boardId: number): Promise<t.JiraBoard> {
    return agileApi.getBoard(this.http, boardId);
  }

  sprintsForBoard(boardId: number, options: { states?: Array<"future" | "active" | "closed"> } = {}): AsyncIterable<t.JiraSprint> {
    return agileApi.sprintsForBoard(this.http, boardId, options.states);
  }

  getSprint(sprintId: number): Promise<t.JiraSprint> {
    return agileApi.getSprint(this.http, sprintId);
  }

  createSprint(draft: t.SprintDraft): Promise<t.JiraSprint> {
    return agileApi.createSprint(this.http, draft);
  }

  moveIssuesToSprint(sprintId: number, issueKeys: string[]): Promise<void> {
    return agileApi.moveIssuesToSprint(this.http, sprintId, issueKeys);
  }

  moveIssuesToBacklog(issueKeys: string[]): Promise<void> {
    return agileApi.moveIssuesToBacklog(this.http, issueKeys);
  }

  // —— helpers for the flavours ——
  protected async projectWire(projectKey: string, expand?: "issueTypes"): Promise<z.infer<typeof s.projectSchema>> {
    return this.http.request({
      method: "GET",
      path: `${this.api}/project/${encodeURIComponent(projectKey)}`,
      query: { expand },
      schema: s.projectSchema,
    });
  }

  protected async withParentFields(fields: string[] | undefined): Promise<string[] | undefined> {
    if (!fields || fields.length === 0) return undefined;
    return [...new Set([...fields, ...(await this.parentFieldIds())])];
  }

  private async draftFields(draft: t.IssueDraft, path: string): Promise<Record<string, unknown>> {
    return {
      ...draft.fields,
      project: { key: draft.projectKey },
      issuetype: { id: draft.issueTypeId },
      summary: draft.summary,
      ...(draft.description ? { description: this.richTextValue(draft.description, { method: "POST", path }) } : {}),
      ...(draft.assigneeId ? { assignee: this.userReference(draft.assigneeId) } : {}),
      ...(draft.priorityId ? { priority: { id: draft.priorityId } } : {}),
      ...(draft.labels ? { labels: draft.labels } : {}),
      ...(await this.epicFields(draft)),
    };
  }
}
