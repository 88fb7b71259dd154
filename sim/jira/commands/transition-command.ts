import type { SimIssue, TransitionDef } from "../model/types.ts";
import { fieldErrors, JiraHttpError } from "../http/errors.ts";
import { can, type Actor, type CommandDeps } from "./deps.ts";
import { FieldErrors, parseIssueFields } from "./field-input.ts";
import { applyInput } from "./issue-commands.ts";
import { addComment } from "./comment-commands.ts";

/** Transitions leaving the issue's current status that the actor may use. */
export function availableTransitions(deps: CommandDeps, actor: Actor, issue: SimIssue): TransitionDef[] {
  if (!can(deps, actor, issue.projectId, "TRANSITION_ISSUES")) return [];
  // A global transition (team-managed workflows have only those) is not offered into the current status.
  return deps.store.schemeOf(issue.projectId).transitions.filter(
    (transition) => (transition.from.length === 0 && transition.to !== issue.statusId) || transition.from.includes(issue.statusId),
  );
}

export type TransitionRequest = {
  transitionId: string;
  fields: Record<string, unknown>;
  update: Record<string, unknown>;
};

export function transitionIssue(deps: CommandDeps, actor: Actor, issue: SimIssue, request: TransitionRequest): void {
  const { store } = deps;
  const transition = availableTransitions(deps, actor, issue).find((candidate) => candidate.id === request.transitionId);
  if (!transition) throw new JiraHttpError(400, [`Transition id '${request.transitionId}' is not valid for this issue.`]);
  const screen = new Set(transition.screen.map((field) => field.fieldId));
  const errors = new FieldErrors();
  // Only the transition screen's fields may be set; anything else is "not on the appropriate screen".
  const offScreen = [...Object.keys(request.fields), ...Object.keys(request.update)].filter((fieldId) => !screen.has(fieldId) && fieldId !== "comment");
  for (const fieldId of offScreen) errors.add(fieldId, `Field '${fieldId}' cannot be set. It is not on the appropriate screen, or unknown.`);
  const input = parseIssueFields({ store, version: actor.version, mode: "transition", screenFields: screen }, request.fields, request.update, errors);
  for (const field of transition.screen) {
    const provided = field.fieldId in request.fields || field.fieldId in request.update;
    if (field.required && !provided) {
      const name = store.catalog.fields.find((candidate) => candidate.id === field.fieldId)?.name ?? field.fieldId;
      errors.add(field.fieldId, `${name} is required.`);
    }
  }
  if (!errors.empty) throw fieldErrors(errors.errors);
  const from = store.catalog.statuses.find((status) => status.id === issue.statusId);
  const to = store.catalog.statuses.find((status) => status.id === transition.to);
  if (!from || !to) throw new Error(`workflow refers to an unknown status ${transition.to}`);
  if (transition.clearsResolution) input.resolutionId = null;
  // Team-managed workflows have no resolution screen: Jira resolves an issue that reaches a done status.
  if (transition.scopeProjectId !== undefined && to.category === "done" && input.resolutionId === undefined) input.resolutionId = store.catalog.resolutions[0]?.id ?? null;
  applyInput(deps, actor, issue, input, "issue_generic", (changes) => {
    changes.system("status", "status", from.id, from.name, to.id, to.name);
    if (from.category !== to.category) issue.statusCategoryChanged = deps.now();
    issue.statusId = to.id;
  });
  for (const body of input.comments ?? []) addComment(deps, actor, issue, body);
}
