import type { JqlContext, JqlIssue, JqlUserRef, JqlValue } from "./types.ts";

/** A resolved operand: lower-cased text to compare, or null when it can match nothing (e.g. currentUser() when anonymous). */
export type Resolved = { ok: true; value: string | null } | { ok: false; message: string };

/** A field whose clauses compare identities (`=`, `IN`, `IS EMPTY`, and on some fields `<`/`>`). */
export type EqualityField = {
  kind: "equality";
  isEmpty(issue: JqlIssue): boolean;
  has(issue: JqlIssue, wanted: ReadonlySet<string>): boolean;
  resolve(value: JqlValue & { kind: "text" | "function" }, typedName: string): Resolved;
  /** Present when `<`, `>` … are allowed: sign of issue vs value, or null when they are not comparable. */
  compareTo?: (issue: JqlIssue, value: string) => number | null;
};
export type DateField = { kind: "date"; get(issue: JqlIssue): number };
export type TextField = { kind: "text"; get(issue: JqlIssue): string };
export type FieldDef = EqualityField | DateField | TextField;

const ISSUE_KEY = /^([a-z][a-z0-9_]*)-(\d+)$/i;

const lowerSet = (set: ReadonlySet<string> | undefined): ReadonlySet<string> | undefined => (set ? new Set([...set].map((name) => name.toLowerCase())) : undefined);

function doesNotExist(text: string, field: string): Resolved {
  return { ok: false, message: `The value '${text}' does not exist for the field '${field}'.` };
}

function noFunction(value: JqlValue & { kind: "function" }, field: string): Resolved {
  return { ok: false, message: `Function '${value.name}' is not supported for the field '${field}'.` };
}

/**
 * A named value checked against the site's known names; a numeric id is translated first
 * when the context knows the ids.
 */
function namedResolver(known: ReadonlySet<string> | undefined, byId: ReadonlyMap<string, string> | undefined) {
  return (value: JqlValue & { kind: "text" | "function" }, field: string): Resolved => {
    if (value.kind === "function") return noFunction(value, field);
    const byIdName = /^\d+$/.test(value.text) ? byId?.get(value.text) : undefined;
    const name = (byIdName ?? value.text).toLowerCase();
    if (known && !known.has(name)) return doesNotExist(value.text, field);
    return { ok: true, value: name };
  };
}

function issueKeyResolver(value: JqlValue & { kind: "text" | "function" }, field: string): Resolved {
  if (value.kind === "function") return noFunction(value, field);
  if (/^\d+$/.test(value.text)) return { ok: true, value: value.text };
  if (!ISSUE_KEY.test(value.text)) return { ok: false, message: `The issue key '${value.text}' for field '${field}' is invalid.` };
  return { ok: true, value: value.text.toLowerCase() };
}

function compareKeys(issueKey: string, value: string): number | null {
  const left = ISSUE_KEY.exec(issueKey);
  const right = ISSUE_KEY.exec(value);
  if (!left || !right || (left[1] as string).toLowerCase() !== (right[1] as string).toLowerCase()) return null;
  return Number(left[2]) - Number(right[2]);
}

/** Every name a user may be written as in JQL, lower-cased. */
export function userIdentities(user: JqlUserRef): string[] {
  const names = [user.accountId, user.name, user.key, user.displayName, user.email];
  return names.filter((name): name is string => typeof name === "string" && name !== "").map((name) => name.toLowerCase());
}

/** The one identity `currentUser()` stands for: the id the flavour keys users by. */
function strongestIdentity(user: JqlUserRef): string {
  return (user.accountId ?? user.key ?? user.name ?? user.email ?? user.displayName).toLowerCase();
}

const STATUS_CATEGORIES: ReadonlyMap<string, string> = new Map([
  ["new", "new"], ["to do", "new"], ["2", "new"],
  ["indeterminate", "indeterminate"], ["in progress", "indeterminate"], ["4", "indeterminate"],
  ["done", "done"], ["complete", "done"], ["3", "done"],
  ["undefined", "undefined"], ["no category", "undefined"], ["1", "undefined"],
]);

function singleValued(get: (issue: JqlIssue) => string | null, resolve: EqualityField["resolve"], compareTo?: EqualityField["compareTo"]): EqualityField {
  const field: EqualityField = {
    kind: "equality",
    isEmpty: (issue) => get(issue) === null,
    has: (issue, wanted) => {
      const value = get(issue);
      return value !== null && wanted.has(value.toLowerCase());
    },
    resolve,
  };
  if (compareTo) field.compareTo = compareTo;
  return field;
}

/** JQL names (lower-cased) → the field they denote; several are aliases Jira accepts. */
export const FIELD_NAMES: ReadonlyMap<string, string> = new Map([
  ["project", "project"], ["key", "key"], ["issuekey", "key"], ["id", "key"], ["issue", "key"],
  ["issuetype", "issuetype"], ["type", "issuetype"], ["parent", "parent"], ["epic link", "epicLink"],
  ["status", "status"], ["statuscategory", "statusCategory"], ["assignee", "assignee"], ["labels", "labels"],
  ["summary", "summary"], ["text", "summary"], ["priority", "priority"],
  ["created", "created"], ["createddate", "created"], ["updated", "updated"], ["updateddate", "updated"],
]);

