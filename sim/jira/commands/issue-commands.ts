import type { CustomValue, IssueTypeDef, RichText, SimIssue, SimProject } from "../model/types.ts";
import { richTextAsString } from "../render/adf.ts";
import { fieldErrors, JiraHttpError } from "../http/errors.ts";
import { buildView } from "../search/jql-view.ts";
import { ChangeRecorder } from "./changes.ts";
import { can, countWrite, requirePermission, type Actor, type CommandDeps } from "./deps.ts";
import { FieldErrors, parseIssueFields, storedRichText, type IssueInput } from "./field-input.ts";
import { addComment } from "./comment-commands.ts";
import { checkOnScreen, checkRequired } from "./screen-check.ts";

export type IssueWriteBody = { fields: Record<string, unknown>; update: Record<string, unknown> };

function issueTypeOf(deps: CommandDeps, id: string): IssueTypeDef {
  const type = deps.store.catalog.issueTypes.find((candidate) => candidate.id === id);
  if (!type) throw new Error(`unknown issue type ${id}`);
  return type;
}

/** Validates the hierarchy rules: Cloud parents (epic → standard → subtask), Data Center subtasks + Epic Link. */
function checkHierarchy(deps: CommandDeps, type: IssueTypeDef, project: SimProject, input: IssueInput, current: SimIssue | null, errors: FieldErrors): void {
  const { store } = deps;
  const ids = store.catalog.customFieldIds;
  const parentId = input.parentId !== undefined ? input.parentId : (current?.parentId ?? null);
  if (type.subtask) {
    if (parentId === null) errors.add("issuetype", "Issue type is a sub-task but parent issue key or id not specified.");
  }
  if (input.parentId !== undefined && input.parentId !== null) {
    const parent = store.issues.get(input.parentId);
    const parentType = parent ? issueTypeOf(deps, parent.issueTypeId) : undefined;
    const fits =
      parent !== undefined &&
      parentType !== undefined &&
      parent.id !== current?.id &&
      (type.subtask
        ? !parentType.subtask && parent.projectId === project.id && parentType.hierarchyLevel === 0
        : store.flavor === "cloud" && parentType.hierarchyLevel === type.hierarchyLevel + 1);
    if (!fits) {
      if (!type.subtask && store.flavor === "datacenter") errors.add("parent", "Field 'parent' cannot be set. It is not on the appropriate screen, or unknown.");
      else errors.add("parent", "Given parent issue does not belong to appropriate hierarchy.");
    }
    if (current && type.subtask && current.parentId !== input.parentId) errors.add("parent", "Subtask parent can only be changed by moving the issue.");
  }
  if (ids.epicLink && input.epicLinkId !== undefined && input.epicLinkId !== null) {
    const epic = store.issues.get(input.epicLinkId);
    if (!epic || issueTypeOf(deps, epic.issueTypeId).hierarchyLevel !== 1) errors.add(ids.epicLink, `Issue '${epic?.key ?? ""}' is not an Epic.`);
    else if (type.hierarchyLevel !== 0) errors.add(ids.epicLink, "Epics and sub-tasks cannot be linked to an epic.");
  }
  if (ids.epicName) {
    if (type.hierarchyLevel === 1 && !current && !input.epicName) errors.add(ids.epicName, "Epic Name is required.");
    if (type.hierarchyLevel !== 1 && input.epicName !== undefined) errors.add(ids.epicName, `Field '${ids.epicName}' cannot be set. It is not on the appropriate screen, or unknown.`);
  }
}

function checkAssignable(deps: CommandDeps, actor: Actor, project: SimProject, input: IssueInput, errors: FieldErrors): void {
  if (input.assigneeKey === undefined || input.assigneeKey === null || actor.origin === "control") return;
  const user = deps.store.userByKey(input.assigneeKey);
  if (user && !deps.store.hasProjectPermission(user, project.id, "ASSIGNABLE_USER")) {
    errors.add("assignee", `User '${deps.store.flavor === "cloud" ? user.accountId : user.name}' cannot be assigned issues.`);
  }
}

