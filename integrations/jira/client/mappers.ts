import type { FieldWire, IssueTypeWire, IssueWire, StatusWire, UserWire } from "./schemas.ts";
import type { AdfDocument, ChangelogEntry, JiraField, JiraIssue, JiraIssueType, JiraStatus, JiraUser, RichText } from "./types.ts";

/** Wire → Tether types. Pure; the flavour differences are passed in, not detected. */

export type UserIdentity = "accountId" | "name";

export function toUser(wire: UserWire, identity: UserIdentity): JiraUser | null {
  const id = identity === "accountId" ? wire.accountId : (wire.name ?? wire.key);
  if (!id) return null;
  return {
    id,
    idKind: identity,
    key: identity === "name" ? (wire.key ?? null) : null,
    displayName: wire.displayName ?? id,
    email: wire.emailAddress ?? null,
    active: wire.active ?? true,
  };
}

export function toStatus(wire: StatusWire): JiraStatus {
  return { id: wire.id, name: wire.name, categoryKey: wire.statusCategory?.key ?? null };
}

/** Data Center reports no hierarchy level: sub-tasks are -1, the type named "Epic" is 1. */
export function toIssueType(wire: IssueTypeWire): JiraIssueType {
  const subtask = wire.subtask ?? false;
  const hierarchyLevel = wire.hierarchyLevel ?? (subtask ? -1 : wire.name.toLowerCase() === "epic" ? 1 : 0);
  return { id: wire.id, name: wire.name, subtask, hierarchyLevel };
}

export function toField(f: FieldWire): JiraField {
  return {
    id: f.id,
    name: f.name,
    custom: f.custom ?? f.id.startsWith("customfield_"),
    clauseNames: f.clauseNames ?? [],
    schema: f.schema
      ? {
          type: f.schema.type,
          custom: f.schema.custom ?? null,
          customId: f.schema.customId ?? null,
          items: f.schema.items ?? null,
          system: f.schema.system ?? null,
        }
      : null,
    scopeProjectId: f.scope?.project?.id ?? null,
  };
}

export function findEpicType(types: JiraIssueType[]): JiraIssueType | null {
  return types.find((t) => t.hierarchyLevel === 1) ?? types.find((t) => t.name.toLowerCase() === "epic") ?? null;
}

export function isAdfDocument(value: unknown): value is AdfDocument {
  return (
    typeof value === "object" &&
    value !== null &&
    "type" in value &&
    value.type === "doc" &&
    "content" in value &&
    Array.isArray(value.content)
  );
}

/** Whatever Jira holds in a rich-text field, as an opaque typed value. */
export function toRichText(value: unknown): RichText | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return { kind: "wiki", text: value };
  if (isAdfDocument(value)) return { kind: "adf", doc: value };
  return null;
}

export type IssueMapping = {
  identity: UserIdentity;
  /** Data Center: the Epic Link field holds the parent Epic's key. Cloud uses `parent`. */
  epicLinkFieldId: string | null;
};

export function toIssue(wire: IssueWire, mapping: IssueMapping): JiraIssue {
  const fields = wire.fields ?? {};
  const epicLink = mapping.epicLinkFieldId ? fields[mapping.epicLinkFieldId] : undefined;
  return {
    id: wire.id,
    key: wire.key,
    projectKey: fields.project?.key ?? null,
    summary: fields.summary ?? null,
    description: toRichText(fields.description),
    issueType: fields.issuetype ? toIssueType(fields.issuetype) : null,
    status: fields.status ? toStatus(fields.status) : null,
    assignee: fields.assignee ? toUser(fields.assignee, mapping.identity) : null,
    parentKey: fields.parent?.key ?? (typeof epicLink === "string" && epicLink !== "" ? epicLink : null),
    created: fields.created ?? null,
    updated: fields.updated ?? null,
    fields,
    changelog: wire.changelog ? wire.changelog.histories.map((h) => toChangelogEntry(h, mapping.identity)) : null,
  };
}

function toChangelogEntry(
  history: NonNullable<IssueWire["changelog"]>["histories"][number],
  identity: UserIdentity,
): ChangelogEntry {
  return {
    id: history.id,
    created: history.created,
    author: history.author ? toUser(history.author, identity) : null,
    items: history.items.map((item) => ({
      field: item.field,
      fieldId: item.fieldId,
      from: item.from === null || item.from === undefined ? null : String(item.from),
      fromString: item.fromString,
      to: item.to === null || item.to === undefined ? null : String(item.to),
      toString: item.toString,
    })),
  };
}
