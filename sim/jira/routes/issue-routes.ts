import { z } from "zod";
import { assignIssue, createIssue, deleteIssue, editIssue } from "../commands/issue-commands.ts";
import { badRequest, JiraHttpError } from "../http/errors.ts";
import { parseBody, queryInt, queryList, readJsonBody } from "../http/request.ts";
import type { RouteTable } from "../http/router.ts";
import type { ApiVersion, SimIssue, SimUser } from "../model/types.ts";
import type { RenderContext } from "../render/context.ts";
import { parseExpand, selectFields } from "../render/field-selection.ts";
import { issueSelf, renderChangeGroup, renderIssue } from "../render/issue.ts";
import type { SimRuntime } from "../runtime.ts";
import { canSeeIssue, jsonResponse, noContent, requireUser, restActor, visibleIssue } from "./helpers.ts";
import { param } from "../http/request.ts";

const fieldMap = z.record(z.string(), z.unknown());
export const issueUpdateSchema = z
  .object({
    fields: fieldMap.optional(),
    update: fieldMap.optional(),
    properties: z.array(z.object({ key: z.string(), value: z.unknown() })).optional(),
    historyMetadata: z.unknown().optional(),
    transition: z.unknown().optional(),
  })
  .loose();

const bulkCreateSchema = z.object({ issueUpdates: z.array(z.unknown()) }).loose();
const bulkFetchSchema = z
  .object({
    issueIdsOrKeys: z.array(z.string()),
    fields: z.array(z.string()).optional(),
    expand: z.array(z.string()).optional(),
    properties: z.array(z.string()).optional(),
    fieldsByKeys: z.boolean().optional(),
  })
  .strict();
const cloudAssigneeSchema = z.object({ accountId: z.string().nullable() }).loose();
const dcAssigneeSchema = z.object({ name: z.string().nullable() }).loose();

export function renderIssueForRequest(ctx: RenderContext, issue: SimIssue, fields: readonly string[], expand: ReadonlySet<string>, properties: readonly string[]) {
  const json = renderIssue(ctx, issue, { fields: selectFields(fields, "*all", ctx.store.catalog.fields), expand });
  const keys = properties.flatMap((value) => value.split(",")).filter(Boolean);
  if (keys.length > 0) json.properties = Object.fromEntries(keys.filter((key) => key in issue.properties).map((key) => [key, issue.properties[key]]));
  return json;
}