export function createIssue(deps: CommandDeps, actor: Actor, body: IssueWriteBody): SimIssue {
  const { store } = deps;
  const errors = new FieldErrors();
  // The screen depends on the project and issue type, so resolve those first.
  const target = parseIssueFields({ store, version: actor.version, mode: "create" }, pick(body.fields, ["project", "issuetype"]), {}, new FieldErrors());
  const screen = target.projectId && target.issueTypeId ? store.screensFor(target.projectId, target.issueTypeId).create : null;
  if (screen) checkOnScreen(actor, screen, body, "create", errors);
  const input = parseIssueFields({ store, version: actor.version, mode: "create" }, body.fields, body.update, errors);
  if (!("project" in body.fields)) errors.add("project", "Specify a valid project ID or key");
  if (!("issuetype" in body.fields)) errors.add("issuetype", "Specify an issue type");
  if (!("summary" in body.fields)) errors.add("summary", "You must specify a summary of the issue.");
  if (screen) checkRequired(store, actor, screen, body, "create", errors);
  const project = input.projectId ? store.projects.get(input.projectId) : undefined;
  if (project && !can(deps, actor, project.id, "CREATE_ISSUES")) {
    throw fieldErrors({ project: "You do not have permission to create issues in this project." });
  }
  if (!project || !input.issueTypeId || input.summary === undefined || !errors.empty) {
    throw fieldErrors(errors.errors);
  }
  const scheme = store.schemeOf(project.id);
  // A team-managed project's types are its own; the site's types are not valid there, nor its types elsewhere.
  if (!scheme.issueTypes.some((candidate) => candidate.id === input.issueTypeId)) throw fieldErrors({ issuetype: "Specify a valid issue type" });
  const type = issueTypeOf(deps, input.issueTypeId);
  checkHierarchy(deps, type, project, input, null, errors);
  checkAssignable(deps, actor, project, input, errors);
  if (!errors.empty) throw fieldErrors(errors.errors);

  const now = deps.now();
  const id = store.nextId("issueId");
  const issue: SimIssue = {
    id,
    key: `${project.key}-${project.nextIssueNumber++}`,
    projectId: project.id,
    issueTypeId: type.id,
    statusId: scheme.statuses[0]?.id ?? "10000",
    summary: input.summary,
    description: input.description ? storedRichText(store, input.description) : null,
    assigneeKey: input.assigneeKey ?? null,
    reporterKey: input.reporterKey ?? actor.user.key,
    creatorKey: actor.user.key,
    priorityId: input.priorityId === undefined ? store.catalog.defaultPriorityId : input.priorityId,
    labels: applyLabels([], input),
    parentId: input.parentId ?? null,
    epicLinkId: input.epicLinkId ?? null,
    epicName: input.epicName ?? null,
    sprintIds: input.sprintId ? [input.sprintId] : [],
    resolutionId: null,
    resolutionDate: null,
    dueDate: input.dueDate ?? null,
    custom: { ...(input.custom ?? {}), [store.catalog.customFieldIds.rank]: `0|i${id.toString(36).padStart(5, "0")}:` },
    created: now,
    updated: now,
    statusCategoryChanged: now,
    comments: [],
    properties: {},
    changelog: [],
  };
  store.insertIssue(issue);
  countWrite(deps, actor, issue);
  deps.events.issueCreated(issue, actor.user, String(store.nextId("changeGroupId")));
  return issue;
}

function pick(fields: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => key in fields).map((key) => [key, fields[key]]));
}

function applyLabels(current: readonly string[], input: IssueInput): string[] {
  if (!input.labels) return [...current];
  const labels = new Set(input.labels.set ?? current);
  input.labels.add.forEach((label) => labels.add(label));
  input.labels.remove.forEach((label) => labels.delete(label));
  return [...labels].sort();
}

