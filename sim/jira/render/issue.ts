import type { ChangeGroup, SimComment, SimIssue } from "../model/types.ts";
import { templateField } from "../model/template-fields.ts";
import { renderTemplateFieldValue } from "./template-fields.ts";
import { richTextAsAdf, richTextAsString } from "./adf.ts";
import { renderSprintFieldValue } from "./agile.ts";
import { apiBase, memoized, type RenderContext } from "./context.ts";
import type { FieldSelection } from "./field-selection.ts";
import { renderIssueType, renderLinkType, renderPriority, renderProjectRef, renderResolution, renderStatus } from "./meta.ts";
import { jiraDateTime } from "./time.ts";
import { renderUserByKey } from "./users.ts";

type Json = Record<string, unknown>;

export const issueExpandAttribute = "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations";

export type IssueRenderOptions = {
  fields: FieldSelection;
  expand: ReadonlySet<string>;
  /** Webhook bodies on Cloud use `…/rest/api/2/{id}` (no `/issue/`), as captured from real Jira. */
  selfStyle?: "rest" | "webhook";
};

export function issueSelf(ctx: RenderContext, issue: SimIssue, style: "rest" | "webhook" = "rest"): string {
  if (style === "webhook" && ctx.store.flavor === "cloud") return `${apiBase(ctx)}/${issue.id}`;
  return `${apiBase(ctx)}/issue/${issue.id}`;
}

export function renderIssue(ctx: RenderContext, issue: SimIssue, options: IssueRenderOptions): Json {
  const fields: Json = {};
  for (const fieldId of options.fields.ids) {
    const value = renderFieldValue(ctx, issue, fieldId);
    if (value !== omit) fields[fieldId] = value;
  }
  const json: Json = {
    expand: issueExpandAttribute,
    id: String(issue.id),
    self: issueSelf(ctx, issue, options.selfStyle),
    key: issue.key,
  };
  if (options.fields.ids.length > 0) json.fields = fields;
  if (options.expand.has("names")) {
    json.names = Object.fromEntries(
      ctx.store.catalog.fields.filter((field) => options.fields.ids.includes(field.id)).map((field) => [field.id, field.name]),
    );
  }
  if (options.expand.has("changelog")) json.changelog = renderChangelogPage(ctx, issue.changelog, 0, issue.changelog.length);
  return json;
}

const omit = Symbol("omit");

function renderFieldValue(ctx: RenderContext, issue: SimIssue, fieldId: string): unknown {
  const { store } = ctx;
  const ids = store.catalog.customFieldIds;
  switch (fieldId) {
    case "summary":
      return issue.summary;
    case "description":
      if (issue.description === null) return null;
      return ctx.version === 3 ? richTextAsAdf(issue.description) : richTextAsString(issue.description);
    case "issuetype": {
      const type = store.catalog.issueTypes.find((candidate) => candidate.id === issue.issueTypeId);
      return type ? memoized(ctx, `issuetype:${type.id}`, () => renderIssueType(ctx, type)) : null;
    }
    case "project":
      return memoized(ctx, `project:${issue.projectId}`, () => renderProjectRef(ctx, store.projectOf(issue)));
    case "status": {
      const status = store.catalog.statuses.find((candidate) => candidate.id === issue.statusId);
      return status ? memoized(ctx, `status:${status.id}`, () => renderStatus(ctx, status)) : null;
    }
    case "priority": {
      const priority = store.catalog.priorities.find((candidate) => candidate.id === issue.priorityId);
      return priority ? memoized(ctx, `priority:${priority.id}`, () => renderPriority(ctx, priority)) : null;
    }
    case "assignee":
      return renderUserByKey(ctx, issue.assigneeKey);
    case "reporter":
      return renderUserByKey(ctx, issue.reporterKey);
    case "creator":
      return renderUserByKey(ctx, issue.creatorKey);
    case "labels":
      return issue.labels;
    case "created":
      return jiraDateTime(issue.created);
    case "updated":
      return jiraDateTime(issue.updated);
    case "statuscategorychangedate":
      return jiraDateTime(issue.statusCategoryChanged);
    case "resolution": {
      const resolution = store.catalog.resolutions.find((candidate) => candidate.id === issue.resolutionId);
      return resolution ? renderResolution(ctx, resolution) : null;
    }
    case "resolutiondate":
      return issue.resolutionDate === null ? null : jiraDateTime(issue.resolutionDate);
    case "duedate":
      return issue.dueDate;
    case "issuelinks":
      return renderIssueLinks(ctx, issue);
    case "subtasks":
      return store
        .childrenOf(issue.id)
        .filter((child) => isSubtask(ctx, child))
        .map((child) => renderIssueRef(ctx, child));
    case "comment":
      return renderCommentField(ctx, issue);
    case "parent": {
      if (issue.parentId === null) return omit;
      const parent = store.issues.get(issue.parentId);
      return parent ? renderIssueRef(ctx, parent) : omit;
    }
    default:
      break;
  }
  if (fieldId === ids.sprint) {
    if (issue.sprintIds.length === 0) return null;
    return issue.sprintIds.flatMap((id) => {
      const sprint = store.sprints.get(id);
      return sprint ? [renderSprintFieldValue(ctx, sprint)] : [];
    });
  }
  if (fieldId === ids.epicLink) {
    if (issue.epicLinkId === null) return null;
    return store.issues.get(issue.epicLinkId)?.key ?? null;
  }
  if (fieldId === ids.epicName) return issue.epicName;
  if (fieldId === ids.riskLevel) {
    const optionId = issue.custom[fieldId];
    const field = store.catalog.fields.find((candidate) => candidate.id === fieldId);
    const option = field?.options?.find((candidate) => candidate.id === optionId);
    return option ? { self: `${apiBase(ctx)}/customFieldOption/${option.id}`, value: option.value, id: option.id } : null;
  }
  const template = templateField(store.catalog.flavor, fieldId);
  if (template) return renderTemplateFieldValue(ctx, template, issue.custom[fieldId] ?? null, apiBase(ctx));
  return issue.custom[fieldId] ?? null;
}