const CUSTOM_FIELD_CLAUSE = /^cf\[(\d+)\]$/i;

/**
 * The lower-cased JQL name a clause refers to: `cf[NNNNN]` (Jira's id form for custom fields)
 * becomes the custom field's name; an unknown id stays as written and so does not exist.
 */
export function clauseFieldName(field: string, ctx: Pick<JqlContext, "customFieldNames">): string {
  const custom = CUSTOM_FIELD_CLAUSE.exec(field.trim());
  const name = custom ? ctx.customFieldNames?.get(custom[1] ?? "") : undefined;
  return (name ?? field).toLowerCase();
}

/** The field definitions for one compile: known-name sets and the flavour shape how values resolve. */
export function fieldDefinitions(ctx: JqlContext): ReadonlyMap<string, FieldDef> {
  const projects = lowerSet(ctx.knownProjectKeys);
  const statuses = lowerSet(ctx.knownStatuses);
  const issueTypes = lowerSet(ctx.knownIssueTypes);
  const priorities = ctx.priorityOrder?.map((name) => name.toLowerCase());
  const priorityRank = (name: string | null): number | null => {
    if (name === null || !priorities) return null;
    const index = priorities.indexOf(name.toLowerCase());
    return index < 0 ? null : index;
  };
  // Cloud folds Epic children into `parent`; Data Center keeps `parent` for sub-tasks only.
  const epicParent = (issue: JqlIssue): string[] => [issue.parentKey, issue.epicLinkKey].filter((key): key is string => key !== null);
  const parentOf: (issue: JqlIssue) => string[] = ctx.flavor === "cloud" ? epicParent : (issue) => (issue.parentKey === null ? [] : [issue.parentKey]);
  const epicOf: (issue: JqlIssue) => string[] = ctx.flavor === "cloud" ? epicParent : (issue) => (issue.epicLinkKey === null ? [] : [issue.epicLinkKey]);
  const keysField = (get: (issue: JqlIssue) => string[]): EqualityField => ({
    kind: "equality",
    isEmpty: (issue) => get(issue).length === 0,
    has: (issue, wanted) => get(issue).some((key) => wanted.has(key.toLowerCase())),
    resolve: issueKeyResolver,
  });

  return new Map<string, FieldDef>([
    ["project", singleValued((issue) => issue.projectKey, namedResolver(projects, ctx.projectKeysById))],
    [
      "key",
      {
        kind: "equality",
        isEmpty: () => false,
        has: (issue, wanted) => wanted.has(issue.key.toLowerCase()) || wanted.has(issue.id),
        resolve: issueKeyResolver,
        compareTo: (issue, value) => (/^\d+$/.test(value) ? Number(issue.id) - Number(value) : compareKeys(issue.key, value)),
      },
    ],
    ["issuetype", singleValued((issue) => issue.issueType, namedResolver(issueTypes, ctx.issueTypeNamesById))],
    ["parent", keysField(parentOf)],
    ["epicLink", keysField(epicOf)],
    ["status", singleValued((issue) => issue.status, namedResolver(statuses, ctx.statusNamesById))],
    [
      "statusCategory",
      singleValued(
        (issue) => issue.statusCategory,
        (value, field) => {
          if (value.kind === "function") return noFunction(value, field);
          const category = STATUS_CATEGORIES.get(value.text.toLowerCase());
          return category === undefined ? doesNotExist(value.text, field) : { ok: true, value: category };
        },
      ),
    ],
    [
      "assignee",
      {
        kind: "equality",
        isEmpty: (issue) => issue.assignee === null,
        has: (issue, wanted) => issue.assignee !== null && userIdentities(issue.assignee).some((name) => wanted.has(name)),
        resolve: (value, field) => {
          if (value.kind === "text") return { ok: true, value: value.text.toLowerCase() };
          if (value.name.toLowerCase() !== "currentuser") return noFunction(value, field);
          return { ok: true, value: ctx.currentUser ? strongestIdentity(ctx.currentUser) : null };
        },
      },
    ],
    [
      "labels",
      {
        kind: "equality",
        isEmpty: (issue) => issue.labels.length === 0,
        has: (issue, wanted) => issue.labels.some((label) => wanted.has(label.toLowerCase())),
        resolve: (value, field) => (value.kind === "function" ? noFunction(value, field) : { ok: true, value: value.text.toLowerCase() }),
      },
    ],
    ["summary", { kind: "text", get: (issue) => issue.summary }],
    [
      "priority",
      singleValued(
        (issue) => issue.priority,
        (value, field) => {
          if (value.kind === "function") return noFunction(value, field);
          const name = value.text.toLowerCase();
          if (priorities && !priorities.includes(name)) return doesNotExist(value.text, field);
          return { ok: true, value: name };
        },
        priorities
          ? (issue, value) => {
              const left = priorityRank(issue.priority);
              const right = priorityRank(value);
              // Higher priority ranks first in the list, and Jira calls it "greater".
              return left === null || right === null ? null : right - left;
            }
          : undefined,
      ),
    ],
    ["created", { kind: "date", get: (issue) => issue.created.getTime() }],
    ["updated", { kind: "date", get: (issue) => issue.updated.getTime() }],
  ]);
}

