import { statusCategories } from "../model/catalog.ts";
import type {
  FieldDef,
  IssueTypeDef,
  LinkTypeDef,
  PriorityDef,
  ResolutionDef,
  SimProject,
  StatusDef,
} from "../model/types.ts";
import { apiBase, type RenderContext } from "./context.ts";
import { renderUserByKey } from "./users.ts";

type Json = Record<string, unknown>;

/** Team-managed items name their project (`scope`), as Jira's `Scope` schema describes. */
function renderScope(def: { scopeProjectId?: string }): Json {
  return def.scopeProjectId === undefined ? {} : { scope: { type: "PROJECT", project: { id: def.scopeProjectId } } };
}

/** `withScope`: the issue type endpoints and `/project` say whose type it is; types embedded in issues do not (cloud-issue_created.json). */
export function renderIssueType(ctx: RenderContext, type: IssueTypeDef, options: { withScope?: boolean } = {}): Json {
  const base = {
    self: `${apiBase(ctx)}/issuetype/${type.id}`,
    id: type.id,
    description: type.description,
    iconUrl: `${ctx.baseUrl}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${type.avatarId}?size=medium`,
    name: type.name,
    subtask: type.subtask,
    avatarId: type.avatarId,
  };
  // Data Center issue types carry no hierarchy level; Cloud adds it. Only team-managed projects'
  // types carry an entityId (cloud-issue_created.json); company-managed ones have none
  // (cloud-issue_updated-status.json).
  if (ctx.store.flavor === "datacenter") return base;
  const teamManaged = type.scopeProjectId !== undefined;
  return { ...base, ...(teamManaged ? { entityId: type.entityId } : {}), hierarchyLevel: type.hierarchyLevel, ...(options.withScope ? renderScope(type) : {}) };
}

export function renderStatusCategory(ctx: RenderContext, key: StatusDef["category"]): Json {
  const category = statusCategories[key];
  return { self: `${apiBase(ctx)}/statuscategory/${category.id}`, ...category };
}

export function renderStatus(ctx: RenderContext, status: StatusDef, options: { withScope?: boolean } = {}): Json {
  return {
    ...(options.withScope ? renderScope(status) : {}),
    self: `${apiBase(ctx)}/status/${status.id}`,
    description: status.description,
    iconUrl: `${ctx.baseUrl}/`,
    name: status.name,
    id: status.id,
    statusCategory: renderStatusCategory(ctx, status.category),
  };
}

export function renderPriority(ctx: RenderContext, priority: PriorityDef): Json {
  return {
    self: `${apiBase(ctx)}/priority/${priority.id}`,
    iconUrl: `${ctx.baseUrl}/images/icons/priorities/${priority.iconName}.svg`,
    name: priority.name,
    id: priority.id,
  };
}

export function renderPriorityFull(ctx: RenderContext, priority: PriorityDef): Json {
  return {
    ...renderPriority(ctx, priority),
    statusColor: priority.statusColor,
    description: priority.description,
    ...(ctx.store.flavor === "cloud" ? { isDefault: priority.id === ctx.store.catalog.defaultPriorityId } : {}),
  };
}

export function renderResolution(ctx: RenderContext, resolution: ResolutionDef): Json {
  return { self: `${apiBase(ctx)}/resolution/${resolution.id}`, id: resolution.id, description: resolution.description, name: resolution.name };
}

export function renderLinkType(ctx: RenderContext, type: LinkTypeDef): Json {
  return { id: type.id, name: type.name, inward: type.inward, outward: type.outward, self: `${apiBase(ctx)}/issueLinkType/${type.id}` };
}

export function projectAvatarUrls(ctx: RenderContext, project: SimProject): Record<string, string> {
  const url = `${ctx.baseUrl}/secure/projectavatar?pid=${project.id}&avatarId=10421`;
  return { "48x48": url, "24x24": `${url}&size=small`, "16x16": `${url}&size=xsmall`, "32x32": `${url}&size=medium` };
}

/** The short project shape embedded in issues. */
export function renderProjectRef(ctx: RenderContext, project: SimProject): Json {
  return {
    self: `${apiBase(ctx)}/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: "software",
    ...(ctx.store.flavor === "cloud" ? { simplified: project.style === "next-gen" } : {}),
    avatarUrls: projectAvatarUrls(ctx, project),
  };
}

export function renderProject(ctx: RenderContext, project: SimProject, expand: ReadonlySet<string>): Json {
  const issueTypes = ctx.store.schemeOf(project.id).issueTypes.map((type) => renderIssueType(ctx, type, { withScope: true }));
  return {
    expand: "description,lead,issueTypes,url,projectKeys,permissions,insight",
    ...renderProjectRef(ctx, project),
    description: project.description,
    lead: renderUserByKey(ctx, project.leadKey),
    assigneeType: "UNASSIGNED",
    ...(ctx.store.flavor === "cloud" ? { style: project.style ?? "classic", isPrivate: false, properties: {} } : {}),
    ...(expand.has("issueTypes") || ctx.store.flavor === "datacenter" ? { issueTypes } : {}),
    components: [],
    versions: [],
    roles: {},
  };
}

export function renderField(field: FieldDef, flavor: "cloud" | "datacenter"): Json {
  return {
    id: field.id,
    ...(flavor === "cloud" ? { key: field.id } : {}),
    name: field.name,
    custom: field.custom,
    orderable: field.orderable,
    navigable: field.navigable,
    searchable: field.searchable,
    clauseNames: field.clauseNames,
    ...(field.schema ? { schema: field.schema } : {}),
    ...(flavor === "cloud" ? renderScope(field) : {}),
  };
}