/** Issue CRUD, assignment, bulk create/fetch, changelog and properties. */
export function registerIssueRoutes(routes: RouteTable, runtime: SimRuntime, base: string, version: ApiVersion): void {
  const ctx = () => runtime.render(version);
  const cloud = runtime.site.flavor === "cloud";
  const created = (issue: SimIssue) => ({ id: String(issue.id), key: issue.key, self: issueSelf(ctx(), issue) });

  routes.post(`${base}/issue`, async (c) => {
    const actor = restActor(c, version);
    const body = await parseBody(c, issueUpdateSchema, "IssueUpdateBean");
    const issue = createIssue(runtime.deps, actor, { fields: body.fields ?? {}, update: body.update ?? {} });
    // Jira sets entity properties given with the create in the same commit (IssueUpdateBean.properties).
    for (const property of body.properties ?? []) issue.properties[property.key] = property.value;
    return jsonResponse(created(issue), 201);
  });

  routes.post(`${base}/issue/bulk`, async (c) => {
    const actor = restActor(c, version);
    const body = await parseBody(c, bulkCreateSchema, "IssuesUpdateBean");
    if (body.issueUpdates.length > 50) throw badRequest(["The number of issues to create exceeds the limit of 50."]);
    const issues: unknown[] = [];
    const errors: unknown[] = [];
    body.issueUpdates.forEach((raw, index) => {
      try {
        const parsed = issueUpdateSchema.safeParse(raw);
        if (!parsed.success) throw badRequest(["Can not deserialize IssueUpdateBean"]);
        issues.push(created(createIssue(runtime.deps, actor, { fields: parsed.data.fields ?? {}, update: parsed.data.update ?? {} })));
      } catch (error) {
        if (!(error instanceof JiraHttpError)) throw error;
        errors.push({ status: error.status, elementErrors: error.body(), failedElementNumber: index });
      }
    });
    return new Response(JSON.stringify({ issues, errors }), {
      status: issues.length === 0 && errors.length > 0 ? 400 : 201,
      headers: { "Content-Type": "application/json;charset=UTF-8" },
    });
  });

  if (cloud) {
    routes.post(`${base}/issue/bulkfetch`, async (c) => {
      const user = requireUser(c);
      const body = await parseBody(c, bulkFetchSchema, "BulkFetchIssueRequestBean");
      if (body.issueIdsOrKeys.length === 0) throw badRequest(["At least one issue ID or key must be provided."]);
      if (body.issueIdsOrKeys.length > 100) throw badRequest(["The number of issue IDs or keys must not exceed 100."]);
      const expand = new Set(body.expand ?? []);
      const issues: unknown[] = [];
      const issueErrors: unknown[] = [];
      for (const ref of body.issueIdsOrKeys) {
        const issue = runtime.store.issueByIdOrKey(ref);
        if (!issue || !canSeeIssue(runtime, user, issue)) {
          issueErrors.push({ id: ref, errorMessage: "Issue does not exist or you do not have permission to see it." });
          continue;
        }
        issues.push(renderIssueForRequest(ctx(), issue, body.fields ?? ["*navigable"], expand, body.properties ?? []));
      }
      return jsonResponse({ issues, issueErrors });
    });
  }

  routes.get(`${base}/issue/:issueIdOrKey`, (c) => {
    const issue = visibleIssue(runtime, requireUser(c), param(c, "issueIdOrKey"));
    const expand = parseExpand(queryList(c, "expand"));
    return jsonResponse(renderIssueForRequest(ctx(), issue, queryList(c, "fields"), expand, queryList(c, "properties")));
  });

  routes.put(`${base}/issue/:issueIdOrKey`, async (c) => {
    const actor = restActor(c, version);
    const issue = visibleIssue(runtime, actor.user, param(c, "issueIdOrKey"));
    const body = await parseBody(c, issueUpdateSchema, "IssueUpdateBean");
    editIssue(runtime.deps, actor, issue, { fields: body.fields ?? {}, update: body.update ?? {} });
    for (const property of body.properties ?? []) issue.properties[property.key] = property.value;
    if (c.req.query("returnIssue") === "true") {
      return jsonResponse(renderIssueForRequest(ctx(), issue, [], parseExpand(queryList(c, "expand")), []));
    }
    return noContent();
  });

  routes.delete(`${base}/issue/:issueIdOrKey`, (c) => {
    const actor = restActor(c, version);
    const issue = visibleIssue(runtime, actor.user, param(c, "issueIdOrKey"));
    deleteIssue(runtime.deps, actor, issue, c.req.query("deleteSubtasks") === "true");
    return noContent();
  });

  routes.put(`${base}/issue/:issueIdOrKey/assignee`, async (c) => {
    const actor = restActor(c, version);
    const issue = visibleIssue(runtime, actor.user, param(c, "issueIdOrKey"));
    const assignee = await readAssignee(c, cloud, runtime);
    assignIssue(runtime.deps, actor, issue, assignee === null ? null : assignee.key);
    return noContent();
  });

  routes.get(`${base}/issue/:issueIdOrKey/changelog`, (c) => {
    const issue = visibleIssue(runtime, requireUser(c), param(c, "issueIdOrKey"));
    const startAt = queryInt(c, "startAt", 0);
    const maxResults = Math.min(queryInt(c, "maxResults", 100), 100);
    const page = issue.changelog.slice(startAt, startAt + maxResults);
    const isLast = startAt + page.length >= issue.changelog.length;
    const self = `${base}/issue/${issue.key}/changelog`;
    return jsonResponse({
      self: `${runtime.site.baseUrl}${self}?startAt=${startAt}&maxResults=${maxResults}`,
      ...(isLast ? {} : { nextPage: `${runtime.site.baseUrl}${self}?startAt=${startAt + maxResults}&maxResults=${maxResults}` }),
      maxResults,
      startAt,
      total: issue.changelog.length,
      isLast,
      values: page.map((group) => renderChangeGroup(ctx(), group)),
    });
  });

  routes.get(`${base}/issue/:issueIdOrKey/properties`, (c) => {
    const issue = visibleIssue(runtime, requireUser(c), param(c, "issueIdOrKey"));
    return jsonResponse({
      keys: Object.keys(issue.properties).map((key) => ({ key, self: `${runtime.site.baseUrl}${base}/issue/${issue.id}/properties/${encodeURIComponent(key)}` })),
    });
  });
  routes.get(`${base}/issue/:issueIdOrKey/properties/:propertyKey`, (c) => {
    const issue = visibleIssue(runtime, requireUser(c), param(c, "issueIdOrKey"));
    const key = param(c, "propertyKey");
    if (!(key in issue.properties)) throw new JiraHttpError(404, [`The property with key '${key}' does not exist.`]);
    return jsonResponse({ key, value: issue.properties[key] });
  });
  routes.put(`${base}/issue/:issueIdOrKey/properties/:propertyKey`, async (c) => {
    const user = requireUser(c);
    const issue = visibleIssue(runtime, user, param(c, "issueIdOrKey"));
    requireEdit(runtime, user, issue);
    const key = param(c, "propertyKey");
    if (key.length > 255) throw badRequest(["The property key can't be longer than 255 characters."]);
    const value = await readJsonBody(c);
    const existed = key in issue.properties;
    issue.properties[key] = value;
    return new Response(null, { status: existed ? 200 : 201 });
  });
  routes.delete(`${base}/issue/:issueIdOrKey/properties/:propertyKey`, (c) => {
    const user = requireUser(c);
    const issue = visibleIssue(runtime, user, param(c, "issueIdOrKey"));
    requireEdit(runtime, user, issue);
    const key = param(c, "propertyKey");
    if (!(key in issue.properties)) throw new JiraHttpError(404, [`The property with key '${key}' does not exist.`]);
    delete issue.properties[key];
    return noContent();
  });
}

function requireEdit(runtime: SimRuntime, user: SimUser, issue: SimIssue): void {
  if (!runtime.store.hasProjectPermission(user, issue.projectId, "EDIT_ISSUES")) {
    throw new JiraHttpError(403, ["You do not have permission to edit issues in this project."]);
  }
}

async function readAssignee(c: Parameters<Parameters<RouteTable["put"]>[1]>[0], cloud: boolean, runtime: SimRuntime): Promise<SimUser | null> {
  if (cloud) {
    const body = await parseBody(c, cloudAssigneeSchema, "User");
    if (body.accountId === null || body.accountId === "-1") return null;
    const user = runtime.store.userByAccountId(body.accountId);
    if (!user) throw badRequest([], { assignee: `User with accountId '${body.accountId}' does not exist` });
    return user;
  }
  const body = await parseBody(c, dcAssigneeSchema, "UserBean");
  if (body.name === null || body.name === "-1") return null;
  const user = runtime.store.userByName(body.name);
  if (!user) throw badRequest([], { assignee: `User '${body.name}' does not exist.` });
  return user;
}