export function editIssue(deps: CommandDeps, actor: Actor, issue: SimIssue, body: IssueWriteBody): void {
  const { store } = deps;
  const project = store.projectOf(issue);
  if (!can(deps, actor, project.id, "EDIT_ISSUES")) {
    // Without Edit Issues the edit screen is empty, so Jira rejects every field as not on the screen.
    const errors: Record<string, string> = {};
    for (const fieldId of [...Object.keys(body.fields), ...Object.keys(body.update)]) {
      errors[fieldId] = `Field '${fieldId}' cannot be set. It is not on the appropriate screen, or unknown.`;
    }
    throw new JiraHttpError(400, Object.keys(errors).length === 0 ? ["You do not have permission to edit issues in this project."] : [], errors);
  }
  const errors = new FieldErrors();
  const screen = store.screensFor(issue.projectId, issue.issueTypeId).edit;
  checkOnScreen(actor, screen, body, "edit", errors);
  const input = parseIssueFields({ store, version: actor.version, mode: "edit" }, body.fields, body.update, errors);
  checkRequired(store, actor, screen, body, "edit", errors);
  if (!errors.empty) throw fieldErrors(errors.errors);
  const type = issueTypeOf(deps, issue.issueTypeId);
  checkHierarchy(deps, type, project, input, issue, errors);
  checkAssignable(deps, actor, project, input, errors);
  if (!errors.empty) throw fieldErrors(errors.errors);
  if (input.comments && !can(deps, actor, project.id, "ADD_COMMENTS")) {
    throw fieldErrors({ comment: "You do not have the permission to comment on this issue." });
  }
  applyInput(deps, actor, issue, input, "issue_updated");
  for (const body of input.comments ?? []) addComment(deps, actor, issue, body);
}

/** Applies resolved field values, records the changelog and fires the webhook. Shared by edit and transition. */
export function applyInput(
  deps: CommandDeps,
  actor: Actor,
  issue: SimIssue,
  input: IssueInput,
  eventTypeName: string,
  extra?: (changes: ChangeRecorder) => void,
): void {
  const { store } = deps;
  const catalog = store.catalog;
  const ids = catalog.customFieldIds;
  store.beforeIssueWrite(issue);
  const changes = new ChangeRecorder(store);
  extra?.(changes);
  if (input.summary !== undefined) {
    changes.system("summary", "summary", null, issue.summary, null, input.summary);
    issue.summary = input.summary;
  }
  if (input.description !== undefined) {
    const next = input.description === null ? null : storedRichText(store, input.description);
    changes.description(issue.description, next);
    issue.description = next;
  }
  if (input.assigneeKey !== undefined) {
    changes.user("assignee", issue.assigneeKey, input.assigneeKey);
    issue.assigneeKey = input.assigneeKey;
  }
  if (input.reporterKey !== undefined) {
    changes.user("reporter", issue.reporterKey, input.reporterKey);
    issue.reporterKey = input.reporterKey;
  }
  if (input.priorityId !== undefined) {
    const name = (id: string | null) => catalog.priorities.find((priority) => priority.id === id)?.name ?? null;
    changes.system("priority", "priority", issue.priorityId, name(issue.priorityId), input.priorityId, name(input.priorityId));
    issue.priorityId = input.priorityId;
  }
  if (input.labels) {
    const next = applyLabels(issue.labels, input);
    changes.system("labels", "labels", null, issue.labels.join(" ") || null, null, next.join(" ") || null);
    issue.labels = next;
  }
  if (input.dueDate !== undefined) {
    changes.system("duedate", "duedate", issue.dueDate, issue.dueDate, input.dueDate, input.dueDate);
    issue.dueDate = input.dueDate;
  }
  if (input.parentId !== undefined && input.parentId !== issue.parentId) {
    const key = (id: number | null) => (id === null ? null : (store.issues.get(id)?.key ?? null));
    changes.system("parent", "IssueParentAssociation", issue.parentId === null ? null : String(issue.parentId), key(issue.parentId), input.parentId === null ? null : String(input.parentId), key(input.parentId));
    store.setParent(issue, input.parentId);
  }
  if (ids.epicLink && input.epicLinkId !== undefined && input.epicLinkId !== issue.epicLinkId) {
    const key = (id: number | null) => (id === null ? null : (store.issues.get(id)?.key ?? null));
    changes.custom(ids.epicLink, "Epic Link", issue.epicLinkId === null ? null : String(issue.epicLinkId), key(issue.epicLinkId), input.epicLinkId === null ? null : String(input.epicLinkId), key(input.epicLinkId));
    store.setEpicLink(issue, input.epicLinkId);
  }
  if (ids.epicName && input.epicName !== undefined) {
    changes.custom(ids.epicName, "Epic Name", null, issue.epicName, null, input.epicName);
    issue.epicName = input.epicName;
  }
  if (input.sprintId !== undefined) {
    const closed = issue.sprintIds.filter((id) => store.sprints.get(id)?.state === "closed");
    const next = input.sprintId === null ? closed : [...closed.filter((id) => id !== input.sprintId), input.sprintId];
    changes.sprints(ids.sprint, issue.sprintIds, next);
    store.setSprints(issue, next);
  }
  if (input.resolutionId !== undefined) {
    const name = (id: string | null) => catalog.resolutions.find((resolution) => resolution.id === id)?.name ?? null;
    changes.system("resolution", "resolution", issue.resolutionId, name(issue.resolutionId), input.resolutionId, name(input.resolutionId));
    issue.resolutionId = input.resolutionId;
    issue.resolutionDate = input.resolutionId === null ? null : deps.now();
  }
  for (const [fieldId, value] of Object.entries(input.custom ?? {})) {
    const field = catalog.fields.find((candidate) => candidate.id === fieldId);
    const optionName = (raw: string | number) => field?.options?.find((option) => option.id === raw)?.value ?? String(raw);
    const display = (raw: CustomValue | undefined) => {
      if (raw === null || raw === undefined) return null;
      if (Array.isArray(raw)) return raw.map(optionName).join(",");
      if (typeof raw === "object") return richTextAsString(raw as RichText);
      return optionName(raw as string | number);
    };
    const before = issue.custom[fieldId] ?? null;
    // Jira puts ids in from/to only for option fields; numbers and text go in the strings alone.
    const id = (raw: CustomValue) => {
      if (raw === null || !field?.options) return null;
      if (Array.isArray(raw)) return `[${raw.join(", ")}]`;
      return typeof raw === "object" ? null : String(raw);
    };
    changes.custom(fieldId, field?.name ?? fieldId, id(before), display(before), id(value), display(value));
    issue.custom[fieldId] = value;
  }
  if (changes.empty) return;
  const onlyAssignee = changes.items.every((item) => item.fieldId === "assignee");
  const group = changes.commit(issue, actor.user, deps.now());
  countWrite(deps, actor, issue);
  deps.events.issueUpdated(issue, actor.user, group.id, group.items, onlyAssignee && eventTypeName === "issue_updated" ? "issue_assigned" : eventTypeName);
}