export function isSubtask(ctx: RenderContext, issue: SimIssue): boolean {
  return ctx.store.catalog.issueTypes.find((type) => type.id === issue.issueTypeId)?.subtask ?? false;
}

/** The cut-down issue Jira embeds for parents, subtasks and links. */
export function renderIssueRef(ctx: RenderContext, issue: SimIssue): Json {
  const fields: Json = {};
  for (const fieldId of ["summary", "status", "priority", "issuetype"]) fields[fieldId] = renderFieldValue(ctx, issue, fieldId);
  return { id: String(issue.id), key: issue.key, self: issueSelf(ctx, issue), fields };
}

function renderIssueLinks(ctx: RenderContext, issue: SimIssue): Json[] {
  return ctx.store.linksOf(issue.id).flatMap((link) => {
    const type = ctx.store.catalog.linkTypes.find((candidate) => candidate.id === link.typeId);
    const otherId = link.inwardIssueId === issue.id ? link.outwardIssueId : link.inwardIssueId;
    const other = ctx.store.issues.get(otherId);
    if (!type || !other) return [];
    // Seen from this issue: if this issue is the inward one, the other is the outward issue.
    const side = link.inwardIssueId === issue.id ? "outwardIssue" : "inwardIssue";
    return [{ id: link.id, self: `${apiBase(ctx)}/issueLink/${link.id}`, type: renderLinkType(ctx, type), [side]: renderIssueRef(ctx, other) }];
  });
}

export function renderComment(ctx: RenderContext, issue: SimIssue, comment: SimComment): Json {
  return {
    self: `${apiBase(ctx)}/issue/${issue.id}/comment/${comment.id}`,
    id: comment.id,
    author: renderUserByKey(ctx, comment.authorKey),
    body: ctx.version === 3 ? richTextAsAdf(comment.body) : richTextAsString(comment.body),
    updateAuthor: renderUserByKey(ctx, comment.updateAuthorKey),
    created: jiraDateTime(comment.created),
    updated: jiraDateTime(comment.updated),
    ...(ctx.store.flavor === "cloud" ? { jsdPublic: true } : {}),
  };
}

function renderCommentField(ctx: RenderContext, issue: SimIssue): Json {
  return {
    comments: issue.comments.map((comment) => renderComment(ctx, issue, comment)),
    self: `${apiBase(ctx)}/issue/${issue.id}/comment`,
    maxResults: issue.comments.length,
    total: issue.comments.length,
    startAt: 0,
  };
}

export function renderChangeGroup(ctx: RenderContext, group: ChangeGroup): Json {
  const cloud = ctx.store.flavor === "cloud";
  return {
    id: group.id,
    author: renderUserByKey(ctx, group.authorKey),
    created: jiraDateTime(group.created),
    items: group.items.map((item) => ({
      field: item.field,
      fieldtype: item.fieldtype,
      ...(cloud ? { fieldId: item.fieldId } : {}),
      // The OpenAPI document types these as non-null strings, so absent values are left out.
      ...(item.from !== null ? { from: item.from } : {}),
      ...(item.fromString !== null ? { fromString: item.fromString } : {}),
      ...(item.to !== null ? { to: item.to } : {}),
      ...(item.toString !== null ? { toString: item.toString } : {}),
    })),
  };
}

export function renderChangelogPage(ctx: RenderContext, groups: readonly ChangeGroup[], startAt: number, maxResults: number): Json {
  const page = groups.slice(startAt, startAt + maxResults);
  return { startAt, maxResults: Math.max(maxResults, page.length), total: groups.length, histories: page.map((group) => renderChangeGroup(ctx, group)) };
}