export function assignIssue(deps: CommandDeps, actor: Actor, issue: SimIssue, assigneeKey: string | null): void {
  const project = deps.store.projectOf(issue);
  requirePermission(deps, actor, project.id, "ASSIGN_ISSUES", "You do not have permission to assign issues.");
  const errors = new FieldErrors();
  checkAssignable(deps, actor, project, { assigneeKey }, errors);
  if (!errors.empty) throw fieldErrors(errors.errors);
  applyInput(deps, actor, issue, { assigneeKey }, "issue_assigned");
}

export function deleteIssue(deps: CommandDeps, actor: Actor, issue: SimIssue, deleteSubtasks: boolean): void {
  const { store } = deps;
  requirePermission(deps, actor, issue.projectId, "DELETE_ISSUES", "You do not have permission to delete issues in this project.");
  const subtasks = store.childrenOf(issue.id).filter((child) => issueTypeOf(deps, child.issueTypeId).subtask);
  if (subtasks.length > 0 && !deleteSubtasks) {
    throw new JiraHttpError(400, [`The issue '${issue.key}' has subtasks. Set 'deleteSubtasks' to true to delete the issue with its subtasks.`]);
  }
  // The cascade is the deletion's fallout: Jira Cloud sends it on the Secondary webhook flow.
  deps.events.fallout(() => {
    for (const subtask of subtasks) removeWithEvent(deps, actor, subtask);
    // Children of a deleted epic stay, without a parent / Epic Link.
    for (const child of store.childrenOf(issue.id)) applyInput(deps, { ...actor, origin: "control" }, child, { parentId: null }, "issue_updated");
    for (const child of store.epicLinkedChildrenOf(issue.id)) applyInput(deps, { ...actor, origin: "control" }, child, { epicLinkId: null }, "issue_updated");
  });
  removeWithEvent(deps, actor, issue);
}

function removeWithEvent(deps: CommandDeps, actor: Actor, issue: SimIssue): void {
  const view = buildView(deps.store, issue);
  deps.events.issueDeleted(issue, actor.user, view);
  countWrite(deps, actor, issue);
  deps.store.removeIssue(issue);
}
